import DCPlanEngine
import DCPlanModel

/// The results contract for scripts (DESIGN.md, docs/results-format.md): one JSON object,
/// snake_case members with the unit in the name, storage in TiB, RAM in GiB.
public enum ResultsJSON {
  /// The JSON object of a run.
  public static func value(_ results: PlanResults) -> JSONValue {
    let demand = results.demand
    return .object([
      ("format_version", .integer(1)),
      ("scenario", scenario(results.info)),
      ("yearly", .array(demand.years.indices.map { index in
        .object([("year", .integer(demand.years[index].number)), ("demand", resources(demand.totals, index))])
      })),
      ("demand_by_site", .array(demand.sites.flatMap { site in
        demand.years.indices.map { index in
          JSONValue.object([
            ("site", .string(site.site)), ("year", .integer(demand.years[index].number)),
            ("workloads", .integer(site.workloadCount[index])), ("demand", resources(site.demand, index)),
          ])
        }
      })),
      ("workload_demand", .array(demand.workloads.flatMap { row in
        demand.years.indices.map { index in
          JSONValue.object([
            ("workload", .string(row.workload)), ("tenant", .string(row.tenant)),
            ("year", .integer(demand.years[index].number)),
            ("site", row.placement[index].map(JSONValue.string) ?? .null), ("demand", resources(row.demand, index)),
          ])
        }
      })),
      ("warnings", .array(results.warnings.map { warning in
        .object([
          ("code", .string(warning.code)), ("year", warning.year.map { .integer($0.number) } ?? .null),
          ("subject", warning.subject.map(JSONValue.string) ?? .null), ("message", .string(warning.message)),
        ])
      })),
    ])
  }

  private static func scenario(_ info: ScenarioInfo) -> JSONValue {
    .object([
      ("name", .string(info.name)), ("description", .string(info.description)),
      ("seed", .integer(Int(clamping: info.seed))),
      ("horizon", .array([.integer(info.horizon.first.number), .integer(info.horizon.last.number)])),
      ("currency", .string(info.currency)), ("discount_rate", .number(info.discountRate.value)),
    ])
  }

  private static func resources(_ series: ResourceSeries, _ index: Int) -> JSONValue {
    .object([
      ("vcpu", .number(series.vcpu[index])), ("ram_gib", .number(series.ramGiB[index])),
      ("storage_tib", .number(series.storageTiB[index])),
    ])
  }
}
