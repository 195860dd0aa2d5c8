import DCPlanModel

/// Renders tables as GitHub-flavoured Markdown: a `##` title, headers with units,
/// numbers right-aligned with the column's decimals and thousands separated by commas.
public enum MarkdownRenderer {
  /// The Markdown for `tables`, one after the other, preceded by a `#` heading if given.
  public static func render(_ tables: [Table], heading: String? = nil) -> String {
    var out = ""
    if let heading { out += "# \(heading)\n\n" }
    for table in tables {
      out += render(table) + "\n"
    }
    return out
  }

  /// The Markdown for one table; an empty table says "(none)".
  public static func render(_ table: Table) -> String {
    var out = "## \(table.title)\n\n"
    if table.rows.isEmpty { return out + "(none)\n" }
    // A column is right-aligned when it holds numbers and no text (empty cells are neutral).
    let numeric = table.columns.indices.map { column in
      var hasNumber = false
      for row in table.rows {
        switch row[column] {
        case .text: return false
        case .empty: continue
        default: hasNumber = true
        }
      }
      return hasNumber
    }
    out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
    out += "|" + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
    for row in table.rows {
      let cells = zip(row, table.columns).map { cell, column in escape(format(cell, decimals: column.decimals)) }
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// A cell as text for people.
  public static func format(_ cell: Cell, decimals: Int) -> String {
    switch cell {
    case let .text(text): return text
    case let .integer(value): return grouped(String(value.magnitude), negative: value < 0)
    case let .year(value): return String(value)
    case let .number(value): return formatNumber(value, decimals: decimals)
    case .empty: return ""
    }
  }

  /// `value` rounded to `decimals` places, with thousands separators: `12,345.7`.
  public static func formatNumber(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
    let scale = pow10(decimals)
    let rounded = (abs(value) * scale).rounded()
    let negative = value < 0 && rounded != 0
    guard rounded < 9e18 else { return String(value) }
    let scaled = UInt64(rounded)
    let whole = scaled / UInt64(scale)
    let fraction = scaled % UInt64(scale)
    var text = grouped(String(whole), negative: negative)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
  }

  private static func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<n { result *= 10 }
    return result
  }

  private static func grouped(_ digits: String, negative: Bool) -> String {
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "," }
      out.append(character)
    }
    return (negative ? "-" : "") + out
  }

  private static func escape(_ text: String) -> String {
    text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
  }
}
