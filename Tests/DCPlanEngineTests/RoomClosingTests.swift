import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// A legacy room that closes after its tenants' move (`closes_after_move`).
@Suite("rooms closing after the move")
struct RoomClosingTests {
  static func defaultScenario() throws -> Scenario {
    let outcome = ScenarioLoader.load(text: BundledScenarios.niedersachsen2025, file: BundledScenarios.niedersachsen2025Name)
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  /// The default's Hannover room alone, with tenants like the Land joining in the given years
  /// (nil: never) from the given legacy sites.
  static func room(_ tenants: [(join: Int?, legacy: String)]) throws -> Scenario {
    var scenario = try defaultScenario()
    let land = try #require(scenario.tenants.first { $0.id == "land" })
    scenario.sites = scenario.sites.filter { $0.id == "hannover-legacy" }
    scenario.tenants = tenants.enumerated().map { index, tenant in
      var copy = land
      copy.id = "t\(index)"
      copy.joinsSharedDataCentre = tenant.join.map(Year.init)
      copy.legacySite = tenant.legacy
      return copy
    }
    return scenario
  }

  @Test("the year after the last of its tenants joins; never while one stays; others' moves do not count")
  func closingYear() throws {
    var one = try Self.room([(2019, "hannover-legacy")])
    one.closeRoomsAfterMoves()
    #expect(one.sites[0].decommissionYear == Year(2020))
    var two = try Self.room([(2019, "hannover-legacy"), (2022, "hannover-legacy"), (2024, "elsewhere")])
    two.closeRoomsAfterMoves()
    #expect(two.sites[0].decommissionYear == Year(2023))
    var staying = try Self.room([(2019, "hannover-legacy"), (nil, "hannover-legacy")])
    staying.closeRoomsAfterMoves()
    #expect(staying.sites[0].decommissionYear == nil)
  }

  @Test("the default's Hannover room closes in 2020, and two years later when the Land's move slips two years")
  func slippedMove() throws {
    var scenario = try Self.defaultScenario()
    let room = try #require(scenario.sites.firstIndex { $0.id == "hannover-legacy" })
    #expect(scenario.sites[room].decommissionYear == Year(2020))
    // Only the join delay uncertain, drawn as 2 years in every trial.
    scenario.uncertainty = Uncertainty(
      inputs: [UncertainInput(name: "delay", target: .tenantJoinDelay, element: "land", distribution: .discrete(values: [2], probabilities: [1]))],
      correlations: [])
    let sampler = Sampler(scenario, seed: 1)
    let slipped = Perturbation.apply(sampler.draws(trial: 0).map(Optional.some), slots: sampler.slots, to: scenario)
    #expect(slipped.tenants.first { $0.id == "land" }?.joinsSharedDataCentre == Year(2021))
    #expect(slipped.sites[room].decommissionYear == Year(2022))
    // The room stays open for the Land's services: no trial is short of space there.
    let mc = MonteCarlo.analyse(scenario, trials: 20, seed: 1)
    #expect(!mc.shortfallProbability.contains { $0.resource.subject == "hannover-legacy" && $0.resource.kind == .space })
  }
}
