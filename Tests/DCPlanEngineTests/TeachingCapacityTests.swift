import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Scenarios/teaching-capacity.yaml against the figures worked by hand in its comments.
@Suite("teaching scenario: capacity, facility, expansion, refresh and cost by hand")
struct TeachingCapacityTests {
  let results: PlanResults

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-capacity.yaml"))
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    results = Planner.run(scenario)
  }

  @Test("N+1 per cluster with overcommit and target utilisation")
  func sizing() throws {
    let site = try #require(results.sizing.first)
    #expect(site.workingServers == [5, 7, 8, 10, 12])
    #expect(site.clusters == [1, 1, 2, 2, 2])
    #expect(site.servers == [6, 8, 10, 12, 14])
  }

  @Test("racks, IT kW, PUE, facility kW and energy")
  func facility() throws {
    let site = try #require(results.facility.first)
    #expect(site.racks == [1, 1, 1, 2, 2])
    #expect(approximately(site.itKW, [2.4, 3.2, 4.0, 4.8, 5.6]))
    #expect(approximately(site.itPeakKW, [3.6, 4.8, 6.0, 7.2, 8.4]))
    #expect(approximately(site.pue, [1.5, 1.45, 1.4, 1.35, 1.3]))
    #expect(approximately(site.facilityKW, [3.6, 4.64, 5.6, 6.48, 7.28]))
    #expect(approximately(site.energyMWh, [31.536, 40.6464, 49.056, 56.7648, 63.7728]))
  }

  @Test("each module is ordered its lead time before the year it is needed")
  func expansion() {
    let built = results.expansion.expansions.map { "\($0.module) \($0.orderYear)→\($0.readyYear)" }
    #expect(built == ["hall A 2021→2023", "hall B 2024→2025"])
    #expect(results.expansion.capacity[0].map(\.racks) == [1, 1, 2, 2, 4])
    #expect(results.firstShortfallYear == nil)
    #expect(results.warnings.isEmpty)
  }

  @Test("refresh buys growth plus replacements of the installed base and of earlier purchases")
  func refresh() throws {
    let fleet = try #require(results.fleets.first)
    #expect(fleet.servers.purchases == [0, 4, 4, 4, 6])
    #expect(fleet.servers.replacements == [0, 2, 2, 2, 4])
  }

  @Test("capex, opex and NPV to the euro")
  func costs() {
    #expect(approximately(results.costs.capexEUR, [50_000, 90_000, 40_000, 190_000, 60_000]))
    #expect(approximately(results.costs.opexEUR, [62_307.2, 82_535.744, 102_816.848, 125_142.47032, 145_503.247396], relative: 1e-11))
    // 112,307.2 + 172,535.744/1.04 + 142,816.848/1.04² + 315,142.47032/1.04³ + 205,503.247396/1.04⁴
    #expect(approximately(results.costs.npvEUR, 866_074.7037095219, relative: 1e-11))
    #expect(abs(results.costs.npvEUR - 866_074.70) < 0.01)
  }

  @Test("every total is the sum of its ledger lines")
  func ledger() {
    let capex = results.costs.lines.filter(\.category.isCapex).reduce(0) { $0 + $1.amountEUR }
    let opex = results.costs.lines.filter { !$0.category.isCapex }.reduce(0) { $0 + $1.amountEUR }
    #expect(approximately(capex, 430_000))
    #expect(approximately(opex, 518_305.509716, relative: 1e-11))
    let energy2024 = results.costs.lines.first { $0.category == .energy && $0.year == Year(2024) }
    #expect(energy2024?.driver == "56.76 MWh × 23.15 ct/kWh")
  }
}
