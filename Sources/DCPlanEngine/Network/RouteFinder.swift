import DCPlanModel

/// Shortest-path distances and ECMP routes for one run of the network stage (docs/conventions.md,
/// "Routing"), found once and kept in the worker's ``RouteCache`` when there is one.
final class RouteFinder {
  /// A route as found: shares, and at most one more hop (the link into a leaf, or out of a
  /// source with one next hop), joined only where a whole route is kept (a failure's load
  /// changes are summed from the parts, without making a route for every rerouted pair).
  struct Parts {
    var shares: [(arc: Int, share: Double)]
    var hop: (arc: Int, share: Double)?

    static let none = Parts(shares: [], hop: nil)

    init(shares: [(arc: Int, share: Double)], hop: (arc: Int, share: Double)? = nil) {
      self.shares = shares
      self.hop = hop
    }

    /// The route, by rising arc.
    var joined: [(arc: Int, share: Double)] {
      guard let hop else { return shares }
      var route = shares
      route.insert(hop, at: route.firstIndex { $0.arc > hop.arc } ?? route.endIndex)
      return route
    }
  }

  let graph: Graph
  let cache: RouteCache?
  /// Normal distances from each node run so far (one Dijkstra each).
  private var fullDistances: [Int: [Double]]
  /// The working arrays of ``Graph/ecmpShares(from:toTarget:avoiding:scratch:)``, made when
  /// first needed (a Monte Carlo trial with known routes needs none); see ``withScratch(_:)``.
  private var scratchStorage: Graph.ECMPScratch?

  /// Runs `body` on the working arrays, changed in place. (A `lazy` property passed `inout` is
  /// read and written back whole, so its arrays were shared during the call and copied at
  /// their first change: some 60 kB per route on the state WAN.)
  private func withScratch<Result>(_ body: (inout Graph.ECMPScratch) -> Result) -> Result {
    if scratchStorage == nil { scratchStorage = Graph.ECMPScratch(graph) }
    return body(&scratchStorage!)
  }

  /// Routes between two nodes kept for one failure at a time (−1: none), cleared when another
  /// comes: the part that many pairs' routes share (a hub's route), found once.
  private struct FailureRoutes {
    private var failure = Int.min
    private var routes: [Int64: [(arc: Int, share: Double)]] = [:]

