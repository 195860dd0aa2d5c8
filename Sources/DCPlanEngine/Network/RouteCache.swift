import DCPlanModel

/// Routes depend on the topology only, never on demand: a Monte Carlo worker keeps them from
/// trial to trial (one cache per thread; the topology must be the same in every trial).
final class RouteCache {
  struct Key: Hashable {
    /// The failure's index in the failure list, or −1 for normal operation.
    let failure: Int32
    let from: Int32
    let to: Int32
  }

  /// The graph, built once.
  var graph: Graph?
  /// Node ids to indices, once made.
  private var knownNodeIndex: [String: Int]?
  /// The voice rows (tenant locations with their nearest gateway) and the gateways' nodes.
  var voiceLayout: (rows: [VoiceTable.Row], gatewayNodes: [Int?])?
  /// The single failures analysed (names and states).
  var failures: [(name: String, state: Graph.Failure)]?
  /// The normal distances to each target.
  var normalDistances: [Int: [Double]] = [:]
  /// ECMP shares of each pair, normally and under each failure (empty: cut off).
  var routes: [Key: [(arc: Int, share: Double)]] = [:]

  /// Where the demands' ends sit (see ``takeDemandLayout()``).
  var demandLayout: NetworkDemands.Layout?
  /// Erlang B answers found so far (locations and gateways alike) at the grade of service.
  var trunkMemo = TrunkMemo()
  /// The failures' load-change terms for the pairs of the trial that found them.
  private var terms: (pairs: [NetworkDemands.Pair], terms: FailureTerms)?
  /// The normal routes of the last trial's pairs, in their order.
  private var lastRoutes: (pairs: [NetworkDemands.Pair], routes: [[(arc: Int, share: Double)]])?

  init() {}

  /// `network.nodeIndices()`, made once for the topology the worker's trials share.
  func nodeIndex(of network: Network) -> [String: Int] {
    if let knownNodeIndex { return knownNodeIndex }
    let made = network.nodeIndices()
    knownNodeIndex = made
    return made
  }

  /// The kept demand layout, taken out so that its pair table is not shared while a build
  /// writes to it (put it back in ``demandLayout`` afterwards).
  func takeDemandLayout() -> NetworkDemands.Layout? {
    defer { demandLayout = nil }
    return demandLayout
  }

  /// The normal routes kept for exactly these pairs (in this order), if any.
  func normalRoutes(for pairs: [NetworkDemands.Pair]) -> [[(arc: Int, share: Double)]]? {
    guard let lastRoutes, lastRoutes.pairs == pairs else { return nil }
    return lastRoutes.routes
  }

  /// Keeps the normal routes of `pairs` for the next trial.
  func keepNormalRoutes(_ routes: [[(arc: Int, share: Double)]], for pairs: [NetworkDemands.Pair]) {
    if lastRoutes?.pairs != pairs { lastRoutes = (pairs, routes) }
  }

  /// The terms found for exactly these pairs (in this order), if any.
  func failureTerms(for pairs: [NetworkDemands.Pair]) -> FailureTerms? {
    guard let terms, terms.pairs == pairs else { return nil }
    return terms.terms
  }

  /// Keeps `found` for trials with the same pairs, and returns it.
  func storeFailureTerms(_ found: FailureTerms, for pairs: [NetworkDemands.Pair]) -> FailureTerms {
    terms = (pairs, found)
    return found
  }
}

/// Every single failure's load changes as sparse terms: for each failure, per arc (a link in
/// one direction; arcs of links down in it left out), the pairs whose traffic leaves or joins it with the share
/// (−normal share, +rerouted share), in the order the failure analysis adds them. A Monte
/// Carlo trial with the same pairs as an earlier one applies them to its own rates instead
/// of searching every failure again; the sums come out in the same order as the analysis's.
struct FailureTerms {
  struct Term {
    let arc: Int32
    let pair: Int32
    let coefficient: Double
  }

  /// Terms of failure f: `terms[starts[f] ..< starts[f + 1]]`, grouped by link.
  private let terms: [Term]
  private let starts: [Int]

  /// From the terms in the analysis's order, failure by failure (`starts[f]` where failure f's begin).
  init(_ collected: [Term], starts: [Int], failures: [Graph.Failure]) {
    var terms: [Term] = []
    var grouped: [Int] = [0]
    for f in starts.indices {
      let end = f + 1 < starts.count ? starts[f + 1] : collected.count
      // Stable by link: each link's terms keep their order.
      let mine = collected[starts[f]..<end].enumerated()
        .filter { !failures[f].isLinkDown(Int($0.element.arc) / 2) }
        .sorted { ($0.element.arc, $0.offset) < ($1.element.arc, $1.offset) }
      terms += mine.map(\.element)
      grouped.append(terms.count)
    }
    self.terms = terms
    self.starts = grouped
  }

  /// Raises `n1Load` (arcs × years) to `load` plus each failure's changes where higher.
  func apply(rates: [Double], years: Int, load: Matrix, to n1Load: inout Matrix) {
    var change = [Double](repeating: 0, count: years)
    for f in 0..<(starts.count - 1) {
      var i = starts[f]
      let end = starts[f + 1]
      while i < end {
        let link = Int(terms[i].arc)
        for y in 0..<years { change[y] = 0 }
        while i < end, Int(terms[i].arc) == link {
          let row = Int(terms[i].pair) * years
          let coefficient = terms[i].coefficient
          for y in 0..<years { change[y] += coefficient * rates[row + y] }
          i += 1
        }
        for y in 0..<years {
          let value = load[link, y] + change[y]
          if value > n1Load[link, y] * (1 + 1e-12) + 1e-9 { n1Load[link, y] = value }
        }
      }
    }
  }
}
