/// Erlang's loss formula (Erlang B): the share of calls blocked when `traffic` Erlang are
/// offered to `trunks` channels and blocked calls are cleared.
///
///     B(A, 0) = 1,   B(A, n) = A · B(A, n − 1) / (n + A · B(A, n − 1))
///
/// The recursion (e.g. ITU-T E.501's engineering practice; Iversen, "Teletraffic
/// Engineering and Network Planning", DTU 2015, §4.4) uses no factorials or powers: every
/// step stays in (0, 1], so it neither overflows nor loses precision from a fraction of an
/// Erlang to 100,000 Erlang and beyond (docs/conventions.md, "Voice").
public enum ErlangB {
  /// Blocking probability for `traffic` Erlang on `trunks` channels.
  ///
  /// Runs the recursion on the reciprocal, `1/B(n) = 1 + (n/A) · 1/B(n − 1)` (one
  /// multiply-add per trunk, no division). Where more than 10√A trunks lie below the traffic,
  /// it starts at m = min(N, ⌊A⌋) from the sum `1/B(A, m) = Σ_j m!/((m − j)! · A^j)`, whose
  /// terms never exceed 1 for m ≤ A and fall below 1e-17 of the sum after about 9√A of them
  /// (``reciprocalBlocking(traffic:trunks:)``). Below a blocking of 1e-300 it finishes in the
  /// forward form `B(n) = A · B(n − 1) / (n + A · B(n − 1))`, which cannot overflow.
  ///
  /// - Complexity: O(min(N, 9√A + max(0, N − A))).
  public static func blocking(traffic: Double, trunks: Int) -> Double {
    // No traffic, nothing blocked.
    guard traffic > 0 else { return 0 }
    guard trunks > 0 else { return 1 }
    var n = 0
    var reciprocal = 1.0
    let top = min(Double(trunks), traffic.rounded(.down))
    if top > 10 * traffic.squareRoot() {
      n = Int(top)
      reciprocal = reciprocalBlocking(traffic: traffic, trunks: n)
    }
    let perErlang = 1 / traffic
    while n < trunks {
      n += 1
      reciprocal = 1 + Double(n) * perErlang * reciprocal
      if reciprocal > 1e300 {
        var b = 1 / reciprocal
        while n < trunks {
          n += 1
          b = traffic * b / (Double(n) + traffic * b)
          if b == 0 { break }  // underflowed: every further trunk keeps it 0
        }
        return b
      }
    }
    return 1 / reciprocal
  }

  /// The fewest trunks whose blocking is at most `gradeOfService` for `traffic` Erlang.
  ///
  /// Runs the same recursion on the reciprocal, `1/B(n) = 1 + (n/A) · 1/B(n − 1)`: one
  /// multiply-add per trunk instead of a division, and the value stays below
  /// 1/`gradeOfService` until the search stops, so it cannot overflow.
  ///
  /// - Complexity: O(result): the recursion runs once up to the answer.
  public static func trunks(traffic: Double, gradeOfService: Double) -> Int {
    trunksAndBlocking(traffic: traffic, gradeOfService: gradeOfService).trunks
  }

  /// The fewest trunks whose blocking is at most `gradeOfService`, and the blocking with
  /// them (the search's last reciprocal, so no second recursion is needed).
  ///
  /// - Complexity: O(result), as ``trunks(traffic:gradeOfService:)``.
  public static func trunksAndBlocking(traffic: Double, gradeOfService: Double) -> (trunks: Int, blocking: Double) {
    guard traffic > 0 else { return (0, 0) }
    // Beyond 10 million Erlang (no real trunk group) the fluid limit of Erlang B, where
    // B → 1 − N/A for N < A, stands in for the recursion: N = ⌈A · (1 − GoS)⌉.
    guard traffic <= 10_000_000 else {
      let n = Int(min(1e15, (traffic * (1 - gradeOfService)).rounded(.up)))
      return (n, max(0, 1 - Double(n) / traffic))
    }
    let limit = 1 / max(gradeOfService, 1e-300) * (1 - 1e-12)
    let perErlang = 1 / traffic
    // Start below the answer, near it (see ``start(traffic:gradeOfService:)``).
    var n = start(traffic: traffic, gradeOfService: gradeOfService)
    var reciprocal = reciprocalBlocking(traffic: traffic, trunks: n)
    // Every added trunk lowers the blocking; stop at the first that meets the target.
    while reciprocal < limit {
      n += 1
      reciprocal = 1 + Double(n) * perErlang * reciprocal
      if n > 100_000_000 { break }
    }
    return (n, 1 / reciprocal)
  }

