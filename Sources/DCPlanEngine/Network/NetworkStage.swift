import DCPlanModel

/// The network stage: demands → routing → link loads for all years at once → single-failure
/// analysis → upgrade plan (docs/conventions.md, "Network").
///
/// - Normal loads are one product through BLAS: routing matrix (links × pairs, the share of
///   each pair's traffic on each link under ECMP) times demand matrix (pairs × years).
/// - For every single link, node and shared-risk group failure only the pairs whose route
///   crosses the failed element are rerouted; their old shares are taken off and the new
///   ones added. A pair with no path left while both ends are up is a disconnection; the
///   traffic of a failed node's own pairs goes down with it.
/// - Routing depends on weights, not capacities, so the loads are fixed before the upgrade
///   plan picks, per link and year, the first step that keeps utilisation under the target
///   in normal operation and under the failure target with any single failure.
public enum NetworkStage {
  /// Runs the network stage; empty when the scenario has no links.
  ///
  /// - Parameter delays: whether to work out each location's voice delay (Monte Carlo trials,
  ///   which only need loads, upgrades and costs, leave it out).
  public static func run(
    _ scenario: Scenario, _ demand: DemandProjection, voice: inout VoiceResults, delays: Bool = true,
    progress: (@Sendable (Int) -> WorkProgress?)? = nil
  ) -> (NetworkResults, [PlanWarning]) {
    run(scenario, demand, voice: &voice, delays: delays, cache: nil, progress: progress)
  }

