extension String {
  /// The text with every `target` character replaced by `replacement` (no Foundation needed):
  /// ids made from names, pipes escaped in Markdown tables.
  public func replacingAll(_ target: Character, with replacement: String) -> String {
    // Most text has none: an ASCII target is looked for by its byte, without a copy.
    if let byte = target.asciiValue, !utf8.contains(byte) { return self }
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
