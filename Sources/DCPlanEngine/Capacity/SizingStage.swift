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

extension SiteSizing {
  /// A sizing of `site` with no years yet.
  init(empty site: String) {
    self.init(site: site, sizedVCPU: [], sizedRAMGiB: [], storedTiB: [], workingServers: [], clusters: [], servers: [], storageUnits: [])
  }
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
    var sizing: [SiteSizing] = []
    size(scenario, demand, rules: Rules(scenario), into: &sizing)
    return sizing
  }

  /// The same into `sizing`, whose arrays are rewritten in place where they fit (a Monte
  /// Carlo worker's from its previous trial).
  static func size(_ scenario: Scenario, _ demand: DemandProjection, rules: Rules, into sizing: inout [SiteSizing]) {
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
    if sizing.count != scenario.sites.count || sizing.indices.contains(where: { sizing[$0].site != scenario.sites[$0].id }) {
      sizing = scenario.sites.map { SiteSizing(empty: $0.id) }
    }
    for index in scenario.sites.indices {
      sizeSite(
        kind: scenario.sites[index].kind, own: demand.sites[index].demand, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM,
        sharedSites: shared.count, rules: rules, into: &sizing[index])
    }
  }

  /// What sizing needs besides demand: the policy's figures and the types bought, as plain
  /// numbers (the cost game sizes a million coalitions with them).
  public struct Rules: Sendable {
    /// The figures of the server type bought.
    struct ServerFigures: Sendable {
      let cores: Int
      let typicalKW: Double
      let peakKW: Double
      let perRack: Int
      let priceEUR: Double
      let lifetimeYears: Int
    }

    /// The figures of the storage type bought.
    struct StorageFigures: Sendable {
      let typicalKW: Double
      let peakKW: Double
      let perRack: Int
      let priceEUR: Double
      let lifetimeYears: Int
    }

    let server: ServerFigures?
    let storage: StorageFigures?
    /// vCPU and GiB one server carries at the overcommit and target utilisation.
    let vcpuPerServer: Double
    let ramPerServer: Double
    /// Working servers per cluster, and spares per cluster.
    let workingPerCluster: Int
    let spares: Int
    /// Raw TiB stored per TiB of data, and TiB one unit holds at its target utilisation.
    let rawFactor: Double
    let tibPerUnit: Double
    /// The share of all shared demand each shared site must carry.
    let failoverShare: Double

    /// The rules of `scenario`.
    public init(_ scenario: Scenario) {
      let policy = scenario.policy
      let serverType = CatalogueChoice.server(scenario)
      let storageType = CatalogueChoice.storage(scenario)
      server = serverType.map {
        ServerFigures(
          cores: $0.cores, typicalKW: $0.typicalPower.kilowatts, peakKW: $0.peakPower.kilowatts, perRack: $0.perRack,
          priceEUR: $0.price.euros, lifetimeYears: $0.lifetimeYears)
      }
      storage = storageType.map {
        StorageFigures(
          typicalKW: $0.typicalPower.kilowatts, peakKW: $0.peakPower.kilowatts, perRack: $0.perRack,
          priceEUR: $0.price.euros, lifetimeYears: $0.lifetimeYears)
      }
      vcpuPerServer = serverType.map { Double($0.cores) * policy.cpuOvercommit * policy.targetUtilisation.value } ?? 0
      ramPerServer = serverType.map { $0.ram.gibibytes * policy.ramOvercommit * policy.targetUtilisation.value } ?? 0
      workingPerCluster = max(1, policy.clusterSize - policy.sparesPerCluster)
      spares = policy.sparesPerCluster
      rawFactor = policy.storageRawFactor
      tibPerUnit = storageType.map { $0.usable.tebibytes * policy.storageTargetUtilisation.value } ?? 0
      switch policy.siteMode {
      case let .activeActive(share): failoverShare = share.value
      case .activePassive: failoverShare = 1
      }
    }
  }

  /// Sizes one site for its own demand `own`; a shared site among `sharedSites` > 1 is sized
  /// for at least its failover share of the shared demand `sharedVCPU`, `sharedRAM`.
  public static func sizeSite(
    _ site: Site, own: ResourceSeries, sharedVCPU: [Double], sharedRAM: [Double], sharedSites: Int, rules: Rules
  ) -> SiteSizing {
    var sizing = SiteSizing(empty: site.id)
    sizeSite(
      kind: site.kind, own: own, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM, sharedSites: sharedSites, rules: rules,
      into: &sizing)
    return sizing
  }

  /// The same for a site of `kind`, into `sizing` (of that site), its arrays rewritten in
  /// place where they fit (the kind alone is passed: a whole `Site` would be copied).
  static func sizeSite(
    kind: Site.Kind, own: ResourceSeries, sharedVCPU: [Double], sharedRAM: [Double], sharedSites: Int, rules: Rules,
    into sizing: inout SiteSizing
  ) {
    let yearCount = own.vcpu.count
    sizing.sizedVCPU.reset(count: yearCount, to: 0)
    sizing.sizedRAMGiB.reset(count: yearCount, to: 0)
    sizing.storedTiB.reset(count: yearCount, to: 0)
    sizing.workingServers.reset(count: yearCount, to: 0)
    sizing.clusters.reset(count: yearCount, to: 0)
    sizing.servers.reset(count: yearCount, to: 0)
    sizing.storageUnits.reset(count: yearCount, to: 0)
    let failover = kind == .shared && sharedSites > 1
    let share = rules.failoverShare
    for y in 0..<yearCount {
      sizing.sizedVCPU[y] = failover ? max(own.vcpu[y], share * sharedVCPU[y]) : own.vcpu[y]
      sizing.sizedRAMGiB[y] = failover ? max(own.ramGiB[y], share * sharedRAM[y]) : own.ramGiB[y]
      sizing.storedTiB[y] = own.storageTiB[y]
    }
    let hasServer = rules.server != nil
    let hasStorage = rules.storage != nil
    for y in 0..<yearCount {
      let working = hasServer
        ? max(ceilCount(sizing.sizedVCPU[y], per: rules.vcpuPerServer), ceilCount(sizing.sizedRAMGiB[y], per: rules.ramPerServer))
        : 0
      let clusters = working == 0 ? 0 : (working + rules.workingPerCluster - 1) / rules.workingPerCluster
      sizing.workingServers[y] = working
      sizing.clusters[y] = clusters
      sizing.servers[y] = working + rules.spares * clusters
      sizing.storageUnits[y] = hasStorage ? ceilCount(sizing.storedTiB[y] * rules.rawFactor, per: rules.tibPerUnit) : 0
    }
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
