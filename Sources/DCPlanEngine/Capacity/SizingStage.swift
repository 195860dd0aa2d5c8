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
  /// Physical cores of the servers in service per year (servers × cores, or summed over the
  /// generations in service: docs/conventions.md, "Hardware generations").
  public var serverCores: [Int] = []
  /// With hardware generations: the servers and the storage units in service per generation
  /// and year (`[g · years + y]`, generation 0 the type's own figures); empty without.
  public var serversByGeneration: [Int] = []
  public var storageByGeneration: [Int] = []
  /// Stored data in TiB with the copies the site holds, per year (no erasure-coding
  /// overhead): what a provider's service books (docs/conventions.md, "Rented sites").
  public var storedWithCopiesTiB: [Double] = []
  /// The same per compute pool (``RedundancyClasses``: classes whose clusters are alike share
  /// one): working servers, clusters and servers per year.
  public var pools: [PoolSizing]
}

/// One compute pool of a site: the clusters of the classes with one cluster size and spares.
public struct PoolSizing: Hashable, Sendable {
  /// Servers needed to carry the pool's load at target utilisation, before spares.
  public var workingServers: [Int]
  /// Compute clusters per year.
  public var clusters: [Int]
  /// Servers per year, spares included.
  public var servers: [Int]
}

extension SiteSizing {
  /// A sizing of `site` with no years yet.
  init(empty site: String) {
    self.init(
      site: site, sizedVCPU: [], sizedRAMGiB: [], storedTiB: [], workingServers: [], clusters: [], servers: [], storageUnits: [],
      pools: [])
  }
}

