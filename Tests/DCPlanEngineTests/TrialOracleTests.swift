@testable import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// The batched Monte Carlo trials against the whole engine (`Planner.run`, not the lean trial
/// path) on randomly drawn scenarios: every trial's figures equal those of the plan run on the
/// trial's perturbed scenario, and a trial is short of a resource from exactly the year that
/// plan first warns of it. The Monte Carlo's baseline is the deterministic run.
struct InvalidRandomScenario: Error {}

@Suite("trials against the whole engine, random scenarios")
struct TrialOracleTests {
  static let seeds: [UInt64] = Array(0..<24)

  static func scenario(_ seed: UInt64, _ options: RandomScenario.Options = .init()) throws -> Scenario {
    var generator = RandomScenario(seed: seed)
    let text = generator.yaml(options)
    let outcome = ScenarioLoader.load(text: text, file: "random-\(seed).yaml")
    guard let scenario = outcome.scenario else {
      Issue.record("seed \(seed): \(outcome.diagnostics.map(\.description).joined(separator: "\n"))\n\(text)")
      throw InvalidRandomScenario()
    }
    return scenario
  }

  @Test("every seed gives a valid scenario that runs", arguments: seeds)
  func valid(_ seed: UInt64) throws {
    let results = Planner.run(try Self.scenario(seed))
    #expect(!results.demand.years.isEmpty)
  }

  /// The first year the plan warns of each resource of ``MonteCarlo/resourceKeys(_:)``.
  static func warnedFirstYears(_ scenario: Scenario, _ results: PlanResults) -> [Year?] {
    func first(_ codes: Set<WarningCode>, _ subject: String) -> Year? {
      results.warnings.filter { codes.contains($0.code) && $0.subject == subject }.compactMap(\.year).min()
    }
    return MonteCarlo.resourceKeys(scenario).map { resource in
      switch resource.kind {
      case .space: return first([.shortfallSpace], resource.subject)
      case .power: return first([.shortfallPower], resource.subject)
      case .cooling: return first([.shortfallCooling], resource.subject)
      case .link: return first([.linkOverTarget, .linkOverFailureTarget], resource.subject)
      case .trunks: return first([.trunkShortfall], resource.subject)
      }
    }
  }

  /// Compares one trial's outcome with the plan of its scenario, figure by figure.
  static func compare(_ outcome: TrialOutcome, _ scenario: Scenario, _ label: String) {
    let plan = Planner.run(scenario)
    let years = plan.demand.years.count
    let totals = plan.costs.totalEUR
    // Sums taken in another order (ledger lines against yearly sums): 1e-9 relative.
    #expect(approximately(outcome.npvEUR, plan.costs.npvEUR, relative: 1e-9), "\(label): NPV")
    #expect(approximately(outcome.capexEUR, plan.costs.capexEUR.reduce(0, +), relative: 1e-9), "\(label): capex")
    #expect(approximately(outcome.opexEUR, plan.costs.opexEUR.reduce(0, +), relative: 1e-9), "\(label): opex")
    #expect(approximately(outcome.tcoEUR, totals.reduce(0, +), relative: 1e-9), "\(label): TCO")
    #expect(approximately(outcome.residualValueEUR, plan.costs.residualValueEUR, relative: 1e-9), "\(label): residual value")
    for y in 0..<years {
      #expect(approximately(outcome.yearly[y], totals[y], relative: 1e-9), "\(label): cost in year \(y)")
      let servers = plan.sizing.reduce(0) { $0 + $1.servers[y] }
      let racks = plan.facility.reduce(0) { $0 + $1.racks[y] }
      #expect(outcome.yearly[years + y] == Double(servers), "\(label): servers in year \(y)")
      #expect(outcome.yearly[2 * years + y] == Double(racks), "\(label): racks in year \(y)")
      #expect(approximately(outcome.yearly[3 * years + y], plan.facility.reduce(0) { $0 + $1.itKW[y] }, relative: 1e-9))
      #expect(approximately(outcome.yearly[4 * years + y], plan.facility.reduce(0) { $0 + $1.energyMWh[y] }, relative: 1e-9))
    }
    #expect(outcome.firstShortfallYear == plan.firstShortfallYear, "\(label): first shortfall")
    #expect(outcome.shortfalls == warnedFirstYears(scenario, plan), "\(label): shortfalls against the plan's warnings")
  }

