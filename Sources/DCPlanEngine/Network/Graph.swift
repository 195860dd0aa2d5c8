import DCPlanModel

/// The network as an undirected weighted graph with shortest-path routing and equal-cost
/// multipath (ECMP) splitting; shared by normal routing and the failure analysis.
struct Graph {
  /// An edge seen from one end.
  struct Edge {
    let neighbour: Int
    let link: Int
    let weight: Double
  }

  let nodeCount: Int
  let adjacency: [[Edge]]
  /// The two end nodes of each link.
  let ends: [(Int, Int)]
  /// Nodes no traffic between others passes through (`transit: false`).
  let isStub: [Bool]
  /// Each node's edges by rising weight (positions in ``adjacency``): a next hop is never
  /// heavier than the distance left, so a hub's search stops at its first edge too heavy.
  let edgesByWeight: [[Int]]

  init(_ network: Network) {
    let index = network.nodeIndices()
    nodeCount = network.nodes.count
    var adjacency = [[Edge]](repeating: [], count: network.nodes.count)
    var ends: [(Int, Int)] = []
    for (l, link) in network.links.enumerated() {
      let a = index[link.from] ?? 0
      let b = index[link.to] ?? 0
      ends.append((a, b))
      adjacency[a].append(Edge(neighbour: b, link: l, weight: link.weight))
      adjacency[b].append(Edge(neighbour: a, link: l, weight: link.weight))
    }
    self.adjacency = adjacency
    self.ends = ends
    isStub = network.nodes.map { !$0.transit }
    edgesByWeight = adjacency.map { edges in edges.indices.sorted { (edges[$0].weight, $0) < (edges[$1].weight, $1) } }
  }

  /// What is down: links and at most one node.
  struct Failure {
    /// The failed links, in order.
    let links: [Int]
    /// The failed node, if any.
    let node: Int?
    /// The failed links as a set, when there are more than a few (a hub's); else empty and
    /// ``links`` is searched. Memory grows with the failed links, not with all links: a
    /// state-scale network has tens of thousands of failures and of links.
    private let isDown: Set<Int>
    /// The failed links are exactly the failed node's: an edge seen from another node is then
    /// down if and only if it leads to the failed node, and no set is searched (a hub's
    /// failure blocks every edge a Dijkstra relaxes otherwise through a hash).
    private let linksAreNodes: Bool

    init(links: [Int], node: Int?, linkCount: Int) {
      self.links = links
      self.node = node
      isDown = links.count > 4 ? Set(links) : []
      linksAreNodes = false
    }

    /// Node `node` down with its links.
    init(node: Int, in graph: Graph) {
      links = Array(Set(graph.adjacency[node].map(\.link))).sorted()
      self.node = node
      isDown = links.count > 4 ? Set(links) : []
      // A link from the node to itself is seen from the node only, which nothing walks from.
      linksAreNodes = true
    }

    static let none = Failure(links: [], node: nil, linkCount: 0)

    @inline(__always)
    func isLinkDown(_ link: Int) -> Bool { isDown.isEmpty ? links.contains(link) : isDown.contains(link) }

    /// Whether `edge`, seen from a node that is up, is down.
    @inline(__always)
    func blocks(_ edge: Edge) -> Bool { edge.neighbour == node || (!linksAreNodes && isLinkDown(edge.link)) }
  }

  /// Shortest distances from `source` to every node (infinity where unreachable), Dijkstra
  /// with a binary heap. With `settling`, it may stop once those nodes are settled: every node
  /// nearer than the farthest of them then has its final distance, which is all that ECMP
  /// from them needs (next hops are strictly nearer).
  ///
  /// - Complexity: O((nodes + links) log nodes).
  func distances(from source: Int, avoiding failure: Failure, settling wanted: Set<Int>? = nil) -> [Double] {
    var distance = [Double](repeating: .infinity, count: nodeCount)
    guard source != failure.node else { return distance }
    distance[source] = 0
    var heap = MinHeap()
    heap.push(0, source)
    var waiting = wanted?.count ?? -1
    var settled = [Bool](repeating: false, count: wanted == nil ? 0 : nodeCount)
    while let (d, u) = heap.pop() {
      if d > distance[u] { continue }
      // A stub is an end, never a way through: nothing reaches the target via it.
      let forwards = u == source || !isStub[u]
      if let wanted, !settled[u] {
        settled[u] = true
        if wanted.contains(u) {
          waiting -= 1
          if waiting == 0 { break }
        }
      }
      for edge in adjacency[u] where forwards && !failure.blocks(edge) {
        let candidate = d + edge.weight
        if candidate < distance[edge.neighbour] {
          distance[edge.neighbour] = candidate
          heap.push(candidate, edge.neighbour)
        }
      }
    }
    return distance
  }

