@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

/// Orders decided on a forecast, realised by every trial (docs/conventions.md, "Planning under
/// uncertainty").
@Suite("planning under uncertainty")
struct PlanningRuleTests {
  /// One site, one workload of 1,000 vCPU in 2020 growing by g ~ Normal(10 %, 5 %) a year (one
  /// draw per trial); 10 vCPU per server, no spares, 10 servers per rack, 100 W peak: the site
  /// is short exactly when its servers ⌈vCPU / 10⌉ exceed 10 × its racks. 12 racks stand; the
  /// forecast (g = 10 %: 1,000, 1,100, 1,210, 1,331, 1,464 vCPU → 10, 11, 13, 14, 15 racks) orders
  /// the 10-rack module for 2022, ordered 2021 (lead time 1).
  static let yaml = """
    version: 1
    scenario: {name: closed form, horizon: 2020..2024, discount_rate: 0 %, seed: 5}
    tenants: [{id: a, kind: state, joins_shared_dc: 2020}]
    workloads:
      - {id: apps, tenant: a, vcpu: 1000 vCPU, growth: 10 %}
    sites:
      - id: dc
        kind: shared
        capacity: {racks: 12, it_power: 1000 kW, cooling: 1000 kW}
        modules: [{name: hall, racks: 10, it_power: 1000 kW, cooling: 1000 kW, capex: 1 MEUR, lead_time: 1 year}]
    hardware:
      servers: [{id: host, cores: 10, ram: 1000 GiB, typical_power: 100 W, peak_power: 100 W, price: 1000 EUR, lifetime: 10 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 10000, spares_per_cluster: 0}
    uncertainty:
      inputs:
        - {path: 'workloads[apps].growth', distribution: normal, mean: 10 %, sd: 5 %}
    """

