import DCPlanModel
import Foundation

/// The CSV table of offices a scenario names in `network.access_sites_file`
/// (docs/scenario-format.md): a header with the columns `id`, `node`, `tenant`, `employees`
/// and `class` (in any order), then one office per row. Every problem is an error at its row
/// and column in the table.
enum AccessSitesFile {
  static let columns = ["id", "node", "tenant", "employees", "class"]

  /// Reads `name` (relative to `scenarioFile`, which names it at `position`), checking each
  /// office against `scenario`; `path` is the table's path when it could be read.
  static func read(_ name: String, namedIn scenarioFile: String, at position: SourcePosition, scenario: Scenario)
    -> (sites: [AccessSite], diagnostics: [Diagnostic], path: String?)
  {
    func fail(_ message: String) -> ([AccessSite], [Diagnostic], String?) {
      ([], [Diagnostic(file: scenarioFile, position: position, severity: .error, message: message)], nil)
    }
    let path = name.hasPrefix("/") ? name
      : URL(fileURLWithPath: scenarioFile).deletingLastPathComponent().appendingPathComponent(name).standardizedFileURL.path
    let tree = ScenarioLoader.folderTree(of: scenarioFile)
    guard ScenarioLoader.extendsAnywhere || ScenarioLoader.isInside(path, tree) else {
      return fail("'access_sites_file' names '\(name)', outside the scenario's folder '\(tree)'; copy the table next to the scenario, or allow it with --extends-anywhere")
    }
    if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size > ScenarioLoader.maxInputBytes {
      return fail("the table '\(name)' is \(size >> 20) MiB; files are read up to \(ScenarioLoader.maxInputBytes >> 20) MiB; raise the limit with --max-input-mb")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return fail("the table '\(name)' cannot be read; check the path (relative to this file)")
    }
    guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
      return fail("the table '\(name)' is not UTF-8 text; save it as UTF-8 CSV")
    }
    var diagnostics: [Diagnostic] = []
    func error(_ line: Int, _ column: Int, _ message: String) {
      diagnostics.append(Diagnostic(file: path, position: SourcePosition(line: line, column: column), severity: .error, message: message))
    }
    let rows = CSVTable.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    guard let header = rows.first else {
      error(1, 1, "the table is empty; give a header 'id,node,tenant,employees,class' and one office per row")
      return ([], diagnostics, path)
    }
    let names = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
    var index: [String: Int] = [:]
    for (k, name) in names.enumerated() where index[name] == nil { index[name] = k }
    let missing = columns.filter { index[$0] == nil }
    guard missing.isEmpty else {
      error(header.line, 1, "the header lacks \(missing.map { "'\($0)'" }.joined(separator: ", ")); write 'id,node,tenant,employees,class'")
      return ([], diagnostics, path)
    }
    var sites: [AccessSite] = []
    var seen = Set(scenario.network.accessSites.map(\.id))
    for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].text.isEmpty) {
      guard row.fields.count == names.count else {
        error(row.line, 1, "row has \(row.fields.count) fields, the header \(names.count); check the commas and quotes")
        continue
      }
      func field(_ name: String) -> CSVTable.Field { row.fields[index[name] ?? 0] }
      let id = field("id").text.trimmingCharacters(in: .whitespaces)
      guard !id.isEmpty else {
        error(row.line, field("id").column, "the office has no 'id'")
        continue
      }
      guard seen.insert(id).inserted else {
        error(row.line, field("id").column, "access site '\(id)' is listed twice; give each office its own id")
        continue
      }
      let employeesText = field("employees").text.trimmingCharacters(in: .whitespaces)
      guard let employees = Double(employeesText), employees.isFinite, employees >= 0, employees <= 10_000_000 else {
        error(row.line, field("employees").column, "'employees' of office '\(id)' must be a number from 0 to 10000000; found '\(employeesText)'")
        continue
      }
      let site = AccessSite(
        id: id, node: field("node").text.trimmingCharacters(in: .whitespaces), tenant: field("tenant").text.trimmingCharacters(in: .whitespaces),
        employees: employees, accessClass: field("class").text.trimmingCharacters(in: .whitespaces))
      let problems = AccessLineRule.problems(site, scenario)
      for problem in problems { error(row.line, field(problem.key).column, problem.message) }
      if problems.isEmpty { sites.append(site) }
    }
    return (sites, diagnostics, path)
  }
}

/// A small CSV reader (RFC 4180: commas, double quotes, doubled quotes inside), keeping each
/// field's line and column for errors.
enum CSVTable {
  struct Field {
    let text: String
    let column: Int
  }

  struct Row {
    let line: Int
    let fields: [Field]
  }

  static func rows(_ text: String) -> [Row] {
    var rows: [Row] = []
    var fields: [Field] = []
    var current = ""
    var line = 1
    var column = 1
    var rowLine = 1
    var fieldColumn = 1
    var quoted = false
    var characters = Array(text)
    if characters.last != "\n" { characters.append("\n") }
    var i = 0
    while i < characters.count {
      let c = characters[i]
      if quoted {
        if c == "\"" {
          if i + 1 < characters.count, characters[i + 1] == "\"" {
            current.append("\"")
            i += 1
            column += 1
          } else {
            quoted = false
          }
        } else {
          current.append(c)
          if c == "\n" {
            line += 1
            column = 0
          }
        }
      } else if c == "\"" && current.isEmpty {
        quoted = true
      } else if c == "," {
        fields.append(Field(text: current, column: fieldColumn))
        current = ""
        fieldColumn = column + 1
      } else if c == "\n" || c == "\r\n" {
        fields.append(Field(text: current, column: fieldColumn))
        rows.append(Row(line: rowLine, fields: fields))
        fields = []
        current = ""
        line += 1
        rowLine = line
        column = 0
        fieldColumn = 1
      } else if c != "\r" {
        current.append(c)
      }
      column += 1
      i += 1
    }
    return rows
  }
}
