import CXlsxWriter
import Foundation

/// Tables as an Excel workbook (docs/results-format.md, "Workbook"): one sheet per table,
/// named by its id; the header row with the units, frozen; numbers as numbers with the
/// column's decimals and thousands grouped, years as plain whole numbers, text as text (a
/// value starting with `=` stays text, never a formula); columns as wide as their content.
public enum XLSXRenderer {
  /// A problem libxlsxwriter reports.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// The workbook's bytes.
  public static func render(_ tables: [Table]) throws -> [UInt8] {
    // libxlsxwriter writes to a file: a private temporary one, read back and removed.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dcplan-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("book.xlsx").path
    guard let workbook = workbook_new(path) else { throw Failure(description: "the workbook could not be created") }
    let header = workbook_add_format(workbook)
    format_set_bold(header)
    format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
    let year = workbook_add_format(workbook)
    format_set_num_format(year, "0")
    var numbers: [Int: UnsafeMutablePointer<lxw_format>?] = [:]
    func numberFormat(_ decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
      let decimals = max(0, min(10, decimals))
      if let known = numbers[decimals] { return known }
      let format = workbook_add_format(workbook)
      format_set_num_format(format, decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals))
      numbers[decimals] = format
      return format
    }
    var names = Set<String>()
    for table in tables {
      let name = sheetName(table.id, taken: names)
      names.insert(name)
      guard let sheet = workbook_add_worksheet(workbook, name) else { throw Failure(description: "sheet '\(name)' could not be added") }
      var widths = table.columns.map { Double($0.header.count) }
      for (c, column) in table.columns.enumerated() {
        worksheet_write_string(sheet, 0, lxw_col_t(c), column.header, header)
      }
      for (r, row) in table.rows.enumerated() {
        let rowIndex = lxw_row_t(r + 1)
        for (c, cell) in row.enumerated() where c < table.columns.count {
          let column = lxw_col_t(c)
          switch cell {
          case let .text(text):
            worksheet_write_string(sheet, rowIndex, column, text, nil)
            widths[c] = max(widths[c], Double(min(text.count, 80)))
          case let .integer(value):
            worksheet_write_number(sheet, rowIndex, column, Double(value), numberFormat(0))
            widths[c] = max(widths[c], Double(String(value).count) * 1.3)
          case let .year(value):
            worksheet_write_number(sheet, rowIndex, column, Double(value), year)
            widths[c] = max(widths[c], 6)
          case let .number(value):
            // A value that is no number (never in a finished plan) stays empty.
            guard value.isFinite else { continue }
            worksheet_write_number(sheet, rowIndex, column, value, numberFormat(table.columns[c].decimals))
            widths[c] = max(widths[c], Double(String(Int(abs(value).rounded())).count) * 1.3 + Double(table.columns[c].decimals) + 2)
          case .empty:
            continue
          }
        }
      }
      for (c, width) in widths.enumerated() {
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), min(82, width + 2), nil)
      }
      worksheet_freeze_panes(sheet, 1, 0)
    }
    let closed = workbook_close(workbook)
    guard closed == LXW_NO_ERROR else {
      throw Failure(description: "the workbook could not be written: \(String(cString: lxw_strerror(closed)))")
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "the workbook could not be read back") }
    return [UInt8](data)
  }

  /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
  static func sheetName(_ id: String, taken: Set<String>) -> String {
    let cleaned = String(id.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    var name = cleaned.isEmpty ? "table" : cleaned
    var n = 2
    while taken.contains(name) {
      let suffix = "_\(n)"
      name = String(cleaned.prefix(31 - suffix.count)) + suffix
      n += 1
    }
    return name
  }
}
