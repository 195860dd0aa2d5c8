/// Finds YAML aliases (`*name`) before the text reaches the YAML library.
///
/// Scenario files do not use anchors and aliases: the YAML library expands an alias into a
/// copy and hashes mapping keys deeply, so a few lines of nested aliases ("billion laughs")
/// would take exponential time. The scan is lexical and errs on the safe side: it flags a
/// `*` that starts a node (after line start, `:`, `-`, `?`, `[`, `{` or `,` and spaces) and is
/// followed by a name character; a `*` inside ordinary text ("Note *important*") is not flagged.
enum AliasScan {
  /// The position of the first alias in `text`, if any.
  static func firstAlias(in text: String) -> SourcePosition? {
    var line = 1
    var column = 1
    var previousSignificant: Unicode.Scalar? = nil  // last non-blank scalar on the line; nil at line start
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\n" {
        line += 1
        column = 1
        previousSignificant = nil
        continue
      }
      if scalar == "*", index + 1 < scalars.count {
        let next = scalars[index + 1]
        let startsNode = previousSignificant.map { ":-?[{,".unicodeScalars.contains($0) } ?? true
        if startsNode, !next.properties.isWhitespace, !",]}".unicodeScalars.contains(next) {
          return SourcePosition(line: line, column: column)
        }
      }
      if scalar != " " && scalar != "\t" { previousSignificant = scalar }
      column += 1
    }
    return nil
  }
}
