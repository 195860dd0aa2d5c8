import DCPlanModel

/// What an event does: whether the surviving shared sites carry the load and hold the data,
/// which services are down for how long (docs/conventions.md, "Site outages").
public struct SiteOutageResult: Hashable, Sendable {
  /// The event played through.
  public let outage: SiteOutage
  /// Share of the whole shared compute load the survivors run during a site outage (1 when the
  /// site ran nothing); 0 for a logical fault.
  public let carriedShare: Double
  /// Share of the data the survivors (site outage) or the backups (logical fault) still hold.
  public let dataShare: Double
  /// Services down for the event (the outage, or until their data is restored).
  public let servicesDown: [String]
  /// Tenants of those services.
  public let tenantsAffected: [String]
  /// The longest any service is down, hours.
  public let downtimeHours: Double
  /// Services that fail over to the survivors (down only for the failover).
  public let servicesFailedOver: [String]
  /// Each affected service's downtime, hours, in the order they are back (a logical fault's
  /// restore order) or scenario order.
  public let serviceDowntimeHours: [(service: String, hours: Double)]

  public static func == (lhs: SiteOutageResult, rhs: SiteOutageResult) -> Bool {
    lhs.outage == rhs.outage && lhs.servicesDown == rhs.servicesDown && lhs.downtimeHours == rhs.downtimeHours
      && lhs.servicesFailedOver == rhs.servicesFailedOver
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(outage)
    hasher.combine(downtimeHours)
  }
}

