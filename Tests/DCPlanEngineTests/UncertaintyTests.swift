@testable import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Distributions, the sampler and Monte Carlo against closed forms and scipy.
@Suite("uncertainty")
struct UncertaintyTests {
  @Test("normal quantiles and the incomplete beta function against scipy")
  func quantiles() {
    // scipy.stats.norm.ppf(0.975), ppf(0.9), ppf(1e-10)
    #expect(approximately(Quantiles.standardNormal(0.975), 1.959963984540054, relative: 1e-12))
    #expect(approximately(Quantiles.standardNormal(0.9), 1.2815515655446004, relative: 1e-12))
    #expect(approximately(Quantiles.standardNormal(1e-10), -6.361340902404056, relative: 1e-9))
    // scipy.special.betainc(2, 3, 0.4), betainc(3.4, 1.6, 0.77); scipy.stats.beta.ppf(0.3, 3.4, 1.6)
    #expect(approximately(Quantiles.incompleteBeta(0.4, 2, 3), 0.5248, relative: 1e-12))
    #expect(approximately(Quantiles.incompleteBeta(0.77, 3.4, 1.6), 0.6252573911781112, relative: 1e-10))
    #expect(approximately(Quantiles.betaQuantile(0.3, 3.4, 1.6), 0.5869300415054985, relative: 1e-10))
    // scipy.stats.beta.ppf in the tails and at a = 1 or b = 1 (a PERT with its mode at an end).
    #expect(approximately(Quantiles.betaQuantile(1e-10, 3.4, 1.6), 0.0008597904649215583, relative: 1e-9))
    #expect(approximately(Quantiles.betaQuantile(0.999999, 3.4, 1.6), 0.9999396189083029, relative: 1e-12))
    #expect(approximately(Quantiles.betaQuantile(0.5, 1, 5), 0.12944943670387585, relative: 1e-10))
    #expect(approximately(Quantiles.betaQuantile(0.01, 5, 1), 0.39810717055349726, relative: 1e-10))
    #expect(approximately(Quantiles.betaQuantile(0.9, 5.0 / 3, 10.0 / 3), 0.6073774151675961, relative: 1e-10))
  }

