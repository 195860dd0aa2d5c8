import Foundation
import DCPlanModel
@testable import DCPlanEngine
import DCPlanTestSupport
import Testing

/// Erlang B against published tables and, beyond their range, an independent method.
@Suite("Erlang B")
struct ErlangBTests {
  struct Row: CustomTestStringConvertible, Sendable {
    let trunks: Int
    let blocking: Double
    let traffic: Double
    var testDescription: String { "\(trunks) trunks at \(blocking * 100) %" }
  }

  /// The offered traffic (Erlang, to the table's three decimals) a trunk group carries at a
  /// grade of service, from the standard Erlang B table (e.g. Rappaport, "Wireless
  /// Communications", Appendix; erlang.com's calculator gives 8.108 E for 15 lines at 1 %).
  static let table: [Row] = [
    Row(trunks: 1, blocking: 0.01, traffic: 0.010),
    Row(trunks: 5, blocking: 0.01, traffic: 1.361),
    Row(trunks: 10, blocking: 0.01, traffic: 4.461),
    Row(trunks: 10, blocking: 0.02, traffic: 5.084),
    Row(trunks: 15, blocking: 0.01, traffic: 8.108),
    Row(trunks: 20, blocking: 0.01, traffic: 12.031),
    Row(trunks: 50, blocking: 0.01, traffic: 37.901),
    Row(trunks: 100, blocking: 0.01, traffic: 84.064),
  ]

  @Test("the traffic a trunk group carries matches the published table", arguments: table)
  func publishedTable(_ row: Row) {
    let traffic = ErlangB.traffic(trunks: row.trunks, gradeOfService: row.blocking)
    #expect(abs(traffic - row.traffic) < 0.0005, "\(traffic)")
  }

  @Test("trunks for a grade of service: published examples")
  func trunksForGrade() {
    // erlang.com: 1,200 calls/h of 3 min = 33.333 E at 1 % needs 45 lines.
    #expect(ErlangB.trunks(traffic: 100.0 / 3, gradeOfService: 0.01) == 45)
    // 10 E at 1 %: 17 trunks block 1.29 %, 18 block 0.71 %.
    #expect(ErlangB.trunks(traffic: 10, gradeOfService: 0.01) == 18)
  }

  @Test("closed forms: one trunk blocks A/(1+A); no traffic blocks nothing")
  func closedForms() {
    #expect(approximately(ErlangB.blocking(traffic: 0.5, trunks: 1), 0.5 / 1.5))
    // Two trunks: B = (A²/2) / (1 + A + A²/2); A = 2 → 2/5.
    #expect(approximately(ErlangB.blocking(traffic: 2, trunks: 2), 0.4))
    #expect(ErlangB.blocking(traffic: 0, trunks: 3) == 0)
    #expect(ErlangB.blocking(traffic: 0, trunks: 0) == 0)
    #expect(ErlangB.trunks(traffic: 0, gradeOfService: 0.01) == 0)
  }

  /// Beyond published tables: B = Poisson pmf(N; A) / Poisson cdf(N; A), evaluated with
  /// scipy.stats.poisson in double precision (an independent route to the same formula).
  @Test("from a fraction of an Erlang to 100,000 Erlang, against the Poisson-ratio form")
  func wideRange() {
    #expect(ErlangB.trunks(traffic: 0.05, gradeOfService: 0.01) == 2)
    #expect(ErlangB.trunks(traffic: 1000, gradeOfService: 0.01) == 1029)
    #expect(ErlangB.trunks(traffic: 100_000, gradeOfService: 0.01) == 99_092)
    #expect(ErlangB.trunks(traffic: 100_000, gradeOfService: 0.001) == 100_293)
    #expect(approximately(ErlangB.blocking(traffic: 100_000, trunks: 100_000), 0.002518893424106437, relative: 1e-9))
    #expect(approximately(ErlangB.blocking(traffic: 10, trunks: 18), 0.007142438157899825, relative: 1e-12))
  }

  @Test("many traffics at once give each one's own search; the search's blocking equals the recursion's")
  func batched() {
    // The published and scipy-checked cases above, plus a spread from 0 to 2,000 Erlang.
    let spread: [Double] = (0..<200).map { (i: Int) -> Double in Double(i * i) / 20 }
    let traffics: [Double] = [100.0 / 3, 10, 0.05, 0, 1000, 55.5, 100, 100.000001] + spread
    let batched = ErlangB.trunks(traffics: traffics, gradeOfService: 0.01)
    #expect(Array(batched.prefix(5)) == [45, 18, 2, 0, 1029])
    for (traffic, trunks) in zip(traffics, batched) {
      #expect(trunks == ErlangB.trunks(traffic: traffic, gradeOfService: 0.01), "\(traffic) Erlang")
    }
    for traffic in [10.0, 1000, 8000] {
      let (trunks, blocking) = ErlangB.trunksAndBlocking(traffic: traffic, gradeOfService: 0.01)
      #expect(approximately(blocking, ErlangB.blocking(traffic: traffic, trunks: trunks), relative: 1e-9))
      #expect(blocking <= 0.01 && ErlangB.blocking(traffic: traffic, trunks: trunks - 1) > 0.01)
    }
  }

