@testable import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// The cost game's fast evaluation of a coalition against the whole engine run on the
/// scenario reduced to the coalition, and the Shapley value against closed forms.
@Suite("cost game")
struct CostGameTests {
  static func load(_ name: String) throws -> Scenario {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario(name))
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  @Test("every coalition of the default scenario costs what the engine gives for it alone", arguments: [
    "niedersachsen-2025.yaml", "teaching-costs.yaml",
  ])
  func coalitionsMatchTheEngine(_ file: String) throws {
    let scenario = try Self.load(file)
    let years = scenario.info.horizon.years
    let voice = VoiceStage.plan(scenario, years: years)
    let game = CostGame(scenario, voice: voice, years: years)
    var cache = CostGame.Cache()
    let n = scenario.tenants.count
    for mask in 1..<(1 << n) where mask.nonzeroBitCount >= 2 {
      let members = (0..<n).filter { mask & (1 << $0) != 0 }
      var state = game.emptyState()
      for t in members { game.add(t, to: &state) }
      let fast = game.jointCost(state, cache: &cache)
      let engine = CostGame.siteAndVoiceCosts(CostGame.coalitionScenario(scenario, members: members), migrations: true, items: true).eur
      #expect(approximately(fast, engine, relative: 1e-9), "coalition \(members)")
    }
    // The grand coalition is the plan itself: its data-centre and voice lines.
    let plan = Planner.run(scenario)
    var everyone = game.emptyState()
    for t in 0..<n { game.add(t, to: &everyone) }
    var planned = [Double](repeating: 0, count: years.count)
    for line in plan.costs.lines where !line.category.isNetwork { planned[line.year - years[0]] += line.amountEUR }
    #expect(approximately(game.jointCost(everyone, cache: &cache), planned, relative: 1e-9))
  }

  @Test("Shapley of closed-form games: additive, symmetric, and the airport game")
  func closedForms() {
    // Additive c(S) = Σ a_i: φ_i = a_i.
    let a = [3.0, 5.0, 11.0]
    var additive = [Double](repeating: 0, count: 8)
    for mask in 0..<8 { for i in 0..<3 where mask & (1 << i) != 0 { additive[mask] += a[i] } }
    let additiveValues = Shapley.values(table: additive, players: 3, width: 1).map(\.[0])
    #expect(approximately(additiveValues, a))
    // Airport game c(S) = max_{i ∈ S} r_i with runways 1, 3, 6: φ = (1/3, 1/3 + 2/2, 1/3 + 1 + 3).
    let runway = [1.0, 3.0, 6.0]
    let airport: [Double] = (0..<8).map { mask in
      (0..<3).filter { mask & (1 << $0) != 0 }.map { runway[$0] }.max() ?? 0
    }
    let expected: [Double] = [1.0 / 3, 4.0 / 3, 13.0 / 3]
    let airportValues = Shapley.values(table: airport, players: 3, width: 1).map(\.[0])
    #expect(approximately(airportValues, expected))
    // Glove-free symmetric game on 12 players, c(S) = √|S|: everyone pays √12 / 12.
    let n = 12
    let symmetric = (0..<(1 << n)).map { Double($0.nonzeroBitCount).squareRoot() }
    let values = Shapley.values(table: symmetric, players: n, width: 1).map(\.[0])
    #expect(values.allSatisfy { approximately($0, 12.0.squareRoot() / 12, relative: 1e-12) })
  }

  @Test("sampled Shapley: within a few standard errors of the exact value, the same for 1 and 2 threads")
  func sampled() throws {
    let scenario = try Self.load("niedersachsen-2025.yaml")
    let years = scenario.info.horizon.years
    let game = CostGame(scenario, voice: VoiceStage.plan(scenario, years: years), years: years)
    let rate = scenario.info.discountRate.value
    let exact = Shapley.values(table: Shapley.table(game, threads: 2), players: game.tenantCount, width: years.count)
    let one = Shapley.sampled(game, samples: 400, seed: 5, rate: rate, threads: 1)
    let two = Shapley.sampled(game, samples: 400, seed: 5, rate: rate, threads: 2)
    #expect(one.values == two.values)
    #expect(one.standardErrorNPV == two.standardErrorNPV)
    for t in 0..<game.tenantCount {
      let gap = abs(NPV.value(one.values[t], rate: rate) - NPV.value(exact[t], rate: rate))
      #expect(gap <= 4 * one.standardErrorNPV[t] + 1e-6, "tenant \(t): gap \(gap), error \(one.standardErrorNPV[t])")
    }
    // The table does not depend on the number of threads either.
    #expect(Shapley.table(game, threads: 1) == Shapley.table(game, threads: 2))
  }
}