    /// The route from `a` to `b` under failure `f`, found by `find` the first time.
    mutating func route(
      _ f: Int, _ a: Int, _ b: Int, find: () -> [(arc: Int, share: Double)]
    ) -> [(arc: Int, share: Double)] {
      if failure != f {
        routes.removeAll(keepingCapacity: true)
        failure = f
      }
      let key = Int64(a) << 32 | Int64(b)
      if let known = routes[key] { return known }
      let found = find()
      routes[key] = found
      return found
    }
  }
  /// The number of pairs starting or ending at each node (``normalRoutes(for:)``'s pairs): a
  /// pair to a leaf is routed from its source's side when more pairs meet at the source.
  private var pairsMeeting: [Int] = []

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
    pairsMeeting = other.pairsMeeting
  }

  /// Whether `pair`'s routes are found from its source's distances
  /// (``Graph/ecmpShares(from:to:fromSource:avoiding:scratch:)``) rather than its target's: its
  /// target is a leaf, whose distances would be derived from its hubs', and more pairs start
  /// or end at its source (a data centre's thousands of pairs share one array, where each
  /// municipality's would need every hub's).
  func routesFromSource(_ pair: NetworkDemands.Pair) -> Bool {
    pair.from != pair.to && pair.from < pairsMeeting.count && pairsMeeting[pair.from] > pairsMeeting[pair.to]
      && derives(pair.to)
  }

  /// Whether distances to `target` are derived from its hubs' (``Graph/derivesDistances(to:)``):
  /// a leaf that fewer than 64 pairs start or end at (a data centre on two hubs, with
  /// thousands, gets an array of its own, which its pairs and failures then share).
  func derives(_ target: Int) -> Bool {
    graph.derivesDistances(to: target) && (target >= pairsMeeting.count || pairsMeeting[target] < 64)
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
    guard derives(target) else { return TargetDistances(target: target, full: distances(from: target)) }
    return graph.derivedDistances(to: target, avoiding: .none) { TargetDistances.Array(distances(from: $0)) }
  }

  /// The key of `pair`'s route under failure `failure` (−1: none).
  static func key(_ failure: Int, _ pair: NetworkDemands.Pair) -> RouteCache.Key {
    RouteCache.Key(failure: Int32(failure), from: Int32(pair.from), to: Int32(pair.to))
  }

  /// Each pair's normal route; a trial with the pairs of the worker's previous one takes its
  /// routes as they were.
  func normalRoutes(for pairs: [NetworkDemands.Pair]) -> [[(arc: Int, share: Double)]] {
    pairsMeeting = Array(repeating: 0, count: graph.nodeCount)
    for pair in pairs {
      pairsMeeting[pair.from] += 1
      if pair.to != pair.from { pairsMeeting[pair.to] += 1 }
    }
    let routes = cache?.normalRoutes(for: pairs) ?? pairs.map { pair in
      if let known = cache?.routes[Self.key(-1, pair)] { return known }
      let route = (routesFromSource(pair)
        ? shares(from: pair.from, to: pair.to, fromSource: TargetDistances(target: pair.from, full: distances(from: pair.from)),
          failure: -1, .none)
        : shares(from: pair.from, toTarget: distances(to: pair.to), failure: -1, .none)).joined
      cache?.routes[Self.key(-1, pair)] = route
      return route
    }
    cache?.keepNormalRoutes(routes, for: pairs)
    return routes
  }

  /// `pair`'s route with failure `f` (its `state`) down: empty when cut off. `failedDistances`
  /// gives the distances to the pair's target under the failure, `fromSources` those from its
  /// source when it is routed from there (``routesFromSource(_:)``).
  func reroute(
    _ pair: NetworkDemands.Pair, failure f: Int, _ state: Graph.Failure, failedDistances: [Int: TargetDistances],
    fromSources: [Int: TargetDistances]
  ) -> [(arc: Int, share: Double)] {
    if let known = cache?.routes[Self.key(f, pair)] { return known }
    let rerouted = rerouteParts(pair, failure: f, state, failedDistances: failedDistances, fromSources: fromSources).joined
    cache?.routes[Self.key(f, pair)] = rerouted
    return rerouted
  }

  /// ``reroute(_:failure:_:failedDistances:fromSources:)`` in parts, found afresh (a finder
  /// without a route cache).
  func rerouteParts(
    _ pair: NetworkDemands.Pair, failure f: Int, _ state: Graph.Failure, failedDistances: [Int: TargetDistances],
    fromSources: [Int: TargetDistances]
  ) -> Parts {
    guard graph.hasLiveEdge(pair.from, state), graph.hasLiveEdge(pair.to, state) else { return .none }
    if routesFromSource(pair) {
      return fromSources[pair.from].map { shares(from: pair.from, to: pair.to, fromSource: $0, failure: f, state) } ?? .none
    }
    return failedDistances[pair.to].map { shares(from: pair.from, toTarget: $0, failure: f, state) } ?? .none
  }

  /// Routes from a source to a hub, for leaf targets behind the hub.
  private var hubRoutes = FailureRoutes()

  /// The ECMP shares from `source` to a target with failure `f` (`state`) down. A leaf target
  /// reached through one way in takes the route to that way's hub, found once per source, hub
  /// and failure, and the link into it: the shares ``Graph/ecmpShares(from:toTarget:avoiding:)``
  /// would give (``TargetDistances/soleWayIn(from:)``), without walking a hub's hundreds of
  /// links for every leaf behind it.
  private func shares(from source: Int, toTarget: TargetDistances, failure f: Int, _ state: Graph.Failure) -> Parts {
    guard source != state.node, let way = toTarget.soleWayIn(from: source) else {
      return sharesOverSoleHop(from: source, toTarget: toTarget, failure: f, state)
    }
    let last = (arc: graph.arc(way.link, from: way.node), share: 1.0)
    guard source != way.node else { return Parts(shares: [], hop: last) }
    let toHub = hubRoutes.route(f, source, way.node) {
      withScratch {
        graph.ecmpShares(
          from: source, toTarget: TargetDistances(target: way.node, array: way.distances), avoiding: state, scratch: &$0)
      }
    }
    return toHub.isEmpty ? .none : Parts(shares: toHub, hop: last)
  }

  /// Routes from a node to a target, for the sources whose only next hop the node is.
  private var nextHopRoutes = FailureRoutes()

  /// The ECMP shares from `source` to a target; a source with one next hop only (a
  /// municipality on one access link, or whose other link is longer) takes the link to it and
  /// the route from it, found once per next hop, target and failure: the shares the walk from
  /// the source would give, since its whole flow enters the next hop.
  private func sharesOverSoleHop(from source: Int, toTarget: TargetDistances, failure f: Int, _ state: Graph.Failure) -> Parts {
    guard source != state.node, let hop = graph.soleNextHop(source, toTarget, state), hop.neighbour != toTarget.target else {
      return Parts(shares: withScratch { graph.ecmpShares(from: source, toTarget: toTarget, avoiding: state, scratch: &$0) })
    }
    let onward = nextHopRoutes.route(f, hop.neighbour, toTarget.target) {
      withScratch { graph.ecmpShares(from: hop.neighbour, toTarget: toTarget, avoiding: state, scratch: &$0) }
    }
    let first = (arc: graph.arc(hop.link, from: source), share: 1.0)
    // An onward route that ends nowhere (the target cut off from the next hop) is no route.
    return onward.isEmpty ? .none : Parts(shares: onward, hop: first)
  }

  /// Routes from a source to a leaf's hub found from the source's side.
  private var sourceHubRoutes = FailureRoutes()

  /// The ECMP shares from `source` to `target` with failure `f` (`state`) down, from the
  /// distances from the source. A target that shortest paths enter by one edge only takes the
  /// route to that edge's near end, found once per source, near end and failure, and the
  /// edge: the shares the walk from the target would give, as the near end's only next hop
  /// is then the target.
  private func shares(
    from source: Int, to target: Int, fromSource: TargetDistances, failure f: Int, _ state: Graph.Failure
  ) -> Parts {
    var ways = 0
    var way = (node: -1, link: -1)
    graph.waysIn(to: target, source: source, fromSource: fromSource, avoiding: state) { p, link in
      ways += 1
      way = (p, link)
    }
    guard ways == 1 else {
      return Parts(shares: withScratch { graph.ecmpShares(from: source, to: target, fromSource: fromSource, avoiding: state, scratch: &$0) })
    }
    let last = (arc: graph.arc(way.link, from: way.node), share: 1.0)
    guard way.node != source else { return Parts(shares: [], hop: last) }
    let toHub = sourceHubRoutes.route(f, source, way.node) {
      withScratch { graph.ecmpShares(from: source, to: way.node, fromSource: fromSource, avoiding: state, scratch: &$0) }
    }
    return toHub.isEmpty ? .none : Parts(shares: toHub, hop: last)
  }

  /// Whether `pair`'s route with failure `f` down is known already.
  func knows(_ pair: NetworkDemands.Pair, failure f: Int) -> Bool { cache?.routes[Self.key(f, pair)] != nil }
}
