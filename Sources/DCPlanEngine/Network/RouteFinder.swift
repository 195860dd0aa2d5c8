import DCPlanModel

/// Shortest-path distances and ECMP routes for one run of the network stage (docs/conventions.md,
/// "Routing"), found once and kept in the worker's ``RouteCache`` when there is one.
final class RouteFinder {
  let graph: Graph
  let cache: RouteCache?
  /// Normal distances to each target found so far.
  private var targetDistances: [Int: [Double]]

  init(graph: Graph, cache: RouteCache?) {
    self.graph = graph
    self.cache = cache
    targetDistances = cache?.normalDistances ?? [:]
  }

  /// Distances to `target` in normal operation (one Dijkstra per distinct target).
  func distances(to target: Int) -> [Double] {
    if let known = targetDistances[target] { return known }
    let computed = graph.distances(from: target, avoiding: .none)
    targetDistances[target] = computed
    cache?.normalDistances[target] = computed
    return computed
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
      let route = graph.ecmpShares(from: pair.from, toTarget: distances(to: pair.to), avoiding: .none)
      cache?.routes[Self.key(-1, pair)] = route
      return route
    }
    cache?.keepNormalRoutes(routes, for: pairs)
    return routes
  }

  /// `pair`'s route with failure `f` (its `state`) down: empty when cut off. `failedDistances`
  /// gives the distances to the pair's target under the failure.
  func reroute(_ pair: NetworkDemands.Pair, failure f: Int, _ state: Graph.Failure, failedDistances: [Int: [Double]])
    -> [(arc: Int, share: Double)]
  {
    if let known = cache?.routes[Self.key(f, pair)] { return known }
    let rerouted = graph.hasLiveEdge(pair.from, state) && graph.hasLiveEdge(pair.to, state)
      ? graph.ecmpShares(from: pair.from, toTarget: failedDistances[pair.to] ?? [], avoiding: state) : []
    cache?.routes[Self.key(f, pair)] = rerouted
    return rerouted
  }

  /// Whether `pair`'s route with failure `f` down is known already.
  func knows(_ pair: NetworkDemands.Pair, failure f: Int) -> Bool { cache?.routes[Self.key(f, pair)] != nil }
}
