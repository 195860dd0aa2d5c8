@testable import DCPlanReports
import Testing

/// Chart axes in steps of 1, 2 or 5 × 10^k, worked by hand.
@Suite("chart axes: 1-2-5 ticks")
struct NiceAxisTests {
  @Test("0 to 72.1 M: steps of 20 M up to 80 M")
  func millions() {
    let axis = SVGChart.NiceAxis(minimum: 0, maximum: 72.1e6)
    #expect(axis == SVGChart.NiceAxis(minimum: 0, maximum: 80e6))
    #expect(axis.step == 20e6 && axis.low == 0 && axis.high == 80e6)
    #expect(axis.labels == ["0", "20 M", "40 M", "60 M", "80 M"])
  }

  @Test("−6.5 M to 72.1 M: zero on a tick, −20 M to 80 M")
  func negative() {
    let axis = SVGChart.NiceAxis(minimum: -6.5e6, maximum: 72.1e6)
    #expect(axis.step == 20e6 && axis.low == -20e6 && axis.high == 80e6)
    #expect(axis.ticks.contains(0))
    #expect(axis.labels.first == "-20 M")
  }

  @Test("small ranges: 0 to 3.7 in whole steps, 0 to 0.012 in steps of 0.002 with three decimals")
  func small() {
    let whole = SVGChart.NiceAxis(minimum: 0, maximum: 3.7)
    #expect(whole.step == 1 && whole.high == 4)
    #expect(whole.labels == ["0", "1", "2", "3", "4"])
    let tiny = SVGChart.NiceAxis(minimum: 0, maximum: 0.012)
    #expect(abs(tiny.step - 0.002) < 1e-15 && abs(tiny.high - 0.012) < 1e-15)
    #expect(tiny.labels.last == "0.012")
  }

  @Test("every axis covers its data in at most six steps of 1, 2 or 5 × 10^k")
  func property() {
    var random: UInt64 = 7
    for _ in 0..<2_000 {
      random = random &* 6364136223846793005 &+ 1442695040888963407
      let a = Double(random >> 11) / Double(1 << 53) * 1e7 - 2e6
      random = random &* 6364136223846793005 &+ 1442695040888963407
      let b = a + Double(random >> 11) / Double(1 << 53) * 1e6 + 1e-3
      let axis = SVGChart.NiceAxis(minimum: a, maximum: b)
      #expect(axis.low <= a && axis.high >= b)
      #expect((axis.high - axis.low) / axis.step <= 6.000001)
      var mantissa = axis.step
      while mantissa >= 10 { mantissa /= 10 }
      while mantissa < 1 { mantissa *= 10 }
      #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-6 }, "step \(axis.step)")
    }
  }
}

/// Axis labels spaced so that none overlaps the next, worked by hand.
@Suite("chart labels")
struct ChartLabelTests {
  @Test("leaning labels need 11 px / sin 25° = 26 px apart; upright ones their width and 6 px")
  func stride() {
    // 61 leaning labels on 470 px: 7.7 px each, every 4th written (4 × 7.7 = 30.8 ≥ 26.0 > 3 × 7.7).
    #expect(SVGChart.labelStride(Array(repeating: "muni-01", count: 61), slot: 470.0 / 61, lean: true) == 4)
    #expect(SVGChart.labelStride(Array(repeating: "muni-01", count: 7), slot: 470.0 / 7, lean: true) == 1)
    // Years on 470 px: 9 of them 52 px apart, 6.5 × 4 + 6 = 32 px needed: all; 30 years at 15.7 px: every 3rd.
    #expect(SVGChart.labelStride(Array(repeating: "2017", count: 9), slot: 470.0 / 9, lean: false) == 1)
    #expect(SVGChart.labelStride(Array(repeating: "2017", count: 30), slot: 470.0 / 30, lean: false) == 3)
  }
}