  @Test("the memo of earlier answers gives what a search gives, trial after trial")
  func memo() {
    var memo = TrunkMemo()
    var random = SplitMix64(seed: 5)
    let bases: [Double] = [3, 40, 99, 101, 450, 1757, 8000]
    for _ in 0..<400 {
      // Each row's traffic moves by up to ±15 % from trial to trial, as a drawn headcount would.
      let traffics = bases.map { $0 * (0.85 + 0.3 * Double(random.next() >> 11) * 0x1.0p-53) }
      let memoised = memo.trunks(traffics: traffics, gradeOfService: 0.01)
      #expect(memoised == traffics.map { ErlangB.trunks(traffic: $0, gradeOfService: 0.01) })
    }
    // Another grade of service starts afresh.
    #expect(memo.trunks(traffics: [450], gradeOfService: 0.001) == [ErlangB.trunks(traffic: 450, gradeOfService: 0.001)])
  }

  /// The textbook recursion B(n) = A·B(n−1)/(n + A·B(n−1)) from B(0) = 1, one trunk at a
  /// time: the independent method the fast blocking (a series from ⌊A⌋, then the reciprocal
  /// form) must agree with.
  static func plainBlocking(traffic: Double, trunks: Int) -> Double {
    var b = 1.0
    for n in stride(from: 1, through: trunks, by: 1) { b = traffic * b / (Double(n) + traffic * b) }
    return b
  }

  @Test("blocking agrees with the plain recursion to 1e-11 from 0.01 to 200,000 Erlang, trunks far below, near and far above the traffic")
  func blockingAgainstPlainRecursion() {
    let traffics: [Double] = [0.01, 0.7, 3, 42.5, 99.9, 100, 101, 450, 1757.25, 8000, 20_000, 123_456.7, 200_000]
    for traffic in traffics {
      let root = traffic.squareRoot()
      let around = [-12.0, -3, -1, 0, 1, 3, 12].map { Int((traffic + $0 * root).rounded()) }
      for trunks in Set([0, 1, 2, 17, Int(traffic / 2), Int(traffic * 3) + 40] + around) where trunks >= 0 {
        let expected = Self.plainBlocking(traffic: traffic, trunks: trunks)
        let found = ErlangB.blocking(traffic: traffic, trunks: trunks)
        if expected < 1e-290 {
          #expect(found < 1e-280, "\(traffic) Erlang on \(trunks) trunks")
        } else {
          #expect(approximately(found, expected, relative: 1e-11), "\(traffic) Erlang on \(trunks) trunks: \(found) against \(expected)")
        }
      }
    }
    // Far more trunks than traffic: the blocking underflows to 0 without running through them all.
    #expect(ErlangB.blocking(traffic: 1, trunks: Int(1e15)) == 0)
  }
}

extension ErlangBTests {
  struct Reference: Decodable {
    let traffic: Double
    let grade_of_service: Double
    let trunks: Int
  }

  /// Tests/Fixtures/erlang-b-reference.json, from Scripts/reference/erlang_b_reference.py (the
  /// recursion in 60-digit decimals, from 0 trunks up).
  static func reference() throws -> [Reference] {
    let url = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/erlang-b-reference.json")
    return try JSONDecoder().decode([Reference].self, from: Data(contentsOf: url))
  }

  @Test("the fewest trunks equal an independent 60-digit search from 0.05 to 1,000,000 Erlang and 0.01 % to 50 %, A > 36/GoS² included")
  func fewestTrunksAgainstReference() throws {
    let cases = try Self.reference()
    #expect(cases.count == 104)
    #expect(cases.contains { $0.traffic > 36 / ($0.grade_of_service * $0.grade_of_service) })
    for row in cases {
      let found = ErlangB.trunksAndBlocking(traffic: row.traffic, gradeOfService: row.grade_of_service)
      #expect(found.trunks == row.trunks, "\(row.traffic) Erlang at \(row.grade_of_service)")
      // The one below blocks more than the grade of service.
      if row.trunks > 0 {
        #expect(ErlangB.blocking(traffic: row.traffic, trunks: row.trunks - 1) > row.grade_of_service)
      }
      #expect(ErlangB.trunks(traffics: [row.traffic], gradeOfService: row.grade_of_service) == [row.trunks])
    }
  }
}
