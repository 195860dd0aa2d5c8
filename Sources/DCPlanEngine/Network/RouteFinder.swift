import DCPlanModel

/// Shortest-path distances and ECMP routes for one run of the network stage (docs/conventions.md,
/// "Routing"), found once and kept in the worker's ``RouteCache`` when there is one.
final class RouteFinder {
  let graph: Graph
  let cache: RouteCache?
  /// Normal distances from each node run so far (one Dijkstra each).
  private var fullDistances: [Int: [Double]]
  /// The working arrays of ``Graph/ecmpShares(from:toTarget:avoiding:scratch:)``, made when
  /// first needed (a Monte Carlo trial with known routes needs none).
  private lazy var scratch = Graph.ECMPScratch(graph)

  init(graph: Graph, cache: RouteCache?) {
    self.graph = graph
    self.cache = cache
    fullDistances = cache?.normalDistances ?? [:]
  }

  /// A finder of its own for another worker of the same run (no route cache), with the
  /// normal distances `other` has found so far.
  init(copying other: RouteFinder) {
    graph = other.graph
    cache = nil
    fullDistances = other.fullDistances
  }

  /// Distances from `node` in normal operation: one Dijkstra per node, kept.
  func distances(from node: Int) -> [Double] {
    if let known = fullDistances[node] { return known }
    let computed = graph.distances(from: node, avoiding: .none)
    fullDistances[node] = computed
    cache?.normalDistances[node] = computed
    return computed
  }

  /// Distances to `target` in normal operation: one Dijkstra per distinct target, or, for a
  /// leaf on hubs, derived from the hubs' (``TargetDistances``).
  func distances(to target: Int) -> TargetDistances {
    guard graph.derivesDistances(to: target) else { return TargetDistances(target: target, full: distances(from: target)) }
    return graph.derivedDistances(to: target, avoiding: .none) { TargetDistances.Array(distances(from: $0)) }
  }

  /// The key of `pair`'s route under failure `failure` (−1: none).
  static func key(_ failure: Int, _ pair: NetworkDemands.Pair) -> RouteCache.Key {
    RouteCache.Key(failure: Int32(failure), from: Int32(pair.from), to: Int32(pair.to))
  }

  /// Each pair's normal route; a trial with the pairs of the worker's previous one takes its
  /// routes as they were.
  func normalRoutes(for pairs: [NetworkDemands.Pair]) -> [[(arc: Int, share: Double)]] {
    let routes = cache?.normalRoutes(for: pairs) ?? pairs.map { pair in
      if let known = cache?.routes[Self.key(-1, pair)] { return known }
      let route = shares(from: pair.from, toTarget: distances(to: pair.to), failure: -1, .none)
      cache?.routes[Self.key(-1, pair)] = route
      return route
    }
    cache?.keepNormalRoutes(routes, for: pairs)
    return routes
  }

  /// `pair`'s route with failure `f` (its `state`) down: empty when cut off. `failedDistances`
  /// gives the distances to the pair's target under the failure.
  func reroute(_ pair: NetworkDemands.Pair, failure f: Int, _ state: Graph.Failure, failedDistances: [Int: TargetDistances])
    -> [(arc: Int, share: Double)]
  {
    if let known = cache?.routes[Self.key(f, pair)] { return known }
    let rerouted = graph.hasLiveEdge(pair.from, state) && graph.hasLiveEdge(pair.to, state)
      ? failedDistances[pair.to].map { shares(from: pair.from, toTarget: $0, failure: f, state) } ?? [] : []
    cache?.routes[Self.key(f, pair)] = rerouted
    return rerouted
  }

  /// Routes from a source to a hub, per failure (−1: none), for leaf targets behind the hub.
  private var hubRoutes: [RouteCache.Key: [(arc: Int, share: Double)]] = [:]

  /// The ECMP shares from `source` to a target with failure `f` (`state`) down. A leaf target
  /// reached through one way in takes the route to that way's hub, found once per source, hub
  /// and failure, and the link into it: the shares ``Graph/ecmpShares(from:toTarget:avoiding:)``
  /// would give (``TargetDistances/soleWayIn(from:)``), without walking a hub's hundreds of
  /// links for every leaf behind it.
  private func shares(from source: Int, toTarget: TargetDistances, failure f: Int, _ state: Graph.Failure)
    -> [(arc: Int, share: Double)]
  {
    guard source != state.node, let way = toTarget.soleWayIn(from: source) else {
      return graph.ecmpShares(from: source, toTarget: toTarget, avoiding: state, scratch: &scratch)
    }
    let last = (arc: graph.arc(way.link, from: way.node), share: 1.0)
    guard source != way.node else { return [last] }
    let key = RouteCache.Key(failure: Int32(f), from: Int32(source), to: Int32(way.node))
    let toHub: [(arc: Int, share: Double)]
    if let known = hubRoutes[key] {
      toHub = known
    } else {
      toHub = graph.ecmpShares(
        from: source, toTarget: TargetDistances(target: way.node, array: way.distances), avoiding: state, scratch: &scratch)
      hubRoutes[key] = toHub
    }
    guard !toHub.isEmpty else { return [] }
    var route = toHub
    let at = route.firstIndex { $0.arc > last.arc } ?? route.endIndex
    route.insert(last, at: at)
    return route
  }

  /// Whether `pair`'s route with failure `f` down is known already.
  func knows(_ pair: NetworkDemands.Pair, failure f: Int) -> Bool { cache?.routes[Self.key(f, pair)] != nil }
}
