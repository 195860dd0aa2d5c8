@testable import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Cost properties a budget reviewer checks first, on random scenarios with random changes.
@Suite("cost properties")
struct CostPropertyTests {
  /// `scenario` with a random subset of its prices raised by random factors of at least 1.
  static func dearer(_ scenario: Scenario, _ random: inout RandomScenario) -> (Scenario, [String]) {
    var s = scenario
    var raised: [String] = []
    func factor(_ name: String) -> Double? {
      guard random.chance(0.5) else { return nil }
      raised.append(name)
      return random.uniform(1...2)
    }
    if let f = factor("energy") { s.costs.energyPricePerKWh = s.costs.energyPricePerKWh.mapped { $0 * f } }
    if let f = factor("staff") { s.costs.ftePerYear = s.costs.ftePerYear.mapped { $0 * f } }
    if let f = factor("space") { s.costs.spacePerRackYear = s.costs.spacePerRackYear.mapped { $0 * f } }
    if let f = factor("licences") { s.costs.licencePerCoreYear = s.costs.licencePerCoreYear.mapped { $0 * f } }
    if let f = factor("servers") {
      for i in s.hardware.servers.indices { s.hardware.servers[i].price = Money(baseUnits: s.hardware.servers[i].price.baseUnits * f) }
    }
    if let f = factor("storage") {
      for i in s.hardware.storage.indices { s.hardware.storage[i].price = Money(baseUnits: s.hardware.storage[i].price.baseUnits * f) }
    }
    if let f = factor("modules") {
      for i in s.sites.indices {
        for m in s.sites[i].modules.indices {
          s.sites[i].modules[m].capex = Money(baseUnits: s.sites[i].modules[m].capex.baseUnits * f)
        }
      }
    }
    if let f = factor("links") {
      for l in s.network.links.indices {
        s.network.links[l].leasePerYear = Money(baseUnits: s.network.links[l].leasePerYear.baseUnits * f)
        for k in s.network.links[l].steps.indices {
          s.network.links[l].steps[k].capex = Money(baseUnits: s.network.links[l].steps[k].capex.baseUnits * f)
          s.network.links[l].steps[k].leasePerYear = Money(baseUnits: s.network.links[l].steps[k].leasePerYear.baseUnits * f)
        }
      }
    }
    return (s, raised)
  }

  @Test("higher prices never lower a year's cost or the NPV (random scenarios, random prices)", arguments: Array(UInt64(0)..<40))
  func monotoneInPrices(_ seed: UInt64) throws {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: false))
    let base = try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario)
    let (dearer, raised) = Self.dearer(base, &random)
    let before = Planner.run(base).costs
    let after = Planner.run(dearer).costs
    // Quantities do not depend on prices: only the amounts grow (1e-9: sums of many lines).
    // The cash of every year grows, and so does the book value left at the end, which is
    // never more than the capex it comes from and falls later: the NPV grows all the same.
    for y in before.totalEUR.indices {
      let (cashBefore, cashAfter) = (before.capexEUR[y] + before.opexEUR[y], after.capexEUR[y] + after.opexEUR[y])
      #expect(cashAfter >= cashBefore * (1 - 1e-9), "seed \(seed) year \(y), raised \(raised)")
    }
    #expect(after.residualValueEUR >= before.residualValueEUR * (1 - 1e-9), "seed \(seed), raised \(raised)")
    #expect(after.npvEUR >= before.npvEUR - 1e-9 * abs(before.npvEUR), "seed \(seed), raised \(raised)")
  }
}
