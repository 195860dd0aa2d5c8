import DCPlanModel

/// One service's availability in one year.
public struct ServiceAvailability: Hashable, Sendable {
  /// The workload's id.
  public let service: String
  /// Its tenant.
  public let tenant: String
  /// The year.
  public let year: Year
  /// Where it runs: a site id or "shared".
  public let placement: String
  /// Steady-state availability (fraction).
  public let availability: Double
  /// Expected downtime, minutes per year of 365 days.
  public var downtimeMinutesPerYear: Double { Availability.downtimeMinutesPerYear(unavailability: 1 - availability) }
  /// The target, if the workload has one.
  public let target: AvailabilityTarget?
  /// Whether it meets the target (true without one).
  public var meetsTarget: Bool { target.map { availability >= $0.availability.value - 1e-12 } ?? true }
  /// The part that contributes most downtime, and its share of the unavailability.
  public let dominant: String
  /// Unavailability by part, in the order: site infrastructure, compute, storage, failover, network.
  public let contributions: [(part: String, unavailability: Double)]
  /// The series structure the failure simulation runs.
  public let blocks: [FailureSimulation.Block]?
  /// The failure simulation's downtime distribution, when it was asked for.
  public var simulated: SimulatedDowntime?

  /// Equal when the same figures stand.
  public static func == (lhs: ServiceAvailability, rhs: ServiceAvailability) -> Bool {
    lhs.service == rhs.service && lhs.year == rhs.year && lhs.availability == rhs.availability && lhs.dominant == rhs.dominant
  }

  /// Hashes the identity and figure.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(service)
    hasher.combine(year)
    hasher.combine(availability)
  }
}

/// Downtime per year from the failure simulation.
public struct SimulatedDowntime: Hashable, Sendable {
  /// Trials simulated.
  public let trials: Int
  /// Mean downtime, minutes per year.
  public let meanMinutes: Double
  /// Standard error of the mean, minutes per year.
  public let standardErrorMinutes: Double
  /// Median, 95th and 99th percentile of the yearly downtime, minutes.
  public let p50Minutes: Double
  /// 95th percentile, minutes.
  public let p95Minutes: Double
  /// 99th percentile, minutes.
  public let p99Minutes: Double
  /// Failure and repair events simulated.
  public let events: Int
}

