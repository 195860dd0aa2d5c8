@testable import DCPlanEngine
import DCPlanModel
import Testing

/// The one shortfall rule (docs/conventions.md, "Shortfalls") at its edges.
@Suite("shortfall rule")
struct ShortfallRuleTests {
  @Test("a need within 1e-9 of what stands is not short; beyond it is")
  func tolerance() {
    #expect(!Shortfall.exceeds(400 * (1 + 0.5e-9), 400))
    #expect(Shortfall.exceeds(400 * (1 + 2e-9), 400))
    // Below 1 the tolerance is absolute: 1e-9.
    #expect(!Shortfall.exceeds(0.5e-9, 0))
    #expect(Shortfall.exceeds(2e-9, 0))
  }

  @Test("a link is over its target by load against target × capacity; with no capacity as soon as it carries anything")
  func links() {
    // 7,000 Mbit/s on 10 Gbit/s is 70 %: on target, not over; 7,001 is over.
    #expect(!Shortfall.linkOverTarget(loadMbps: 7000, capacityMbps: 10000, target: 0.7))
    #expect(Shortfall.linkOverTarget(loadMbps: 7001, capacityMbps: 10000, target: 0.7))
    #expect(Shortfall.linkOverTarget(loadMbps: 1, capacityMbps: 0, target: 0.7))
    #expect(!Shortfall.linkOverTarget(loadMbps: 0, capacityMbps: 0, target: 0.7))
  }

  @Test("a site is short of each resource on its own")
  func facility() {
    let capacity = FacilityCapacity(racks: 10, itPower: .kilowatts(100), cooling: .kilowatts(80))
    let short = Shortfall.facility(racks: 11, peakKW: 90, capacity: capacity)
    #expect(short == Shortfall.Facility(space: true, power: false, cooling: true))
    #expect(!Shortfall.facility(racks: 10, peakKW: 80, capacity: capacity).any)
  }
}
