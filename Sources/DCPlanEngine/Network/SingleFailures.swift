import Synchronization
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
      list.append(("node \(node.id)", Graph.Failure(node: n, in: graph)))
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
  ///   - threads: workers for a run without a route cache: each takes a block's failures one at
  ///     a time with a route finder of its own, and the failures' load changes are then
  ///     taken in the failures' order, so the outcome does not depend on the number of threads.
  // swiftlint:disable:next function_parameter_count
  static func analyse(
    _ failures: [Named], routes: [[(arc: Int, share: Double)]], demands: NetworkDemands, load: Matrix,
    finder: RouteFinder, lean: Bool, sparse: Bool, nodeIDs: [String], progress: WorkProgress?, threads: Int = 1
  ) -> Outcome {
    let yearCount = demands.years
    let arcCount = load.rows
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
    let shared = FailureWorker.Shared(
      failures: failures, routes: routes, demands: demands, linksUsedBy: linksUsedBy, pairsAt: pairsAt, lean: lean,
      sparse: sparse, nodeIDs: nodeIDs, progress: progress)
    var disconnections: [Disconnection] = []
    // Takes a failure's load changes: each link it leaves up keeps its highest load.
    func take(_ effect: FailureWorker.Effect, of f: Int) {
      for (i, link) in effect.arcs.enumerated() {
        guard !failures[f].state.isLinkDown(link / 2) else { continue }
        for y in 0..<yearCount {
          let value = load[link, y] + effect.deltas[i * yearCount + y]
          if value > n1Load[link, y] * (1 + 1e-12) + 1e-9 {
            n1Load[link, y] = value
            if !lean { worst[link * yearCount + y] = failures[f].name }
          }
        }
      }
      // Kept up to a bound: a badly meshed state-scale network could list millions.
      disconnections += effect.disconnections.prefix(max(0, FailureWorker.disconnectionLimit - disconnections.count))
    }
    let workers = searching && !sparse && finder.cache == nil ? max(1, min(threads, failures.count)) : 1
    if searching, workers == 1 {
      let worker = FailureWorker(shared, finder: finder)
      for f in failures.indices { take(worker.effect(of: f), of: f) }
      if sparse, let cache = finder.cache {
        let terms = cache.storeFailureTerms(
          FailureTerms(worker.collected, starts: worker.collectedStarts, failures: failures.map(\.state)), for: demands.pairs)
        terms.apply(rates: demands.mbps, years: yearCount, load: load, to: &n1Load)
      }
    } else if searching {
      // Blocks of failures; each worker takes the block's next failure until none is left (a
      // hub's failure costs a hundred times a leaf's), and the effects are taken in order.
      let pool = (0..<workers).map { _ in FailureWorker(shared, finder: RouteFinder(copying: finder)) }
      let blockSize = 256 * workers
      for start in stride(from: 0, to: failures.count, by: blockSize) {
        let block = start..<min(failures.count, start + blockSize)
        var effects = [FailureWorker.Effect?](repeating: nil, count: block.count)
        effects.withUnsafeMutableBufferPointer { buffer in
          let slots = DisjointSlots(base: buffer.baseAddress)
          let next = Atomic<Int>(0)
          Workers.run(workers) { w in
            while true {
              let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
              guard k < block.count else { break }
              slots.base?[k] = pool[w].effect(of: block.lowerBound + k)
            }
          }
        }
        for (k, effect) in effects.enumerated() { if let effect { take(effect, of: block.lowerBound + k) } }
      }
    } else if let knownTerms {
      knownTerms.apply(rates: demands.mbps, years: yearCount, load: load, to: &n1Load)
    }
    return Outcome(n1Load: n1Load, worst: worst, disconnections: disconnections)
  }

  /// The pairs a failure touches, ascending: those whose normal route crosses a failed link,
  /// and those that start or end at a failed node. `isAffected` is all false before and after.
  static func affectedPairs(
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
