import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// The discount rate's basis against the money's (docs/conventions.md, "Money basis").
@Suite("money basis: a real rate on nominal money, or the reverse, is warned about")
struct MoneyBasisTests {
  let scenario: Scenario

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-capacity.yaml"))
    scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  func mismatches(_ scenario: Scenario) -> [PlanWarning] {
    Planner.run(scenario).warnings.filter { $0.code == .discountBasisMismatch }
  }

  @Test("unstated, the rate is read as the money's basis: no warning either way")
  func unstated() throws {
    #expect(scenario.info.discountRateBasis == nil)
    #expect(mismatches(scenario).isEmpty)
    var real = scenario
    real.costs.money = .real(inflation: try #require(GrowthRate(perYear: 0.02)))
    #expect(mismatches(real).isEmpty)
    #expect(Planner.run(real).discountRateBasis == .real)
  }

  @Test("a real rate on nominal money and a nominal rate on real money are each warned once; the rate is used as given")
  func mismatch() throws {
    var realRate = scenario
    realRate.info.discountRateBasis = .real
    let warnings = mismatches(realRate)
    #expect(warnings.count == 1)
    #expect(warnings.first?.message.contains("the discount rate 4 % is a real rate but the ledger is in nominal money") == true)
    // Never converted: the NPV is the one of the rate as written.
    #expect(Planner.run(realRate).costs.npvEUR == Planner.run(scenario).costs.npvEUR)
    var nominalRate = scenario
    nominalRate.info.discountRateBasis = .nominal
    nominalRate.costs.money = .real(inflation: try #require(GrowthRate(perYear: 0.02)))
    #expect(mismatches(nominalRate).first?.message.contains("is a nominal rate but the ledger is in real money") == true)
    var matching = nominalRate
    matching.info.discountRateBasis = .real
    #expect(mismatches(matching).isEmpty)
  }

  @Test("the loader reads 'discount_rate_basis' and refuses other words at their line")
  func loader() throws {
    let text = """
      version: 1
      scenario: {name: x, horizon: 2020..2021, discount_rate: 3 %, discount_rate_basis: real}
      tenants: [{id: land, kind: state}]
      """
    let outcome = ScenarioLoader.load(text: text, file: "basis.yaml")
    #expect(outcome.scenario?.info.discountRateBasis == .real, "\(outcome.diagnostics)")
    let wrong = ScenarioLoader.load(text: text.replacingOccurrences(of: "basis: real", with: "basis: nominell"), file: "basis.yaml")
    #expect(wrong.scenario == nil)
    #expect(wrong.diagnostics.contains { $0.description.hasPrefix("basis.yaml:2:") && $0.description.contains("nominal") })
  }
}
