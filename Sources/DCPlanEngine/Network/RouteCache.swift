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
  /// Node ids to indices.
  var nodeIndex: [String: Int]?
  /// Distances from each voice gateway.
  var gatewayDistances: [[Double]]?
  /// The single failures analysed (names and states).
  var failures: [(name: String, state: Graph.Failure)]?
  /// The normal distances to each target.
  var normalDistances: [Int: [Double]] = [:]
  /// ECMP shares of each pair, normally and under each failure (empty: cut off).
  var routes: [Key: [(link: Int, share: Double)]] = [:]

  init() {}
}
