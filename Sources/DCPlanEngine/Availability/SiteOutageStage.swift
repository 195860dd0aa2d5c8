import DCPlanModel

/// What a site outage does: whether the surviving shared sites carry the load and hold the
/// data, and which services are down for how long (docs/conventions.md, "Site outages").
public struct SiteOutageResult: Hashable, Sendable {
  /// The outage played through.
  public let outage: SiteOutage
  /// Share of the lost site's compute the survivors carry (1 when the site ran nothing).
  public let carriedShare: Double
  /// Share of the data the survivors hold.
  public let dataShare: Double
  /// Services that cannot run while the site is out.
  public let servicesDown: [String]
  /// Tenants of those services.
  public let tenantsAffected: [String]
  /// How long they are down, hours: the outage, or the failover time when the survivors carry.
  public let downtimeHours: Double
  /// Services that fail over to the survivors (down only for the failover).
  public let servicesFailedOver: [String]
}

/// Plays each site outage through against the plan of its year.
///
/// A legacy site's services are down for the whole outage. For a shared site the survivors
/// (the other shared sites) carry `min(1, capacity ÷ load)` of the shared compute, where their
/// capacity is their working servers at full use of the overcommitted cores and RAM (the
/// headroom of the target utilisation is what an emergency uses) and the load is the whole
/// shared data centre's; they hold `min(1, copies × their load shares)` of the data. If both
/// are whole, the shared services fail over (down for `failover_time`); otherwise they are down
/// for the outage.
enum SiteOutageStage {
  static func run(_ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing]) -> ([SiteOutageResult], [PlanWarning]) {
    guard let first = demand.years.first else { return ([], []) }
    let siteIndex = Dictionary(scenario.sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let server = CatalogueChoice.server(scenario)
    let policy = scenario.policy
    let failoverHours = scenario.components?.failoverHours ?? 0
    var results: [SiteOutageResult] = []
    var warnings: [PlanWarning] = []
    for outage in scenario.siteOutages {
      guard let s = siteIndex[outage.site] else { continue }
      let y = outage.year - first
      guard demand.years.indices.contains(y) else { continue }
      let site = scenario.sites[s]
      var placedHere: [Int] = []
      for w in demand.workloadIDs.indices {
        let place = demand.placement[w * demand.years.count + y]
        if place == site.id || (site.kind == .shared && place == WorkloadDemand.sharedDataCentre) { placedHere.append(w) }
      }
      var carried = 1.0
      var data = 1.0
      if site.kind == .shared {
        let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
        let survivors = shared.filter { $0 != s }
        let loadVCPU = shared.reduce(0.0) { $0 + demand.sites[$1].demand.vcpu[y] }
        let loadRAM = shared.reduce(0.0) { $0 + demand.sites[$1].demand.ramGiB[y] }
        let working = survivors.reduce(0) { $0 + sizing[$1].workingServers[y] }
        if let server {
          let vcpu = Double(working * server.cores) * policy.cpuOvercommit
          let ram = Double(working) * server.ram.gibibytes * policy.ramOvercommit
          carried = min(loadVCPU > 0 ? vcpu / loadVCPU : 1, loadRAM > 0 ? ram / loadRAM : 1, 1)
        } else {
          carried = survivors.isEmpty ? 0 : 1
        }
        data = min(1, policy.storageRawFactor * survivors.reduce(0.0) { $0 + scenario.sites[$1].loadShare.value })
      } else if !placedHere.isEmpty {
        carried = 0
        data = 0
      }
      let survive = carried >= 1 - 1e-9 && data >= 1 - 1e-9
      let ids = placedHere.map { demand.workloadIDs[$0] }
      let tenants = Array(Set(placedHere.map { demand.workloadTenants[$0] })).sorted()
      let result = SiteOutageResult(
        outage: outage, carriedShare: carried, dataShare: data, servicesDown: survive ? [] : ids,
        tenantsAffected: survive ? [] : tenants, downtimeHours: survive ? failoverHours : outage.durationHours,
        servicesFailedOver: survive ? ids : [])
      results.append(result)
      if !survive && !ids.isEmpty {
        warnings.append(PlanWarning(
          code: .siteOutageLosesService, year: outage.year, subject: site.id,
          message: "with site '\(site.id)' out for \(NumberText.fixed(outage.durationHours, decimals: 1)) h in \(outage.year), "
            + "\(ids.count) service(s) of \(tenants.map { "'\($0)'" }.joined(separator: ", ")) are down for the whole outage"
            + (site.kind == .shared
              ? " (the survivors carry \(NumberText.fixed(carried * 100, decimals: 1)) % of the compute and hold \(NumberText.fixed(data * 100, decimals: 1)) % of the data); raise 'failover_share' or the copies"
              : "; move them to the shared data centre or give the room a twin")))
      }
    }
    return (results, warnings)
  }
}
