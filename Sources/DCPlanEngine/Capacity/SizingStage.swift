import DCPlanModel

/// What one site must have standing in each year: servers, storage units and clusters, and
/// the load it is sized for (its own, or more where it must take over from a twin).
public struct SiteSizing: Hashable, Sendable {
  /// The site's id.
  public let site: String
  /// vCPU the site is sized for per year (failover included).
  public var sizedVCPU: [Double]
  /// RAM in GiB the site is sized for per year (failover included).
  public var sizedRAMGiB: [Double]
  /// Stored data in TiB the site holds per year (before copies).
  public var storedTiB: [Double]
  /// Servers needed to carry the load at target utilisation, before spares.
  public var workingServers: [Int]
  /// Compute clusters per year.
  public var clusters: [Int]
  /// Servers per year, spares included.
  public var servers: [Int]
  /// Storage units per year.
  public var storageUnits: [Int]
}

/// The sizing stage: demand per site → servers (N+k per cluster) and storage units
/// (docs/conventions.md, "Sizing").
///
/// For a site with vCPU demand `V` and RAM demand `R` (failover included), a server type with
/// `c` cores and `m` GiB, overcommits `o_cpu`, `o_ram` and target utilisation `u`:
///
///     N        = max(⌈V / (c · o_cpu · u)⌉, ⌈R / (m · o_ram · u)⌉)
///     clusters = ⌈N / (clusterSize − k)⌉
///     servers  = N + k · clusters
///     units    = ⌈stored · rawFactor / (usable · u_storage)⌉
public enum SizingStage {
  /// Sizes every site in every year of the projection.
  public static func size(_ scenario: Scenario, _ demand: DemandProjection) -> [SiteSizing] {
    let rules = Rules(scenario)
    let yearCount = demand.years.count
    let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
    // Total shared compute demand per year, for the failover rule.
    var sharedVCPU = [Double](repeating: 0, count: yearCount)
    var sharedRAM = [Double](repeating: 0, count: yearCount)
    for index in shared {
      for y in 0..<yearCount {
        sharedVCPU[y] += demand.sites[index].demand.vcpu[y]
        sharedRAM[y] += demand.sites[index].demand.ramGiB[y]
      }
    }
    return scenario.sites.enumerated().map { index, site in
      sizeSite(site, own: demand.sites[index].demand, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM,
               sharedSites: shared.count, rules: rules)
    }
  }

  /// What sizing needs besides demand: the policy and the types bought.
  public struct Rules: Sendable {
    let policy: SizingPolicy
    let server: ServerType?
    let storage: StorageType?

    /// The rules of `scenario`.
    public init(_ scenario: Scenario) {
      policy = scenario.policy
      server = CatalogueChoice.server(scenario)
      storage = CatalogueChoice.storage(scenario)
    }
  }

  /// Sizes one site for its own demand `own`; a shared site among `sharedSites` > 1 is sized
  /// for at least its failover share of the shared demand `sharedVCPU`, `sharedRAM`.
  public static func sizeSite(
    _ site: Site, own: ResourceSeries, sharedVCPU: [Double], sharedRAM: [Double], sharedSites: Int, rules: Rules
  ) -> SiteSizing {
    let policy = rules.policy
    let yearCount = own.vcpu.count
    var sizing = SiteSizing(
      site: site.id, sizedVCPU: own.vcpu, sizedRAMGiB: own.ramGiB, storedTiB: own.storageTiB,
      workingServers: [], clusters: [], servers: [], storageUnits: [])
    sizing.workingServers.reserveCapacity(yearCount)
    sizing.clusters.reserveCapacity(yearCount)
    sizing.servers.reserveCapacity(yearCount)
    sizing.storageUnits.reserveCapacity(yearCount)
    if site.kind == .shared, sharedSites > 1 {
      let share: Double
      switch policy.siteMode {
      case let .activeActive(failoverShare): share = failoverShare.value
      case .activePassive: share = 1
      }
      for y in 0..<yearCount {
        sizing.sizedVCPU[y] = max(own.vcpu[y], share * sharedVCPU[y])
        sizing.sizedRAMGiB[y] = max(own.ramGiB[y], share * sharedRAM[y])
      }
    }
    for y in 0..<yearCount {
      let working: Int
      if let server = rules.server {
        let cpuPerServer = Double(server.cores) * policy.cpuOvercommit * policy.targetUtilisation.value
        let ramPerServer = server.ram.gibibytes * policy.ramOvercommit * policy.targetUtilisation.value
        working = max(ceilCount(sizing.sizedVCPU[y], per: cpuPerServer), ceilCount(sizing.sizedRAMGiB[y], per: ramPerServer))
      } else {
        working = 0
      }
      let perCluster = max(1, policy.clusterSize - policy.sparesPerCluster)
      let clusters = working == 0 ? 0 : (working + perCluster - 1) / perCluster
      sizing.workingServers.append(working)
      sizing.clusters.append(clusters)
      sizing.servers.append(working + policy.sparesPerCluster * clusters)
      let units = rules.storage.map { type in
        ceilCount(
          sizing.storedTiB[y] * policy.storageRawFactor,
          per: type.usable.tebibytes * policy.storageTargetUtilisation.value)
      }
      sizing.storageUnits.append(units ?? 0)
    }
    return sizing
  }

  /// `⌈amount / per⌉`, with a tolerance of 1e-9 so that 3.0000000000004 units stay 3, and 0
  /// when nothing is needed or nothing fits.
  static func ceilCount(_ amount: Double, per: Double) -> Int {
    guard amount > 0, per > 0, amount.isFinite else { return 0 }
    let ratio = amount / per
    return Int(min(1e15, (ratio - 1e-9 * max(1, ratio)).rounded(.up)))
  }
}

/// The server and storage types a scenario buys: the policy's, else the catalogue's first.
public enum CatalogueChoice {
  /// The server type bought, if the catalogue has one.
  public static func server(_ scenario: Scenario) -> ServerType? {
    let servers = scenario.hardware.servers
    return scenario.policy.serverType.flatMap { id in servers.first { $0.id == id } } ?? servers.first
  }

  /// The storage type bought, if the catalogue has one.
  public static func storage(_ scenario: Scenario) -> StorageType? {
    let storage = scenario.hardware.storage
    return scenario.policy.storageType.flatMap { id in storage.first { $0.id == id } } ?? storage.first
  }
}
