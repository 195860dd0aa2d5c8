import DCPlanEngine
import DCPlanModel

/// The `tabulate` stage: results → the tables a planner reads, in the order they are shown.
/// docs/results-format.md describes each table and column.
public enum ResultTables {
  /// Every table of a run; `allLinks` lists every link instead of the most loaded ones.
  public static func tables(_ results: PlanResults, allLinks: Bool = true) -> [Table] {
    var tables = [
      summary(results), demand(results.demand), demandBySite(results.demand), capacityBySite(results),
      facilityBySite(results), expansions(results),
    ]
    if !results.network.links.isEmpty {
      tables += [
        links(results, limit: allLinks ? nil : defaultLinkCount), linkUpgrades(results), disconnections(results),
      ]
    }
    if !results.accessLineRows.isEmpty { tables.append(accessLines(results)) }
    if !results.voice.locations.isEmpty {
      tables += [voiceGateways(results), voiceLocations(results), voiceCosts(results)]
    }
    if !results.availability.isEmpty { tables.append(availability(results)) }
    if !results.siteOutages.isEmpty { tables.append(siteOutages(results)) }
    tables.append(costs(results))
    if !results.stranded.isEmpty { tables.append(strandedHardware(results)) }
    if !results.emissions.isEmpty { tables.append(emissions(results)) }
    if !results.sharing.tenants.isEmpty { tables += [tenants(results), tenantCosts(results)] }
    // The status quo only where there is money to compare (a scenario without costs has none).
    if StatusQuo.rows(results).contains(where: { $0.sharedEUR != 0 || $0.aloneEUR != 0 }) { tables.append(statusQuo(results)) }
    if !results.budgets.isEmpty { tables.append(budgets(results)) }
    if !results.commitments.isEmpty { tables.append(commitments(results)) }
    if let montecarlo = results.montecarlo { tables += montecarloTables(montecarlo) }
    tables += [capitalCosts(results), warnings(results.allWarnings.filter { $0.acceptedReason == nil })]
    let accepted = results.allWarnings.filter { $0.acceptedReason != nil }
    if !accepted.isEmpty { tables.append(acceptedWarnings(accepted)) }
    tables += [workloadDemand(results.demand), costLedger(results)]
    return tables
  }

  /// Tables printed by default in Markdown; the long detail tables (per workload, the ledger)
  /// need `--table` or `--all`.
  public static let detailIDs: Set<String> = [
    "workload_demand", "cost_ledger", "voice_locations", "tenant_costs", "capital_costs",
  ]

  /// Ids of the tables, for `--table`, in the order they are printed.
  public static let ids = [
    "summary", "demand", "demand_by_site", "capacity_by_site", "facility_by_site", "expansions", "links", "link_upgrades",
    "disconnections", "access_lines", "voice", "voice_locations", "voice_costs", "availability", "site_outages", "costs", "stranded_hardware", "emissions", "tenants", "tenant_costs", "status_quo", "budgets", "commitments", "montecarlo_summary", "montecarlo_yearly",
    "shortfall_probability", "tornado", "sensitivity", "insurance", "capital_costs", "warnings", "accepted_warnings", "workload_demand", "cost_ledger",
  ]

  private static let resourceColumns = [
    Column("vcpu", "vCPU", decimals: 0), Column("ram_gib", "RAM (GiB)", decimals: 0),
    Column("storage_tib", "Storage (TiB)", decimals: 1),
  ]

  private static func resources(_ series: ResourceSeries, _ index: Int) -> [Cell] {
    [.number(series.vcpu[index]), .number(series.ramGiB[index]), .number(series.storageTiB[index])]
  }

  static func demand(_ demand: DemandProjection) -> Table {
    var table = Table(id: "demand", title: "Demand, all workloads", columns: [Column("year", "Year")] + resourceColumns)
    for (index, year) in demand.years.enumerated() {
      table.rows.append([.year(year.number)] + resources(demand.totals, index))
    }
    return table
  }

  static func demandBySite(_ demand: DemandProjection) -> Table {
    var table = Table(
      id: "demand_by_site", title: "Demand by site",
      columns: [Column("site", "Site"), Column("year", "Year"), Column("workloads", "Workloads")] + resourceColumns)
    for site in demand.sites {
      for (index, year) in demand.years.enumerated() {
        table.rows.append(
          [.text(site.site), .year(year.number), .integer(site.workloadCount[index])]
            + resources(site.demand, index))
      }
    }
    return table
  }

  static func workloadDemand(_ demand: DemandProjection) -> Table {
    var table = Table(
      id: "workload_demand", title: "Demand by workload",
      columns: [Column("workload", "Workload"), Column("tenant", "Tenant"), Column("year", "Year"), Column("site", "Site")]
        + resourceColumns)
    for row in demand.workloads {
      for (index, year) in demand.years.enumerated() {
        table.rows.append(
          [.text(row.workload), .text(row.tenant), .year(year.number), row.placement[index].map(Cell.text) ?? .empty]
            + resources(row.demand, index))
      }
    }
    return table
  }

  /// The warnings the scenario accepts, each with its reason.
  static func acceptedWarnings(_ warnings: [PlanWarning]) -> Table {
    var table = Table(
      id: "accepted_warnings", title: "Accepted warnings (examined by the planner; still counted)",
      columns: [Column("code", "Code"), Column("year", "Year"), Column("subject", "Subject"), Column("reason", "Reason"), Column("message", "Message")])
    for warning in warnings {
      table.rows.append([
        .text(warning.code.rawValue), warning.year.map { .year($0.number) } ?? .empty, warning.subject.map(Cell.text) ?? .empty,
        .text(warning.acceptedReason ?? ""), .text(warning.message),
      ])
    }
    return table
  }

  static func warnings(_ warnings: [PlanWarning]) -> Table {
    var table = Table(
      id: "warnings", title: "Warnings",
      columns: [Column("code", "Code"), Column("year", "Year"), Column("subject", "Subject"), Column("message", "Message")])
    for warning in warnings {
      table.rows.append([
        .text(warning.code.rawValue), warning.year.map { .year($0.number) } ?? .empty,
        warning.subject.map(Cell.text) ?? .empty, .text(warning.message),
      ])
    }
    return table
  }
}
