import DCPlanModel

/// Link loads in normal operation for all years at once (docs/conventions.md, "Routing"):
/// each direction of each link (an arc) on its own, from the routing matrix (arcs × pairs,
/// each directed pair's share on each arc under ECMP) times the demand matrix (pairs × years),
/// through BLAS where the matrix is small enough.
enum LinkLoads {
  /// The largest routing matrix multiplied through BLAS (arcs × pairs entries).
  static let denseEntries = 4_000_000

  /// Loads, and their voice part, per arc and year (Mbit/s; `2 · linkCount` rows, arc
  /// `2l` from the link's `from` end, `2l + 1` back). `sparse` (a Monte Carlo trial) adds the
  /// rates along each route hop by hop instead, without the voice part.
  static func normal(
    _ routes: [[(arc: Int, share: Double)]], _ demands: NetworkDemands, linkCount: Int, sparse: Bool
  ) -> (load: Matrix, voice: Matrix) {
    let yearCount = demands.years
    let pairCount = demands.pairs.count
    let arcCount = 2 * linkCount
    var load = Matrix(rows: arcCount, columns: yearCount)
    var voiceLoad = Matrix(rows: sparse ? 0 : arcCount, columns: sparse ? 0 : yearCount)
    // The routing matrix is mostly zeros at state scale: beyond `denseEntries` (32 MB) the
    // rates are added along each route hop by hop, so memory grows with the routes, not with
    // arcs × pairs.
    if sparse || arcCount * pairCount > denseEntries {
      for (p, route) in routes.enumerated() {
        for hop in route {
          for y in 0..<yearCount {
            load[hop.arc, y] += hop.share * demands.mbps[p * yearCount + y]
            if !sparse { voiceLoad[hop.arc, y] += hop.share * demands.voiceMbps[p * yearCount + y] }
          }
        }
      }
      return (load, voiceLoad)
    }
    var routing = Matrix(rows: arcCount, columns: pairCount)
    for (p, route) in routes.enumerated() { for hop in route { routing[hop.arc, p] = hop.share } }
    // One product for all traffic and its voice part: the demand matrix holds the years of
    // all traffic in its first columns and those of voice in the next.
    var demandMatrix = Matrix(rows: pairCount, columns: 2 * yearCount)
    for p in 0..<pairCount {
      for y in 0..<yearCount {
        demandMatrix[p, y] = demands.mbps[p * yearCount + y]
        demandMatrix[p, yearCount + y] = demands.voiceMbps[p * yearCount + y]
      }
    }
    let both = BLAS.product(routing, demandMatrix)  // arcs × 2·years, Mbit/s
    for a in 0..<arcCount {
      for y in 0..<yearCount {
        load[a, y] = both[a, y]
        voiceLoad[a, y] = both[a, yearCount + y]
      }
    }
    return (load, voiceLoad)
  }

  /// Per link and year, its busier direction's load (and, from `voice`, that direction's voice
  /// part): what its utilisation, failures and upgrades read (capacity is per direction).
  static func busier(_ arcs: Matrix, voice: Matrix?) -> (load: Matrix, voice: Matrix) {
    let linkCount = arcs.rows / 2
    var load = Matrix(rows: linkCount, columns: arcs.columns)
    var voiceLoad = Matrix(rows: voice == nil ? 0 : linkCount, columns: voice == nil ? 0 : arcs.columns)
    for l in 0..<linkCount {
      for y in 0..<arcs.columns {
        let (forward, reverse) = (arcs[2 * l, y], arcs[2 * l + 1, y])
        let pick = reverse > forward ? 2 * l + 1 : 2 * l
        load[l, y] = arcs[pick, y]
        if let voice { voiceLoad[l, y] = voice[pick, y] }
      }
    }
    return (load, voiceLoad)
  }
}
