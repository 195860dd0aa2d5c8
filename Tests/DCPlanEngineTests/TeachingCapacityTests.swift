import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Scenarios/teaching-capacity.yaml against the figures worked by hand in its comments.
@Suite("teaching scenario: capacity, facility, expansion, refresh and cost by hand")
struct TeachingCapacityTests {
  let scenario: Scenario
  let results: PlanResults

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-capacity.yaml"))
    scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
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
    // less the residual value 285,333.33 / 1.04⁴ (worked in the scenario's comments)
    let modules: Double = 100_000.0 * 22 / 25 + 150_000.0 * 24 / 25
    let servers: Double = 40_000.0 / 3 + 60_000.0 * 2 / 3
    let residual = modules + servers
    #expect(approximately(results.costs.residualValueEUR, residual, relative: 1e-12))
    #expect(approximately(results.costs.residualEUR, [0, 0, 0, 0, -285_333.333333], relative: 1e-9))
    #expect(approximately(results.costs.npvEUR, 866_074.7037095219 - residual / (1.04 * 1.04 * 1.04 * 1.04), relative: 1e-11))
    #expect(abs(results.costs.npvEUR - 622_170.57) < 0.01)
  }

  @Test("a 25-year module ready in the last year leaves 24/25 of its capex; one ready in 2023 leaves 22/25")
  func residualValue() throws {
    let residual = results.costs.lines.filter(\.category.isResidual)
    #expect(residual.allSatisfy { $0.year == Year(2025) })
    let hallB = try #require(residual.first { $0.driver.hasPrefix("module 'hall B'") })
    #expect(approximately(hallB.amountEUR, -150_000 * 24 / 25))
    #expect(hallB.driver == "module 'hall B' ready 2025: 24/25 of 150000 EUR still on the books")
    let hallA = try #require(residual.first { $0.driver.hasPrefix("module 'hall A'") })
    #expect(approximately(hallA.amountEUR, -100_000 * 22 / 25))
    // Servers bought in 2022 and 2023 are written off by the end: no line.
    #expect(residual.filter { $0.driver.contains("servers") }.map(\.driver) == [
      "4 servers bought 2024 still in service: 1/3 of 40000 EUR still on the books",
      "6 servers bought 2025 still in service: 2/3 of 60000 EUR still on the books",
    ])
  }

  @Test("residual_value: false gives the cash view: no residual lines, the cash NPV")
  func cashOnly() {
    var cash = scenario
    cash.costs.residualValue = false
    let plan = Planner.run(cash)
    #expect(!plan.costs.lines.contains { $0.category.isResidual })
    #expect(plan.costs.residualValueEUR == 0)
    #expect(approximately(plan.costs.npvEUR, 866_074.7037095219, relative: 1e-11))
  }

  @Test("every total is the sum of its ledger lines")
  func ledger() {
    let capex = results.costs.lines.filter(\.category.isCapex).reduce(0) { $0 + $1.amountEUR }
    let opex = results.costs.lines.filter { !$0.category.isCapex && !$0.category.isResidual }.reduce(0) { $0 + $1.amountEUR }
    let residual = results.costs.lines.filter(\.category.isResidual).reduce(0) { $0 + $1.amountEUR }
    #expect(approximately(capex, 430_000))
    #expect(approximately(opex, 518_305.509716, relative: 1e-11))
    #expect(approximately(residual, -285_333.333333, relative: 1e-9))
    let energy2024 = results.costs.lines.first { $0.category == .energy && $0.year == Year(2024) }
    #expect(energy2024?.driver == "56.76 MWh × 23.15 ct/kWh")
  }
}
