@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Drawn inputs mean what they say (docs/conventions.md, "Uncertainty").
@Suite("drawn inputs: years are years, delays are delays, common factors, ranges checked at load")
struct DrawnInputTests {
  static func load(_ uncertainty: String) -> (scenario: Scenario?, errors: [String]) {
    let indented = uncertainty.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    let text = BundledScenarios.niedersachsen2025.components(separatedBy: "\nuncertainty:")[0] + "\nuncertainty:\n" + indented + "\n"
    let outcome = ScenarioLoader.load(text: text, file: "drawn.yaml")
    return (outcome.scenario, outcome.diagnostics.filter { $0.severity == .error }.map(\.description))
  }

  @Test("'joins_shared_dc' drawn from [2020, 2021, 2022] moves the Land's join to those years")
  func joinYears() throws {
    let (loaded, errors) = Self.load("""
      inputs:
        - {path: 'tenants[land].joins_shared_dc', distribution: discrete, values: [2020, 2021, 2022], probabilities: [50 %, 30 %, 20 %]}
      """)
    let scenario = try #require(loaded, "\(errors)")
    let sampler = Sampler(scenario, seed: 1)
    var seen = Set<Int>()
    for t in 0..<60 {
      let perturbed = Perturbation.apply(sampler.draws(trial: t).map(Optional.some), slots: sampler.slots, to: scenario)
      let join = try #require(perturbed.tenants.first { $0.id == "land" }?.joinsSharedDataCentre)
      seen.insert(join.number)
    }
    #expect(seen == [2020, 2021, 2022])
  }

  @Test("delays written as a year are refused at their line, pointing at 'join_delay'")
  func delayAsYear() {
    let (_, errors) = Self.load("""
      inputs:
        - {path: 'tenants[land].joins_shared_dc', distribution: discrete, values: [0, 1, 2], probabilities: [60 %, 30 %, 10 %]}
      """)
    #expect(errors.contains { $0.contains("draws values from 0 to 2") && $0.contains("'tenants[land].join_delay'") }, "\(errors)")
  }

  @Test("a growth rate drawn from a normal with a 60 % spread is refused: its tails fall below −99 %")
  func growthRange() {
    let (_, errors) = Self.load("""
      inputs:
        - {path: 'workloads[*].growth', distribution: normal, mean: 8 %, sd: 60 %}
      """)
    #expect(errors.contains { $0.contains("growth rates from −99 % to 1000 %") }, "\(errors)")
  }

  @Test("'per: trial' draws one growth for every workload; 'per: element' one each")
  func commonFactor() throws {
    let text = """
      inputs:
        - {path: 'workloads[*].growth', per: PER, distribution: triangular, min: 4 %, mode: 8 %, max: 14 %}
      """
    let common = try #require(Self.load(text.replacingOccurrences(of: "PER", with: "trial")).scenario)
    let each = try #require(Self.load(text.replacingOccurrences(of: "PER", with: "element")).scenario)
    #expect(Sampler(common, seed: 1).slots.count == 1)
    #expect(Sampler(each, seed: 1).slots.count == each.workloads.count)
    let sampler = Sampler(common, seed: 1)
    let perturbed = Perturbation.apply(sampler.draws(trial: 3).map(Optional.some), slots: sampler.slots, to: common)
    #expect(Set(perturbed.workloads.map(\.vcpuGrowth)).count == 1)
    // The batched kernel applies the common draw to every workload too.
    let (_, outcomes, _) = MonteCarlo.run(common, trials: 4, seed: 1, threads: 1)
    for t in 0..<4 {
      let engine = MonteCarlo.trial(
        Perturbation.apply(sampler.draws(trial: t).map(Optional.some), slots: sampler.slots, to: common),
        decisions: MonteCarlo.planningDecisions(common, seed: 1), routes: nil)
      #expect(approximately(outcomes[t].npvEUR, engine.npvEUR, relative: 1e-9), "trial \(t)")
    }
    let (_, misplaced) = Self.load("""
      inputs:
        - {path: 'workloads[eakte].growth', per: trial, distribution: uniform, min: 4 %, max: 8 %}
      """)
    #expect(misplaced.contains { $0.contains("'per' of uncertain input 1 is for paths with '[*]'") }, "\(misplaced)")
  }

  @Test("a drawn lead time leaves modules with a fixed ready year alone")
  func leadTimeOfBuiltModules() throws {
    var scenario = try #require(Self.load("""
      inputs:
        - {path: 'sites[*].lead_time', distribution: discrete, values: [5], probabilities: [100 %]}
      """).scenario)
    let site = try #require(scenario.sites.firstIndex { $0.kind == .shared })
    scenario.sites[site].modules[0].fixedReadyYear = Year(2019)
    let before = scenario.sites[site].modules[0].leadTimeYears
    let sampler = Sampler(scenario, seed: 1)
    let perturbed = Perturbation.apply(sampler.draws(trial: 0).map(Optional.some), slots: sampler.slots, to: scenario)
    #expect(perturbed.sites[site].modules[0].leadTimeYears == before)
    #expect(perturbed.sites[site].modules[1].leadTimeYears == 5)
  }
}
