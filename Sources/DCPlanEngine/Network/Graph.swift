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

  init(_ network: Network) {
    let index = Dictionary(network.nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
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
  }

  /// What is down: links and at most one node.
  struct Failure {
    var links: Set<Int> = []
    var node: Int? = nil

    static let none = Failure()

    func blocks(_ edge: Edge) -> Bool { links.contains(edge.link) || edge.neighbour == node }
  }

  /// Shortest distances from `source` to every node (infinity where unreachable), Dijkstra
  /// with a binary heap.
  ///
  /// - Complexity: O((nodes + links) log nodes).
  func distances(from source: Int, avoiding failure: Failure) -> [Double] {
    var distance = [Double](repeating: .infinity, count: nodeCount)
    guard source != failure.node else { return distance }
    distance[source] = 0
    var heap = MinHeap()
    heap.push(0, source)
    while let (d, u) = heap.pop() {
      if d > distance[u] { continue }
      for edge in adjacency[u] where !failure.blocks(edge) {
        let candidate = d + edge.weight
        if candidate < distance[edge.neighbour] {
          distance[edge.neighbour] = candidate
          heap.push(candidate, edge.neighbour)
        }
      }
    }
    return distance
  }

  /// The share of a unit flow from `source` to the target whose distances are `toTarget`
  /// that crosses each link, splitting evenly among the next hops on shortest paths at each
  /// node (docs/conventions.md, "Routing"); empty if the target is unreachable.
  ///
  /// A next hop of `u` is a neighbour `v` with `d(u) = w(u, v) + d(v)` (within a relative
  /// tolerance of 1e-9), where `d` is the distance to the target.
  func ecmpShares(from source: Int, toTarget: [Double], avoiding failure: Failure) -> [(link: Int, share: Double)] {
    guard toTarget[source].isFinite else { return [] }
    // Walk nodes in decreasing distance to the target, pushing flow down the DAG.
    var inflow: [Int: Double] = [source: 1]
    var frontier = [source]
    var shares: [Int: Double] = [:]
    var visited: Set<Int> = [source]
    var ordered: [Int] = []
    // Collect the DAG's nodes reachable from the source.
    while let u = frontier.popLast() {
      ordered.append(u)
      for edge in nextHops(u, toTarget, failure) where visited.insert(edge.neighbour).inserted {
        frontier.append(edge.neighbour)
      }
    }
    ordered.sort { toTarget[$0] > toTarget[$1] }
    for u in ordered {
      guard let flow = inflow[u], flow > 0 else { continue }
      let hops = nextHops(u, toTarget, failure)
      if hops.isEmpty { continue }  // the target itself
      let part = flow / Double(hops.count)
      for edge in hops {
        shares[edge.link, default: 0] += part
        inflow[edge.neighbour, default: 0] += part
      }
    }
    return shares.sorted { $0.key < $1.key }.map { (link: $0.key, share: $0.value) }
  }

  private func nextHops(_ u: Int, _ toTarget: [Double], _ failure: Failure) -> [Edge] {
    let here = toTarget[u]
    guard here > 0 else { return [] }
    return adjacency[u].filter { edge in
      guard !failure.blocks(edge) else { return false }
      let there = toTarget[edge.neighbour]
      return there.isFinite && abs(edge.weight + there - here) <= 1e-9 * max(1, here)
    }
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