/// The sizing stage: demand per site → servers (N+k per cluster) and storage units, class by
/// class (docs/conventions.md, "Sizing"; "Redundancy per availability class").
///
/// For a site with vCPU demand `V_c` and RAM demand `R_c` of class c (a shared site among
/// several: at least the class's failover share `f_c` of the class's whole shared load), a
/// server type with `c` cores and `m` GiB, overcommits `o_cpu`, `o_ram` and target utilisation
/// `u`, per compute pool p (the classes with one cluster size and spares `k_p`):
///
///     V_p      = Σ_{c in p} max(V_c, f_c · shared V_c),  R_p likewise
///     N_p      = max(⌈V_p / (c · o_cpu · u)⌉, ⌈R_p / (m · o_ram · u)⌉)
///     clusters = ⌈N_p / (clusterSize_p − k_p)⌉,  servers = N_p + k_p · clusters
///     units    = ⌈Σ_c stored_c · rawFactor_c / (usable · u_storage)⌉
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
    // Each class's compute demand in the shared data centre per year, for the failover rule.
    let classCount = rules.classCount
    var sharedVCPU = [Double](repeating: 0, count: classCount * yearCount)
    var sharedRAM = sharedVCPU
    for c in 0..<min(classCount, demand.sharedByClass.count) {
      for y in 0..<yearCount {
        sharedVCPU[c * yearCount + y] = demand.sharedByClass[c].vcpu[y]
        sharedRAM[c * yearCount + y] = demand.sharedByClass[c].ramGiB[y]
      }
    }
    if sizing.count != scenario.sites.count || sizing.indices.contains(where: { sizing[$0].site != scenario.sites[$0].id }) {
      sizing = scenario.sites.map { SiteSizing(empty: $0.id) }
    }
    for index in scenario.sites.indices {
      sizeSite(
        kind: scenario.sites[index].kind, own: demand.sites[index].byClass, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM,
        sharedSites: shared.count, closedFrom: scenario.sites[index].firstClosedIndex(demand.years), rules: rules.at(site: index),
        ownsHardware: !scenario.sites[index].isProviderService, freezeYears: scenario.sites[index].freezeBeforeMoveYears,
        into: &sizing[index])
    }
  }

  /// What sizing needs besides demand: the policy's figures and the types bought, as plain
  /// numbers (the cost game sizes a million coalitions with them).
  ///
  /// The hardware figures (``server``, ``vcpuPerServer``, …) are those of one site's types:
  /// ``Rules/init(_:)`` gives the policy's, ``at(site:)`` a site's own (docs/conventions.md,
  /// "Sizing").
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

    /// The hardware one site buys, as sizing reads it.
    struct Hardware: Sendable {
      let server: ServerFigures?
      let storage: StorageFigures?
      /// vCPU and GiB one server carries at the overcommit and target utilisation.
      let vcpuPerServer: Double
      let ramPerServer: Double
      /// The same at full use (an emergency uses the target utilisation's headroom).
      let vcpuPerServerAtFullUse: Double
      let ramPerServerAtFullUse: Double
      /// TiB one unit holds at its target utilisation.
      let tibPerUnit: Double
      /// Performance by year of purchase, when the types have generations.
      let serverGenerations: HardwareGenerations?
      let storageGenerations: HardwareGenerations?

      init(_ serverType: ServerType?, _ storageType: StorageType?, policy: SizingPolicy, years: [Year]) {
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
        vcpuPerServerAtFullUse = serverType.map { Double($0.cores) * policy.cpuOvercommit } ?? 0
        ramPerServerAtFullUse = serverType.map { $0.ram.gibibytes * policy.ramOvercommit } ?? 0
        tibPerUnit = storageType.map { $0.usable.tebibytes * policy.storageTargetUtilisation.value } ?? 0
        serverGenerations = serverType.flatMap { HardwareGenerations(server: $0, policy: policy, years: years) }
        storageGenerations = storageType.flatMap { HardwareGenerations(storage: $0, policy: policy, years: years) }
      }
    }

    /// The hardware these rules size with: the policy's, or one site's (``at(site:)``).
    private(set) var hardware: Hardware
    /// Whether some site buys other types than the policy's.
    let sitesDiffer: Bool
    /// What every site's rules share, behind one reference: the rules are copied per site
    /// and per service, and a copy then retains one object instead of every array.
    private let common: Common

    /// The figures that do not depend on the site.
    private final class Common: Sendable {
      let siteHardware: [Hardware]
      let classes: RedundancyClasses
      let failoverShare: [Double]
      let rawFactor: [Double]
      let copies: [Double]
      let workingPerCluster: [Int]
      let spares: [Int]

      init(siteHardware: [Hardware], classes: RedundancyClasses) {
        self.siteHardware = siteHardware
        self.classes = classes
        failoverShare = classes.redundancy.map(\.failoverShare.value)
        rawFactor = classes.redundancy.map(\.storageRawFactor)
        copies = classes.redundancy.map(\.storageCopies)
        workingPerCluster = classes.pools.map { max(1, $0.clusterSize - $0.spares) }
        spares = classes.pools.map(\.spares)
      }
    }

    var server: ServerFigures? { hardware.server }
    var storage: StorageFigures? { hardware.storage }
    var vcpuPerServer: Double { hardware.vcpuPerServer }
    var ramPerServer: Double { hardware.ramPerServer }
    var vcpuPerServerAtFullUse: Double { hardware.vcpuPerServerAtFullUse }
    var ramPerServerAtFullUse: Double { hardware.ramPerServerAtFullUse }
    var tibPerUnit: Double { hardware.tibPerUnit }

    /// vCPU one server bought in year index `y` carries (its generation's; the type's own
    /// without generations or outside the horizon).
    func vcpuPerServer(year y: Int) -> Double {
      guard let g = hardware.serverGenerations, g.ofYear.indices.contains(y) else { return vcpuPerServer }
      return g.perUnit[g.ofYear[y]]
    }

    /// GiB one server bought in year index `y` carries.
    func ramPerServer(year y: Int) -> Double {
      guard let g = hardware.serverGenerations, g.ofYear.indices.contains(y) else { return ramPerServer }
      return g.ramPerUnit[g.ofYear[y]]
    }

    /// vCPU and GiB one server bought in year index `y` carries at full use (the target
    /// utilisation's headroom used: an emergency).
    func perServerAtFullUse(year y: Int) -> (vcpu: Double, ramGiB: Double) {
      guard hardware.serverGenerations != nil, vcpuPerServer > 0, ramPerServer > 0 else {
        return (vcpuPerServerAtFullUse, ramPerServerAtFullUse)
      }
      return (vcpuPerServerAtFullUse * vcpuPerServer(year: y) / vcpuPerServer, ramPerServerAtFullUse * ramPerServer(year: y) / ramPerServer)
    }

    /// TiB one storage unit bought in year index `y` holds at its target utilisation.
    func tibPerUnit(year y: Int) -> Double {
      guard let g = hardware.storageGenerations, g.ofYear.indices.contains(y) else { return tibPerUnit }
      return g.perUnit[g.ofYear[y]]
    }

    /// The redundancy classes and their pools.
    var classes: RedundancyClasses { common.classes }
    /// Per class: the share of its shared load each shared site must carry, and raw TiB per TiB.
    var failoverShare: [Double] { common.failoverShare }
    var rawFactor: [Double] { common.rawFactor }
    /// Per class: copies of each stored TiB (1 for erasure coding).
    var copies: [Double] { common.copies }
    /// Per pool: working servers per cluster, and spares per cluster.
    var workingPerCluster: [Int] { common.workingPerCluster }
    var spares: [Int] { common.spares }

    /// Redundancy classes (at least 1).
    var classCount: Int { failoverShare.count }

    /// The rules of `scenario`, with the policy's hardware.
    public init(_ scenario: Scenario) {
      let policy = scenario.policy
      let hasGenerations = scenario.hardware.servers.contains { !$0.generations.isEmpty }
        || scenario.hardware.storage.contains { !$0.generations.isEmpty }
      let years = hasGenerations ? scenario.info.horizon.years : []
      let policyHardware = Hardware(CatalogueChoice.server(scenario), CatalogueChoice.storage(scenario), policy: policy, years: years)
      hardware = policyHardware
      let siteHardware = scenario.sites.map {
        $0.serverType == nil && $0.storageType == nil
          ? policyHardware
          : Hardware(CatalogueChoice.server(scenario, site: $0), CatalogueChoice.storage(scenario, site: $0), policy: policy, years: years)
      }
      sitesDiffer = scenario.sites.contains { $0.serverType != nil || $0.storageType != nil }
      common = Common(siteHardware: siteHardware, classes: RedundancyClasses(scenario))
    }

    /// The same rules with site `s`'s hardware (index into the scenario's sites).
    func at(site s: Int) -> Rules {
      guard sitesDiffer, s < common.siteHardware.count else { return self }
      var rules = self
      rules.hardware = common.siteHardware[s]
      return rules
    }
  }

  /// Sizes one site for its own demand per class `own`; a shared site among `sharedSites` > 1
  /// is sized for at least each class's failover share of its shared demand (`sharedVCPU`,
  /// `sharedRAM`: class-major, `[class · years + year]`) while it runs (from year index
  /// `closedFrom` on, closed or lost, it holds no failover reserve).
  public static func sizeSite(
    _ site: Site, own: [ResourceSeries], sharedVCPU: [Double], sharedRAM: [Double], sharedSites: Int, closedFrom: Int = .max,
    rules: Rules
  ) -> SiteSizing {
    var sizing = SiteSizing(empty: site.id)
    sizeSite(
      kind: site.kind, own: own, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM, sharedSites: sharedSites, closedFrom: closedFrom,
      rules: rules, ownsHardware: !site.isProviderService, freezeYears: site.freezeBeforeMoveYears, into: &sizing)
    return sizing
  }

  /// The same for a site of `kind`, into `sizing` (of that site), its arrays rewritten in
  /// place where they fit (the kind alone is passed: a whole `Site` would be copied). A site
  /// that does not own its hardware (a provider's service) is sized for its load but holds
  /// no servers or storage units of the plan's. With hardware generations, the servers and
  /// storage units are the fleet in service (``GenerationFleet``), which depends on the
  /// years before and on the site's `freezeYears` before a move; the working servers and
  /// clusters are those of the year's generation.
  // swiftlint:disable:next function_parameter_count
  static func sizeSite(
    kind: Site.Kind, own: [ResourceSeries], sharedVCPU: [Double], sharedRAM: [Double], sharedSites: Int, closedFrom: Int,
    rules: Rules, ownsHardware: Bool = true, freezeYears: Int = 0, into sizing: inout SiteSizing
  ) {
    let yearCount = own.first?.vcpu.count ?? 0
    let poolCount = rules.spares.count
    sizing.sizedVCPU.reset(count: yearCount, to: 0)
    sizing.sizedRAMGiB.reset(count: yearCount, to: 0)
    sizing.storedTiB.reset(count: yearCount, to: 0)
    sizing.storedWithCopiesTiB.reset(count: yearCount, to: 0)
    sizing.workingServers.reset(count: yearCount, to: 0)
    sizing.clusters.reset(count: yearCount, to: 0)
    sizing.servers.reset(count: yearCount, to: 0)
    sizing.storageUnits.reset(count: yearCount, to: 0)
    sizing.serverCores.reset(count: yearCount, to: 0)
    if sizing.pools.count != poolCount {
      sizing.pools = [PoolSizing](repeating: PoolSizing(workingServers: [], clusters: [], servers: []), count: poolCount)
    }
    for p in 0..<poolCount {
      sizing.pools[p].workingServers.reset(count: yearCount, to: 0)
      sizing.pools[p].clusters.reset(count: yearCount, to: 0)
      sizing.pools[p].servers.reset(count: yearCount, to: 0)
    }
    let failover = kind == .shared && sharedSites > 1
    let hasServer = rules.server != nil && ownsHardware
    let hasStorage = rules.storage != nil && ownsHardware
    let classCount = min(own.count, rules.classCount)
    let pool = rules.classes.pool
    // With generations: the count of each generation that would meet each year's need alone.
    let serverGenerations = hasServer ? rules.hardware.serverGenerations.flatMap { $0.ofYear.count == yearCount ? $0 : nil } : nil
    let storageGenerations = hasStorage ? rules.hardware.storageGenerations.flatMap { $0.ofYear.count == yearCount ? $0 : nil } : nil
    var serversIfAll = [Int](repeating: 0, count: (serverGenerations?.count ?? 0) * yearCount)
    var unitsIfAll = [Int](repeating: 0, count: (storageGenerations?.count ?? 0) * yearCount)
    for y in 0..<yearCount {
      let vcpuPerServer = rules.vcpuPerServer(year: y)
      let ramPerServer = rules.ramPerServer(year: y)
      var raw = 0.0
      for p in 0..<poolCount {
        // The pool's sized load: each class's own, or its failover share of the shared load.
        var poolVCPU = 0.0
        var poolRAM = 0.0
        for c in 0..<classCount where pool[c] == p {
          let share = rules.failoverShare[c]
          let reserve = failover && y < closedFrom
          let vcpu = reserve ? max(own[c].vcpu[y], share * sharedVCPU[c * yearCount + y]) : own[c].vcpu[y]
          let ram = reserve ? max(own[c].ramGiB[y], share * sharedRAM[c * yearCount + y]) : own[c].ramGiB[y]
          poolVCPU += vcpu
          poolRAM += ram
        }
        let working = hasServer ? max(ceilCount(poolVCPU, per: vcpuPerServer), ceilCount(poolRAM, per: ramPerServer)) : 0
        let clusters = working == 0 ? 0 : (working + rules.workingPerCluster[p] - 1) / rules.workingPerCluster[p]
        if let serverGenerations {
          for g in 0..<serverGenerations.count {
            let working = max(
              ceilCount(poolVCPU, per: serverGenerations.perUnit[g]), ceilCount(poolRAM, per: serverGenerations.ramPerUnit[g]))
            let clusters = working == 0 ? 0 : (working + rules.workingPerCluster[p] - 1) / rules.workingPerCluster[p]
            serversIfAll[g * yearCount + y] += working + rules.spares[p] * clusters
          }
        }
        sizing.pools[p].workingServers[y] = working
        sizing.pools[p].clusters[y] = clusters
        sizing.pools[p].servers[y] = working + rules.spares[p] * clusters
        sizing.sizedVCPU[y] += poolVCPU
        sizing.sizedRAMGiB[y] += poolRAM
        sizing.workingServers[y] += working
        sizing.clusters[y] += clusters
        sizing.servers[y] += working + rules.spares[p] * clusters
      }
      for c in 0..<classCount {
        sizing.storedTiB[y] += own[c].storageTiB[y]
        sizing.storedWithCopiesTiB[y] += own[c].storageTiB[y] * rules.copies[c]
        raw += own[c].storageTiB[y] * rules.rawFactor[c]
      }
      sizing.storageUnits[y] = hasStorage ? ceilCount(raw, per: rules.tibPerUnit(year: y)) : 0
      if let storageGenerations {
        for g in 0..<storageGenerations.count { unitsIfAll[g * yearCount + y] = ceilCount(raw, per: storageGenerations.perUnit[g]) }
      }
      sizing.serverCores[y] = sizing.servers[y] * (hasServer ? rules.server?.cores ?? 0 : 0)
    }
    if let serverGenerations {
      GenerationFleet.inService(
        ifAll: serversIfAll, generations: serverGenerations, lifetime: rules.server?.lifetimeYears ?? 1, freezeYears: freezeYears,
        counts: &sizing.servers, byGeneration: &sizing.serversByGeneration)
      for y in 0..<yearCount {
        sizing.serverCores[y] = (0..<serverGenerations.count).reduce(0) {
          $0 + sizing.serversByGeneration[$1 * yearCount + y] * serverGenerations.cores[$1]
        }
      }
    } else if !sizing.serversByGeneration.isEmpty {
      sizing.serversByGeneration.removeAll()
    }
    if let storageGenerations {
      GenerationFleet.inService(
        ifAll: unitsIfAll, generations: storageGenerations, lifetime: rules.storage?.lifetimeYears ?? 1, freezeYears: freezeYears,
        counts: &sizing.storageUnits, byGeneration: &sizing.storageByGeneration)
    } else if !sizing.storageByGeneration.isEmpty {
      sizing.storageByGeneration.removeAll()
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

/// The server and storage types a scenario buys: the policy's, else the catalogue's first; a
/// site that names its own buys those (docs/conventions.md, "Sizing").
public enum CatalogueChoice {
  /// The server type `site` buys.
  public static func server(_ scenario: Scenario, site: Site) -> ServerType? {
    site.serverType.flatMap { id in scenario.hardware.servers.first { $0.id == id } } ?? server(scenario)
  }

  /// The storage type `site` buys.
  public static func storage(_ scenario: Scenario, site: Site) -> StorageType? {
    site.storageType.flatMap { id in scenario.hardware.storage.first { $0.id == id } } ?? storage(scenario)
  }

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
