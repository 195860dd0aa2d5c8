import DCPlanEngine
import DCPlanModel

/// The availability table: each service per year against its target.
extension ResultTables {
  static func availability(_ results: PlanResults) -> Table {
    let simulated = results.availability.contains { $0.simulated != nil }
    var columns = [
      Column("service", "Service"), Column("tenant", "Tenant"), Column("year", "Year"), Column("site", "Site"),
      Column("availability_pct", "Availability (%)", decimals: 4), Column("downtime_min_per_year", "Downtime (min/year)", decimals: 1),
      Column("target_pct", "Target (%)", decimals: 4), Column("meets_target", "Meets target"), Column("dominant", "Most downtime from"),
    ]
    if simulated {
      columns += [
        Column("sim_mean_min", "Simulated mean (min)", decimals: 1), Column("sim_p50_min", "P50 (min)", decimals: 1),
        Column("sim_p95_min", "P95 (min)", decimals: 1), Column("sim_p99_min", "P99 (min)", decimals: 1),
      ]
    }
    var table = Table(id: "availability", title: "Availability by service", columns: columns)
    for row in results.availability {
      var cells: [Cell] = [
        .text(row.service), .text(row.tenant), .year(row.year.number), .text(row.placement), .number(row.availability * 100),
        .number(row.downtimeMinutesPerYear), row.target.map { .number($0.availability.value * 100) } ?? .empty,
        .text(row.target == nil ? "" : (row.meetsTarget ? "yes" : "no")), .text(row.dominant),
      ]
      if simulated {
        if let sim = row.simulated {
          cells += [.number(sim.meanMinutes), .number(sim.p50Minutes), .number(sim.p95Minutes), .number(sim.p99Minutes)]
        } else {
          cells += [.empty, .empty, .empty, .empty]
        }
      }
      table.rows.append(cells)
    }
    return table
  }
}

extension ResultTables {
  static func siteOutages(_ results: PlanResults) -> Table {
    var table = Table(
      id: "site_outages", title: "Site outages",
      columns: [
        Column("event", "Event"), Column("site", "Site"), Column("year", "Year"), Column("duration_h", "Out (h)", decimals: 1),
        Column("carried_pct", "Survivors carry (%)", decimals: 1), Column("data_pct", "Data held (%)", decimals: 1),
        Column("services_failed_over", "Services failed over"), Column("services_down", "Services down"),
        Column("downtime_h", "Longest down (h)", decimals: 2), Column("tenants", "Tenants affected"),
      ])
    for result in results.siteOutages {
      let outage = result.outage.kind == .siteOutage
      table.rows.append([
        .text(result.outage.kind.rawValue), .text(result.outage.site), .year(result.outage.year.number),
        outage ? .number(result.outage.durationHours) : .empty,
        outage ? .number(result.carriedShare * 100) : .empty, outage ? .number(result.dataShare * 100) : .empty,
        .integer(result.servicesFailedOver.count), .integer(result.servicesDown.count),
        .number(result.downtimeHours), .text(result.tenantsAffected.joined(separator: ", ")),
      ])
    }
    return table
  }
}
