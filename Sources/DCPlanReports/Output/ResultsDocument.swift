import DCPlanEngine
import DCPlanJSON
import DCPlanModel

/// The formats a run's results are written in (docs/results-format.md).
public enum ResultsFormat: String, CaseIterable, Sendable {
  /// Tables for reading, thousands grouped (a terminal, a report draft).
  case markdown
  /// One section per table with a header row, full precision.
  case csv
  /// One object by the results contract.
  case json
  /// An Excel workbook: one sheet per table (``XLSXRenderer``).
  case xlsx
}

/// A run's results rendered to the bytes of one file or stream: what `dcplan run` writes.
/// Every format ends as bytes here, so a binary format (a workbook) fits beside the text ones.
public enum ResultsDocument {
  /// What to put in the document.
  public struct Selection: Sendable {
    /// Only this table (by id), if given.
    public var table: String?
    /// Markdown: every link and the detail tables too (CSV and JSON always carry them).
    public var all: Bool
    /// The CSV dialect.
    public var dialect: CSVDialect

    /// A selection from its parts.
    public init(table: String? = nil, all: Bool = false, dialect: CSVDialect = .plain) {
      self.table = table
      self.all = all
      self.dialect = dialect
    }
  }

  /// The same bytes in consecutive parts: JSON's link rows are written on `threads` threads,
  /// each stretch a part of its own (``JSONWriter/parts(_:ways:reserving:run:)``); the
  /// other formats are one part.
  public static func renderParts(
    _ results: PlanResults, format: ResultsFormat, selection: Selection = .init(), threads: Int
  ) throws -> [[UInt8]] {
    guard format == .json else { return [try render(results, format: format, selection: selection)] }
    return JSONWriter.parts(ResultsJSON.value(results), ways: threads, reserving: 1 << 26) { ways, job in
      Workers.run(ways, job)
    }
  }

  /// The bytes of `results` in `format`; only a workbook can fail (``XLSXRenderer/Failure``).
  public static func render(_ results: PlanResults, format: ResultsFormat, selection: Selection = .init()) throws -> [UInt8] {
    // Markdown shows the most loaded links unless `all`; CSV and XLSX carry them all. JSON is
    // the results themselves, not the tables (built only for the formats that show them).
    func tables() -> [Table] {
      var tables = ResultTables.tables(results, allLinks: selection.all || format != .markdown)
      if let table = selection.table {
        tables = tables.filter { $0.id == table }
      } else if format == .markdown && !selection.all {
        tables = tables.filter { !ResultTables.detailIDs.contains($0.id) }
      }
      return tables
    }
    switch format {
    case .markdown:
      let info = results.info
      return Array(MarkdownRenderer.render(tables(), heading: "\(info.name), \(info.horizon.first)–\(info.horizon.last)").utf8)
    case .csv:
      return Array(CSVRenderer.render(tables(), dialect: selection.dialect).utf8)
    case .json:
      return JSONWriter.bytes(ResultsJSON.value(results), reserving: 1 << 26)
    case .xlsx:
      return try XLSXRenderer.render(tables())
    }
  }
}
