import DCPlanModel

/// Finds, for each service and year, the parts it depends on (docs/conventions.md, "Service
/// availability"): where it runs (its legacy site, or the two shared sites with the largest load
/// shares), the clusters of its class's pool that carry it, the storage groups holding its
/// data, the common causes. Cluster chains are solved once per shape.
final class PartsOfServices {
  /// What a service needs in a year.
  struct Need {
    let vcpu: Double
    let ramGiB: Double
    let storageTiB: Double
  }

  private let scenario: Scenario
  private let components: Components
  private let sizing: [SiteSizing]
  private let rules: SizingStage.Rules
  /// The two shared sites with the largest load shares (the twins), in that order.
  let twins: [Int]
  private let siteIndex: [String: Int]
  /// Each site's infrastructure blocks, with the common causes that take it down but not all
  /// of a twin pair it belongs to.
  private let infrastructure: [[InfrastructureBlock]]
  /// Per site, pool and year, the working servers the site's own load needs in normal
  /// operation (`(site · pools + pool) · years + year`): the failover reserve sized into a
  /// pool beyond it is slack until a failover.
  private let normalWorking: [Int]
  private let yearCount: Int
  private let poolCount: Int
  /// Cluster chains solved so far, by size and spares: (unavailability, episodes).
  private var clusterCache: [Int: (unavailability: Double, episodes: Double)] = [:]