  /// The arc of `link` crossed from `node`: `2 · link` from the link's `from` end to its `to`
  /// end, `2 · link + 1` the other way (docs/conventions.md, "Routing": each direction is
  /// loaded on its own).
  @inline(__always)
  func arc(_ link: Int, from node: Int) -> Int { 2 * link + (ends[link].0 == node ? 0 : 1) }

  /// The share of a unit flow from `source` to the target whose distances are `toTarget`
  /// that crosses each arc (a link in one direction, ``arc(_:from:)``), splitting evenly among
  /// the next hops on shortest paths at each node (docs/conventions.md, "Routing"); empty if
  /// the target is unreachable.
  ///
  /// A next hop of `u` is a neighbour `v` with `d(u) = w(u, v) + d(v)` (within a relative
  /// tolerance of 1e-9), where `d` is the distance to the target.
  func ecmpShares(from source: Int, toTarget: TargetDistances, avoiding failure: Failure) -> [(arc: Int, share: Double)] {
    var scratch = ECMPScratch(self)
    return ecmpShares(from: source, toTarget: toTarget, avoiding: failure, scratch: &scratch)
  }

  /// Arrays over the nodes and arcs that ``ecmpShares(from:toTarget:avoiding:scratch:)`` reuses
  /// from call to call (a run's route finder keeps one): a value counts for the call whose
  /// stamp it carries, so nothing is cleared between calls.
  struct ECMPScratch {
    var stamp = 0
    var nodeStamp: [Int]
    var inflow: [Double]
    var arcStamp: [Int]
    var share: [Double]
    var arcs: [Int] = []
    /// Routes found from the source's side (``Graph/ecmpShares(from:to:fromSource:avoiding:scratch:)``):
    /// the nodes met walking back from the target, and the edges they were met by.
    var walk: [Int] = []
    var hops: [(from: Int, to: Int, arc: Int, order: Int)] = []

    init(_ graph: Graph) {
      nodeStamp = Array(repeating: 0, count: graph.nodeCount)
      inflow = Array(repeating: 0, count: graph.nodeCount)
      arcStamp = Array(repeating: 0, count: 2 * graph.ends.count)
      share = Array(repeating: 0, count: 2 * graph.ends.count)
    }

    /// Starts a walk at `node` with inflow `flow`: a new stamp, the lists emptied.
    mutating func begin(at node: Int, inflow flow: Double) -> Int {
      stamp += 1
      walk.removeAll(keepingCapacity: true)
      hops.removeAll(keepingCapacity: true)
      arcs.removeAll(keepingCapacity: true)
      nodeStamp[node] = stamp
      inflow[node] = flow
      walk.append(node)
      return stamp
    }

    /// Adds `node` to the walk (with no inflow yet) unless this walk has met it.
    @inline(__always)
    mutating func meet(_ node: Int, stamp: Int) {
      guard nodeStamp[node] != stamp else { return }
      nodeStamp[node] = stamp
      inflow[node] = 0
      walk.append(node)
    }
  }

  /// ``ecmpShares(from:toTarget:avoiding:)`` with its working arrays in `scratch` (equally
  /// distant nodes pass their flow on in the order of their indices).
  func ecmpShares(
    from source: Int, toTarget: TargetDistances, avoiding failure: Failure, scratch: inout ECMPScratch
  ) -> [(arc: Int, share: Double)] {
    guard toTarget[source].isFinite, source != failure.node else { return [] }
    let stamp = scratch.begin(at: source, inflow: 1)
    // The DAG's nodes reachable from the source and the edges to their next hops.
    var next = 0
    while next < scratch.walk.count {
      let u = scratch.walk[next]
      next += 1
      nextHops(u, toTarget, failure) { edge in
        scratch.hops.append((from: u, to: edge.neighbour, arc: arc(edge.link, from: u), order: 0))
        scratch.meet(edge.neighbour, stamp: stamp)
      }
    }
    // Down the DAG, farthest from the target first: each node's flow splits evenly among its
    // next hops (a node's hops stay in the order of its edges).
    if scratch.hops.count > 1 {
      for k in scratch.hops.indices { scratch.hops[k].order = k }
      scratch.hops.sort { a, b in
        let da = toTarget[a.from]
        let db = toTarget[b.from]
        return da != db ? da > db : (a.from != b.from ? a.from < b.from : a.order < b.order)
      }
    }
    return spreadFlow(&scratch, stamp: stamp)
  }

