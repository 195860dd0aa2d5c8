import DCPlanJSON
import DCPlanEngine
import DCPlanModel

/// The key figures of one plan, in a fixed order (docs/results-format.md, "dcplan compare").
public enum KeyFigures {
  /// Each figure's key, label, value (nil: not applicable) and whether it is a year; per
  /// tenant of `tenants` its cost and saving.
  public static func figures(_ results: PlanResults, tenants: [String]) -> [(key: String, label: String, value: Double?, isYear: Bool)] {
    var out: [(key: String, label: String, value: Double?, isYear: Bool)] = []
    func add(_ key: String, _ label: String, isYear: Bool = false, _ value: Double?) { out.append((key, label, value, isYear)) }
    let rate = results.info.discountRate.value
    add(SummaryFigure.npvEUR.rawValue, "NPV (EUR)", results.costs.npvEUR)
    add(SummaryFigure.totalCapexEUR.rawValue, "Total capex (EUR)", results.costs.capexEUR.reduce(0, +))
    add(SummaryFigure.totalOpexEUR.rawValue, "Total opex (EUR)", results.costs.opexEUR.reduce(0, +))
    add(SummaryFigure.tcoEUR.rawValue, "TCO (EUR)", results.costs.totalEUR.reduce(0, +))
    add(SummaryFigure.residualValueEUR.rawValue, "Residual value (EUR)", results.costs.residualValueEUR)
    add("first_shortfall_year", "First shortfall year", isYear: true, results.firstShortfallYear.map { Double($0.number) })
    add("worst_n1_utilisation_percent", "Worst single-failure link utilisation (%)",
        results.network.links.isEmpty ? nil : (results.network.links.flatMap(\.n1Utilisation).max() ?? 0) * 100)
    add("link_upgrades", "Link upgrades", results.network.links.isEmpty ? nil : Double(results.network.upgrades.count))
    let last = results.demand.years.last
    add("trunks_last_year", "SIP trunks in the last year", results.voice.gateways.isEmpty ? nil
      : Double(results.voice.gateways.filter { $0.year == last }.reduce(0) { $0 + $1.trunks }))
    let rows = results.availability.filter { $0.year == last && $0.target != nil }
    add("services_meeting_target_percent", "Services meeting their availability target in the last year (%)",
        rows.isEmpty ? nil : Double(rows.filter(\.meetsTarget).count) / Double(rows.count) * 100)
    add("sharing_saving_npv_eur", "Sharing: saving against every tenant alone (NPV, EUR)", results.sharing.tenants.count > 1
      ? results.sharing.tenants.reduce(0) { $0 + NPV.value($1.standaloneEUR, rate: rate) } - results.sharedPlanPaidNPV : nil)
    for id in tenants {
      let tenant = results.sharing.tenants.first { $0.tenant == id }
      add("tenant_\(id)_cost_npv_eur", "Tenant '\(id)': cost (NPV, EUR)", tenant.map { NPV.value($0.costEUR, rate: rate) })
      add("tenant_\(id)_saving_npv_eur", "Tenant '\(id)': saving (NPV, EUR)", tenant.map { NPV.value($0.savingEUR, rate: rate) })
    }
    return out
  }
}

/// Key figures of several plans side by side, with each one's change against the first, and
/// the assumptions (scenario values) in which the files differ.
public struct Comparison: Sendable {
  /// One key figure: its value in each plan (nil: not applicable).
  public struct Figure: Sendable {
    public let key: String
    public let label: String
    public let values: [Double?]
    /// Whether the values are years (their change is in years, with no percentage).
    public let isYear: Bool
  }

  /// One assumption that differs: its path and the text in each file (nil: not given).
  public struct Assumption: Sendable {
    public let path: String
    public let values: [String?]
    /// Where each scenario's value was written (`file:line`), if known.
    public let sources: [String?]

    /// An assumption from its path, each scenario's value and where it was written.
    public init(path: String, values: [String?], sources: [String?] = []) {
      self.path = path
      self.values = values
      self.sources = sources
    }
  }

  /// The scenarios' labels (file names), in order.
  public let labels: [String]
  public let figures: [Figure]
  public let assumptions: [Assumption]