  @Test("with perfect foresight every batched trial equals the plan of its perturbed scenario", arguments: seeds)
  func trials(_ seed: UInt64) throws {
    var scenario = try Self.scenario(seed)
    scenario.uncertainty.planning.perfectForesight = true
    let trials = 6
    let (_, outcomes, sampler) = MonteCarlo.run(scenario, trials: trials, seed: seed &+ 100, threads: 2)
    #expect(outcomes.count == trials)
    for t in 0..<trials {
      let perturbed = Perturbation.apply(sampler.draws(trial: t).map(Optional.some), slots: sampler.slots, to: scenario)
      Self.compare(outcomes[t], perturbed, "seed \(seed) trial \(t)")
    }
  }

  @Test("realising the forecast plan, every batched trial equals the whole engine's trial on its perturbed scenario", arguments: seeds.prefix(12))
  func forecastTrials(_ seed: UInt64) throws {
    var scenario = try Self.scenario(seed)
    if seed % 3 == 1 { scenario.uncertainty.planning.reviewEveryYears = 2 }
    if seed % 3 == 2 { scenario.uncertainty.planning.forecast = .percentile(0.8) }
    scenario.uncertainty.planning.emergencyPremium = seed % 2 == 0 ? 0.25 : 0
    let trials = 6
    let (_, outcomes, sampler, decisions) = MonteCarlo.runWithDecisions(scenario, trials: trials, seed: seed &+ 100, threads: 2)
    for t in 0..<trials {
      let perturbed = Perturbation.apply(sampler.draws(trial: t).map(Optional.some), slots: sampler.slots, to: scenario)
      let engine = MonteCarlo.trial(perturbed, decisions: decisions, routes: nil)
      let label = "seed \(seed) trial \(t)"
      for (x, y) in zip([outcomes[t].npvEUR, outcomes[t].capexEUR, outcomes[t].opexEUR, outcomes[t].residualValueEUR],
                        [engine.npvEUR, engine.capexEUR, engine.opexEUR, engine.residualValueEUR]) {
        #expect(approximately(x, y, relative: 1e-9), "\(label): \(x) vs \(y)")
      }
      #expect(outcomes[t].shortfalls == engine.shortfalls, "\(label)")
    }
  }

  @Test("the Monte Carlo's baseline is the deterministic run", arguments: seeds.prefix(8))
  func baseline(_ seed: UInt64) throws {
    let scenario = try Self.scenario(seed)
    let mc = MonteCarlo.analyse(scenario, trials: 4, seed: 1)
    Self.compare(mc.baseline, scenario, "seed \(seed) baseline")
  }

  @Test("the random scenarios reach shortfalls, upgrades and trunk groups (the oracle is not vacuous)")
  func coverage() throws {
    var shortKinds = Set<ShortfallKind>()
    var upgrades = 0
    var inputs = Set<ParameterTarget>()
    var withClasses = 0
    for seed in Self.seeds {
      let scenario = try Self.scenario(seed)
      if !scenario.policy.classes.isEmpty { withClasses += 1 }
      inputs.formUnion(scenario.uncertainty.inputs.map(\.target))
      let (_, outcomes, _) = MonteCarlo.run(scenario, trials: 6, seed: seed &+ 100, threads: 2)
      let keys = MonteCarlo.resourceKeys(scenario)
      for outcome in outcomes {
        for (k, year) in outcome.shortfalls.enumerated() where year != nil { shortKinds.insert(keys[k].kind) }
      }
      upgrades += Planner.run(scenario).network.upgrades.count
    }
    #expect(shortKinds.isSuperset(of: [.space, .power, .link]), "\(shortKinds)")
    #expect(upgrades > 0)
    #expect(withClasses >= 4, "redundancy per class in \(withClasses) of \(Self.seeds.count) scenarios")
    #expect(inputs.count >= ParameterTarget.allCases.count - 3, "\(Set(ParameterTarget.allCases).subtracting(inputs))")
  }
}
