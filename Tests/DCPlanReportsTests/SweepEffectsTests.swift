import DCPlanReports
import Testing

/// Grids worked by hand: 2 × 3 variants numbered with the first parameter slowest.
@Suite("sweep effects")
struct SweepEffectsTests {
  @Test("a parameter whose values never change the figures is found; one that changes any is not")
  func grid() {
    // Variant v = 3a + b: figures depend on b only.
    let onlySecond: [[Double?]?] = (0..<6).map { v in [Double(v % 3), 7] }
    #expect(SweepEffects.ineffective(counts: [2, 3], figures: onlySecond) == [0])
    // One pair of the first parameter differs (b = 2): it matters.
    var once = onlySecond
    once[5] = [2, 8]
    #expect(SweepEffects.ineffective(counts: [2, 3], figures: once) == [])
    // Nothing changes anything: both are named.
    #expect(SweepEffects.ineffective(counts: [2, 3], figures: Array(repeating: [1, nil, .nan], count: 6)) == [0, 1])
  }

  @Test("failed variants are left out; a parameter with one value, or none compared, is never named")
  func edges() {
    // The first parameter is only compared where both variants ran (b = 1): there they agree.
    let figures: [[Double?]?] = [[0], nil, [2], [9], [1], nil]
    #expect(SweepEffects.ineffective(counts: [2, 3], figures: figures) == [])  // b = 0 differs (0 against 9)
    let agreeing: [[Double?]?] = [nil, [1], nil, [9], [1], [5]]
    #expect(SweepEffects.ineffective(counts: [2, 3], figures: agreeing) == [0])
    #expect(SweepEffects.ineffective(counts: [1, 2], figures: [[1], [1]]) == [1])
    #expect(SweepEffects.ineffective(counts: [2], figures: [nil, [1]]) == [])
    #expect(SweepEffects.ineffective(counts: [2], figures: [[1]]) == [])  // not the whole grid
  }
}
