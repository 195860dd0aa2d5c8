/// A result table, the boundary between the engine's results and every text format:
/// Markdown and CSV render tables only, never the scenario.
public struct Table: Sendable {
  /// The machine name (`demand_by_site`), used for CSV sections and `--table`.
  public let id: String
  /// The human title for Markdown.
  public let title: String
  /// The columns, in order.
  public let columns: [Column]
  /// The rows; each has one cell per column.
  public var rows: [[Cell]]

  /// A table from its parts.
  public init(id: String, title: String, columns: [Column], rows: [[Cell]] = []) {
    self.id = id
    self.title = title
    self.columns = columns
    self.rows = rows
  }
}

/// One column: a machine key for CSV and JSON, a header with its unit for people.
public struct Column: Sendable {
  /// snake_case key with the unit (`storage_tib`).
  public let key: String
  /// Header for Markdown with the unit (`Storage (TiB)`).
  public let header: String
  /// Decimals shown in Markdown for numbers (CSV keeps full precision).
  public let decimals: Int

  /// A column from its parts.
  public init(_ key: String, _ header: String, decimals: Int = 0) {
    self.key = key
    self.header = header
    self.decimals = decimals
  }
}

/// One cell of a table.
public enum Cell: Sendable, Hashable {
  /// Text, left-aligned.
  case text(String)
  /// A whole number.
  case integer(Int)
  /// A calendar year, right-aligned but never grouped (`2017`, not `2,017`).
  case year(Int)
  /// A measured or computed number, shown with the column's decimals.
  case number(Double)
  /// Nothing (a value that does not exist for this row).
  case empty
}
