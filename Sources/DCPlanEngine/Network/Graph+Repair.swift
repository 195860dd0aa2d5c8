extension Graph {
  /// Distances to `target` under `failure`, from its distances `normal` without it: only the
  /// nodes whose every shortest path used a failed element are settled again (stubs as in
  /// docs/conventions.md, "Routing"). The result equals ``distances(from:avoiding:settling:)``
  /// from the target under the failure, value for value: a node keeps its distance when one
  /// of its shortest next hops still stands and keeps its own, and the others get the same
  /// sums a whole Dijkstra would form.
  ///
  /// Nodes are decided in the order of their normal distance (weights are positive), so a
  /// node's next hops, which are strictly nearer, are decided before it.
  ///
  /// Gives up (nil) once more than `limit` nodes are affected: a Dijkstra that stops at its
  /// sources is then cheaper.
  ///
  /// - Complexity: O(affected · log affected + their edges), beside the copy of `normal`.
  func repairedDistances(_ normal: [Double], target: Int, avoiding failure: Failure, limit: Int = .max) -> [Double]? {
    guard target != failure.node else { return [Double](repeating: .infinity, count: nodeCount) }
    // A node routes on through `v` only when `v` is the target or carries transit.
    func forwards(_ v: Int) -> Bool { v == target || !isStub[v] }
    func tight(_ near: Int, _ far: Int, _ weight: Double) -> Bool { normal[far].isFinite && normal[near] + weight == normal[far] }
    var affected = [Bool](repeating: false, count: nodeCount)
    var decided = [Bool](repeating: false, count: nodeCount)
    var candidates = MinHeap()
    // The nodes whose shortest path may have run over a failed element: the far end of each
    // failed link it was tight on, and the failed node's predecessors.
    for link in failure.links {
      let (a, b) = ends[link]
      guard let edge = adjacency[a].first(where: { $0.link == link }) else { continue }
      if forwards(b), tight(b, a, edge.weight) { candidates.push(normal[a], a) }
      if forwards(a), tight(a, b, edge.weight) { candidates.push(normal[b], b) }
    }
    if let failed = failure.node {
      affected[failed] = true
      decided[failed] = true
      if forwards(failed) {
        for edge in adjacency[failed] where tight(failed, edge.neighbour, edge.weight) {
          candidates.push(normal[edge.neighbour], edge.neighbour)
        }
      }
    }
    var region: [Int] = []
    while let (_, x) = candidates.pop() {
      guard !decided[x] else { continue }
      decided[x] = true
      // Still on a shortest path: a next hop that stands, through a link that stands.
      let keeps = x == target || adjacency[x].contains { edge in
        !failure.blocks(edge) && forwards(edge.neighbour) && !affected[edge.neighbour] && tight(edge.neighbour, x, edge.weight)
      }
      guard !keeps else { continue }
      affected[x] = true
      region.append(x)
      if region.count > limit { return nil }
      // Those whose shortest paths ran through x.
      if forwards(x) {
        for edge in adjacency[x] where !decided[edge.neighbour] && tight(x, edge.neighbour, edge.weight) {
          candidates.push(normal[edge.neighbour], edge.neighbour)
        }
      }
    }
    var distance = normal
    if let failed = failure.node { distance[failed] = .infinity }
    guard !region.isEmpty else { return distance }
    // Dijkstra over the affected nodes, entered from the nodes that keep their distances.
    var heap = MinHeap()
    for a in region {
      var best = Double.infinity
      for edge in adjacency[a] where !failure.blocks(edge) && !affected[edge.neighbour] && forwards(edge.neighbour) {
        let candidate = normal[edge.neighbour] + edge.weight
        if candidate < best { best = candidate }
      }
      distance[a] = best
      if best.isFinite { heap.push(best, a) }
    }
    while let (d, u) = heap.pop() {
      if d > distance[u] || !forwards(u) { continue }
      for edge in adjacency[u] where affected[edge.neighbour] && !failure.blocks(edge) {
        let candidate = d + edge.weight
        if candidate < distance[edge.neighbour] {
          distance[edge.neighbour] = candidate
          heap.push(candidate, edge.neighbour)
        }
      }
    }
    if let failed = failure.node { distance[failed] = .infinity }
    return distance
  }
}
