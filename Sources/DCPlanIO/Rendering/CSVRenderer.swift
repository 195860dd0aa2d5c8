/// Renders tables as CSV (RFC 4180): a header row of machine keys with units, numbers in
/// full precision with a decimal point, fields quoted when they hold a comma, quote or
/// line break. Several tables become sections, each headed by a `# id` line and separated
/// by a blank line; one table is plain CSV.
public enum CSVRenderer {
  /// The CSV for `tables`.
  public static func render(_ tables: [Table]) -> String {
    if tables.count == 1, let table = tables.first { return render(table) }
    return tables.map { "# \($0.id)\n" + render($0) }.joined(separator: "\n")
  }

  /// The CSV for one table: header and rows, lines ended by `\n`.
  public static func render(_ table: Table) -> String {
    var out = table.columns.map { field($0.key) }.joined(separator: ",") + "\n"
    for row in table.rows {
      out += row.map(format).joined(separator: ",") + "\n"
    }
    return out
  }

  private static func format(_ cell: Cell) -> String {
    switch cell {
    case let .text(text): return field(text)
    case let .integer(value), let .year(value): return String(value)
    case let .number(value): return JSONWriter.number(value)
    case .empty: return ""
    }
  }

  private static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }
}