  init(_ scenario: Scenario, components: Components, sizing: [SiteSizing], demand: DemandProjection) {
    self.scenario = scenario
    self.components = components
    self.sizing = sizing
    let rules = SizingStage.Rules(scenario)
    self.rules = rules
    let count = demand.years.count
    yearCount = count
    let pools = rules.classes.pool.max().map { $0 + 1 } ?? 1
    poolCount = pools
    var normal = [Int](repeating: 0, count: scenario.sites.count * pools * count)
    for s in scenario.sites.indices where s < demand.sites.count {
      let byClass = demand.sites[s].byClass
      for p in 0..<pools {
        for y in 0..<count {
          var vcpu = 0.0
          var ram = 0.0
          for c in byClass.indices where c < rules.classes.pool.count && rules.classes.pool[c] == p && y < byClass[c].vcpu.count {
            vcpu += byClass[c].vcpu[y]
            ram += byClass[c].ramGiB[y]
          }
          let hardware = rules.at(site: s)
          normal[(s * pools + p) * count + y] = max(
            SizingStage.ceilCount(vcpu, per: hardware.vcpuPerServer(year: y)), SizingStage.ceilCount(ram, per: hardware.ramPerServer(year: y)))
        }
      }
    }
    normalWorking = normal
    let twins = Array(
      scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
        .sorted { scenario.sites[$0].loadShare > scenario.sites[$1].loadShare }.prefix(2))
    self.twins = twins
    let siteIndex = Dictionary(scenario.sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    self.siteIndex = siteIndex
    let chain = InfrastructureBlock.chain(components)
    let twinSet = Set(twins)
    infrastructure = scenario.sites.indices.map { s in
      // A common cause that covers this site but not both twins it serves with is this site's own.
      chain + components.commonCauses.filter { cause in
        let covered = Set(cause.sites.compactMap { siteIndex[$0] })
        guard covered.contains(s) else { return false }
        return twinSet.contains(s) && twins.count == 2 && !twinSet.isSubset(of: covered)
      }.map { InfrastructureBlock("common cause '\($0.name)'", $0.reliability) }
    }
  }

  /// The parts of workload `w` placed at `place` in year index `y`, needing `need`; nil when it
  /// runs nowhere the model knows.
  func service(_ w: Int, place: String, year y: Int, need: Need) -> ServiceParts? {
    let classIndex = rules.classes.workloadClass[w]
    let redundancy = rules.classes.redundancy[classIndex]
    let pool = rules.classes.pool[classIndex]
    if place == WorkloadDemand.sharedDataCentre, twins.count == 2 {
      let shareA = scenario.sites[twins[0]].loadShare.value
      let shareB = scenario.sites[twins[1]].loadShare.value
      let total = shareA + shareB
      let shares = total > 0 ? (shareA / total, shareB / total) : (0.5, 0.5)
      let phi = ServiceModel.failoverFraction(failoverShare: redundancy.failoverShare.value, shares: shares)
      // A twin holds a full copy when its copies × share reach one (with erasure coding, when
      // its share is all the data).
      let perSite = redundancy.erasureCoding == nil ? redundancy.storageCopies : 1
      let full = (perSite * shares.0 >= 1 - 1e-9, perSite * shares.1 >= 1 - 1e-9)
      let data: ServiceModel.DataMode
      if need.storageTiB <= 0 || rules.at(site: twins[0]).storage == nil || (full.0 && full.1) {
        data = .mirrored
      } else if full.0 || full.1 {
        data = .onlyAt(full.0 ? 0 : 1)
      } else {
        data = .split
      }
      let sides = [(twins[0], shares.0), (twins[1], shares.1)].map { site, share in
        side(
          site, year: y, pool: pool, computeLoad: share, need: need, redundancy: redundancy, dataShare: share,
          legacy: false)
      }
      return ServiceParts(
        sites: twins, sides: sides, shares: shares, failoverFraction: phi, data: data,
        commonCauses: commonCauses(covering: twins))
    }
    let site = place == WorkloadDemand.sharedDataCentre ? twins.first : siteIndex[place]
    guard let site else { return nil }
    let sideParts = side(site, year: y, pool: pool, computeLoad: 1, need: need, redundancy: redundancy, dataShare: 1, legacy: true)
    return ServiceParts(
      sites: [site], sides: [sideParts], shares: (1, 0), failoverFraction: 0, data: .mirrored,
      commonCauses: commonCauses(covering: [site]))
  }

  /// The common causes that take every one of `sites` down together.
  private func commonCauses(covering sites: [Int]) -> [InfrastructureBlock] {
    components.commonCauses.filter { cause in
      let covered = Set(cause.sites.compactMap { siteIndex[$0] })
      return sites.allSatisfy(covered.contains)
    }.map { InfrastructureBlock("common cause '\($0.name)'", $0.reliability) }
  }

  /// The service's parts at `site`: its clusters for `computeLoad` of its compute (all of it
  /// where it must run alone), and its storage groups for `dataShare` of its data.
  private func side(
    _ site: Int, year y: Int, pool: Int, computeLoad: Double, need: Need, redundancy: Redundancy, dataShare: Double,
    legacy: Bool
  ) -> SideParts {
    SideParts(
      site: site, infrastructure: infrastructure[site],
      compute: clusters(site, year: y, pool: pool, vcpu: need.vcpu * computeLoad, ramGiB: need.ramGiB * computeLoad),
      storage: storage(
        need.storageTiB, redundancy: redundancy, share: dataShare, legacy: legacy, tibPerUnit: rules.at(site: site).tibPerUnit(year: y),
        hasStorage: rules.at(site: site).storage != nil))
  }

  /// The clusters of `pool` at `site` that carry `vcpu` and `ramGiB`: as many as its working
  /// servers fill, at least one, at most the pool's.
  private func clusters(_ site: Int, year y: Int, pool p: Int, vcpu: Double, ramGiB: Double) -> ClusterPart? {
    let rules = self.rules.at(site: site)
    guard rules.server != nil, p < sizing[site].pools.count else { return nil }
    let clusters = sizing[site].pools[p].clusters[y]
    let servers = sizing[site].pools[p].servers[y]
    let working = max(
      SizingStage.ceilCount(vcpu, per: rules.vcpuPerServer(year: y)), SizingStage.ceilCount(ramGiB, per: rules.ramPerServer(year: y)))
    guard clusters > 0, servers > 0, working > 0 else { return nil }
    let size = (servers + clusters - 1) / clusters
    // In normal operation a cluster must keep up its share of the servers the site's own load
    // needs: the spares and any failover reserve beyond that are slack.
    let index = (site * poolCount + p) * yearCount + y
    let own = p < poolCount && normalWorking.indices.contains(index) ? normalWorking[index] : 0
    let ownPerCluster = own > 0 ? (own + clusters - 1) / clusters : size
    let needed = max(1, min(size - rules.spares[p], ownPerCluster))
    let spares = size - needed
    let count = min(clusters, max(1, (working + needed - 1) / needed))
    let chain = cluster(size: size, spares: spares)
    let server = components.server
    return ClusterPart(
      count: count, size: size, spares: spares, unavailability: chain.unavailability, episodes: chain.episodes,
      block: .kOutOfN(
        count: count, k: needed, n: size, failureRate: server.failureRate, repairRate: server.repairRate,
        crews: min(size, components.repairCrews)))
  }

  /// A cluster of `size` servers with `spares` spares, as a birth–death chain with the site's
  /// crews (LAPACK): its unavailability and its down episodes per hour, π_{n−k} · (n − k) · λ.
  private func cluster(size: Int, spares: Int) -> (unavailability: Double, episodes: Double) {
    let key = size * 65_536 + spares
    if let known = clusterCache[key] { return known }
    let needed = max(1, size - spares)
    let maxDown = size - needed
    let server = components.server
    let π = MarkovAvailability.kOutOfNDistribution(
      n: size, failureRate: server.failureRate, repairRate: server.repairRate, crews: min(size, components.repairCrews))
      ?? [Double](repeating: 0, count: size + 1)
    let value = (π[(maxDown + 1)...].reduce(0, +), π[maxDown] * Double(needed) * server.failureRate)
    clusterCache[key] = value
    return value
  }

  /// The storage groups holding `share` of a service's `dataTiB`: with erasure coding k+m, each
  /// site holds its share in groups of k+m units tolerating m; with copies, a site holds
  /// min(1, copies × share) of one copy in ⌊copies × share⌋ local copies (all the copies at a
  /// legacy site): groups of that many units, tolerating all but one.
  private func storage(
    _ dataTiB: Double, redundancy: Redundancy, share: Double, legacy: Bool, tibPerUnit: Double, hasStorage: Bool
  ) -> StoragePart? {
    guard hasStorage, tibPerUnit > 0, dataTiB > 0 else { return nil }
    let unit = components.storageUnit
    let u = unit.unavailability
    let groups: Int
    let units: Int
    let tolerates: Int
    if let code = redundancy.erasureCoding {
      groups = max(1, SizingStage.ceilCount(dataTiB * share, per: Double(code.k) * tibPerUnit))
      units = code.k + code.m
      tolerates = code.m
    } else {
      let copies = redundancy.storageCopies * (legacy ? 1 : share)
      let local = max(1, Int((copies + 1e-9).rounded(.down)))
      groups = max(1, SizingStage.ceilCount(dataTiB * min(1, copies), per: tibPerUnit))
      units = local
      tolerates = local - 1
    }
    let groupU: Double
    if tolerates == units - 1 {
      // All copies down: u^L.
      var product = 1.0
      for _ in 0..<units { product *= u }
      groupU = product
    } else {
      groupU = Availability.kOutOfNUnavailability(k: units - tolerates, n: units, unavailability: u)
    }
    let block: FailureSimulation.Block = units == 1
      ? .parts(count: groups, failureRate: unit.failureRate, repairRate: unit.repairRate)
      : .kOutOfN(
        count: groups, k: units - tolerates, n: units, failureRate: unit.failureRate, repairRate: unit.repairRate, crews: units)
    return StoragePart(groups: groups, units: units, tolerates: tolerates, unavailability: groupU, block: block)
  }
}
