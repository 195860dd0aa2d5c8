import DCPlanModel

/// One service in one year: the sites it runs at and the parts it uses there.
struct ServiceParts {
  /// The site it runs at, or the twins.
  let sites: [Int]
  /// Its parts at each of them.
  let sides: [SideParts]
  /// The twins' load shares (normalised), or (1, 0) at one site.
  let shares: (Double, Double)
  /// The share of its load that fails over when a twin is lost (``ServiceModel/failoverFraction(failoverShare:shares:)``).
  let failoverFraction: Double
  /// Whether its data is mirrored between the twins or split.
  let data: ServiceModel.DataMode
  /// Common causes that take all its sites down together: parts in series.
  let commonCauses: [InfrastructureBlock]

  /// The availability, its parts and the failure simulation's structure.
  struct Outcome {
    let availability: Double
    let dominant: String
    let contributions: [(part: String, unavailability: Double)]
    let structure: FailureSimulation.Structure
  }

  /// The service's availability with the network cuts of its users' worst location.
  func availability(components: Components, network: NetworkCuts) -> Outcome {
    let commonU = 1 - commonCauses.reduce(1.0) { $0 * (1 - $1.unavailability) }
    var parts: [(part: String, unavailability: Double)]
    let dataCentreU: Double
    let networkU: Double
    if sides.count == 2 {
      let (x, y) = (sides[0], sides[1])
      let phi = failoverFraction
      // The steady-state unavailability for the parts' figures (a, c, s per side).
      func steady(_ a: (Double, Double), _ c: (Double, Double), _ s: (Double, Double)) -> Double {
        phi * ServiceModel.failover(a: a, c: c, s: s, data: data)
          + (1 - phi) * ServiceModel.loadShared(a: a, c: c, s: s, shares: shares, data: data)
      }
      let (a, c, s) = ((x.a, y.a), (x.c, y.c), (x.s, y.s))
      let steadyU = steady(a, c, s)
      let windows = phi > 0 ? ServiceModel.windows(x, y, shares: shares, data: data, components: components) : 0
      let foSteady = ServiceModel.failover(a: a, c: c, s: s, data: data)
      let noFailover = ServiceModel.loadShared(a: a, c: c, s: s, shares: shares, data: data)
      dataCentreU = phi * (1 - (1 - foSteady) * (1 - windows)) + (1 - phi) * noFailover
      // Each part's downtime: what would be saved if it never failed at either twin.
      parts = [
        ("site infrastructure", max(0, steadyU - steady((1, 1), c, s))),
        ("compute", max(0, steadyU - steady(a, (1, 1), s))),
        ("storage", max(0, steadyU - steady(a, c, (1, 1)))),
        ("failover", phi * windows),
      ]
      networkU = min(1, phi * network.common.unavailability
        + (1 - phi) * (shares.0 * network.perSite[0].unavailability + shares.1 * network.perSite[1].unavailability))
    } else {
      let x = sides[0]
      dataCentreU = ServiceModel.singleSite(x)
      parts = [("site infrastructure", 1 - x.a), ("compute", 1 - x.c), ("storage", 1 - x.s)]
      networkU = min(1, network.common.unavailability)
    }
    if !components.commonCauses.isEmpty { parts.append(("common cause", commonU)) }
    parts.append(("network", networkU))
    let availability = (1 - dataCentreU) * (1 - commonU) * (1 - networkU)
    let dominant = parts.max { $0.unavailability < $1.unavailability }.map { $0.unavailability > 0 ? $0.part : "none" } ?? "none"
    return Outcome(
      availability: availability, dominant: dominant, contributions: parts,
      structure: structure(components: components, network: network))
  }