  /// ``trunks(traffic:gradeOfService:)`` for many traffics at once, with the same results:
  /// the searches that start at 0 (up to 100 Erlang) run side by side, one trunk for all of
  /// them at a time, so their steps do not wait on each other; the larger ones start near
  /// their answer and run alone.
  ///
  /// - Complexity: O(Σ result), as many separate searches.
  public static func trunks(traffics: [Double], gradeOfService: Double) -> [Int] {
    var result = [Int](repeating: 0, count: traffics.count)
    let limit = 1 / max(gradeOfService, 1e-300) * (1 - 1e-12)
    var open: [Int] = []
    for (i, traffic) in traffics.enumerated() {
      if traffic > 10_000_000 || !(traffic > 0) || start(traffic: traffic, gradeOfService: gradeOfService) > 0 {
        result[i] = trunks(traffic: traffic, gradeOfService: gradeOfService)
      } else {
        open.append(i)
      }
    }
    let perErlang = traffics.map { 1 / $0 }
    var reciprocal = [Double](repeating: 1, count: traffics.count)
    var n = 0
    while !open.isEmpty {
      n += 1
      var kept = 0
      for i in open {
        reciprocal[i] = 1 + Double(n) * perErlang[i] * reciprocal[i]
        if reciprocal[i] < limit {
          open[kept] = i
          kept += 1
        } else {
          result[i] = n
        }
      }
      open.removeLast(open.count - kept)
    }
    return result
  }

  /// Where a search starts, at or below the answer: for more than 100 Erlang and a grade of
  /// service under 50 %, ⌊A(1 − GoS)⌋ − 1, else 0. A proven bound: the carried traffic
  /// A(1 − B) cannot exceed the N trunks, so B ≥ 1 − N/A, and every N below A(1 − GoS) blocks
  /// more than the grade of service allows. (The classic A − 6√A is no bound: it lies above
  /// the answer once A > 36/GoS², 19,151 against 19,019 for 20,000 Erlang at 5 %.)
  static func start(traffic: Double, gradeOfService: Double) -> Int {
    guard traffic > 100 && gradeOfService < 0.5 else { return 0 }
    let carried = (traffic * (1 - gradeOfService)).rounded(.down) - 1
    return max(0, Int(carried))
  }

  /// `1/B(A, m) = Σ_{j=0…m} m!/((m − j)! · A^j)`, summed until a term falls below 1e-17 of
  /// the sum. Its terms shrink from the first for m ≤ A (the callers' case), so none overflows.
  static func reciprocalBlocking(traffic: Double, trunks m: Int) -> Double {
    guard m > 0 else { return 1 }
    let perErlang = 1 / traffic
    var sum = 1.0
    var term = 1.0
    var j = 0
    while j < m {
      term *= Double(m - j) * perErlang
      sum += term
      j += 1
      if term < 1e-17 * sum { break }
    }
    return sum
  }

  /// The most traffic `trunks` channels carry at `gradeOfService` (bisection on the blocking,
  /// which grows with the traffic), to a relative 1e-12.
  public static func traffic(trunks: Int, gradeOfService: Double) -> Double {
    guard trunks > 0, gradeOfService > 0 else { return 0 }
    var low = 0.0
    var high = Double(trunks) + 10 * Double(trunks).squareRoot() + 10
    while blocking(traffic: high, trunks: trunks) < gradeOfService { high *= 2 }
    for _ in 0..<200 {
      let mid = (low + high) / 2
      if blocking(traffic: mid, trunks: trunks) > gradeOfService { high = mid } else { low = mid }
      if high - low <= 1e-12 * high { break }
    }
    return (low + high) / 2
  }
}
