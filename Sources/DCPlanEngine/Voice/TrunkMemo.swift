import CKernels

/// Erlang B answers a Monte Carlo worker has found, used again where they settle a new traffic
/// exactly: the fewest trunks N*(A) at a grade of service never falls as the traffic A grows,
/// so a traffic between two known traffics with the same answer has that answer too. Other
/// traffics are searched and recorded. N*(A) depends on the traffic alone, so every location
/// and gateway, in every year, adds to and draws on the same answers.
///
/// The memo keeps, for each answer found, the lowest and highest traffic that gave it:
/// disjoint intervals in traffic order with rising answers, at most one per answer, so it
/// stays as small as the range of answers however many trials run.
struct TrunkMemo {
  private struct Intervals {
    /// Interval k holds the traffics `lows[k] ... highs[k]`, all answered `answers[k]`.
    var lows: [Double] = []
    var highs: [Double] = []
    var answers: [Int] = []

    /// The first interval whose high end is at least `traffic` (``dcplan_lower_bound``: no
    /// mispredicted branches).
    func position(_ traffic: Double) -> Int {
      highs.withUnsafeBufferPointer { highs in
        guard let base = highs.baseAddress else { return 0 }
        return dcplan_lower_bound(base, highs.count, traffic)
      }
    }

    /// The answer for `traffic` if an interval holds it.
    func answer(_ traffic: Double) -> Int? {
      let p = position(traffic)
      return p < lows.count && lows[p] <= traffic ? answers[p] : nil
    }

    /// Records that `traffic` needs `answer` trunks (it lies in no interval yet).
    mutating func record(_ traffic: Double, _ answer: Int) {
      let p = position(traffic)
      // Answers rise with the traffic, so the new one joins the neighbour with the same answer.
      let joinsLower = p > 0 && answers[p - 1] == answer
      let joinsUpper = p < answers.count && answers[p] == answer
      switch (joinsLower, joinsUpper) {
      case (true, true):
        highs[p - 1] = highs[p]
        lows.remove(at: p)
        highs.remove(at: p)
        answers.remove(at: p)
      case (true, false): highs[p - 1] = traffic
      case (false, true): lows[p] = traffic
      case (false, false):
        lows.insert(traffic, at: p)
        highs.insert(traffic, at: p)
        answers.insert(answer, at: p)
      }
    }
  }

  private var known = Intervals()
  private var gradeOfService = Double.nan

  /// The trunks for each of `traffics`, from the memo where it settles them, else by
  /// ``ErlangB/trunks(traffic:gradeOfService:)`` (which the batched search equals, and which
  /// allocates nothing: once the memo is warm, a miss is rare and large).
  mutating func trunks(traffics: [Double], gradeOfService: Double) -> [Int] {
    if self.gradeOfService != gradeOfService {
      known = Intervals()
      self.gradeOfService = gradeOfService
    }
    var result = [Int](repeating: 0, count: traffics.count)
    for (i, traffic) in traffics.enumerated() {
      guard traffic.isFinite else {
        result[i] = ErlangB.trunks(traffic: traffic, gradeOfService: gradeOfService)
        continue
      }
      if let answer = known.answer(traffic) {
        result[i] = answer
      } else {
        let found = ErlangB.trunks(traffic: traffic, gradeOfService: gradeOfService)
        result[i] = found
        known.record(traffic, found)
      }
    }
    return result
  }
}
