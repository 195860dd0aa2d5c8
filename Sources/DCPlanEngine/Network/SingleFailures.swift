import DCPlanModel

/// The single-failure (N-1) analysis (docs/conventions.md, "Single failures (N-1)"): every
/// link, node and shared-risk group fails alone; only the pairs whose route crosses the failed
/// element are rerouted (their old shares taken off, the new ones added); each link keeps the
/// highest load any failure gives it and the first failure that gives it.
enum SingleFailures {
  /// A failure's name ("link H-OL", "node hannover", "group duct-a7") and its state.
  typealias Named = (name: String, state: Graph.Failure)

  /// What the analysis finds.
  struct Outcome {
    /// The highest load under any single failure, per arc (a link in one direction) and year
    /// (at least the normal load).
    var n1Load: Matrix
    /// The first failure reaching that load, `[arc · years + year]` (empty in a lean run).
    var worst: [String?]
    /// Pairs cut off although both ends stay up (kept up to 10,000; none in a lean run).
    var disconnections: [Disconnection]

    /// Per link, its busier direction's N-1 load and the failure that gives it.
    func busier(years: Int) -> Outcome {
      let linkCount = n1Load.rows / 2
      var load = Matrix(rows: linkCount, columns: n1Load.columns)
      var names = [String?](repeating: nil, count: worst.isEmpty ? 0 : linkCount * years)
      for l in 0..<linkCount {
        for y in 0..<n1Load.columns {
          let pick = n1Load[2 * l + 1, y] > n1Load[2 * l, y] ? 2 * l + 1 : 2 * l
          load[l, y] = n1Load[pick, y]
          if !names.isEmpty { names[l * years + y] = worst[pick * years + y] }
        }
      }
      return Outcome(n1Load: load, worst: names, disconnections: disconnections)
    }
  }