  static func scenario(_ planning: String = "") throws -> Scenario {
    let text = planning.isEmpty ? yaml : yaml + "\n  planning: \(planning)\n"
    let outcome = ScenarioLoader.load(text: text, file: "closed-form.yaml")
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  @Test("P(short of space by 2021) is P(g > 20 %) = 1 − Φ(2) = 0.02275 on the forecast's orders; none with perfect foresight")
  func closedForm() throws {
    let trials = 20_000
    let mc = MonteCarlo.analyse(try Self.scenario(), trials: trials, seed: 5)
    let space = try #require(mc.shortfallProbability.first { $0.resource == ShortfallResource(kind: .space, subject: "dc") })
    let expected = 1 - Quantiles.normalCDF(2)
    let standardError = (expected * (1 - expected) / Double(trials)).squareRoot()
    // 2020 is the known 1,000 vCPU; by 2021 short when 1,000 (1 + g) > 1,200; later years add
    // nothing: 2022–2024 are short only when (1 + g)^t > 2.2, a subset.
    #expect(space.byYear[0] == 0)
    for y in 1..<5 { #expect(abs(space.byYear[y] - expected) < 4 * standardError, "\(2020 + y): \(space.byYear[y])") }
    // A clairvoyant orders the hall for 2021 when it needs it: short only when even the hall is
    // not enough, in 2024 when 1,000 (1 + g)^4 > 2,200: g > 2.2^(1/4) − 1.
    let foresight = MonteCarlo.analyse(try Self.scenario("{foresight: perfect}"), trials: trials, seed: 5)
    let clairvoyant = try #require(foresight.shortfallProbability.first { $0.resource == ShortfallResource(kind: .space, subject: "dc") })
    #expect(clairvoyant.byYear[1] == 0 && clairvoyant.byYear[2] == 0)
    let late = 1 - Quantiles.normalCDF((pow(2.2, 0.25) - 1 - 0.1) / 0.05)
    let lateError = (late * (1 - late) / Double(trials)).squareRoot()
    #expect(abs(clairvoyant.byYear[4] - late) < 4 * lateError + 2e-4, "\(clairvoyant.byYear[4]) vs \(late)")
  }

  @Test("unserved vCPU-years by hand: a trial with g = 30 % hosts 1,200 vCPU of 1,300 in 2021")
  func unservedByHand() throws {
    var scenario = try Self.scenario()
    let decisions = try #require(MonteCarlo.planningDecisions(scenario, seed: 5))
    scenario.workloads[0].vcpuGrowth = GrowthRate(perYear: 0.3) ?? .zero
    let outcome = MonteCarlo.trial(scenario, decisions: decisions, routes: nil)
    // 2021: 1,300 vCPU, 130 servers, 13 racks on 12: hosts 12/13 of 1,300 = 1,200; 100 unserved.
    // 2022 on: 22 racks host 2,197 (2023: 2,197 vCPU → 220 servers, 22 racks) and 2024's 2,856.1
    // needs 286 servers, 29 racks: 2,856.1 × (1 − 22/29) unserved.
    let expected = 100 + 2_856.1 * (1 - 22.0 / 29)
    #expect(abs(outcome.unservedVCPUYears - expected) < 1e-6, "\(outcome.unservedVCPUYears) vs \(expected)")
    #expect(outcome.firstShortfallYear == Year(2021))
  }

  @Test("yearly reviews: by 2024 the observed growth (2023's 22 racks against 14 forecast) orders a second hall in time; without reviews 2024 is short")
  func review() throws {
    // A second hall with no lead time; the forecast never needs it.
    let text = Self.yaml.replacingOccurrences(
      of: "lead_time: 1 year}]",
      with: "lead_time: 1 year}, {name: hall 2, racks: 10, it_power: 1000 kW, cooling: 1000 kW, capex: 1 MEUR, lead_time: 0 years}]")
    func trial(_ planning: String) throws -> TrialOutcome {
      var scenario = try #require(ScenarioLoader.load(text: text + "\n  planning: \(planning)\n", file: "review.yaml").scenario)
      let decisions = try #require(MonteCarlo.planningDecisions(scenario, seed: 5))
      #expect(decisions.builds[0].map(\.module) == ["hall"])
      scenario.workloads[0].vcpuGrowth = GrowthRate(perYear: 0.3) ?? .zero
      return MonteCarlo.trial(scenario, decisions: decisions, routes: nil)
    }
    // Racks needed at 30 %: 10, 13, 17, 22, 29. Reviews scale the forecast (11, 13, 14, 15 racks
    // for 2021–2024) by the last year observed: in 2022 by 13/11 (17 at most: fits 22), in
    // 2023 by 17/13 (20 at most), in 2024 by 22/14: 15 × 22/14 = 23.6 > 22: hall 2, ready 2024.
    let reviewed = try trial("{review_every: 1 year}")
    #expect(abs(reviewed.unservedVCPUYears - 100) < 1e-6, "\(reviewed.unservedVCPUYears)")
    let fixed = try trial("{forecast: deterministic}")
    #expect(abs(fixed.unservedVCPUYears - (100 + 2_856.1 * (1 - 22.0 / 29))) < 1e-6, "\(fixed.unservedVCPUYears)")
    // The second hall costs its capex in 2024 where it was ordered.
    #expect(reviewed.capexEUR > fixed.capexEUR)
  }
}

extension PlanningRuleTests {
  @Test("the tornado's unserved demand at the growth's P90 worked by hand; ρ of growth with unserved vCPU-years is positive, with TiB-years 0")
  func tornadoUnserved() throws {
    // g ~ Normal(10 %, 20 %): P90 = 10 % + 1.2815516 × 20 % = 35.63 %; the forecast (10 %)
    // orders the 10-rack hall for 2022 (22 racks from then, 12 before).
    let text = Self.yaml.replacingOccurrences(of: "mean: 10 %, sd: 5 %", with: "mean: 10 %, sd: 20 %")
    let scenario = try #require(ScenarioLoader.load(text: text, file: "tornado.yaml").scenario)
    let mc = MonteCarlo.analyse(scenario, trials: 400, seed: 5)
    let bar = try #require(mc.tornado.first)
    let g = 0.10 + 1.2815515655446004 * 0.20
    var expected = 0.0
    for (t, standing) in [(1, 12.0), (2, 22), (3, 22), (4, 22)] {
      let vcpu = 1_000 * pow(1 + g, Double(t))
      let racks = ((vcpu / 10).rounded(.up) / 10).rounded(.up)
      if racks > standing { expected += vcpu * (1 - standing / racks) }
    }
    #expect(expected > 0)
    let k = try #require(MonteCarloResults.unservedFigures.firstIndex(of: .unservedVCPUYears))
    #expect(abs(bar.unservedHigh[k] - expected) < 1e-6 * expected, "\(bar.unservedHigh[k]) vs \(expected)")
    #expect(bar.unservedLow[k] == 0)
    let rho = try #require(mc.rankCorrelations.first)
    #expect(rho.unserved[k] > 0.2)
    let tib = try #require(MonteCarloResults.unservedFigures.firstIndex(of: .unservedTiBYears))
    #expect(rho.unserved[tib] == 0)
  }
}

extension PlanningRuleTests {
  @Test("planning for a higher percentile never raises a trial's shortfall: P90 orders at least what P50 orders (random scenarios)",
        arguments: Array(UInt64(0)..<12))
  func higherPercentile(_ seed: UInt64) throws {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: true))
    var scenario = try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario)
    func run(_ quantile: Double) -> [TrialOutcome] {
      scenario.uncertainty.planning.forecast = .percentile(quantile)
      return MonteCarlo.run(scenario, trials: 8, seed: seed &+ 7, threads: 2).outcomes
    }
    let (low, high) = (run(0.5), run(0.9))
    for (t, (a, b)) in zip(low, high).enumerated() {
      for (k, (short50, short90)) in zip(a.shortfalls, b.shortfalls).enumerated() {
        // Never short earlier, and never short where the median forecast is not.
        if let year90 = short90 {
          #expect(short50.map { $0 <= year90 } ?? false, "seed \(seed) trial \(t) resource \(k): P50 \(String(describing: short50)), P90 \(year90)")
        }
      }
    }
  }

  @Test("perfect foresight is never short where the forecast-driven trial is not (random scenarios)", arguments: Array(UInt64(0)..<12))
  func foresight(_ seed: UInt64) throws {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: true))
    var scenario = try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario)
    let forecast = MonteCarlo.run(scenario, trials: 8, seed: seed &+ 7, threads: 2).outcomes
    scenario.uncertainty.planning.perfectForesight = true
    let clairvoyant = MonteCarlo.run(scenario, trials: 8, seed: seed &+ 7, threads: 2).outcomes
    let keys = MonteCarlo.resourceKeys(scenario)
    for (t, (a, b)) in zip(forecast, clairvoyant).enumerated() {
      for (k, (planned, foreseen)) in zip(a.shortfalls, b.shortfalls).enumerated() where keys[k].kind != .trunks {
        if let foreseen {
          #expect(planned.map { $0 <= foreseen } ?? false, "seed \(seed) trial \(t) \(keys[k]): forecast \(String(describing: planned)), foresight \(foreseen)")
        }
      }
    }
  }
}

extension PlanningRuleTests {
  @Test("a deterministic run at the distribution's mode far below its mean gets baseline-outside-band")
  func baselineOutsideBand() throws {
    let skewed = Self.yaml.replacingOccurrences(
      of: "distribution: normal, mean: 10 %, sd: 5 %", with: "distribution: triangular, min: 0 %, mode: 0 %, max: 60 %")
      .replacingOccurrences(of: "growth: 10 %}", with: "growth: 0 %}")
    let scenario = try #require(ScenarioLoader.load(text: skewed, file: "skewed.yaml").scenario)
    let mc = MonteCarlo.analyse(scenario, trials: 200, seed: 2)
    #expect(mc.warnings.map(\.code) == [.baselineOutsideBand])
    #expect(MonteCarlo.analyse(try Self.scenario(), trials: 200, seed: 2).warnings.isEmpty)
  }
}
