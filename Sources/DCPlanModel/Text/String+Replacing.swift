extension String {
  /// The text with every `target` character replaced by `replacement` (no Foundation needed):
  /// ids made from names, pipes escaped in Markdown tables.
  public func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