  /// Every single failure, in the order links, nodes, shared-risk groups.
  static func list(_ network: Network, _ graph: Graph) -> [Named] {
    var list: [Named] = []
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

  /// Analyses `failures` for the directed `demands` on their normal `routes` with normal loads
  /// `load` per arc.
  ///
  /// - Parameters:
  ///   - lean: a Monte Carlo trial: no names of the worst failures, no list of disconnections.
  ///   - sparse: a trial with a route cache: each failure's load changes are kept as sparse
  ///     terms in the cache (and reused by later trials with the same pairs) instead of dense
  ///     per-failure buffers.
  ///   - nodeIDs: node ids, for the disconnections' ends (empty in a lean run).
  // swiftlint:disable:next function_body_length function_parameter_count
  static func analyse(
    _ failures: [Named], routes: [[(arc: Int, share: Double)]], demands: NetworkDemands, load: Matrix,
    finder: RouteFinder, lean: Bool, sparse: Bool, nodeIDs: [String], progress: WorkProgress?
  ) -> Outcome {
    let yearCount = demands.years
    let arcCount = load.rows
    let pairCount = demands.pairs.count
    let graph = finder.graph
    var n1Load = load
    var worst = [String?](repeating: nil, count: lean ? 0 : arcCount * yearCount)
    // A trial whose pairs the cache has seen skips the search; otherwise the terms are collected.
    let knownTerms = sparse ? finder.cache?.failureTerms(for: demands.pairs) : nil
    let searching = knownTerms == nil
    // The pairs crossing each link (in either direction).
    var linksUsedBy = [[Int]](repeating: [], count: searching ? arcCount / 2 : 0)
    // The pairs starting or ending at each node (a node failure takes them down).
    var pairsAt = [[Int]](repeating: [], count: searching ? graph.nodeCount : 0)
    if searching {
      for (p, route) in routes.enumerated() {
        for hop in route where linksUsedBy[hop.arc / 2].last != p { linksUsedBy[hop.arc / 2].append(p) }
      }
      for (p, pair) in demands.pairs.enumerated() {
        pairsAt[pair.from].append(p)
        if pair.to != pair.from { pairsAt[pair.to].append(p) }
      }
    }
    var disconnections: [Disconnection] = []
    // Each failure's load changes, per link and year, in one dense buffer reused from failure
    // to failure (only the links touched are read and cleared); a trial collects terms instead.
    let dense = searching && !sparse
    var delta = [Double](repeating: 0, count: dense ? arcCount * yearCount : 0)
    var touched = [Bool](repeating: false, count: dense ? arcCount : 0)
    var touchedLinks: [Int] = []
    var isAffected = [Bool](repeating: false, count: searching ? pairCount : 0)
    var collected: [FailureTerms.Term] = []
    var collectedStarts: [Int] = []
    // Adds (sign 1) or takes off (sign −1) pair p's yearly rates along a route.
    func accumulate(_ route: [(arc: Int, share: Double)], _ p: Int, sign: Double) {
      if sparse {
        for hop in route { collected.append(.init(arc: Int32(hop.arc), pair: Int32(p), coefficient: sign * hop.share)) }
        return
      }
      for hop in route {
        if !touched[hop.arc] {
          touched[hop.arc] = true
          touchedLinks.append(hop.arc)
        }
        let row = hop.arc * yearCount
        for y in 0..<yearCount { delta[row + y] += sign * hop.share * demands.mbps[p * yearCount + y] }
      }
    }
    // Repairing a target's distances pays while few nodes lose their shortest paths; past a
    // sixteenth of the nodes a Dijkstra that stops at the sources is cheaper.
    let repairLimit = max(16, graph.nodeCount / 16)
    for (f, failure) in failures.enumerated() where searching {
      defer { progress?.advance() }
      collectedStarts.append(collected.count)
      let order = affectedPairs(failure.state, linksUsedBy: linksUsedBy, pairsAt: pairsAt, isAffected: &isAffected)
      guard !order.isEmpty else { continue }
      // Distances to each target under the failure: the normal ones when the failure is off
      // every shortest path to it, else Dijkstra until the affected sources are settled.
      var sourcesByTarget: [Int: Set<Int>] = [:]
      for p in order {
        let pair = demands.pairs[p]
        guard pair.from != failure.state.node, pair.to != failure.state.node,
          graph.hasLiveEdge(pair.from, failure.state), graph.hasLiveEdge(pair.to, failure.state),
          !finder.knows(pair, failure: f)
        else { continue }
        sourcesByTarget[pair.to, default: []].insert(pair.from)
      }
      var failedDistances: [Int: TargetDistances] = [:]
      // A leaf target's distances come from its hubs' under the failure: each hub's run once,
      // until the sources of every leaf target through it are settled.
      var sourcesByHub: [Int: Set<Int>] = [:]
      var changed: [Int] = []
      for (target, sources) in sourcesByTarget {
        let normal = finder.distances(to: target)
        if graph.keepsDistances(normal, failure.state) {
          failedDistances[target] = normal
        } else if let patch = graph.singleNodeChange(normal, failure.state), let patched = normal.patched(patch) {
          failedDistances[target] = patched
        } else if normal.isDerived {
          for edge in graph.adjacency[target] { sourcesByHub[edge.neighbour, default: []].formUnion(sources) }
          changed.append(target)
        } else if let plain = normal.plainArray,
          let repaired = graph.repairedDistances(plain, target: target, avoiding: failure.state, limit: repairLimit)
        {
          // Only the nodes whose shortest paths the failure cut are settled again.
          failedDistances[target] = TargetDistances(target: target, full: repaired)
        } else {
          failedDistances[target] = TargetDistances(
            target: target, full: graph.distances(from: target, avoiding: failure.state, settling: sources))
        }
      }
      var hubDistances: [Int: TargetDistances.Array] = [:]
      func failedHub(_ hub: Int) -> TargetDistances.Array {
        if let known = hubDistances[hub] { return known }
        let normal = finder.distances(from: hub)
        let asTarget = TargetDistances(target: hub, full: normal)
        let failed: TargetDistances.Array
        if graph.keepsDistances(asTarget, failure.state) {
          failed = TargetDistances.Array(normal)
        } else if let patch = graph.singleNodeChange(asTarget, failure.state) {
          failed = TargetDistances.Array(normal, patch: patch)
        } else {
          failed = TargetDistances.Array(
            graph.repairedDistances(normal, target: hub, avoiding: failure.state, limit: repairLimit)
              ?? graph.distances(from: hub, avoiding: failure.state, settling: sourcesByHub[hub]))
        }
        hubDistances[hub] = failed
        return failed
      }
      for target in changed {
        failedDistances[target] = graph.derivedDistances(to: target, avoiding: failure.state, neighbourDistances: failedHub)
      }
      for p in order {
        let pair = demands.pairs[p]
        accumulate(routes[p], p, sign: -1)
        // The failed node's own traffic goes down with it.
        if pair.from == failure.state.node || pair.to == failure.state.node { continue }
        let rerouted = finder.reroute(pair, failure: f, failure.state, failedDistances: failedDistances)
        if rerouted.isEmpty {
          // Kept up to a bound: a badly meshed state-scale network could list millions.
          if !lean, disconnections.count < 10_000, !(p < demands.isReverse.count && demands.isReverse[p]) {
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
        guard !failure.state.isLinkDown(link / 2) else { continue }
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
    if sparse, let cache = finder.cache {
      let terms = knownTerms ?? cache.storeFailureTerms(
        FailureTerms(collected, starts: collectedStarts, failures: failures.map(\.state)), for: demands.pairs)
      terms.apply(rates: demands.mbps, years: yearCount, load: load, to: &n1Load)
    }
    return Outcome(n1Load: n1Load, worst: worst, disconnections: disconnections)
  }

  /// The pairs a failure touches, ascending: those whose normal route crosses a failed link,
  /// and those that start or end at a failed node. `isAffected` is all false before and after.
  private static func affectedPairs(
    _ state: Graph.Failure, linksUsedBy: [[Int]], pairsAt: [[Int]], isAffected: inout [Bool]
  ) -> [Int] {
    var order: [Int] = []
    for link in state.links {
      for p in linksUsedBy[link] where !isAffected[p] {
        isAffected[p] = true
        order.append(p)
      }
    }
    if let node = state.node {
      for p in pairsAt[node] where !isAffected[p] {
        isAffected[p] = true
        order.append(p)
      }
    }
    order.sort()
    for p in order { isAffected[p] = false }
    return order
  }
}
