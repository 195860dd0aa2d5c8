import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Foundation
import Testing

/// A gateway's contracted trunk group on Scenarios/teaching-voice.yaml, whose 30 Erlang in
/// 2022 need 42 channels at 1 % (worked by hand in the file: 41 block 1.04 %, 42 block 0.74 %).
@Suite("contracted SIP trunks and their shortfall")
struct TrunkShortfallTests {
  static func scenario(trunks: Int?) throws -> Scenario {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-voice.yaml"))
    var scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    scenario.voice?.gateways[0].trunks = trunks
    return scenario
  }

  @Test("41 contracted channels fall one short in 2022; 42 or none contracted, no warning")
  func warnings() throws {
    let short = Planner.run(try Self.scenario(trunks: 41)).warnings.filter { $0.code == .trunkShortfall }
    #expect(short.map(\.year) == [Year(2022)])
    #expect(short.first?.subject == "gw-a")
    #expect(short.first?.message.contains("needs 42 SIP channels in 2022") == true)
    #expect(short.first?.message.contains("but 41 are contracted") == true)
    for trunks in [42, nil] as [Int?] {
      #expect(Planner.run(try Self.scenario(trunks: trunks)).warnings.allSatisfy { $0.code != .trunkShortfall })
    }
  }

  @Test("Monte Carlo: P(short by 2022) is the chance that the drawn headcount carries more than 42 channels do")
  func probability() throws {
    var scenario = try Self.scenario(trunks: 42)
    let sd = 0.05
    scenario.uncertainty = Uncertainty(
      inputs: [UncertainInput(name: "staff", target: .tenantEmployees, element: nil, distribution: .normal(mean: 1, sd: sd))],
      correlations: [])
    let trials = 4000
    let mc = MonteCarlo.analyse(scenario, trials: trials, seed: 17)
    #expect(MonteCarlo.resourceKeys(scenario).last.map { [$0.kind.rawValue, $0.subject] } == ["trunks", "gw-a"])
    // 42 channels carry at most A₄₂ Erlang at 1 % (found by bisection on the blocking, not
    // by the trunk search); the traffic is 30 Erlang × the headcount factor f ~ N(1, sd).
    let capacity = ErlangB.traffic(trunks: 42, gradeOfService: 0.01)
    let z = (capacity / 30 - 1) / sd
    let expected = 0.5 * erfc(z / 2.squareRoot())
    let row = try #require(mc.shortfallProbability.first { $0.resource.kind == .trunks })
    #expect(row.resource.subject == "gw-a")
    #expect(row.byYear.first == 0, "nothing migrated in 2021")
    // The share of trials is binomial: four standard errors.
    let tolerance = 4 * (expected * (1 - expected) / Double(trials)).squareRoot()
    #expect(abs((row.byYear.last ?? -1) - expected) < tolerance, "\(row.byYear) against \(expected)")
  }
}
