import DCPlanModel

/// One worker of the single-failure analysis (``SingleFailures``): for a failure, the pairs it
/// touches are rerouted and their load changes summed per arc and year (or, in a Monte Carlo
/// trial with a route cache, collected as sparse terms). A worker owns its route finder and
/// buffers; what it gives for a failure depends on nothing but the failure.
final class FailureWorker: @unchecked Sendable {
  /// What every worker of one analysis reads.
  struct Shared {
    let failures: [SingleFailures.Named]
    let routes: [[(arc: Int, share: Double)]]
    let demands: NetworkDemands
    /// The pairs crossing each link, and starting or ending at each node.
    let linksUsedBy: [[Int]]
    let pairsAt: [[Int]]
    let lean: Bool
    let sparse: Bool
    let nodeIDs: [String]
    let progress: WorkProgress?
  }

  /// A failure's load changes on the arcs it touches (`deltas[i · years + y]` for `arcs[i]`),
  /// and the pairs it cuts off while both ends stay up.
  struct Effect {
    var arcs: [Int] = []
    var deltas: [Double] = []
    var disconnections: [Disconnection] = []
  }

  /// The most disconnections an analysis lists.
  static let disconnectionLimit = 10_000

  private let shared: Shared
  private let finder: RouteFinder
  private let graph: Graph
  /// Repairing a target's distances pays while few nodes lose their shortest paths; past a
  /// sixteenth of the nodes a Dijkstra that stops at the sources is cheaper.
  private let repairLimit: Int
  private var isAffected: [Bool]
  /// Load changes per arc and year, reused from failure to failure (only the arcs touched are
  /// read and cleared).
  private var delta: [Double]
  private var touched: [Bool]
  private var touchedArcs: [Int] = []
  /// A sparse run's terms, and where each failure's start.
  private(set) var collected: [FailureTerms.Term] = []
  private(set) var collectedStarts: [Int] = []

  init(_ shared: Shared, finder: RouteFinder) {
    self.shared = shared
    self.finder = finder
    graph = finder.graph
    repairLimit = max(16, finder.graph.nodeCount / 16)
    let dense = !shared.sparse
    let arcCount = 2 * finder.graph.ends.count
    isAffected = Array(repeating: false, count: shared.demands.pairs.count)
    delta = Array(repeating: 0, count: dense ? arcCount * shared.demands.years : 0)
    touched = Array(repeating: false, count: dense ? arcCount : 0)
  }

  /// Adds (sign 1) or takes off (sign −1) pair p's yearly rates along a route.
  private func accumulate<Route: Collection>(_ route: Route, _ p: Int, sign: Double)
  where Route.Element == (arc: Int, share: Double) {
    if shared.sparse {
      for hop in route { collected.append(.init(arc: Int32(hop.arc), pair: Int32(p), coefficient: sign * hop.share)) }
      return
    }
    let years = shared.demands.years
    let base = p * years
    shared.demands.mbps.withUnsafeBufferPointer { rates in
      delta.withUnsafeMutableBufferPointer { delta in
        touched.withUnsafeMutableBufferPointer { touched in
          for hop in route {
            if !touched[hop.arc] {
              touched[hop.arc] = true
              touchedArcs.append(hop.arc)
            }
            let row = hop.arc * years
            let signed = sign * hop.share
            for y in 0..<years { delta[row + y] += signed * rates[base + y] }
          }
        }
      }
    }
  }

  /// Failure `f`'s effect.
  func effect(of f: Int) -> Effect {
    defer { shared.progress?.advance() }
    let failure = shared.failures[f]
    let demands = shared.demands
    collectedStarts.append(collected.count)
    let order = SingleFailures.affectedPairs(
      failure.state, linksUsedBy: shared.linksUsedBy, pairsAt: shared.pairsAt, isAffected: &isAffected)
    guard !order.isEmpty else { return Effect() }
    let (failedDistances, fromSources) = distances(for: order, under: failure.state, failure: f)
    var effect = Effect()
    for p in order {
      let pair = demands.pairs[p]
      accumulate(shared.routes[p], p, sign: -1)
      // The failed node's own traffic goes down with it.
      if pair.from == failure.state.node || pair.to == failure.state.node { continue }
      // A finder without a route cache hands the route over in parts (nothing to keep).
      let rerouted = finder.cache == nil
        ? finder.rerouteParts(pair, failure: f, failure.state, failedDistances: failedDistances, fromSources: fromSources)
        : RouteFinder.Parts(
          shares: finder.reroute(pair, failure: f, failure.state, failedDistances: failedDistances, fromSources: fromSources))
      if rerouted.shares.isEmpty && rerouted.hop == nil {
        if !shared.lean, effect.disconnections.count < Self.disconnectionLimit,
          !(p < demands.isReverse.count && demands.isReverse[p])
        {
          let rates = demands.mbps[(p * demands.years)..<((p + 1) * demands.years)]
          effect.disconnections.append(
            Disconnection(
              from: shared.nodeIDs[pair.from], to: shared.nodeIDs[pair.to], failure: failure.name, carries: demands.labels[p],
              peakMbps: rates.max() ?? 0))
        }
        continue
      }
      accumulate(rerouted.shares, p, sign: 1)
      if let hop = rerouted.hop { accumulate(CollectionOfOne(hop), p, sign: 1) }
    }
    // The touched arcs' changes handed over; the buffer cleared for the next failure.
    let years = demands.years
    effect.arcs = touchedArcs
    effect.deltas.reserveCapacity(touchedArcs.count * years)
    for arc in touchedArcs {
      touched[arc] = false
      let row = arc * years
      for y in 0..<years {
        effect.deltas.append(delta[row + y])
        delta[row + y] = 0
      }
    }
    touchedArcs.removeAll(keepingCapacity: true)
    return effect
  }

