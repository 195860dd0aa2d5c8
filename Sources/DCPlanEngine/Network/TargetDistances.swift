/// Shortest distances to one target from every node (infinity where unreachable): a full
/// array (one Dijkstra from the target), or derived from the arrays of the target's
/// neighbours (docs/conventions.md, "Routing").
///
/// A shortest path to a target ends on one of its links, so for every node v other than the
/// target d(v, t) = min over the target's live links (n, t) of d(v, n) + w(n, t), where a stub
/// neighbour n (no way through) counts only for v = n. A state-scale network has thousands of
/// leaf targets (municipalities on one or two access links to a county hub): deriving them
/// from the few hubs' arrays needs no Dijkstra and no array of their own, where a full array
/// per target would take time and memory growing with the square of the nodes.
struct TargetDistances {
  /// One node whose distance differs from an array's: a failure that changes one node's
  /// distance only (``Graph/singleNodeChange(_:_:)``).
  struct Patch {
    let node: Int
    let value: Double
  }

  /// A node's distances (to it, from every node) with at most one node's changed.
  struct Array {
    let distances: [Double]
    let patch: Patch?

    init(_ distances: [Double], patch: Patch? = nil) {
      self.distances = distances
      self.patch = patch
    }

    @inline(__always)
    subscript(_ node: Int) -> Double {
      if let patch, patch.node == node { return patch.value }
      return distances[node]
    }
  }

  /// One way into the target: a neighbour's distances and the link's weight.
  struct Entry {
    let node: Int
    let link: Int
    let distances: Array
    let weight: Double
    let isStub: Bool

    /// The distance from `source` to the target through this way in.
    @inline(__always)
    func via(_ source: Int) -> Double {
      isStub ? (source == node ? weight : .infinity) : distances[source] + weight
    }
  }

  /// The target.
  let target: Int
  /// The full array; nil when derived.
  private let full: Array?
  /// The target's live links, when derived.
  private let entries: [Entry]

  /// Distances from one Dijkstra run from the target.
  init(target: Int, full: [Double]) {
    self.target = target
    self.full = Array(full)
    entries = []
  }

  /// A node's distances as a target's (the array may carry a patch).
  init(target: Int, array: Array) {
    self.target = target
    full = array
    entries = []
  }

  /// Distances derived from the target's live links.
  init(target: Int, entries: [Entry]) {
    self.target = target
    full = nil
    self.entries = entries
  }

  private init(target: Int, full: Array?, entries: [Entry]) {
    self.target = target
    self.full = full
    self.entries = entries
  }

  /// Whether the distances are derived from the neighbours' arrays.
  var isDerived: Bool { full == nil }

  /// The full array as one Dijkstra gave it (nil when derived or patched).
  var plainArray: [Double]? { full?.patch == nil ? full?.distances : nil }

  /// The same distances with one node's changed (a full array only; nil for derived ones).
  func patched(_ patch: Patch) -> TargetDistances? {
    guard let full, full.patch == nil else { return nil }
    return TargetDistances(target: target, full: Array(full.distances, patch: patch), entries: [])
  }

  /// The distance from `node` to the target.
  @inline(__always)
  subscript(_ node: Int) -> Double {
    if let full { return full[node] }
    if node == target { return 0 }
    var best = Double.infinity
    for entry in entries {
      let via = entry.via(node)
      if via < best { best = via }
    }
    return best
  }

  /// The one way into a derived target that the shortest paths from `source` take (no other
  /// within the next-hop tolerance of 1e-9); nil for a full array, an unreachable target, the
  /// target itself or a tie. Every shortest path from `source` then ends on that way in, and
  /// at every node on them the next hops toward the target are those toward its neighbour
  /// (a node with another way in on a shortest path would give `source` a second one).
  func soleWayIn(from source: Int) -> Entry? {
    guard full == nil, source != target else { return nil }
    var best: Entry?
    var bestVia = Double.infinity
    for entry in entries {
      let via = entry.via(source)
      if via < bestVia {
        best = entry
        bestVia = via
      }
    }
    guard let best, bestVia.isFinite else { return nil }
    let tolerance = 1e-9 * max(1, bestVia)
    for entry in entries where entry.link != best.link && abs(entry.via(source) - bestVia) <= tolerance { return nil }
    return best
  }
}
