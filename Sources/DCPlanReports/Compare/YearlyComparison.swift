import DCPlanJSON
import DCPlanEngine
import DCPlanModel

/// The key figures of several plans year by year (`dcplan compare --by-year`): each year's
/// costs, capacity and energy in each plan, with each later plan's change against the first.
/// Years a plan's horizon does not hold are empty.
public struct YearlyComparison: Sendable {
  /// One figure in one year, in each plan (nil: outside that plan's horizon).
  public struct Row: Sendable {
    public let key: String
    public let label: String
    public let year: Year
    public let values: [Double?]
  }

  public let labels: [String]
  public let rows: [Row]

  /// The figures by year of `results`, labelled `labels`.
  public init(labels: [String], results: [PlanResults]) {
    self.labels = labels
    let figures: [(String, String, (PlanResults, Int) -> Double)] = [
      ("total_eur", "Total cost (EUR)", { $0.costs.totalEUR[$1] }),
      ("capex_eur", "Capex (EUR)", { $0.costs.capexEUR[$1] }),
      ("opex_eur", "Opex (EUR)", { $0.costs.opexEUR[$1] }),
      ("servers", "Servers", { r, y in Double(r.sizing.reduce(0) { $0 + $1.servers[y] }) }),
      ("racks", "Racks", { r, y in Double(r.facility.reduce(0) { $0 + $1.racks[y] }) }),
      ("it_kw", "IT power (kW)", { r, y in r.facility.reduce(0) { $0 + $1.itKW[y] } }),
      ("energy_mwh", "Energy (MWh)", { r, y in r.facility.reduce(0) { $0 + $1.energyMWh[y] } }),
    ]
    var years: [Year] = []
    for result in results { for year in result.demand.years where !years.contains(year) { years.append(year) } }
    years.sort()
    var rows: [Row] = []
    for (key, label, value) in figures {
      for year in years {
        rows.append(Row(key: key, label: label, year: year, values: results.map { result in
          result.demand.years.firstIndex(of: year).map { value(result, $0) }
        }))
      }
    }
    self.rows = rows
  }

  /// The table: figure, year, each plan's value, each later plan's change against the first.
  public func table() -> Table {
    var columns = [Column("figure", "Figure"), Column("year", "Year")]
    for (i, label) in labels.enumerated() {
      columns.append(Column("value_\(i + 1)", label))
      if i > 0 { columns.append(Column("delta_\(i + 1)", "Δ \(label)")) }
    }
    var table = Table(id: "comparison_by_year", title: "Key figures by year, each against '\(labels.first ?? "")'", columns: columns)
    for row in rows {
      var cells: [Cell] = [.text(row.label), .year(row.year.number)]
      let base = row.values.first ?? nil
      for (i, value) in row.values.enumerated() {
        cells.append(value.map(Cell.number) ?? .empty)
        if i > 0 { cells.append(value.flatMap { v in base.map { Cell.number(v - $0) } } ?? .empty) }
      }
      table.rows.append(cells)
    }
    return table
  }

  /// As JSON: per figure and year, the values and the changes against the first.
  public func json() -> JSONValue {
    .array(rows.map { row in
      let base = row.values.first ?? nil
      return .object([
        ("figure", .string(row.key)), ("year", .integer(row.year.number)),
        ("values", .array(row.values.map { $0.map(JSONValue.number) ?? .null })),
        ("deltas", .array(row.values.map { value in value.flatMap { v in base.map { JSONValue.number(v - $0) } } ?? .null })),
      ])
    })
  }

  /// Each figure's values per plan over the years, for charts: (label, years, per-plan series).
  public func series(_ key: String) -> (label: String, years: [Year], values: [[Double]])? {
    let matching = rows.filter { $0.key == key }
    guard let first = matching.first else { return nil }
    return (first.label, matching.map(\.year), labels.indices.map { i in matching.map { $0.values[i] ?? 0 } })
  }
}