/// Plays each event through against the plan of its year.
///
/// **A site outage.** A legacy site's services are down for the whole outage. For a shared
/// site the survivors (the other shared sites) keep running their own share of every class,
/// and take over the lost site's share class by class, highest availability target first, as
/// far as their working servers reach at full use of the overcommitted cores and RAM (the
/// headroom of the target utilisation is what an emergency uses; each compute pool on its
/// own): a class is carried when all of its lost load fits. They hold `min(1, copies × their
/// load shares)` of a class's data (erasure-coded data: their share). A service whose class is
/// carried and whose data they hold fails over (down for `failover_time`); the others are down
/// for the outage.
///
/// **A logical fault** (ransomware, corrupted replication) at a site reaches every copy of the
/// data of the services that keep data there: each is down until restored from backup, after
/// `detection`, at `restore_rate`, the services restored one after another, highest
/// availability target first (then in scenario order): service i is back after `detection +
/// Σ_{j ≤ i} data_j / rate`.
enum SiteOutageStage {
  static func run(_ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing]) -> ([SiteOutageResult], [PlanWarning]) {
    guard let first = demand.years.first else { return ([], []) }
    let siteIndex = Dictionary(scenario.sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let rules = SizingStage.Rules(scenario)
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
      let result: SiteOutageResult
      switch outage.kind {
      case .siteOutage:
        result = siteOutage(outage, site: s, placedHere, scenario, demand, sizing, rules, year: y)
      case .logicalFault:
        result = logicalFault(outage, placedHere, scenario, demand, rules, year: y)
      }
      results.append(result)
      if !result.servicesDown.isEmpty {
        warnings.append(warning(result, site: site, scenario: scenario))
      }
    }
    return (results, warnings)
  }

  private static func warning(_ result: SiteOutageResult, site: Site, scenario: Scenario) -> PlanWarning {
    let outage = result.outage
    let tenants = result.tenantsAffected.map { "'\($0)'" }.joined(separator: ", ")
    switch outage.kind {
    case .siteOutage:
      return PlanWarning(
        code: .siteOutageLosesService, year: outage.year, subject: site.id,
        message: "with site '\(site.id)' out for \(NumberText.fixed(outage.durationHours, decimals: 1)) h in \(outage.year), "
          + "\(result.servicesDown.count) service(s) of \(tenants) are down for the whole outage"
          + (site.kind == .shared
            ? " (the survivors run \(NumberText.fixed(result.carriedShare * 100, decimals: 1)) % of the shared compute and hold \(NumberText.fixed(result.dataShare * 100, decimals: 1)) % of the data); raise the classes' 'failover_share' or their copies"
            : "; move them to the shared data centre or give the room a twin"))
    case .logicalFault:
      return PlanWarning(
        code: .siteOutageLosesService, year: outage.year, subject: site.id,
        message: "a logical fault at site '\(site.id)' in \(outage.year) reaches every copy of the data of \(result.servicesDown.count) service(s) of \(tenants): "
          + "restored from backup at \(NumberText.fixed(outage.restoreTiBPerHour, decimals: 2)) TiB/h after \(NumberText.fixed(outage.detectionHours, decimals: 1)) h, "
          + "the last is back after \(NumberText.fixed(result.downtimeHours, decimals: 1)) h; keep an offline copy, restore faster or restore the highest classes first")
    }
  }

  /// The priority of a service's class in an emergency: its target's availability (none: 0).
  private static func priority(_ workload: Workload) -> Double { workload.availabilityTarget?.availability.value ?? 0 }

  // swiftlint:disable:next function_parameter_count function_body_length
  private static func siteOutage(
    _ outage: SiteOutage, site s: Int, _ placedHere: [Int], _ scenario: Scenario, _ demand: DemandProjection,
    _ sizing: [SiteSizing], _ rules: SizingStage.Rules, year y: Int
  ) -> SiteOutageResult {
    let site = scenario.sites[s]
    let failoverHours = scenario.components?.failoverHours ?? 0
    let ids = placedHere.map { demand.workloadIDs[$0] }
    guard site.kind == .shared else {
      // A legacy room: its services are down for the outage.
      let tenants = Array(Set(placedHere.map { demand.workloadTenants[$0] })).sorted()
      return SiteOutageResult(
        outage: outage, carriedShare: placedHere.isEmpty ? 1 : 0, dataShare: placedHere.isEmpty ? 1 : 0,
        servicesDown: ids, tenantsAffected: tenants, downtimeHours: placedHere.isEmpty ? 0 : outage.durationHours,
        servicesFailedOver: [], serviceDowntimeHours: ids.map { ($0, outage.durationHours) })
    }
    let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
    let survivors = shared.filter { $0 != s }
    let classes = rules.classes
    let classCount = classes.count
    // Per class: the whole shared load, the survivors' own and the lost site's share.
    func load(_ sites: [Int], _ c: Int, ram: Bool) -> Double {
      sites.reduce(0.0) { sum, i in
        let byClass = demand.sites[i].byClass
        return sum + (c < byClass.count ? (ram ? byClass[c].ramGiB[y] : byClass[c].vcpu[y]) : 0)
      }
    }
    // The survivors' capacity per pool at full use of the overcommitted cores and RAM.
    // (each survivor's servers of its own type).
    var freeVCPU = [Double](repeating: 0, count: classes.pools.count)
    var freeRAM = freeVCPU
    for p in classes.pools.indices {
      for i in survivors where p < sizing[i].pools.count {
        let working = Double(sizing[i].pools[p].workingServers[y])
        let perServer = rules.at(site: i).perServerAtFullUse(year: y)
        freeVCPU[p] += working * perServer.vcpu
        freeRAM[p] += working * perServer.ramGiB
      }
      // Their own load keeps running.
      for c in 0..<classCount where classes.pool[c] == p {
        freeVCPU[p] -= load(survivors, c, ram: false)
        freeRAM[p] -= load(survivors, c, ram: true)
      }
    }
    // The lost site's share of each class, highest target first: carried when it fits whole.
    let order = (0..<classCount).sorted { a, b in
      let (pa, pb) = (classPriority(a, scenario), classPriority(b, scenario))
      return pa != pb ? pa > pb : a < b
    }
    var carriedClass = [Bool](repeating: false, count: classCount)
    var lostVCPU = 0.0
    var carriedVCPU = 0.0
    for c in order {
      let p = classes.pool[c]
      let (vcpu, ram) = (load([s], c, ram: false), load([s], c, ram: true))
      lostVCPU += vcpu
      guard !survivors.isEmpty else { continue }
      if rules.server == nil || (vcpu <= freeVCPU[p] + 1e-9 && ram <= freeRAM[p] + 1e-9) {
        carriedClass[c] = true
        freeVCPU[p] -= vcpu
        freeRAM[p] -= ram
        carriedVCPU += vcpu
      }
    }
    // Data the survivors hold, per class.
    let survivorShare = survivors.reduce(0.0) { $0 + scenario.sites[$1].loadShare.value }
    func held(_ c: Int) -> Double {
      let redundancy = classes.redundancy[c]
      return redundancy.erasureCoding == nil ? min(1, redundancy.storageCopies * survivorShare) : min(1, survivorShare)
    }
    var storedAll = 0.0
    var storedHeld = 0.0
    for c in 0..<classCount {
      let stored = shared.reduce(0.0) { $0 + (c < demand.sites[$1].byClass.count ? demand.sites[$1].byClass[c].storageTiB[y] : 0) }
      storedAll += stored
      storedHeld += stored * held(c)
    }
    let totalVCPU = shared.reduce(0.0) { $0 + demand.sites[$1].demand.vcpu[y] }
    let carried = totalVCPU > 0 ? min(1, (totalVCPU - lostVCPU + carriedVCPU) / totalVCPU) : (survivors.isEmpty ? 0 : 1)
    var down: [Int] = []
    var failedOver: [Int] = []
    for w in placedHere {
      let c = classes.workloadClass[w]
      let hasData = demand.storageTiB[w * demand.years.count + y] > 0
      if carriedClass[c], !hasData || held(c) >= 1 - 1e-9 { failedOver.append(w) } else { down.append(w) }
    }
    let tenants = Array(Set(down.map { demand.workloadTenants[$0] })).sorted()
    var downtime: [(service: String, hours: Double)] = []
    for w in placedHere {
      downtime.append((demand.workloadIDs[w], down.contains(w) ? outage.durationHours : failoverHours))
    }
    return SiteOutageResult(
      outage: outage, carriedShare: carried, dataShare: storedAll > 0 ? storedHeld / storedAll : min(1, survivorShare > 0 ? 1 : 0),
      servicesDown: down.map { demand.workloadIDs[$0] }, tenantsAffected: tenants,
      downtimeHours: down.isEmpty ? (failedOver.isEmpty ? 0 : failoverHours) : outage.durationHours,
      servicesFailedOver: failedOver.map { demand.workloadIDs[$0] }, serviceDowntimeHours: downtime)
  }

  /// The highest availability target among the workloads of class `c` (its class's own for a
  /// named class).
  private static func classPriority(_ c: Int, _ scenario: Scenario) -> Double {
    guard c > 0, c - 1 < scenario.policy.classes.count else { return 0 }
    return scenario.policy.classes[c - 1].target.availability.value
  }

  private static func logicalFault(
    _ outage: SiteOutage, _ placedHere: [Int], _ scenario: Scenario, _ demand: DemandProjection, _ rules: SizingStage.Rules,
    year y: Int
  ) -> SiteOutageResult {
    let count = demand.years.count
    // Services with data at the site, restored highest target first, then in scenario order.
    let hit = placedHere.filter { demand.storageTiB[$0 * count + y] > 0 }
      .sorted { a, b in
        let (pa, pb) = (priority(scenario.workloads[a]), priority(scenario.workloads[b]))
        return pa != pb ? pa > pb : a < b
      }
    var restored = 0.0
    var downtime: [(service: String, hours: Double)] = []
    for w in hit {
      restored += demand.storageTiB[w * count + y]
      downtime.append((demand.workloadIDs[w], outage.detectionHours + restored / outage.restoreTiBPerHour))
    }
    let tenants = Array(Set(hit.map { demand.workloadTenants[$0] })).sorted()
    return SiteOutageResult(
      outage: outage, carriedShare: 0, dataShare: 1, servicesDown: hit.map { demand.workloadIDs[$0] }, tenantsAffected: tenants,
      downtimeHours: downtime.last?.hours ?? 0, servicesFailedOver: [], serviceDowntimeHours: downtime)
  }
}
