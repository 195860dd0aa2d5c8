import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Scenarios/teaching-costs.yaml against the cost game worked by hand in its comments.
@Suite("teaching scenario: standalone costs, Shapley, usage and keys by hand")
struct TeachingCostsTests {
  let scenario: Scenario
  let results: PlanResults

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-costs.yaml"))
    scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    results = Planner.run(scenario)
  }

  func tenant(_ id: String) throws -> TenantCost {
    try #require(results.sharing.tenants.first { $0.tenant == id })
  }

  func npv(_ amounts: [Double]) -> Double { NPV.value(amounts, rate: 0.1) }

  @Test("the plan: the hall in 2020, ten discounted servers in 2021")
  func plan() {
    #expect(approximately(results.costs.totalEUR, [48_000, 90_000]))
    #expect(approximately(results.costs.npvEUR, 129_818.181818, relative: 1e-9))
    let servers = results.costs.lines.filter { $0.category == .servers }
    #expect(servers.count == 1)
    #expect(approximately(servers.first?.amountEUR ?? 0, 80_000))
    // A line serving every tenant names none.
    #expect(servers.first?.tenants == [])
    // The hall is paid in 2020 when nobody is in the centre yet: it serves those who will be,
    // here everyone.
    #expect(results.costs.lines.first { $0.category == .modules }?.tenants == [])
    #expect(results.costs.lines.first { $0.site == "room-b" }?.tenants == ["b"])
  }

  @Test("standalone: each in its own room, its own purchases, no discount")
  func standalone() throws {
    #expect(approximately(try tenant("a").standaloneEUR, [7_000, 77_000]))
    #expect(approximately(try tenant("b").standaloneEUR, [5_000, 55_000]))
    #expect(approximately(try tenant("c").standaloneEUR, [3_000, 33_000]))
  }

  @Test("Shapley: each pays its standalone cost less a third of the saving, per year")
  func shapley() throws {
    #expect(results.sharing.method == .shapley)
    #expect(results.sharing.shapleySamples == 0)
    #expect(approximately(try #require(tenant("a").shapleyEUR), [18_000, 52_000], relative: 1e-9))
    #expect(approximately(try #require(tenant("b").shapleyEUR), [16_000, 30_000], relative: 1e-9))
    #expect(approximately(try #require(tenant("c").shapleyEUR), [14_000, 8_000], relative: 1e-9))
    #expect(approximately(npv(try tenant("a").costEUR), 65_272.727273, relative: 1e-9))
    for id in ["a", "b", "c"] {
      #expect(approximately(npv(try tenant(id).savingEUR), 11_727.272727, relative: 1e-9))
    }
    // Efficiency: the values add up to the plan's cost, year by year.
    let sum = results.sharing.tenants.reduce([0.0, 0.0]) { zip($0, $1.costEUR).map(+) }
    #expect(approximately(sum, results.costs.totalEUR, relative: 1e-12))
  }

  @Test("usage by vCPU 45 : 25 : 8 and keys 50 : 30 : 20")
  func proportional() throws {
    #expect(approximately(try tenant("a").usageEUR, [26_038.461538, 51_923.076923], relative: 1e-9))
    #expect(approximately(try tenant("b").usageEUR, [15_576.923077, 28_846.153846], relative: 1e-9))
    #expect(approximately(try tenant("c").usageEUR, [6_384.615385, 9_230.769231], relative: 1e-9))
    #expect(approximately(npv(try tenant("a").usageEUR), 73_241.258741, relative: 1e-9))
    #expect(approximately(npv(try tenant("c").usageEUR), 14_776.223776, relative: 1e-9))
    #expect(approximately(try #require(tenant("a").keysEUR), [23_500, 45_000]))
    #expect(approximately(try #require(tenant("b").keysEUR), [14_900, 27_000]))
    #expect(approximately(try #require(tenant("c").keysEUR), [9_600, 18_000]))
    #expect(results.sharing.blockingCoalition == nil)
    #expect(!results.warnings.contains { $0.code == .tenantPaysMoreThanAlone })
  }

  @Test("keys that load the small tenant: it pays more than alone, and B with C block the split")
  func outsideTheCore() throws {
    var skewed = scenario
    skewed.allocation.method = .keys
    skewed.tenants[0].costKey = 10
    skewed.tenants[1].costKey = 10
    skewed.tenants[2].costKey = 80
    let results = Planner.run(skewed)
    // C: (3,000 + 26,400; 72,000) = NPV 94,854.55 against 33,000 alone.
    let c = try #require(results.sharing.tenants.last)
    #expect(approximately(npv(c.costEUR), 94_854.545455, relative: 1e-9))
    #expect(results.warnings.contains { $0.code == .tenantPaysMoreThanAlone && $0.subject == "c" })
    // B pays NPV 16,481.82, with C 111,336.36 against c(BC) = 88,000 (23,336.36 too much); but
    // C alone is charged 61,854.55 more than its 33,000: the worst coalition is C itself.
    let blocking = try #require(results.sharing.blockingCoalition)
    #expect(blocking.members == ["c"])
    #expect(approximately(blocking.excessNPV, 94_854.545455 - 33_000, relative: 1e-9))
  }

  @Test("budget lines: headroom per year, and an overrun on servers")
  func budgets() throws {
    let it = try #require(results.budgets.first { $0.id == "it" })
    #expect(approximately(it.headroomEUR, [2_000, 10_000]))
    let hardware = try #require(results.budgets.first { $0.id == "hardware" })
    #expect(approximately(hardware.spentEUR, [0, 80_000]))
    #expect(approximately(hardware.headroomEUR, [70_000, -10_000]))
    #expect(results.warnings.filter { $0.code == .budgetOverrun }.map(\.year) == [Year(2021)])
  }

  @Test("depreciation from the first year of service, annuity at the discount rate")
  func capital() throws {
    let capital = results.capital
    let modules = try #require(capital.classes.firstIndex { $0.category == .modules })
    let servers = try #require(capital.classes.firstIndex { $0.category == .servers })
    #expect(approximately(capital.depreciationEUR[modules], [0, 3_300]))
    #expect(approximately(capital.depreciationEUR[servers], [0, 80_000]))
    // 33,000 × 0.1 / (1 − 1.1^−10) = 5,370.598031 (python: 33000*0.1/(1-1.1**-10))
    #expect(approximately(capital.annuityEUR[modules], [0, 5_370.598031], relative: 1e-9))
    #expect(approximately(capital.annuityEUR[servers], [0, 88_000]))
  }

  @Test("real money: each year deflated by the inflation, NPV of the deflated figures")
  func realMoney() throws {
    var real = scenario
    real.costs.money = .real(inflation: try #require(GrowthRate(perYear: 0.02)))
    let results = Planner.run(real)
    #expect(approximately(results.costs.totalEUR, [48_000, 90_000 / 1.02], relative: 1e-12))
    #expect(results.costs.lines.allSatisfy { $0.year == Year(2020) || $0.driver.hasSuffix("(real)") })
    // Budgets are deflated alike: 100,000 in 2021 is 98,039.22 of 2020's money.
    #expect(approximately(results.budgets[0].budgetEUR, [50_000, 100_000 / 1.02], relative: 1e-12))
  }
}
