/// Routes found from the source's side (docs/conventions.md, "Routing", "How distances are
/// found"): a route from a node with many demands (a data centre) to a leaf with few (a
/// municipality) needs no distances to the leaf. With `d` the distances from the source, the
/// nodes on shortest paths to the target are those met walking back from the target over
/// edges (p, v) with d(p) + w(p, v) = d(v) (within a relative 1e-9 and d(p) < d(v), p carrying
/// transit or being the source), and a node's next hops toward the target are exactly its
/// neighbours met that way: for u on a shortest path, d(u, t) = d(t) − d(u), so v is a next
/// hop of u (d(u, t) = w(u, v) + d(v, t)) if and only if d(v) = d(u) + w(u, v) and v lies on a
/// shortest path too. The flow then splits evenly at each node, as per-hop ECMP does.
extension Graph {
  /// Whether an edge of weight `weight` from a node at distance `near` (from the source) to
  /// one at `far` lies on a shortest path from the source.
  @inline(__always)
  func isTight(_ near: Double, _ weight: Double, _ far: Double) -> Bool {
    near < far && abs(near + weight - far) <= 1e-9 * max(1, far)
  }

  /// The edges by which shortest paths from the source enter `node` (their far end `node`):
  /// from a neighbour that carries transit or is the source, over a link `failure` leaves up.
  /// Calls `body(neighbour, link)` for each, in the order of `node`'s edges.
  @inline(__always)
  func waysIn(
    to node: Int, source: Int, fromSource: TargetDistances, avoiding failure: Failure, _ body: (Int, Int) -> Void
  ) {
    let here = fromSource[node]
    guard here.isFinite, here > 0 else { return }
    let edges = adjacency[node]
    // A way in is no heavier than the distance to its far end: the search by rising weight
    // stops at the first heavier edge (a hub has hundreds).
    let heaviest = here * (1 + 1e-9) + 1e-9
    for position in edgesByWeight[node] {
      let edge = edges[position]
      if edge.weight > heaviest { break }
      guard !failure.blocks(edge), edge.neighbour == source || !isStub[edge.neighbour] else { continue }
      if isTight(fromSource[edge.neighbour], edge.weight, here) { body(edge.neighbour, edge.link) }
    }
  }

  /// The share of a unit flow from `source` to `target` on each arc, as
  /// ``ecmpShares(from:toTarget:avoiding:scratch:)`` gives it, found from `fromSource`, the
  /// distances from the source (under `failure`); empty if the target is unreachable.
  func ecmpShares(
    from source: Int, to target: Int, fromSource: TargetDistances, avoiding failure: Failure, scratch: inout ECMPScratch
  ) -> [(arc: Int, share: Double)] {
    guard source != target, source != failure.node, target != failure.node, fromSource[target].isFinite else { return [] }
    // Back from the target: the nodes on shortest paths and the edges between them.
    let stamp = scratch.begin(at: target, inflow: 0)
    var next = 0
    while next < scratch.walk.count {
      let v = scratch.walk[next]
      next += 1
      guard v != source else { continue }
      waysIn(to: v, source: source, fromSource: fromSource, avoiding: failure) { p, link in
        scratch.hops.append((from: p, to: v, arc: arc(link, from: p), order: 0))
        scratch.meet(p, stamp: stamp)
      }
    }
    guard scratch.nodeStamp[source] == stamp else { return [] }
    scratch.inflow[source] = 1
    // Forward, nearest the source first: each node's flow splits evenly among its hops.
    scratch.hops.sort { a, b in
      let da = fromSource[a.from]
      let db = fromSource[b.from]
      return da != db ? da < db : (a.from != b.from ? a.from < b.from : a.arc < b.arc)
    }
    return spreadFlow(&scratch, stamp: stamp)
  }
}
