import DCPlanEngine
import DCPlanModel

/// The availability table: each service per year against its target.
extension ResultTables {
  static func availability(_ results: PlanResults) -> Table {
    var table = Table(
      id: "availability", title: "Availability by service",
      columns: [
        Column("service", "Service"), Column("tenant", "Tenant"), Column("year", "Year"), Column("site", "Site"),
        Column("availability_pct", "Availability (%)", decimals: 4), Column("downtime_min_per_year", "Downtime (min/year)", decimals: 1),
        Column("target_pct", "Target (%)", decimals: 4), Column("meets_target", "Meets target"), Column("dominant", "Most downtime from"),
      ])
    for row in results.availability {
      table.rows.append([
        .text(row.service), .text(row.tenant), .year(row.year.number), .text(row.placement), .number(row.availability * 100),
        .number(row.downtimeMinutesPerYear), row.target.map { .number($0.availability.value * 100) } ?? .empty,
        .text(row.target == nil ? "" : (row.meetsTarget ? "yes" : "no")), .text(row.dominant),
      ])
    }
    return table
  }
}