  /// Splits each node's inflow evenly among its hops in `scratch.hops` (grouped by node, in
  /// the order flow reaches them), summing each arc's share; the shares by rising arc.
  func spreadFlow(_ scratch: inout ECMPScratch, stamp: Int) -> [(arc: Int, share: Double)] {
    var start = 0
    while start < scratch.hops.count {
      let u = scratch.hops[start].from
      var end = start + 1
      while end < scratch.hops.count, scratch.hops[end].from == u { end += 1 }
      let flow = scratch.inflow[u]
      if flow > 0 {
        let part = flow / Double(end - start)
        for k in start..<end {
          let hop = scratch.hops[k]
          if scratch.arcStamp[hop.arc] != stamp {
            scratch.arcStamp[hop.arc] = stamp
            scratch.share[hop.arc] = 0
            scratch.arcs.append(hop.arc)
          }
          scratch.share[hop.arc] += part
          scratch.inflow[hop.to] += part
        }
      }
      start = end
    }
    scratch.arcs.sort()
    return scratch.arcs.map { (arc: $0, share: scratch.share[$0]) }
  }

  /// Whether distances to `target` are best derived from its neighbours' (``TargetDistances``):
  /// a leaf on one or two links whose other ends are hubs (three or more links), so that many
  /// such targets share the hubs' arrays.
  func derivesDistances(to target: Int) -> Bool {
    let edges = adjacency[target]
    guard !edges.isEmpty, edges.count <= 2 else { return false }
    return edges.allSatisfy { $0.neighbour != target && adjacency[$0.neighbour].count >= 3 }
  }

  /// Distances to `target` from its neighbours' arrays (`neighbourDistances(n)`: distances
  /// from n, avoiding `failure`), over its links that `failure` leaves up.
  func derivedDistances(
    to target: Int, avoiding failure: Failure, neighbourDistances: (Int) -> TargetDistances.Array
  ) -> TargetDistances {
    guard target != failure.node else { return TargetDistances(target: target, entries: []) }
    let entries = adjacency[target].filter { !failure.blocks($0) }.map { edge in
      TargetDistances.Entry(
        node: edge.neighbour, link: edge.link, distances: neighbourDistances(edge.neighbour), weight: edge.weight,
        isStub: isStub[edge.neighbour])
    }
    return TargetDistances(target: target, entries: entries)
  }

  /// The one node whose distance to the target changes when a single link fails, and its new
  /// distance, when that is all that changes: the link lies on that node's shortest paths
  /// only, and no other node's shortest path runs through that node (an access link of a
  /// municipality: only the municipality's distance changes). Nil when more may change, or
  /// nothing does (``keepsDistances(_:_:)``).
  func singleNodeChange(_ toTarget: TargetDistances, _ failure: Failure) -> TargetDistances.Patch? {
    guard failure.node == nil, failure.links.count == 1, let link = failure.links.first,
      let edge = adjacency[ends[link].0].first(where: { $0.link == link })
    else { return nil }
    let (a, b) = ends[link]
    func tight(_ near: Int, _ far: Int) -> Bool {
      let dNear = toTarget[near]
      let dFar = toTarget[far]
      guard dNear.isFinite, dFar.isFinite else { return false }
      return abs(edge.weight + dNear - dFar) <= 1e-9 * max(1, dFar)
    }
    // The far end, whose shortest paths used the link (the link's ends in one order only).
    let farEnd: Int
    switch (tight(b, a), tight(a, b)) {
    case (true, false): farEnd = a
    case (false, true): farEnd = b
    default: return nil
    }
    let here = toTarget[farEnd]
    guard here > 0 else { return nil }
    // Nobody routes through it: no neighbour is as far as it plus the edge (a stub is never a
    // way through).
    if !isStub[farEnd] {
      for other in adjacency[farEnd] where other.link != link {
        let there = toTarget[other.neighbour]
        if there.isFinite, abs(other.weight + here - there) <= 1e-9 * max(1, there) { return nil }
      }
    }
    var best = Double.infinity
    for other in adjacency[farEnd] where !failure.blocks(other) {
      let there = toTarget[other.neighbour]
      // A stub neighbour is a way only as the target itself.
      guard there == 0 || !isStub[other.neighbour] else { continue }
      best = min(best, other.weight + there)
    }
    return TargetDistances.Patch(node: farEnd, value: best)
  }

  /// Whether some edge of `node` is still up.
  func hasLiveEdge(_ node: Int, _ failure: Failure) -> Bool {
    adjacency[node].contains { !failure.blocks($0) }
  }