  /// The same structure for the failure simulation: each side's infrastructure, clusters and
  /// storage as components (each simulated once), the failover pair, the data across the
  /// twins, the common causes and the network elements; without failover, one alternative per
  /// twin weighted by its load share.
  func structure(components: Components, network: NetworkCuts) -> FailureSimulation.Structure {
    var blocks: [FailureSimulation.Block] = []
    func add(_ block: FailureSimulation.Block) -> FailureSimulation.Node {
      blocks.append(block)
      return .component(blocks.count - 1)
    }
    let infra = sides.map { side in side.infrastructure.map { add($0.block) } }
    let compute = sides.map { side in side.compute.map { add($0.block) } }
    let storage = sides.map { side in side.storage.map { add($0.block) } }
    let causes = commonCauses.map { add($0.block) }
    func elements(_ cut: NetworkCuts.Cut) -> [FailureSimulation.Node] {
      cut.elements.map { add(.parts(count: 1, failureRate: $0.failureRate, repairRate: $0.repairRate)) }
    }
    func side(_ i: Int) -> FailureSimulation.Node { .series(infra[i] + (compute[i].map { [$0] } ?? [])) }
    func dataAt(_ i: Int) -> FailureSimulation.Node { .series(infra[i] + (storage[i].map { [$0] } ?? [])) }
    guard sides.count == 2 else {
      return FailureSimulation.Structure(
        components: blocks, weights: [1], nodes: [.series([side(0)] + (storage[0].map { [$0] } ?? []) + causes + elements(network.common))])
    }
    let dataNode: FailureSimulation.Node
    switch data {
    case .mirrored: dataNode = .parallel([dataAt(0), dataAt(1)])
    case let .onlyAt(i): dataNode = dataAt(i)
    case .split: dataNode = .series([dataAt(0), dataAt(1)])
    }
    var weights: [Double] = []
    var nodes: [FailureSimulation.Node] = []
    if failoverFraction > 0 {
      // The load each twin runs fails over to the other when its side goes down.
      let shareList = [shares.0, shares.1]
      for i in 0..<2 where shareList[i] > 0 {
        weights.append(failoverFraction * shareList[i])
        nodes.append(.series([
          .failover(
            primary: side(i), standby: side(1 - i), failoverHours: components.failoverHours,
            success: components.failoverSuccess.value, manualSwitchHours: components.manualSwitchHours),
          dataNode,
        ] + causes + elements(network.common)))
      }
    }
    if failoverFraction < 1 {
      // Without failover each twin serves its share while it, its clusters and its data are up.
      let shareList = [shares.0, shares.1]
      for i in 0..<2 where shareList[i] > 0 {
        let other = 1 - i
        // The data this twin reads: its own copy (under its infrastructure, already in its
        // side) and the other's.
        let ownData: FailureSimulation.Node = .series(storage[i].map { [$0] } ?? [])
        let dataHere: FailureSimulation.Node
        switch data {
        case .mirrored: dataHere = .parallel([ownData, dataAt(other)])
        case let .onlyAt(j): dataHere = j == i ? ownData : dataAt(other)
        case .split: dataHere = .series([ownData, dataAt(other)])
        }
        weights.append((1 - failoverFraction) * shareList[i])
        nodes.append(.series([side(i), dataHere] + causes + elements(network.perSite[i])))
      }
    }
    return FailureSimulation.Structure(components: blocks, weights: weights, nodes: nodes)
  }
}

/// The single network failures that cut a tenant's users off from a service's sites
/// (docs/conventions.md, "Service availability"): for the worst location, the elements whose
/// failure alone cuts it from every site serving it, first order.
struct NetworkCuts {
  /// One set of cutting elements and the sum of their unavailabilities.
  struct Cut {
    var unavailability: Double
    var elements: [Reliability]

    static let none = Cut(unavailability: 0, elements: [])
  }

  /// Cut from all the service's sites at once.
  let common: Cut
  /// Cut from each of them (for load served per site).
  let perSite: [Cut]
}

/// The network's single-failure cut sets, from the N-1 analysis's disconnections.
struct NetworkExposure {
  private var cuts: [String: Set<String>] = [:]
  private let components: Components
  private let scenario: Scenario

  init(_ scenario: Scenario, network: NetworkResults, components: Components) {
    self.scenario = scenario
    self.components = components
    for cut in network.disconnections { cuts[cut.from + ">" + cut.to, default: []].insert(cut.failure) }
  }

  /// Tenant `tenant`'s worst location's cuts from `sites` (all together) and from each.
  func cuts(tenant: String, _ sites: [Int]) -> NetworkCuts {
    NetworkCuts(common: worst(tenant, sites), perSite: sites.map { worst(tenant, [$0]) })
  }

  private func worst(_ tenant: String, _ sites: [Int]) -> NetworkCuts.Cut {
    let siteNodes = sites.compactMap { scenario.sites[$0].node }
    guard !siteNodes.isEmpty, let owner = scenario.tenants.first(where: { $0.id == tenant }) else { return .none }
    var worst = NetworkCuts.Cut.none
    for location in owner.locations {
      let perSite = siteNodes.map { cuts[location.node + ">" + $0] ?? [] }
      guard var common = perSite.first else { continue }
      for set in perSite.dropFirst() { common.formIntersection(set) }
      let names = common.sorted()
      let parts = names.map { $0.hasPrefix("node ") ? components.node : components.link }
      let u = parts.reduce(0) { $0 + $1.unavailability }
      if u > worst.unavailability { worst = NetworkCuts.Cut(unavailability: u, elements: parts) }
    }
    return worst
  }
}