  /// Distances to each target of the affected pairs `order` under failure `f` (`state`), and
  /// from each source of those routed from their source's side (``RouteFinder/routesFromSource(_:)``):
  /// the normal ones when the failure is off every shortest path to it, patched or repaired when
  /// few nodes lose theirs, else Dijkstra until the affected sources (or targets) are settled.
  private func distances(for order: [Int], under state: Graph.Failure, failure f: Int)
    -> (toTargets: [Int: TargetDistances], fromSources: [Int: TargetDistances])
  {
    var sourcesByTarget: [Int: Set<Int>] = [:]
    // The nodes whose full arrays the failure's pairs use (as a target or as a source routed
    // from its side), with the nodes those arrays must settle.
    var settlingByEnd: [Int: Set<Int>] = [:]
    var fromSourcePairs = false
    for p in order {
      let pair = shared.demands.pairs[p]
      guard pair.from != state.node, pair.to != state.node, graph.hasLiveEdge(pair.from, state),
        graph.hasLiveEdge(pair.to, state), !finder.knows(pair, failure: f)
      else { continue }
      if finder.routesFromSource(pair) {
        settlingByEnd[pair.from, default: []].insert(pair.to)
        fromSourcePairs = true
      } else if finder.derives(pair.to) {
        sourcesByTarget[pair.to, default: []].insert(pair.from)
      } else {
        settlingByEnd[pair.to, default: []].insert(pair.from)
      }
    }
    // Distances from a node are its distances as a target (links are two-way, stubs end paths
    // both ways): one array per node serves both.
    var full: [Int: TargetDistances] = [:]
    for (node, settling) in settlingByEnd { full[node] = failedFull(node, under: state, settling: settling) }
    var failedDistances = full
    // A leaf target's distances come from its hubs' under the failure: each hub's run once,
    // until the sources of every leaf target through it are settled.
    var sourcesByHub: [Int: Set<Int>] = [:]
    var changed: [Int] = []
    for (target, sources) in sourcesByTarget {
      let normal = finder.distances(to: target)
      if graph.keepsDistances(normal, state) {
        failedDistances[target] = normal
      } else if let patch = graph.singleNodeChange(normal, state), let patched = normal.patched(patch) {
        failedDistances[target] = patched
      } else {
        for edge in graph.adjacency[target] { sourcesByHub[edge.neighbour, default: []].formUnion(sources) }
        changed.append(target)
      }
    }
    var hubDistances: [Int: TargetDistances.Array] = [:]
    func failedHub(_ hub: Int) -> TargetDistances.Array {
      if let known = hubDistances[hub] { return known }
      let normal = finder.distances(from: hub)
      let asTarget = TargetDistances(target: hub, full: normal)
      let failed: TargetDistances.Array
      if graph.keepsDistances(asTarget, state) {
        failed = TargetDistances.Array(normal)
      } else if let patch = graph.singleNodeChange(asTarget, state) {
        failed = TargetDistances.Array(normal, patch: patch)
      } else {
        failed = TargetDistances.Array(
          graph.repairedDistances(normal, target: hub, avoiding: state, limit: repairLimit)
            ?? graph.distances(from: hub, avoiding: state, settling: sourcesByHub[hub]))
      }
      hubDistances[hub] = failed
      return failed
    }
    for target in changed {
      failedDistances[target] = graph.derivedDistances(to: target, avoiding: state, neighbourDistances: failedHub)
    }
    return (failedDistances, fromSourcePairs ? full : [:])
  }

  /// A node's full distances under a failure: the normal ones when the failure is off every
  /// shortest path, patched when one node's change, repaired when few nodes', else Dijkstra
  /// until `settling` is settled.
  private func failedFull(_ node: Int, under state: Graph.Failure, settling: Set<Int>) -> TargetDistances {
    let normal = TargetDistances(target: node, full: finder.distances(from: node))
    if graph.keepsDistances(normal, state) { return normal }
    if let patch = graph.singleNodeChange(normal, state), let patched = normal.patched(patch) { return patched }
    if let plain = normal.plainArray,
      let repaired = graph.repairedDistances(plain, target: node, avoiding: state, limit: repairLimit)
    {
      return TargetDistances(target: node, full: repaired)
    }
    return TargetDistances(target: node, full: graph.distances(from: node, avoiding: state, settling: settling))
  }
}