  /// Whether a failure leaves the distances to a target unchanged: no failed link lies on a
  /// shortest path to it and no node's shortest path runs through the failed node.
  func keepsDistances(_ toTarget: TargetDistances, _ failure: Failure) -> Bool {
    func tight(_ a: Int, _ b: Int, _ w: Double) -> Bool {
      let da = toTarget[a]
      let db = toTarget[b]
      guard da.isFinite, db.isFinite else { return false }
      return abs(w + db - da) <= 1e-9 * max(1, da) || abs(w + da - db) <= 1e-9 * max(1, db)
    }
    for link in failure.links {
      let (a, b) = ends[link]
      if let edge = adjacency[a].first(where: { $0.link == link }), tight(a, b, edge.weight) { return false }
    }
    if let node = failure.node {
      if toTarget[node] == 0 { return false }
      for edge in adjacency[node] where tight(edge.neighbour, node, edge.weight) && toTarget[edge.neighbour] > toTarget[node] {
        return false
      }
    }
    return true
  }

  /// The next hops of `u` toward the target, in the order of its edges.
  private func nextHops(_ u: Int, _ toTarget: TargetDistances, _ failure: Failure) -> [Edge] {
    var found: [Edge] = []
    nextHops(u, toTarget, failure) { found.append($0) }
    return found
  }

  /// The next hop of `u` toward the target when it has exactly one.
  func soleNextHop(_ u: Int, _ toTarget: TargetDistances, _ failure: Failure) -> Edge? {
    var found: Edge?
    var count = 0
    nextHops(u, toTarget, failure) { edge in
      count += 1
      found = edge
    }
    return count == 1 ? found : nil
  }

  /// Calls `body` with each next hop of `u` toward the target, in the order of its edges.
  @inline(__always)
  private func nextHops(_ u: Int, _ toTarget: TargetDistances, _ failure: Failure, _ body: (Edge) -> Void) {
    let here = toTarget[u]
    guard here > 0 else { return }
    let edges = adjacency[u]
    // A next hop is nearer the target by the edge's weight: no edge heavier than the distance
    // left is one, so the search by rising weight stops at the first (a hub has hundreds).
    let heaviest = here * (1 + 1e-9) + 1e-9
    var first = -1
    var more: [Int] = []
    for position in edgesByWeight[u] {
      let edge = edges[position]
      if edge.weight > heaviest { break }
      guard !failure.blocks(edge) else { continue }
      let there = toTarget[edge.neighbour]
      // A stub neighbour is a next hop only as the target itself.
      guard there == 0 || !isStub[edge.neighbour] else { continue }
      // Strictly nearer: two nodes a near-zero weight apart are never each other's next hop
      // (the next hops form a DAG, whatever the weights).
      if there < here, abs(edge.weight + there - here) <= 1e-9 * max(1, here) {
        if first < 0 { first = position } else { more.append(position) }
      }
    }
    guard first >= 0 else { return }
    if more.isEmpty { return body(edges[first]) }
    more.append(first)
    more.sort()
    for position in more { body(edges[position]) }
  }
}

/// A binary min-heap of (key, value) for Dijkstra; ties pop the smaller value first, so the
/// order is total and runs are reproducible.
struct MinHeap {
  private var items: [(Double, Int)] = []

  mutating func push(_ key: Double, _ value: Int) {
    items.append((key, value))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child] < items[parent] else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Double, Int)? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < items.count, items[left] < items[smallest] { smallest = left }
        if right < items.count, items[right] < items[smallest] { smallest = right }
        if smallest == parent { break }
        items.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return top
  }
}

extension Graph {
  /// The largest sum of `linkDelay` over the shortest paths from `source` to the target whose
  /// distances are `toTarget` (the ECMP paths), nil if the target is unreachable.
  func worstPathDelay(from source: Int, toTarget: TargetDistances, avoiding failure: Failure, linkDelay: (Int) -> Double) -> Double? {
    guard toTarget[source].isFinite, source != failure.node else { return nil }
    // The nodes the paths reach, then the worst delay from each, nearest the target first
    // (next hops are strictly nearer: no recursion, however long the paths).
    var hopsOf: [Int: [Edge]] = [:]
    var stack = [source]
    while let u = stack.popLast() {
      guard hopsOf[u] == nil else { continue }
      let hops = nextHops(u, toTarget, failure)
      hopsOf[u] = hops
      for edge in hops where hopsOf[edge.neighbour] == nil { stack.append(edge.neighbour) }
    }
    var worst: [Int: Double] = [:]
    for u in hopsOf.keys.sorted(by: { (toTarget[$0], $0) < (toTarget[$1], $1) }) {
      worst[u] = (hopsOf[u] ?? []).map { linkDelay($0.link) + (worst[$0.neighbour] ?? 0) }.max() ?? 0
    }
    return worst[source]
  }
}

extension Network {
  /// Node ids to their indices in ``nodes`` (the first of a repeated id).
  func nodeIndices() -> [String: Int] {
    Dictionary(nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
  }
}
