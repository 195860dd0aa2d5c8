/// Erlang B answers a Monte Carlo worker has found, per voice row (a location in a year),
/// used again where they settle a new traffic exactly: the fewest trunks N*(A) at a grade of
/// service never falls as the traffic A grows, so a traffic between two known traffics with
/// the same answer has that answer too. Other traffics are searched and recorded.
struct TrunkMemo {
  private struct Row {
    var traffics: [Double] = []
    var answers: [Int] = []
  }

  private var rows: [Row] = []
  private var gradeOfService = Double.nan

  /// The trunks for `traffics` (row by row), from the memo where it settles them, else by
  /// ``ErlangB/trunks(traffics:gradeOfService:)``.
  mutating func trunks(traffics: [Double], gradeOfService: Double) -> [Int] {
    if rows.count != traffics.count || self.gradeOfService != gradeOfService {
      rows = [Row](repeating: Row(), count: traffics.count)
      self.gradeOfService = gradeOfService
    }
    var result = [Int](repeating: 0, count: traffics.count)
    var missing: [Int] = []
    for (i, traffic) in traffics.enumerated() {
      if let known = answer(row: i, traffic: traffic) { result[i] = known } else { missing.append(i) }
    }
    guard !missing.isEmpty else { return result }
    let found = ErlangB.trunks(traffics: missing.map { traffics[$0] }, gradeOfService: gradeOfService)
    for (k, i) in missing.enumerated() {
      result[i] = found[k]
      record(row: i, traffic: traffics[i], answer: found[k])
    }
    return result
  }

  /// The first index of `traffics` at least `traffic`.
  private static func position(_ traffics: UnsafeBufferPointer<Double>, _ traffic: Double) -> Int {
    var low = 0
    var high = traffics.count
    while low < high {
      let mid = (low + high) / 2
      if traffics[mid] < traffic { low = mid + 1 } else { high = mid }
    }
    return low
  }

  private func answer(row i: Int, traffic: Double) -> Int? {
    guard traffic.isFinite else { return nil }
    return rows[i].traffics.withUnsafeBufferPointer { traffics in
      rows[i].answers.withUnsafeBufferPointer { answers -> Int? in
        let p = Self.position(traffics, traffic)
        guard p < traffics.count else { return nil }
        if traffics[p] == traffic { return answers[p] }
        guard p > 0, answers[p - 1] == answers[p] else { return nil }
        return answers[p]
      }
    }
  }

  private mutating func record(row i: Int, traffic: Double, answer: Int) {
    guard traffic.isFinite else { return }
    let p = rows[i].traffics.withUnsafeBufferPointer { Self.position($0, traffic) }
    rows[i].traffics.insert(traffic, at: p)
    rows[i].answers.insert(answer, at: p)
  }
}
