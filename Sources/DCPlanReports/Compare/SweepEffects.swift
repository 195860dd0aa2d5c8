/// Which parameters of a sweep changed nothing: a value the scenario never reads (a policy
/// default that every class overrides, a key of a section that is switched off) gives a grid
/// of identical rows that a planner would read as "this does not matter".
public enum SweepEffects {
  /// The parameters (indices into `counts`) whose values gave the same key figures for every
  /// choice of the other parameters' values.
  ///
  /// - Parameters:
  ///   - counts: each parameter's number of values, the first varying slowest: variant v takes
  ///     for parameter p the value `(v / stride_p) % counts[p]`, `stride_p` the product of the
  ///     counts after p (the numbering of `dcplan sweep`).
  ///   - figures: each variant's key figures, nil for one that failed (`figures.count` must be
  ///     the product of `counts`). Two figures are the same when both are missing or equal
  ///     (NaN equal to NaN).
  /// - Returns: the parameters with two or more values for which at least one pair of
  ///   variants differing only in it both ran, and every such pair gave the same figures.
  public static func ineffective(counts: [Int], figures: [[Double?]?]) -> [Int] {
    let total = counts.reduce(1) { $0 &* $1 }
    guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), figures.count == total else { return [] }
    var strides = [Int](repeating: 1, count: counts.count)
    for p in stride(from: counts.count - 2, through: 0, by: -1) { strides[p] = strides[p + 1] * counts[p + 1] }
    var result: [Int] = []
    for p in counts.indices where counts[p] > 1 {
      var compared = false
      var differs = false
      // Each variant whose value of p is the first, against the same variant with p's other values.
      for v in 0..<total where (v / strides[p]) % counts[p] == 0 {
        guard let base = figures[v] else { continue }
        for j in 1..<counts[p] {
          guard let other = figures[v + j * strides[p]] else { continue }
          compared = true
          if !same(base, other) {
            differs = true
            break
          }
        }
        if differs { break }
      }
      if compared && !differs { result.append(p) }
    }
    return result
  }

  private static func same(_ a: [Double?], _ b: [Double?]) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
      switch (x, y) {
      case (nil, nil): continue
      case let (x?, y?) where x == y || (x.isNaN && y.isNaN): continue
      default: return false
      }
    }
    return true
  }
}