  /// ``run(_:_:voice:delays:)`` keeping the routes in `cache` for the next call on the same topology.
  ///
  /// - Parameter lean: a Monte Carlo trial's run: no demand labels, warnings, list of
  ///   disconnections or ``LinkResult`` rows (the loads, N-1 loads, capacities and upgrades,
  ///   in ``NetworkResults/table``, are the same).
  static func run(
    _ scenario: Scenario, _ demand: DemandProjection, voice: inout VoiceResults, delays: Bool, cache: RouteCache?,
    lean: Bool = false, progress: (@Sendable (Int) -> WorkProgress?)? = nil
  ) -> (NetworkResults, [PlanWarning]) {
    let network = scenario.network
    guard !network.links.isEmpty, let first = demand.years.first else { return (.empty, []) }
    let years = demand.years
    let yearCount = years.count
    let graph = cache?.graph ?? Graph(network)
    cache?.graph = graph
    var layout = cache?.takeDemandLayout()
      ?? NetworkDemands.Layout(scenario, nodeIndex: cache?.nodeIndex(of: network) ?? network.nodeIndices())
    let demands = NetworkDemands.build(scenario, demand, voice: voice, labels: !lean, layout: &layout)
    cache?.demandLayout = layout
    let pairCount = demands.pairs.count
    let linkCount = network.links.count

    // Normal routing, one Dijkstra per distinct target.
    var targetDistances: [Int: [Double]] = cache?.normalDistances ?? [:]
    func distances(to target: Int) -> [Double] {
      if let cached = targetDistances[target] { return cached }
      let computed = graph.distances(from: target, avoiding: .none)
      targetDistances[target] = computed
      cache?.normalDistances[target] = computed
      return computed
    }
    func key(_ failure: Int, _ pair: NetworkDemands.Pair) -> RouteCache.Key {
      RouteCache.Key(failure: Int32(failure), from: Int32(pair.from), to: Int32(pair.to))
    }
    // A trial with the pairs of the worker's previous one takes its routes as they were.
    var routes: [[(link: Int, share: Double)]] = cache?.normalRoutes(for: demands.pairs) ?? demands.pairs.map { pair in
      if let known = cache?.routes[key(-1, pair)] { return known }
      let route = graph.ecmpShares(from: pair.from, toTarget: distances(to: pair.to), avoiding: .none)
      cache?.routes[key(-1, pair)] = route
      return route
    }
    cache?.keepNormalRoutes(routes, for: demands.pairs)
    // A Monte Carlo trial keeps each failure's load changes as sparse terms in its cache.
    let sparse = lean && cache != nil
    var load = Matrix(rows: linkCount, columns: yearCount)
    var voiceLoad = Matrix(rows: sparse ? 0 : linkCount, columns: sparse ? 0 : yearCount)
    if sparse {
      // A trial: rates along each route hop by hop (the routing matrix is mostly zeros at
      // state scale); the voice part is not kept.
      for (p, route) in routes.enumerated() {
        for hop in route { for y in 0..<yearCount { load[hop.link, y] += hop.share * demands.mbps[p * yearCount + y] } }
      }
    } else {
      var routing = Matrix(rows: linkCount, columns: pairCount)
      for (p, route) in routes.enumerated() { for hop in route { routing[hop.link, p] = hop.share } }
      // One product for all traffic and its voice part: the demand matrix holds the years of
      // all traffic in its first columns and those of voice in the next.
      var demandMatrix = Matrix(rows: pairCount, columns: 2 * yearCount)
      for p in 0..<pairCount {
        for y in 0..<yearCount {
          demandMatrix[p, y] = demands.mbps[p * yearCount + y]
          demandMatrix[p, yearCount + y] = demands.voiceMbps[p * yearCount + y]
        }
      }
      let both = BLAS.product(routing, demandMatrix)  // links × 2·years, Mbit/s
      for l in 0..<linkCount {
        for y in 0..<yearCount {
          load[l, y] = both[l, y]
          voiceLoad[l, y] = both[l, yearCount + y]
        }
      }
    }

    // Single failures.
    let failures = cache?.failures ?? failureList(network, graph)
    cache?.failures = failures
    var n1Load = load
    var worst = [String?](repeating: nil, count: lean ? 0 : linkCount * yearCount)
    // A trial whose pairs the cache has seen skips the search; otherwise the terms are collected.
    let knownTerms = sparse ? cache?.failureTerms(for: demands.pairs) : nil
    let searching = knownTerms == nil
    var linksUsedBy = [[Int]](repeating: [], count: searching ? linkCount : 0)  // pairs crossing each link
    if searching { for (p, route) in routes.enumerated() { for hop in route { linksUsedBy[hop.link].append(p) } } }
    var disconnections: [Disconnection] = []
    let nodeIDs = lean ? [] : network.nodes.map(\.id)
    let failureProgress = progress?(failures.count)
    // Each failure's load changes, per link and year, in one dense buffer reused from failure
    // to failure (only the links touched are read and cleared); a trial collects terms instead.
    let dense = searching && !sparse
    var delta = [Double](repeating: 0, count: dense ? linkCount * yearCount : 0)
    var touched = [Bool](repeating: false, count: dense ? linkCount : 0)
    var touchedLinks: [Int] = []
    var isAffected = [Bool](repeating: false, count: searching ? pairCount : 0)
    var collected: [FailureTerms.Term] = []
    var collectedStarts: [Int] = []
    // Adds (sign 1) or takes off (sign −1) pair p's yearly rates along a route.
    func accumulate(_ route: [(link: Int, share: Double)], _ p: Int, sign: Double) {
      if sparse {
        for hop in route { collected.append(.init(link: Int32(hop.link), pair: Int32(p), coefficient: sign * hop.share)) }
        return
      }
      for hop in route {
        if !touched[hop.link] {
          touched[hop.link] = true
          touchedLinks.append(hop.link)
        }
        let row = hop.link * yearCount
        for y in 0..<yearCount { delta[row + y] += sign * hop.share * demands.mbps[p * yearCount + y] }
      }
    }
    for (f, failure) in failures.enumerated() where searching {
      defer { failureProgress?.advance() }
      collectedStarts.append(collected.count)
      var order: [Int] = []
      for link in failure.state.links {
        for p in linksUsedBy[link] where !isAffected[p] {
          isAffected[p] = true
          order.append(p)
        }
      }
      if let node = failure.state.node {
        for (p, pair) in demands.pairs.enumerated() where (pair.from == node || pair.to == node) && !isAffected[p] {
          isAffected[p] = true
          order.append(p)
        }
      }
      guard !order.isEmpty else { continue }
      order.sort()
      for p in order { isAffected[p] = false }
      // Distances to each target under the failure: the normal ones when the failure is off
      // every shortest path to it, else Dijkstra until the affected sources are settled.
      var sourcesByTarget: [Int: Set<Int>] = [:]
      for p in order {
        let pair = demands.pairs[p]
        guard pair.from != failure.state.node, pair.to != failure.state.node,
          graph.hasLiveEdge(pair.from, failure.state), graph.hasLiveEdge(pair.to, failure.state),
          cache?.routes[key(f, pair)] == nil
        else { continue }
        sourcesByTarget[pair.to, default: []].insert(pair.from)
      }
      var failedDistances: [Int: [Double]] = [:]
      for (target, sources) in sourcesByTarget {
        let normal = distances(to: target)
        failedDistances[target] = graph.keepsDistances(normal, failure.state)
          ? normal : graph.distances(from: target, avoiding: failure.state, settling: sources)
      }
      for p in order {
        let pair = demands.pairs[p]
        accumulate(routes[p], p, sign: -1)
        // The failed node's own traffic goes down with it.
        if pair.from == failure.state.node || pair.to == failure.state.node { continue }
        let rerouted: [(link: Int, share: Double)]
        if let known = cache?.routes[key(f, pair)] {
          rerouted = known
        } else {
          rerouted = graph.hasLiveEdge(pair.from, failure.state) && graph.hasLiveEdge(pair.to, failure.state)
            ? graph.ecmpShares(from: pair.from, toTarget: failedDistances[pair.to] ?? [], avoiding: failure.state) : []
          cache?.routes[key(f, pair)] = rerouted
        }
        if rerouted.isEmpty {
          // Kept up to a bound: a badly meshed state-scale network could list millions.
          if !lean, disconnections.count < 10_000 {
            let rates = demands.mbps[(p * yearCount)..<((p + 1) * yearCount)]
            disconnections.append(
              Disconnection(from: nodeIDs[pair.from], to: nodeIDs[pair.to], failure: failure.name, carries: demands.labels[p],
                            peakMbps: rates.max() ?? 0))
          }
          continue
        }
        accumulate(rerouted, p, sign: 1)
      }
      for link in touchedLinks {
        touched[link] = false
        let row = link * yearCount
        defer { for y in 0..<yearCount { delta[row + y] = 0 } }
        guard !failure.state.isLinkDown(link) else { continue }
        for y in 0..<yearCount {
          let value = load[link, y] + delta[row + y]
          if value > n1Load[link, y] * (1 + 1e-12) + 1e-9 {
            n1Load[link, y] = value
            if !lean { worst[link * yearCount + y] = failure.name }
          }
        }
      }
      touchedLinks.removeAll(keepingCapacity: true)
    }
    if sparse, let cache {
      let terms = knownTerms ?? cache.storeFailureTerms(
        FailureTerms(collected, starts: collectedStarts, failures: failures.map(\.state)), for: demands.pairs)
      terms.apply(rates: demands.mbps, years: yearCount, load: load, to: &n1Load)
    }
    routes.removeAll()

    // Upgrade plan, link by link.
    var standing = Matrix(rows: linkCount, columns: yearCount)
    var results: [LinkResult] = []
    var upgrades: [LinkUpgrade] = []
    var warnings: [PlanWarning] = []
    for (l, link) in network.links.enumerated() {
      for y in 0..<yearCount { standing[l, y] = link.capacity.megabitsPerSecond }
      var stepReady = [Int?](repeating: nil, count: lean ? 0 : yearCount)
      var chosen = -1  // index of the last step ordered
      for (y, year) in years.enumerated() {
        let required = max(load[l, y] / network.targetUtilisation.value, n1Load[l, y] / network.failureUtilisation.value)
        let ordered = chosen >= 0 ? link.steps[chosen].capacity.megabitsPerSecond : link.capacity.megabitsPerSecond
        if required > ordered * (1 + 1e-12), chosen + 1 < link.steps.count {
          let fitting = link.steps.indices.dropFirst(chosen + 1).first { link.steps[$0].capacity.megabitsPerSecond >= required }
          let k = fitting ?? (link.steps.count - 1)
          let step = link.steps[k]
          let ready = max(year, first + step.leadTimeYears)
          upgrades.append(
            LinkUpgrade(link: link.id, step: k + 1, capacityMbps: step.capacity.megabitsPerSecond, orderYear: ready + (-step.leadTimeYears),
                        readyYear: ready, capex: step.capex, leasePerYear: step.leasePerYear))
          chosen = k
          let readyIndex = ready - first
          if readyIndex < yearCount {
            if !lean { stepReady[readyIndex] = k + 1 }
            for later in readyIndex..<yearCount { standing[l, later] = step.capacity.megabitsPerSecond }
          }
        }
      }
      // A trial needs only the loads, the capacities standing and the upgrades.
      guard !lean else { continue }
      for (y, year) in years.enumerated() {
        let utilisation = load[l, y] / standing[l, y]
        let n1 = n1Load[l, y] / standing[l, y]
        if Shortfall.linkOverTarget(loadMbps: load[l, y], capacityMbps: standing[l, y], target: network.targetUtilisation.value) {
          warnings.append(PlanWarning(
            code: "link-over-target", year: year, subject: link.id,
            message: "link '\(link.id)' runs at \(percent(utilisation)) % in \(year), above the \(percent(network.targetUtilisation.value)) % target; "
              + (chosen + 1 < link.steps.count || stepReady[y...].contains { $0 != nil } ? "its upgrade comes too late: order it earlier" : "no larger step is left: add an upgrade step or another route")))
        }
        if Shortfall.linkOverTarget(loadMbps: n1Load[l, y], capacityMbps: standing[l, y], target: network.failureUtilisation.value) {
          warnings.append(PlanWarning(
            code: "link-over-failure-target", year: year, subject: link.id,
            message: "link '\(link.id)' runs at \(percent(n1)) % in \(year) when \(worst[l * yearCount + y] ?? "another element") fails, above the \(percent(network.failureUtilisation.value)) % failure target; add capacity or another route"))
        }
      }
      results.append(LinkResult(
        id: link.id, from: link.from, to: link.to, capacityMbps: Array(standing.row(l)), loadMbps: Array(load.row(l)),
        voiceMbps: Array(voiceLoad.row(l)),
        n1LoadMbps: Array(n1Load.row(l)), n1WorstFailure: Array(worst[(l * yearCount)..<((l + 1) * yearCount)]),
        upgradeStep: stepReady))
    }
    // One warning per demand that some failure cuts off, naming the first such failure.
    var cutCount: [String: Int] = [:]
    for cut in disconnections where !lean { cutCount["\(cut.from)>\(cut.to)", default: 0] += 1 }
    var warned = Set<String>()
    for cut in disconnections where warned.insert("\(cut.from)>\(cut.to)").inserted {
      let count = cutCount["\(cut.from)>\(cut.to)"] ?? 1
      warnings.append(PlanWarning(
        code: "n1-disconnection", year: nil, subject: "\(cut.from)–\(cut.to)",
        message: "the demand from '\(cut.from)' to '\(cut.to)' (\(cut.carries.joined(separator: ", "))) loses its only path when \(cut.failure) fails"
          + (count > 1 ? " (and under \(count - 1) other failure\(count > 2 ? "s" : ""))" : "") + "; give it a second path"))
    }
    if delays {
      warnings += VoiceDelay.annotate(
      &voice, scenario: scenario, graph: graph, years: years,
      links: .init(capacityMbps: (0..<linkCount).map { Array(standing.row($0)) }, loadMbps: load, voiceMbps: voiceLoad, n1LoadMbps: n1Load), failures: failures,
      normalDistances: distances(to:))
    }
    let table = LinkTable(loadMbps: load, n1LoadMbps: n1Load, capacityMbps: standing)
    return (NetworkResults(
      links: results, upgrades: upgrades, disconnections: disconnections, failuresAnalysed: failures.count, table: table), warnings)
  }

  /// Every single failure: each link, each node, each shared-risk group.
  private static func failureList(_ network: Network, _ graph: Graph) -> [(name: String, state: Graph.Failure)] {
    var list: [(String, Graph.Failure)] = []
    let count = network.links.count
    for (l, link) in network.links.enumerated() {
      list.append(("link \(link.id)", Graph.Failure(links: [l], node: nil, linkCount: count)))
    }
    for (n, node) in network.nodes.enumerated() {
      let incident = Array(Set(graph.adjacency[n].map(\.link))).sorted()
      list.append(("node \(node.id)", Graph.Failure(links: incident, node: n, linkCount: count)))
    }
    let linkIndex = Dictionary(network.links.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    for group in network.sharedRiskGroups {
      let links = Array(Set(group.links.compactMap { linkIndex[$0] })).sorted()
      list.append(("group \(group.id)", Graph.Failure(links: links, node: nil, linkCount: count)))
    }
    return list
  }

  private static func percent(_ fraction: Double) -> String { NumberText.fixed(fraction * 100, decimals: 1) }
}
