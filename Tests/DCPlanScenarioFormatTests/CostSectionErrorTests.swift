import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Errors in procurement tiers, money basis, asset lives, budget lines, allocation and the
/// tenants' cost keys, at their positions.
@Suite("errors in cost sharing and money")
struct CostSectionErrorTests {
  @Test("tiers that repeat a volume or give everything away, real money without inflation, a misspelt budget category")
  func money() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state}]
      costs:
        procurement_tiers:
          servers: 1️⃣[{from: 100, discount: 5 %}, {from: 100, discount: 8 %}]
          storage: [{from: 10, discount: 2️⃣100 %}]
        money: 3️⃣real
        asset_lives: {modules: 4️⃣25 kg}
        budget:
          - {id: it, categories: [5️⃣sever], amount: 6️⃣20 MW}

      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "two tiers of 'servers' start at 100 units; give each tier its own 'from'"),
      at(source, "2️⃣", "'discount' of tier 1 of 'storage' must be less than 100 %"),
      at(source, "3️⃣", "'money: real' needs 'inflation' to deflate each year's amounts; add e.g. 'inflation: 2 %'"),
      at(source, "4️⃣", "'modules' of 'asset_lives' of section 'costs' needs a duration; found '25 kg' (a mass); write e.g. '25 years'"),
      at(source, "5️⃣", "unknown cost category 'sever' in budget line 'it'; did you mean 'servers'?"),
      at(source, "6️⃣", "'amount' of budget line 'it' needs an amount of money; found '20 MW' (a power); write e.g. '20 MEUR'"),
    ])
  }

  @Test("budget law: an unknown body, a body with categories or commitments, double budgets outside the horizon or overlapping")
  func budgetLaw() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2024}
      tenants: [{id: land, kind: state}]
      costs:
        budget:
          - {id: a, body: 1️⃣lnad, amount: 1 MEUR}
          - {id: b, body: land, categories: 2️⃣[servers], amount: 1 MEUR, 3️⃣commitment_appropriation: 1 MEUR}
          - {id: c, amount: 1 MEUR, double_budgets: [2020, 4️⃣2021, 5️⃣2030, 6️⃣twenty]}
          - {id: d, amount: 1 MEUR, double_budgets: 7️⃣2020, carry_over: 8️⃣maybe}

      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown tenant 'lnad'; did you mean 'land'? (a budget line without 'body' is the shared plan's own)"),
      at(source, "2️⃣", "budget line 'b' names a tenant as 'body' and 'categories'; a tenant's budget pays its whole charge, so leave 'categories' out (or the 'body', for the shared plan's own budget by category)"),
      at(source, "3️⃣", "budget line 'b' names a tenant as 'body' and gives a 'commitment_appropriation'; the contracts that bind later years (module orders, rent terms) are the shared plan's: give it on a budget line without 'body'"),
      at(source, "4️⃣", "double budgets 2020 and 2021 of budget line 'c' overlap: each covers its year and the next; give first years at least two years apart"),
      at(source, "5️⃣", "double budget 2030 of budget line 'c' begins outside the horizon 2020..2024; give the first year of each double budget within it"),
      at(source, "6️⃣", "entry 4 of 'double_budgets' of budget line 'c' must be a year such as 2019; found 'twenty'"),
      at(source, "7️⃣", "'double_budgets' of budget line 'd' must be a list of years such as [2017, 2022]; found '2020'"),
      at(source, "8️⃣", "'carry_over' of budget line 'd' must be true or false; found 'maybe'"),
    ])
  }

  @Test("keys asked for but missing, all usage weights zero, a standalone room without a room")
  func allocation() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state, cost_key: 60}
        - {id: kdo, kind: municipal-data-centre, standalone: 1️⃣legacy-room}
      allocation: 2️⃣{method: 3️⃣keys, vcpu_weight: 0, ram_weight: 0, storage_weight: 0, bandwidth_weight: 0}

      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'standalone: legacy-room' of tenant 'kdo' needs a 'legacy_site' to stay in; add one or use 'shared-design'"),
      at(source, "2️⃣", "the usage weights of section 'allocation' are all zero; give at least one a positive weight"),
      at(source, "3️⃣", "'method: keys' shares costs by each tenant's 'cost_key', but 'kdo' has none; add 'cost_key' to every tenant or use 'usage'"),
    ])
  }
}
