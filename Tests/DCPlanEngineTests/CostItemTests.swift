import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Costs a scenario declares itself, on the cost-sharing lesson (Scenarios/teaching-costs.yaml:
/// A, B and C with 45, 25 and 8 vCPU, two years), worked by hand.
@Suite("cost items")
struct CostItemTests {
  static func run(_ items: String) throws -> (plan: PlanResults, base: PlanResults) {
    let text = try String(contentsOfFile: RepositoryPaths.scenario("teaching-costs.yaml"), encoding: .utf8)
    let base = try #require(ScenarioLoader.load(text: text, file: "costs.yaml").scenario)
    let withItems = text.replacingOccurrences(of: "  residual_value: false\n", with: "  residual_value: false\n  items:\n" + items)
    let outcome = ScenarioLoader.load(text: withItems, file: "costs.yaml")
    return (Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)")), Planner.run(base))
  }

  func tenant(_ results: PlanResults, _ id: String) throws -> TenantCost {
    try #require(results.sharing.tenants.first { $0.tenant == id })
  }

  @Test("10 EUR per vCPU a year: A 450, B 250, C 80 in each year, its own cost alone and together")
  func perVCPU() throws {
    let (plan, base) = try Self.run("    - {id: backup, category: security, per: vcpu, amount: 10 EUR/year}\n")
    let lines = plan.costs.lines.filter { $0.category == .security }
    #expect(lines.count == 6)
    #expect(approximately(lines.filter { $0.tenants == ["a"] }.map(\.amountEUR), [450, 450]))
    #expect(approximately(plan.costs.totalEUR, zip(base.costs.totalEUR, [780, 780]).map(+)))
    for (id, own) in [("a", 450.0), ("b", 250), ("c", 80)] {
      #expect(approximately(try tenant(plan, id).standaloneEUR, try tenant(base, id).standaloneEUR.map { $0 + own }), "\(id)")
    }
  }

  @Test("a 30,000 EUR a year security centre: together paid once, alone each pays it whole ('own'); 'share' leaves the saving as it was")
  func fixed() throws {
    let (own, base) = try Self.run("    - {id: soc, category: security, amount: 30000 EUR/year}\n")
    #expect(approximately(own.costs.totalEUR, base.costs.totalEUR.map { $0 + 30_000 }))
    for id in ["a", "b", "c"] {
      #expect(approximately(try tenant(own, id).standaloneEUR, try tenant(base, id).standaloneEUR.map { $0 + 30_000 }), "\(id)")
    }
    func saving(_ results: PlanResults) -> Double {
      results.sharing.tenants.reduce(0) { $0 + NPV.value($1.standaloneEUR, rate: 0.1) } - results.costs.npvEUR
    }
    // Three alone pay 90,000 a year, together 30,000: the saving grows by 60,000 a year.
    #expect(approximately(saving(own) - saving(base), 60_000 + 60_000 / 1.1, relative: 1e-9))
    // A one-off project in 2021 for A only, and a shared item: each alone pays its usage share.
    let (shared, _) = try Self.run("""
          - {id: soc, category: security, amount: 30000 EUR/year, alone: share}
          - {id: cutover, category: projects, amount: 12 kEUR, year: 2021, tenants: [a]}

      """)
    #expect(shared.costs.lines.contains { $0.category == .projects && $0.year == Year(2021) && $0.tenants == ["a"] && $0.amountEUR == 12_000 })
    // The shared item and A's own project leave the saving as it was.
    #expect(abs(saving(shared) - saving(base)) < 1e-6, "\(saving(shared) - saving(base))")
    let a = try tenant(shared, "a")
    // A's usage share of the shared item is in both its cost and its standalone cost.
    #expect(approximately(a.standaloneEUR[0] - (try tenant(base, "a")).standaloneEUR[0], 30_000 * 45 / 78, relative: 1e-9))
  }

  @Test("an item naming an unknown tenant, a one-off outside the horizon, 'sites' without 'per: site' are refused at their lines")
  func badInput() throws {
    let text = try String(contentsOfFile: RepositoryPaths.scenario("teaching-costs.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "  residual_value: false\n", with: """
          residual_value: false
          items:
            - {id: x, amount: 1 kEUR, year: 2030, tenants: [d]}
            - {id: y, amount: 1 kEUR/year, sites: [dc]}

        """)
    let errors = ScenarioLoader.load(text: text, file: "items.yaml").diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(errors.contains { $0.contains("'year' of cost item 'x' is 2030, outside the horizon") }, "\(errors)")
    #expect(errors.contains { $0.contains("unknown tenant 'd'") }, "\(errors)")
    #expect(errors.contains { $0.contains("'sites' of cost item 'y' is for 'per: site'") }, "\(errors)")
  }
}
