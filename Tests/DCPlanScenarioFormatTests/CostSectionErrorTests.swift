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