  @Test("sampled distributions match their mean and variance within bounds from the sample size", arguments: [
    Distribution.normal(mean: 0.08, sd: 0.02), .logNormal(median: 1, sigma: 0.25), .triangular(min: 0.04, mode: 0.08, max: 0.14),
    .uniform(min: 2, max: 5), .pert(min: 0.85, mode: 1, max: 1.3), .discrete(values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1]),
  ])
  func moments(_ distribution: Distribution) {
    let n = 200_000
    var random = SplitMix64(seed: 42)
    var draws = [Double](repeating: 0, count: n)
    for i in 0..<n { draws[i] = Quantiles.value(distribution, at: (Double(random.next() >> 11) + 0.5) * 0x1.0p-53) }
    let mean = draws.reduce(0, +) / Double(n)
    let m2 = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
    let m4 = draws.reduce(0) { $0 + pow4($1 - mean) } / Double(n)
    let expectedMean = Quantiles.mean(distribution)
    let expectedVariance = Quantiles.variance(distribution)
    // Five standard errors: of the mean σ/√n, of the variance √((μ4 − σ⁴)/n).
    #expect(abs(mean - expectedMean) < 5 * (expectedVariance / Double(n)).squareRoot(), "\(distribution): mean \(mean)")
    #expect(abs(m2 - expectedVariance) < 5 * ((m4 - m2 * m2) / Double(n)).squareRoot(), "\(distribution): variance \(m2)")
  }

  private func pow4(_ x: Double) -> Double { x * x * x * x }

  static func load(_ name: String) throws -> Scenario {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario(name))
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  @Test("NPV linear in one uniform input: the percentiles are the input's, scaled, within sampling error")
  func linearOutput() throws {
    var scenario = try Self.load("teaching-capacity.yaml")
    scenario.uncertainty = Uncertainty(
      inputs: [UncertainInput(name: "energy", target: .energyPrice, element: nil, distribution: .uniform(min: 0.8, max: 1.2))],
      correlations: [])
    // NPV = A + B·f: A without energy, B the NPV of the energy lines (deterministic runs).
    var noEnergy = scenario
    noEnergy.costs.energyPricePerKWh = .constant(0)
    let a = MonteCarlo.trial(noEnergy).npvEUR
    let b = MonteCarlo.trial(scenario).npvEUR - a
    let trials = 4000
    let mc = MonteCarlo.analyse(scenario, trials: trials, seed: 3, percentiles: [10, 50, 90])
    let npv = try #require(mc.summary.first { $0.figure == .npvEUR })
    for (k, p) in [0.1, 0.5, 0.9].enumerated() {
      let expected = a + b * (0.8 + 0.4 * p)
      // The sample quantile's standard error: √(p(1−p)/n) / density, density 1/0.4 per unit of f.
      let error = b * (p * (1 - p) / Double(trials)).squareRoot() * 0.4
      #expect(abs(npv.values[k] - expected) < 4 * error + 1e-6, "P\(p * 100): \(npv.values[k]) vs \(expected)")
    }
    // Every trial lies on the line.
    for (t, outcome) in mc.outcomes.enumerated() {
      #expect(approximately(outcome.npvEUR, a + b * mc.inputDraws[t][0], relative: 1e-9))
    }
  }

  @Test("the same seed gives the same trials on one thread and on two")
  func threads() throws {
    let scenario = try Self.load("niedersachsen-2025.yaml")
    let one = MonteCarlo.run(scenario, trials: 24, seed: 9, threads: 1)
    let two = MonteCarlo.run(scenario, trials: 24, seed: 9, threads: 2)
    #expect(one.draws == two.draws)
    #expect(one.outcomes == two.outcomes)
    // A trial's draws do not depend on the trial count either.
    let fewer = MonteCarlo.run(scenario, trials: 10, seed: 9, threads: 2)
    #expect(Array(one.draws.prefix(10)) == fewer.draws)
  }

  @Test("a rank correlation is reproduced by the copula")
  func correlation() {
    let scenario = Scenario(
      info: ScenarioInfo(name: "c", description: "", horizon: .single(Year(2020)), currency: "EUR", discountRate: .zero, seed: 1),
      tenants: [], workloads: [], sites: [])
    var correlated = scenario
    correlated.uncertainty = Uncertainty(
      inputs: [
        UncertainInput(name: "x", target: .energyPrice, element: nil, distribution: .logNormal(median: 1, sigma: 0.3)),
        UncertainInput(name: "y", target: .fteCost, element: nil, distribution: .triangular(min: 0, mode: 1, max: 3)),
      ],
      correlations: [RankCorrelation(first: "x", second: "y", rank: 0.6)])
    let sampler = Sampler(correlated, seed: 11)
    let n = 20_000
    let draws = (0..<n).map { sampler.draws(trial: $0) }
    let rho = Statistics.spearman(draws.map { $0[0] }, draws.map { $0[1] })
    // Spearman's ρ has a standard error of about (1 − ρ²)/√(n − 1) ≈ 0.0045 here.
    #expect(abs(rho - 0.6) < 0.02, "ρ = \(rho)")
  }

  @Test("percentiles by linear interpolation (numpy's default) and ranks with ties")
  func statistics() {
    // numpy.percentile([1, 2, 3, 4], [10, 50, 90]) = 1.3, 2.5, 3.7
    let sorted: [Double] = [1, 2, 3, 4]
    #expect(approximately(Statistics.percentile(sorted: sorted, 0.1), 1.3))
    #expect(approximately(Statistics.percentile(sorted: sorted, 0.5), 2.5))
    #expect(approximately(Statistics.percentile(sorted: sorted, 0.9), 3.7))
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]).statistic = 0.9486832980505138
    #expect(approximately(Statistics.spearman([1, 2, 2, 3], [1, 3, 2, 4]), 0.9486832980505138, relative: 1e-12))
  }

  @Test("percentiles by selection equal those read from the sorted values, bit for bit", arguments: [1, 2, 3, 10, 1_001])
  func selectedPercentiles(_ count: Int) {
    var random = SplitMix64(seed: UInt64(count))
    let ps = [0, 0.01, 0.1, 0.5, 0.9, 0.99, 1]
    // Continuous values, and values with many ties (a count of servers).
    for tied in [false, true] {
      let values = (0..<count).map { _ in
        tied ? Double(random.next() % 7) : Double(random.next() >> 11) * 0x1.0p-53 * 1e6 - 2e5
      }
      var selected = values
      let expected = ps.map { Statistics.percentile(sorted: values.sorted(), $0) }
      #expect(Statistics.percentiles(of: &selected, ps).map(\.bitPattern) == expected.map(\.bitPattern))
      #expect(selected.sorted() == values.sorted(), "selection only reorders")
    }
    // NaN has no place in an order: the answer is unspecified, but the selection stays in bounds.
    var withNaN = (0..<count).map { Double($0) } + [.nan, 3, .nan]
    _ = Statistics.percentiles(of: &withNaN, ps)
  }
}

extension UncertaintyTests {
  @Test("trials that keep the network's routes give what trials computing them afresh give", arguments: [
    "niedersachsen-2025.yaml", "teaching-network.yaml",
  ])
  func routeCache(_ file: String) throws {
    var scenario = try Self.load(file)
    if scenario.uncertainty.inputs.isEmpty {
      scenario.uncertainty = Uncertainty(
        inputs: [UncertainInput(name: "busy", target: .busyHour, element: nil, distribution: .uniform(min: 0.5, max: 2))],
        correlations: [])
    }
    let sampler = Sampler(scenario, seed: 4)
    let routes = RouteCache()
    let decisions = MonteCarlo.planningDecisions(scenario, seed: 4)
    for t in 0..<6 {
      let perturbed = Perturbation.apply(sampler.draws(trial: t).map(Optional.some), slots: sampler.slots, to: scenario)
      #expect(MonteCarlo.trial(perturbed, decisions: nil, routes: routes) == MonteCarlo.trial(perturbed), "\(file) trial \(t)")
      #expect(
        MonteCarlo.trial(perturbed, decisions: decisions, routes: routes) == MonteCarlo.trial(perturbed, decisions: decisions, routes: nil),
        "\(file) trial \(t), realising the forecast plan")
    }
    #expect(!routes.routes.isEmpty)
  }
}
