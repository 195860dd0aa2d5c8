import DCPlanModel

/// Link loads in normal operation for all years at once (docs/conventions.md, "Routing"):
/// routing matrix (links × pairs, each pair's share on each link under ECMP) times demand
/// matrix (pairs × years), through BLAS.
enum LinkLoads {
  /// Loads, and their voice part, per link and year (Mbit/s). `sparse` (a Monte Carlo trial)
  /// adds the rates along each route hop by hop instead, without the voice part.
  static func normal(
    _ routes: [[(link: Int, share: Double)]], _ demands: NetworkDemands, linkCount: Int, sparse: Bool
  ) -> (load: Matrix, voice: Matrix) {
    let yearCount = demands.years
    let pairCount = demands.pairs.count
    var load = Matrix(rows: linkCount, columns: yearCount)
    var voiceLoad = Matrix(rows: sparse ? 0 : linkCount, columns: sparse ? 0 : yearCount)
    if sparse {
      // The routing matrix is mostly zeros at state scale.
      for (p, route) in routes.enumerated() {
        for hop in route { for y in 0..<yearCount { load[hop.link, y] += hop.share * demands.mbps[p * yearCount + y] } }
      }
      return (load, voiceLoad)
    }
    var routing = Matrix(rows: linkCount, columns: pairCount)
    for (p, route) in routes.enumerated() { for hop in route { routing[hop.link, p] = hop.share } }
    // One product for all traffic and its voice part: the demand matrix holds the years of
    // all traffic in its first columns and those of voice in the next.
    var demandMatrix = Matrix(rows: pairCount, columns: 2 * yearCount)
    for p in 0..<pairCount {
      for y in 0..<yearCount {
        demandMatrix[p, y] = demands.mbps[p * yearCount + y]
        demandMatrix[p, yearCount + y] = demands.voiceMbps[p * yearCount + y]
      }
    }
    let both = BLAS.product(routing, demandMatrix)  // links × 2·years, Mbit/s
    for l in 0..<linkCount {
      for y in 0..<yearCount {
        load[l, y] = both[l, y]
        voiceLoad[l, y] = both[l, yearCount + y]
      }
    }
    return (load, voiceLoad)
  }
}
