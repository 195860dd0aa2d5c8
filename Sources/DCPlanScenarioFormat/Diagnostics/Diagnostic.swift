/// A position in a scenario file: 1-based line and 1-based column (in characters), the
/// convention of Yams' `Mark` and of editors (docs/conventions.md, "Positions").
public struct SourcePosition: Hashable, Comparable, Sendable {
  /// Line, counting from 1.
  public let line: Int
  /// Column in characters, counting from 1.
  public let column: Int

  /// A position from a 1-based line and column.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The start of a file.
  public static let start = SourcePosition(line: 1, column: 1)

  /// Orders by line, then column.
  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// One problem found in a scenario file, at a position, in the editor-clickable form
/// `FILE:LINE:COLUMN: error: MESSAGE`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Hashable, Sendable {
    /// The file cannot be run until this is fixed.
    case error
    /// Legal but suspicious, or ignored; the run goes on.
    case warning
  }

  /// The file as the user named it.
  public let file: String
  /// Where the problem is.
  public let position: SourcePosition
  /// Error or warning.
  public let severity: Severity
  /// What is wrong, what was found, what is expected, and how to fix it; starts lowercase.
  public let message: String

  /// A diagnostic from its parts.
  public init(file: String, position: SourcePosition, severity: Severity, message: String) {
    self.file = file
    self.position = position
    self.severity = severity
    self.message = message
  }

  /// `FILE:LINE:COLUMN: error: MESSAGE`.
  public var description: String {
    "\(file):\(position.line):\(position.column): \(severity.rawValue): \(message)"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any of them is an error.
  public var containsErrors: Bool { contains { $0.severity == .error } }
}
