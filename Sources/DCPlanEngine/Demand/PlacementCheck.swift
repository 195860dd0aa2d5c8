import DCPlanModel

/// Warnings about where demand sits: workloads with no site in a year, and closed legacy
/// sites that still carry workloads.
public enum PlacementCheck {
  /// The placement warnings of a projection, ordered by workload, then year.
  public static func warnings(_ scenario: Scenario, _ demand: DemandProjection) -> [PlanWarning] {
    var warnings: [PlanWarning] = []
    // Only legacy sites that close within the plan can be in use while closed.
    let closing = Dictionary(
      scenario.sites.filter { $0.kind == .legacy && $0.decommissionYear != nil }.map { ($0.id, $0) },
      uniquingKeysWith: { a, _ in a })
    let count = demand.years.count
    for w in demand.workloadIDs.indices {
      let row = (workload: demand.workloadIDs[w], tenant: demand.workloadTenants[w])
      var unplacedYears: [Year] = []
      for (i, year) in demand.years.enumerated() {
        let k = w * count + i
        let hasDemand = demand.vcpu[k] > 0 || demand.ramGiB[k] > 0 || demand.storageTiB[k] > 0
        guard hasDemand else { continue }
        if let place = demand.placement[k], !closing.isEmpty, let site = closing[place], !site.isOperating(in: year) {
          warnings.append(
            PlanWarning(
              code: .closedSiteInUse, year: year, subject: site.id,
              message:
                "workload '\(row.workload)' of tenant '\(row.tenant)' still runs at site '\(site.id)', "
                + "which closes in \(site.decommissionYear.map(String.init(describing:)) ?? "?"); "
                + "let the tenant join the shared data centre earlier or close the site later"))
        } else if demand.placement[k] == nil {
          unplacedYears.append(year)
        }
      }
      if let first = unplacedYears.first, let last = unplacedYears.last {
        warnings.append(
          PlanWarning(
            code: .demandWithoutSite, year: first, subject: row.workload,
            message:
              "workload '\(row.workload)' of tenant '\(row.tenant)' has demand but no site in "
              + (first == last ? "\(first)" : "\(first)..\(last)")
              + "; give the tenant a 'legacy_site' or an earlier 'joins_shared_dc'"))
      }
    }
    return warnings
  }
}
