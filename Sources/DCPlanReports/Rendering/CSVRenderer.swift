import DCPlanJSON
/// How CSV is written: the plain dialect (RFC 4180: comma, decimal point) or the one a
/// German spreadsheet opens as it is (semicolon, decimal comma, UTF-8 with byte order mark,
/// CRLF line ends).
public enum CSVDialect: String, Sendable, CaseIterable {
  case plain
  case excelDE = "excel-de"

  var separator: Character { self == .plain ? "," : ";" }
  /// How a line ends.
  public var lineEnd: String { self == .plain ? "\n" : "\r\n" }
  /// What the file starts with: the byte order mark of the excel-de dialect.
  public var preamble: String { self == .plain ? "" : "\u{FEFF}" }
}

/// Renders tables as CSV (RFC 4180 by default): a header row of machine keys with units,
/// numbers in full precision, fields quoted when they hold the separator, a quote or a line
/// break. Several tables become sections, each headed by a `# id` line and separated by a
/// blank line; one table is plain CSV.
public enum CSVRenderer {
  /// The CSV for `tables`.
  public static func render(_ tables: [Table], dialect: CSVDialect = .plain) -> String {
    if tables.count == 1, let table = tables.first { return render(table, dialect: dialect) }
    return dialect.preamble
      + tables.map { "# \($0.id)" + dialect.lineEnd + body($0, dialect) }.joined(separator: dialect.lineEnd)
  }

  /// The CSV for one table: header and rows.
  public static func render(_ table: Table, dialect: CSVDialect = .plain) -> String {
    dialect.preamble + body(table, dialect)
  }

  /// One line of cells, without its line end (rows streamed one by one).
  public static func row(_ cells: [Cell], dialect: CSVDialect = .plain) -> String {
    cells.map { format($0, dialect) }.joined(separator: String(dialect.separator))
  }

  private static func body(_ table: Table, _ dialect: CSVDialect) -> String {
    var out = row(table.columns.map { .text($0.key) }, dialect: dialect) + dialect.lineEnd
    for cells in table.rows {
      out += row(cells, dialect: dialect) + dialect.lineEnd
    }
    return out
  }

  private static func format(_ cell: Cell, _ dialect: CSVDialect) -> String {
    switch cell {
    case let .text(text): return field(text, dialect)
    case let .integer(value), let .year(value): return String(value)
    case let .number(value):
      let text = JSONWriter.number(value)
      return dialect == .plain ? text : text.map { $0 == "." ? "," : String($0) }.joined()
    case .empty: return ""
    }
  }

  private static func field(_ text: String, _ dialect: CSVDialect) -> String {
    let text = neutralised(text)
    guard text.contains(where: { $0 == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  /// A text cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab
  /// or a carriage return) gets a leading `'`, as OWASP's guidance on CSV injection says
  /// (docs/results-format.md, "CSV").
  static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
    return "'" + text
  }
}