/// The availability stage: each service's availability per year from the plan's structure and
/// the components' MTBF and MTTR (docs/conventions.md, "Service availability").
///
/// - A site serves when its power chain, cooling and the site itself are up (series), every
///   compute cluster has at most its spares failed (k-out-of-n with the site's repair crews,
///   Markov through LAPACK) and every storage unit is up (series).
/// - In the shared data centre the two largest shared sites back each other up: a pair with a
///   failover that succeeds with `failover_success` (else by hand in `manual_switch_time`),
///   solved as a Markov chain, plus `failover_time` of downtime per successful failover.
/// - The network adds, first order, the unavailability of every single failure (link, node,
///   shared-risk group) that cuts one of the tenant's locations off from every site serving it
///   (the N-1 analysis' disconnections); the worst location counts.
public enum ServiceAvailabilityStage {
  static func run(
    _ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing], network: NetworkResults
  ) -> [ServiceAvailability] {
    guard let components = scenario.components else { return [] }
    let years = demand.years
    let server = CatalogueChoice.server(scenario)
    let policy = scenario.policy
    // Per site and year: unavailability and an equivalent failure rate.
    struct SiteState {
      let infrastructure: Double
      let compute: Double
      let storage: Double
      let total: Double
      /// Down episodes per hour by kind of block, with their mean duration in hours.
      let episodes: [(rate: Double, meanDownHours: Double)]
      let blocks: [FailureSimulation.Block]
    }
    // The power chain: one block if given, else the UPS in series with mains ∥ generators.
    // Each block as (unavailability, episode rate ÷ (1 − U), mean down time, simulation block).
    typealias Chain = (unavailability: Double, rate: Double, meanDown: Double, block: FailureSimulation.Block)
    func single(_ part: Reliability) -> Chain {
      (part.unavailability, part.failureRate, part.mttrHours, .parts(count: 1, failureRate: part.failureRate, repairRate: part.repairRate))
    }
    var powerChain: [Chain]
    if let power = components.power {
      powerChain = [single(power)]
    } else {
      let m = components.mains
      let g = components.generator
      let pairU = m.unavailability * g.unavailability
      // Both down begins when one fails while the other is already down.
      let pairEpisodes = (1 - m.unavailability) * g.unavailability * m.failureRate + m.unavailability * (1 - g.unavailability) * g.failureRate
      powerChain = [
        single(components.ups),
        (pairU, pairEpisodes / (1 - pairU), pairEpisodes > 0 ? pairU / pairEpisodes : 0,
         .redundant(failureRates: [m.failureRate, g.failureRate], repairRates: [m.repairRate, g.repairRate])),
      ]
    }
    let infrastructure = powerChain + [single(components.cooling), single(components.site)]
    let stackU = 1 - infrastructure.reduce(1.0) { $0 * (1 - $1.unavailability) }
    // Per cluster size: unavailability and the rate of down episodes, π_{n−k} · k · λ (the
    // chain leaves its last up state by one of the k working servers failing).
    var clusterCache: [Int: (unavailability: Double, episodes: Double)] = [:]
    func cluster(size: Int, spares: Int) -> (unavailability: Double, episodes: Double) {
      if let known = clusterCache[size] { return known }
      let needed = max(1, size - spares)
      let maxDown = size - needed
      let π = MarkovAvailability.kOutOfNDistribution(
        n: size, failureRate: components.server.failureRate, repairRate: components.server.repairRate,
        crews: min(size, components.repairCrews)) ?? [Double](repeating: 0, count: size + 1)
      let value = (π[(maxDown + 1)...].reduce(0, +), π[maxDown] * Double(needed) * components.server.failureRate)
      clusterCache[size] = value
      return value
    }
    // Copies of the data held at each site: all of them at a legacy site, a shared site its
    // load share of them (2 copies over two sites at 50 %: one each); at least one.
    func localCopies(_ site: Site) -> Int {
      let copies = site.kind == .shared ? policy.storageRawFactor * site.loadShare.value : policy.storageRawFactor
      return max(1, Int((copies + 1e-9).rounded(.down)))
    }
    let siteStates: [[SiteState]] = zip(scenario.sites, sizing).map { site, sized in
      years.indices.map { y in
        let servers = sized.servers[y]
        let clusters = sized.clusters[y]
        var computeU = 0.0
        var computeRate = 0.0
        var blocks: [FailureSimulation.Block] = infrastructure.map(\.block)
        if servers > 0, clusters > 0, server != nil {
          let size = (servers + clusters - 1) / clusters
          let state = cluster(size: size, spares: policy.sparesPerCluster)
          computeU = 1 - pow1p(-state.unavailability, clusters)
          computeRate = Double(clusters) * state.episodes / (1 - state.unavailability)
          blocks.append(.kOutOfN(
            count: clusters, k: max(1, size - policy.sparesPerCluster), n: size, failureRate: components.server.failureRate,
            repairRate: components.server.repairRate, crews: min(size, components.repairCrews)))
        }
        // Storage: groups of `copies` mirrored units, each group down while all its units are.
        let units = sized.storageUnits[y]
        let copies = localCopies(site)
        let groups = (units + copies - 1) / copies
        let u = components.storageUnit.unavailability
        var groupU = 1.0
        for _ in 0..<copies { groupU *= u }
        let storageU = 1 - pow1p(-groupU, groups)
        // A group's episodes start when its last unit fails: c·λ·(1 − u)·u^(c−1).
        let groupEpisodes = Double(copies) * components.storageUnit.failureRate * (1 - u) * groupU / u
        let storageRate = Double(groups) * groupEpisodes / (1 - groupU)
        let total = 1 - (1 - stackU) * (1 - computeU) * (1 - storageU)
        // Down episodes start when one block fails while all are up:
        // f = (1 − U_site) · Σ_blocks f_block / (1 − U_block), with f/(1 − U) = λ for a part.
        let up = 1 - total
        var kinds: [(rate: Double, meanDownHours: Double)] = infrastructure.map { (up * $0.rate, $0.meanDown) }
        if computeRate > 0 {
          let size = (servers + clusters - 1) / clusters
          let state = cluster(size: size, spares: policy.sparesPerCluster)
          kinds.append((up * computeRate, state.episodes > 0 ? state.unavailability / state.episodes : 0))
        }
        if units > 0 { kinds.append((up * storageRate, components.storageUnit.mttrHours / Double(copies))) }
        if units > 0 {
          if copies == 1 {
            blocks.append(.parts(count: units, failureRate: components.storageUnit.failureRate, repairRate: components.storageUnit.repairRate))
          } else {
            let group = FailureSimulation.Block.redundant(
              failureRates: Array(repeating: components.storageUnit.failureRate, count: copies),
              repairRates: Array(repeating: components.storageUnit.repairRate, count: copies))
            blocks += Array(repeating: group, count: groups)
          }
        }
        return SiteState(infrastructure: stackU, compute: computeU, storage: storageU, total: total,
                         episodes: kinds, blocks: blocks)
      }
    }
    let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
      .sorted { scenario.sites[$0].loadShare > scenario.sites[$1].loadShare }
    let twins = Array(shared.prefix(2))
    let siteIndex = Dictionary(scenario.sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let tenants = Dictionary(scenario.tenants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // Cut sets of size one from the N-1 analysis: (location node, site node) → failures.
    var cuts: [String: Set<String>] = [:]
    for cut in network.disconnections { cuts[cut.from + ">" + cut.to, default: []].insert(cut.failure) }
    func failureUnavailability(_ name: String) -> Double {
      name.hasPrefix("node ") ? components.node.unavailability : components.link.unavailability
    }
    var rows: [ServiceAvailability] = []
    for (w, workload) in scenario.workloads.enumerated() {
      for (y, year) in years.enumerated() {
        guard let place = demand.placement[w * years.count + y] else { continue }
        var parts: [(String, Double)] = []
        var servingSites: [Int] = []
        var blocks: [FailureSimulation.Block]?
        if place == WorkloadDemand.sharedDataCentre {
          servingSites = twins
          if twins.count == 2 {
            let a = siteStates[twins[0]][y]
            let b = siteStates[twins[1]][y]
            // Both down, and the failover windows (docs/conventions.md, "Service availability").
            let both = a.total * b.total
            // Per kind of episode: a successful failover takes its time; a failed one lasts until
            // the manual switch or the repair, E[min(M, D)] = 1 / (1/manual + 1/mean down).
            func windows(_ site: SiteState) -> Double {
              site.episodes.reduce(0) { sum, kind in
                let manual = kind.meanDownHours > 0 ? 1 / (1 / components.manualSwitchHours + 1 / kind.meanDownHours) : 0
                return sum + kind.rate * (components.failoverSuccess.value * components.failoverHours
                  + (1 - components.failoverSuccess.value) * manual)
              }
            }
            let failover = min(1, (1 - b.total) * windows(a) + (1 - a.total) * windows(b))
            parts = [("twin sites", both), ("failover", failover)]
            blocks = [.twin(
              a: a.blocks, b: b.blocks, failoverHours: components.failoverHours, success: components.failoverSuccess.value,
              manualSwitchHours: components.manualSwitchHours)]
          } else if let only = twins.first {
            let state = siteStates[only][y]
            parts = [("site infrastructure", state.infrastructure), ("compute", state.compute), ("storage", state.storage)]
            blocks = state.blocks
          }
        } else if let s = siteIndex[place] {
          servingSites = [s]
          let state = siteStates[s][y]
          parts = [("site infrastructure", state.infrastructure), ("compute", state.compute), ("storage", state.storage)]
          blocks = state.blocks
        }
        // Network: the worst location of the tenant.
        var networkU = 0.0
        var worstCut: [String] = []
        let siteNodes = servingSites.compactMap { scenario.sites[$0].node }
        for location in tenants[workload.tenant]?.locations ?? [] where !siteNodes.isEmpty {
          let perSite = siteNodes.map { cuts[location.node + ">" + $0] ?? [] }
          guard var common = perSite.first else { continue }
          for set in perSite.dropFirst() { common.formIntersection(set) }
          let u = common.reduce(0) { $0 + failureUnavailability($1) }
          if u > networkU {
            networkU = u
            worstCut = common.sorted()
          }
        }
        // The worst location's cutting elements, each a part in series.
        blocks? += worstCut.map { name in
          let part = name.hasPrefix("node ") ? components.node : components.link
          return .parts(count: 1, failureRate: part.failureRate, repairRate: part.repairRate)
        }
        parts.append(("network", min(1, networkU)))
        let availability = parts.reduce(1.0) { $0 * (1 - $1.1) }
        let dominant = parts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : "none" } ?? "none"
        rows.append(ServiceAvailability(
          service: workload.id, tenant: workload.tenant, year: year, placement: place, availability: availability,
          target: workload.availabilityTarget, dominant: dominant, contributions: parts.map { (part: $0.0, unavailability: $0.1) },
          blocks: blocks, simulated: nil))
      }
    }
    return rows
  }

  /// Runs the failure simulation for every row with a series structure: `trials` years each.
  static func simulate(_ rows: inout [ServiceAvailability], trials: Int, seed: UInt64) {
    for index in rows.indices {
      guard let blocks = rows[index].blocks else { continue }
      // Each row's stream is its own: the seed mixed with the row index.
      let outcome = FailureSimulation.run(
        blocks: blocks, periodHours: 8760, trials: trials, seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
      rows[index].simulated = SimulatedDowntime(
        trials: trials, meanMinutes: outcome.meanUnavailability * 525_600, standardErrorMinutes: outcome.standardError * 525_600,
        p50Minutes: outcome.downtimeMinutes(quantile: 0.5), p95Minutes: outcome.downtimeMinutes(quantile: 0.95),
        p99Minutes: outcome.downtimeMinutes(quantile: 0.99), events: outcome.events)
    }
  }

  /// One warning per service that misses its target, naming the first year and the dominant part.
  static func warnings(_ rows: [ServiceAvailability]) -> [PlanWarning] {
    var warned = Set<String>()
    return rows.compactMap { row in
      guard !row.meetsTarget, let target = row.target, warned.insert(row.service).inserted else { return nil }
      return PlanWarning(
        code: .availabilityBelowTarget, year: row.year, subject: row.service,
        message: "service '\(row.service)' reaches \(NumberText.fixed(row.availability * 100, decimals: 4)) % in \(row.year), "
          + "below its target \(target.className.map { "\($0) " } ?? "")(\(NumberText.fixed(target.availability.value * 100, decimals: 4)) %): "
          + "\(NumberText.fixed(row.downtimeMinutesPerYear, decimals: 1)) minutes a year, mostly from \(row.dominant)")
    }
  }
}