  /// Compares the plans of `results`, labelled `labels`; `assumptions` are the scenario
  /// values in which their files differ (``DCPlanScenarioFormat``'s `ScenarioDifferences`).
  public init(labels: [String], assumptions: [Assumption], results: [PlanResults]) {
    self.labels = labels
    var tenantIDs: [String] = []
    for result in results { for tenant in result.sharing.tenants where !tenantIDs.contains(tenant.tenant) { tenantIDs.append(tenant.tenant) } }
    let perPlan = results.map { KeyFigures.figures($0, tenants: tenantIDs) }
    let figures: [Figure] = (perPlan.first ?? []).indices.map { i in
      let first = perPlan[0][i]
      return Figure(key: first.key, label: first.label, values: perPlan.map { $0[i].value }, isYear: first.isYear)
    }
    self.figures = figures
    self.assumptions = assumptions
  }

  /// The key figures as a table: each plan's value, then each later plan's change and change
  /// in percent against the first.
  public func figuresTable() -> Table {
    var columns = [Column("figure", "Figure")]
    for (i, label) in labels.enumerated() {
      columns.append(Column("value_\(i + 1)", label))
      if i > 0 {
        columns.append(Column("delta_\(i + 1)", "Δ \(label)"))
        columns.append(Column("percent_\(i + 1)", "Δ % \(label)", decimals: 1))
      }
    }
    var table = Table(id: "comparison", title: "Key figures, each against '\(labels.first ?? "")'", columns: columns)
    for figure in figures where figure.isYear || figure.values.contains(where: { $0 != nil }) {
      var row: [Cell] = [.text(figure.label)]
      let base = figure.values.first ?? nil
      for (i, value) in figure.values.enumerated() {
        if figure.isYear {
          row.append(value.map { .year(Int($0)) } ?? .text("none"))
        } else {
          row.append(value.map(Cell.number) ?? .empty)
        }
        guard i > 0 else { continue }
        if let value, let base {
          row.append(figure.isYear ? .integer(Int(value - base)) : .number(value - base))
          row.append(!figure.isYear && base != 0 ? .number((value - base) / abs(base) * 100) : .empty)
        } else {
          row += [.empty, .empty]
        }
      }
      table.rows.append(row)
    }
    return table
  }

  /// The assumptions in which the scenarios differ, each value with where it was set.
  public func assumptionsTable() -> Table {
    let withSources = assumptions.contains { !$0.sources.isEmpty }
    var table = Table(
      id: "assumptions", title: "Assumptions that differ (the scenarios as merged, each value where it is set)",
      columns: [Column("path", "Path")] + labels.enumerated().flatMap { i, label in
        [Column("value_\(i + 1)", label)] + (withSources ? [Column("source_\(i + 1)", "set in")] : [])
      })
    for assumption in assumptions {
      var row: [Cell] = [.text(assumption.path)]
      for (i, value) in assumption.values.enumerated() {
        row.append(value.map(Cell.text) ?? .text("—"))
        if withSources { row.append(.text(i < assumption.sources.count ? assumption.sources[i] ?? "" : "")) }
      }
      table.rows.append(row)
    }
    return table
  }

  /// The comparison as JSON: labels, figures with values, deltas and percentages, assumptions.
  public func json() -> JSONValue {
    .object([
      ("scenarios", .array(labels.map(JSONValue.string))),
      ("figures", .array(figures.map { figure in
        let base = figure.values.first ?? nil
        return .object([
          ("figure", .string(figure.key)),
          ("values", .array(figure.values.map { $0.map(JSONValue.number) ?? .null })),
          ("deltas", .array(figure.values.map { value in
            guard let value, let base else { return .null }
            return .number(value - base)
          })),
          ("percents", .array(figure.values.map { value in
            guard let value, let base, base != 0, !figure.isYear else { return .null }
            return .number((value - base) / abs(base) * 100)
          })),
        ])
      })),
      ("assumptions", .array(assumptions.map { assumption in
        .object([
          ("path", .string(assumption.path)), ("values", .array(assumption.values.map { $0.map(JSONValue.string) ?? .null })),
          ("sources", .array(assumption.sources.map { $0.map(JSONValue.string) ?? .null })),
        ])
      })),
    ])
  }
}
