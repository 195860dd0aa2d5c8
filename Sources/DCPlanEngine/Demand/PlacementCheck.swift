import DCPlanModel

/// Warnings about where demand sits: workloads with no site in a year, and closed legacy
/// sites that still carry workloads.
public enum PlacementCheck {
  /// The placement warnings of a projection, ordered by workload, then year.
  public static func warnings(_ scenario: Scenario, _ demand: DemandProjection) -> [PlanWarning] {
    var warnings: [PlanWarning] = []
    let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for row in demand.workloads {
      var unplacedYears: [Year] = []
      for (i, year) in demand.years.enumerated() {
        let hasDemand = row.demand.vcpu[i] > 0 || row.demand.ramGiB[i] > 0 || row.demand.storageTiB[i] > 0
        guard hasDemand else { continue }
        if let place = row.placement[i], let site = sites[place], !site.isOperating(in: year) {
          warnings.append(
            PlanWarning(
              code: "closed-site-in-use", year: year, subject: site.id,
              message:
                "workload '\(row.workload)' of tenant '\(row.tenant)' still runs at site '\(site.id)', "
                + "which closes in \(site.decommissionYear.map(String.init(describing:)) ?? "?"); "
                + "let the tenant join the shared data centre earlier or close the site later"))
        } else if row.placement[i] == nil {
          unplacedYears.append(year)
        }
      }
      if let first = unplacedYears.first, let last = unplacedYears.last {
        warnings.append(
          PlanWarning(
            code: "demand-without-site", year: first, subject: row.workload,
            message:
              "workload '\(row.workload)' of tenant '\(row.tenant)' has demand but no site in "
              + (first == last ? "\(first)" : "\(first)..\(last)")
              + "; give the tenant a 'legacy_site' or an earlier 'joins_shared_dc'"))
      }
    }
    return warnings
  }
}