extension CostGameTests {
  @Test("a tenant alone without a legacy room, or choosing the shared design, is the coalition of one")
  func standaloneSharedDesign() throws {
    var scenario = try Self.load("niedersachsen-2025.yaml")
    for t in scenario.tenants.indices {
      scenario.tenants[t].standalone = .sharedDesign
      scenario.tenants[t].standaloneTwin = nil
    }
    for t in scenario.tenants.indices {
      let alone = CostGame.standaloneScenario(scenario, tenant: t)
      let one = CostGame.coalitionScenario(scenario, members: [t])
      #expect(alone.sites.map(\.id) == one.sites.map(\.id))
      #expect(alone.workloads.map(\.id) == one.workloads.map(\.id))
      #expect(alone.tenants == one.tenants)
    }
  }
}

extension CostGameTests {
  @Test("the standalone runs' yearly totals without a ledger equal the ledger's sums", arguments: [
    "niedersachsen-2025.yaml", "teaching-costs.yaml", "teaching-capacity.yaml",
  ])
  func totalsWithoutLedger(_ file: String) throws {
    let scenario = try Self.load(file)
    let plan = Planner.run(scenario)
    var dataCentreAndVoice = [Double](repeating: 0, count: plan.demand.years.count)
    for line in plan.costs.lines where !line.category.isNetwork {
      dataCentreAndVoice[line.year - plan.demand.years[0]] += line.amountEUR
    }
    #expect(approximately(CostGame.siteAndVoiceCosts(scenario, migrations: true).eur, dataCentreAndVoice, relative: 1e-12))
  }
}

extension CostGameTests {
  @Test("tenant sums read back from the projection equal the demand stage's own")
  func tenantSums() throws {
    for file in ["niedersachsen-2025.yaml", "teaching-demand.yaml", "teaching-costs.yaml"] {
      let scenario = try Self.load(file)
      let (projection, sums) = DemandStage.projectWithTenantSums(scenario)
      let read = DemandStage.TenantSums(scenario, projection)
      for t in scenario.tenants.indices {
        #expect(read.sums[t] == sums.sums[t], "\(file) \(t)")
        #expect(read.running[t] == sums.running[t], "\(file) \(t)")
      }
    }
  }
}

extension CostGameTests {
  @Test("each tenant's standalone cost equals the engine run on its own scenario", arguments: [
    "niedersachsen-2025.yaml", "teaching-costs.yaml",
  ])
  func standaloneMatchesTheEngine(_ file: String) throws {
    var scenario = try Self.load(file)
    for variant in 0..<2 {
      if variant == 1 { for t in scenario.tenants.indices { scenario.tenants[t].standalone = .sharedDesign } }
      let years = scenario.info.horizon.years
      let game = CostGame(scenario, voice: VoiceStage.plan(scenario, years: years), years: years)
      for t in scenario.tenants.indices {
        // Alone with a second room, its workloads stay in their room: no migration.
        let tenant = scenario.tenants[t]
        let engine = CostGame.siteAndVoiceCosts(
          CostGame.standaloneScenario(scenario, tenant: t), migrations: tenant.standaloneTwin == nil || tenant.legacySite == nil)
        #expect(approximately(game.standaloneEUR[t], engine.eur, relative: 1e-9), "\(file) tenant \(t) variant \(variant)")
        #expect(game.standaloneShortfall[t] == engine.firstShortfall, "\(file) tenant \(t) variant \(variant)")
      }
    }
  }
}

extension CostGameTests {
  @Test("with cost items (per vCPU, a security centre paid whole by each coalition, a one-off for one tenant), every coalition costs what the engine gives")
  func coalitionsWithItems() throws {
    let text = try String(contentsOfFile: RepositoryPaths.scenario("teaching-costs.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "  residual_value: false\n", with: """
          residual_value: false
          items:
            - {id: backup, category: security, per: vcpu, amount: 10 EUR/year}
            - {id: soc, category: security, amount: 30000 EUR/year, tenants: [a, b]}
            - {id: cutover, category: projects, amount: 12 kEUR, year: 2021, tenants: [c]}

        """)
    let scenario = try #require(ScenarioLoader.load(text: text, file: "items.yaml").scenario)
    let years = scenario.info.horizon.years
    let game = CostGame(scenario, voice: VoiceStage.plan(scenario, years: years), years: years)
    var cache = CostGame.Cache()
    for mask in 1..<8 {
      let members = (0..<3).filter { mask & (1 << $0) != 0 }
      var state = game.emptyState()
      for t in members { game.add(t, to: &state) }
      let engine = CostGame.siteAndVoiceCosts(CostGame.coalitionScenario(scenario, members: members), migrations: true, items: true).eur
      #expect(approximately(game.jointCost(state, cache: &cache), engine, relative: 1e-9), "coalition \(members)")
    }
    // The grand coalition is the plan: every line but the network's.
    let plan = Planner.run(scenario)
    var everyone = game.emptyState()
    for t in 0..<3 { game.add(t, to: &everyone) }
    var planned = [Double](repeating: 0, count: years.count)
    for line in plan.costs.lines where !line.category.isNetwork { planned[line.year - years[0]] += line.amountEUR }
    #expect(approximately(game.jointCost(everyone, cache: &cache), planned, relative: 1e-9))
  }
}
