import DCPlanModel

/// Whether twin sites that high-availability services fail over between stand far enough
/// apart (docs/conventions.md, "Georedundancy"): BSI's criteria for the location of data
/// centres (v1.0 2018, v2.1 2024) ask about 200 km between georedundant data centres for
/// VK3 and VK4 (99.99 % and above), a written risk analysis below that, and never under 100 km.
enum GeoredundancyCheck {
  /// BSI's recommended distance between georedundant data centres, km.
  static let recommendedKm = 200.0
  /// BSI's minimum, km.
  static let minimumKm = 100.0
  /// The availability from which BSI's georedundancy applies (VK3, 99.99 %).
  static let appliesFrom = 0.9999

  /// One warning when the twins stand closer than ``recommendedKm`` and services of 99.99 % or
  /// more fail over between them; none when either twin has no location.
  static func warnings(_ scenario: Scenario, _ demand: DemandProjection) -> [PlanWarning] {
    let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
      .sorted { scenario.sites[$0].loadShare > scenario.sites[$1].loadShare }
    guard shared.count >= 2 else { return [] }
    let (a, b) = (scenario.sites[shared[0]], scenario.sites[shared[1]])
    guard let from = a.location, let to = b.location else { return [] }
    let distance = from.distanceKm(to: to)
    guard distance < recommendedKm else { return [] }
    let classes = RedundancyClasses(scenario)
    let total = a.loadShare.value + b.loadShare.value
    let shares = total > 0 ? (a.loadShare.value / total, b.loadShare.value / total) : (0.5, 0.5)
    var relying: [String] = []
    var firstYear: Year?
    let count = demand.years.count
    for (w, workload) in scenario.workloads.enumerated() {
      guard let target = workload.availabilityTarget, target.availability.value >= appliesFrom - 1e-12 else { continue }
      let redundancy = classes.redundancy[classes.workloadClass[w]]
      guard ServiceModel.failoverFraction(failoverShare: redundancy.failoverShare.value, shares: shares) > 0 else { continue }
      guard let y = (0..<count).first(where: { demand.placement[w * count + $0] == WorkloadDemand.sharedDataCentre }) else { continue }
      relying.append(workload.id)
      firstYear = min(firstYear ?? demand.years[y], demand.years[y])
    }
    guard !relying.isEmpty else { return [] }
    let km = NumberText.fixed(distance, decimals: 0)
    let verdict = distance < minimumKm
      ? "below BSI's minimum of 100 km for georedundant data centres (about 200 km recommended)"
      : "below the about 200 km BSI recommends for georedundant data centres (100 to 200 km only with a written risk analysis)"
    return [PlanWarning(
      code: .twinsNotGeoredundant, year: firstYear, subject: "\(a.id)–\(b.id)",
      message: "twin sites '\(a.id)' and '\(b.id)' stand \(km) km apart, \(verdict); \(relying.count) service(s) of 99.99 % or more "
        + "fail over between them (\(relying.prefix(5).map { "'\($0)'" }.joined(separator: ", "))\(relying.count > 5 ? ", …" : "")): "
        + "model what the two share as a 'common_cause' in 'components', add a site 200 km away, or justify the distance")]
  }
}
