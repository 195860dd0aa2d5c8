import DCPlanEngine
import DCPlanTestSupport
import Testing

/// Block diagrams and Markov models against closed forms worked by hand.
@Suite("availability")
struct AvailabilityTests {
  // A part with MTBF 999 h and MTTR 1 h: A = 0.999, U = 0.001.
  let u = 0.001

  @Test("series, parallel and k-out-of-n of independent parts")
  func blockDiagrams() {
    #expect(approximately(Availability.part(mtbfHours: 999, mttrHours: 1), 0.999))
    #expect(approximately(Availability.series([0.999, 0.999]), 0.998001))
    // Two in parallel: U = 0.001² = 1e-6.
    #expect(approximately(Availability.parallelUnavailability([u, u]), 1e-6))
    // 2-out-of-3: fails when 2 or 3 fail: 3u²(1 − u) + u³ = 3e-6 · 0.999 + 1e-9 = 2.998e-6.
    #expect(approximately(Availability.kOutOfNUnavailability(k: 2, n: 3, unavailability: u), 2.998e-6, relative: 1e-12))
    // 1-out-of-2 is plain parallel; n-out-of-n is plain series: 1 − 0.999³.
    #expect(approximately(Availability.kOutOfNUnavailability(k: 1, n: 2, unavailability: u), 1e-6, relative: 1e-12))
    #expect(approximately(Availability.kOutOfNUnavailability(k: 3, n: 3, unavailability: u), 1 - 0.999 * 0.999 * 0.999, relative: 1e-12))
    // 600-out-of-640: no underflow of 0.999^640. Reference: scipy.stats.binom.sf(40, 640, 0.001).
    let large = Availability.kOutOfNUnavailability(k: 600, n: 640, unavailability: u)
    #expect(approximately(large, 5.085769737128808e-59, relative: 1e-9))
    // 52.56 minutes a year is 99.99 % (BSI VK3).
    #expect(approximately(Availability.downtimeMinutesPerYear(unavailability: 1e-4), 52.56))
  }

  @Test("k-out-of-n with shared repair through LAPACK matches the birth-death closed form")
  func sharedRepair() throws {
    let λ = 0.01
    let μ = 1.0
    // 1-out-of-2, one crew: π1 = 2λ/μ π0, π2 = λ/μ π1 → U = 2λ² / (μ² + 2λμ + 2λ²).
    let oneCrew = try #require(MarkovAvailability.kOutOfNUnavailability(k: 1, n: 2, failureRate: λ, repairRate: μ, crews: 1))
    #expect(approximately(oneCrew, 2 * λ * λ / (μ * μ + 2 * λ * μ + 2 * λ * λ), relative: 1e-12))
    // Two crews: the parts are independent: U = (λ/(λ+μ))².
    let twoCrews = try #require(MarkovAvailability.kOutOfNUnavailability(k: 1, n: 2, failureRate: λ, repairRate: μ, crews: 2))
    #expect(approximately(twoCrews, (λ / (λ + μ)) * (λ / (λ + μ)), relative: 1e-12))
    // With as many crews as parts, the Markov model agrees with the block diagram (15-of-16).
    let markov = try #require(MarkovAvailability.kOutOfNUnavailability(k: 15, n: 16, failureRate: λ, repairRate: μ, crews: 16))
    let diagram = Availability.kOutOfNUnavailability(k: 15, n: 16, unavailability: λ / (λ + μ))
    #expect(approximately(markov, diagram, relative: 1e-9))
  }

  @Test("standby with a perfect switch matches the cold-standby closed form; a failing switch costs")
  func standby() throws {
    let λ = 0.01
    let μ = 1.0
    // Cold standby, perfect switch, one crew: π1 = (λ/μ) π0, π3 = (λ/μ) π1 → U = ρ² / (1 + ρ + ρ²).
    let ρ = λ / μ
    let perfect = try #require(MarkovAvailability.standbyUnavailability(
      failureRate: λ, standbyFailureRate: 0, repairRate: μ, switchSuccess: 1, manualSwitchRate: 1))
    #expect(approximately(perfect, ρ * ρ / (1 + ρ + ρ * ρ), relative: 1e-12))
    // A switch that fails 1 time in 100, fixed by hand in 15 minutes (rate 4/h): the same
    // chain solved with numpy.linalg.solve gives U = 1.1860214208536618e-4, and to first
    // order the failed switches add λ · 0.01 / (4 + μ) = 2e-5 to the perfect case.
    let imperfect = try #require(MarkovAvailability.standbyUnavailability(
      failureRate: λ, standbyFailureRate: 0, repairRate: μ, switchSuccess: 0.99, manualSwitchRate: 4))
    #expect(approximately(imperfect, 1.1860214208536618e-4, relative: 1e-9))
    #expect(approximately(imperfect - perfect, λ * 0.01 / (4 + μ), relative: 0.03))
  }
}
