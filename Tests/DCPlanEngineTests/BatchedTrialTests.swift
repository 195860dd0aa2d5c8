import CKernels
@testable import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// The batched Monte Carlo path against the engine: every trial's figures must equal those of
/// the whole plan run on that trial's perturbed scenario (the independent method is the
/// engine's own per-workload demand stage and network stage, which the batched path replaces).
@Suite("batched trials")
struct BatchedTrialTests {
  /// Inputs on every kind of workload and tenant parameter the batched demand handles.
  static func withWorkloadInputs(_ scenario: Scenario) -> Scenario {
    var result = scenario
    let first = scenario.workloads.first?.id
    result.uncertainty.inputs += [
      UncertainInput(name: "g", target: .workloadGrowth, element: nil, distribution: .triangular(min: 0.0, mode: 0.05, max: 0.2)),
      UncertainInput(name: "sg", target: .workloadStorageGrowth, element: nil, distribution: .uniform(min: 0.05, max: 0.3)),
      UncertainInput(name: "v", target: .workloadVCPU, element: nil, distribution: .normal(mean: 1, sd: 0.1)),
      UncertainInput(name: "r", target: .workloadRAM, element: first, distribution: .uniform(min: 0.5, max: 1.5)),
      UncertainInput(name: "s", target: .workloadStorage, element: nil, distribution: .logNormal(median: 1, sigma: 0.2)),
      UncertainInput(name: "e", target: .tenantEmployees, element: nil, distribution: .normal(mean: 1, sd: 0.05)),
      UncertainInput(name: "eg", target: .tenantEmployeeGrowth, element: nil, distribution: .uniform(min: -0.02, max: 0.05)),
      UncertainInput(name: "j", target: .tenantJoinDelay, element: nil, distribution: .discrete(values: [0, 1], probabilities: [0.5, 0.5])),
    ]
    return result
  }

  /// The engine's scenario for trial t: every draw put into the file.
  static func perturbed(_ scenario: Scenario, _ sampler: Sampler, trial t: Int) -> Scenario {
    Perturbation.apply(sampler.draws(trial: t).map(Optional.some), slots: sampler.slots, to: scenario)
  }

  @Test("a scenario perturbed in place trial after trial equals a fresh copy perturbed once")
  func perturbationInPlace() throws {
    // Every kind of input: the file's own and those on each workload and tenant parameter.
    let scenario = Self.withWorkloadInputs(try UncertaintyTests.load("niedersachsen-2025.yaml"))
    let sampler = Sampler(scenario, seed: 9)
    let elements = Perturbation.elements(of: sampler.slots, in: scenario)
    var inPlace = scenario
    for t in 0..<40 {
      let draws = sampler.draws(trial: t).map(Optional.some)
      Perturbation.apply(draws, slots: sampler.slots, elements: elements, base: scenario, into: &inPlace)
      #expect(inPlace == Perturbation.apply(draws, slots: sampler.slots, to: scenario), "trial \(t)")
    }
  }

  @Test("batched demand equals the engine's demand stage per site and year", arguments: ["teaching-demand.yaml", "niedersachsen-2025.yaml"])
  func demand(_ file: String) throws {
    let scenario = Self.withWorkloadInputs(try UncertaintyTests.load(file))
    let sampler = Sampler(scenario, seed: 5)
    let kernel = TrialDemand(scenario, sampler: sampler)
    let handled = kernel.handledSlots(count: sampler.slots.count)
    #expect(handled.contains(true))
    var scratch = kernel.makeScratch()
    for t in 0..<12 {
      let draws = sampler.draws(trial: t)
      let others = Perturbation.apply(
        draws.indices.map { handled[$0] ? nil : draws[$0] }, slots: sampler.slots, to: scenario)
      let batched = kernel.project(others, draws: draws, scratch: &scratch)
      let engine = DemandStage.project(Self.perturbed(scenario, sampler, trial: t))
      #expect(batched.sites.map(\.site) == engine.sites.map(\.site))
      #expect(batched.sites.map(\.workloadCount) == engine.sites.map(\.workloadCount))
      for (b, e) in zip(batched.sites, engine.sites) {
        for (x, y) in zip(b.demand.vcpu + b.demand.ramGiB + b.demand.storageTiB, e.demand.vcpu + e.demand.ramGiB + e.demand.storageTiB) {
          #expect(approximately(x, y, relative: 1e-11), "\(file) trial \(t) site \(b.site): \(x) vs \(y)")
        }
      }
      for (x, y) in zip(batched.totals.storageTiB + batched.totals.vcpu, engine.totals.storageTiB + engine.totals.vcpu) {
        #expect(approximately(x, y, relative: 1e-11))
      }
    }
  }

  /// A generated state (meshed county hubs, municipalities, twin sites, single failures
  /// rerouted) with uncertain growth and busy-hour traffic, so link loads and N-1 loads move.
  static func generatedState() throws -> Scenario {
    let text = ScenarioGenerator.yaml(.init(municipalities: 40, counties: 5, seed: 3))
    var scenario = try #require(ScenarioLoader.load(text: text, file: "state").scenario)
    scenario.uncertainty = Uncertainty(
      inputs: [
        UncertainInput(name: "g", target: .workloadGrowth, element: nil, distribution: .triangular(min: 0.0, mode: 0.1, max: 0.4)),
        UncertainInput(name: "b", target: .busyHour, element: nil, distribution: .uniform(min: 1, max: 40)),
        UncertainInput(name: "e", target: .tenantEmployees, element: nil, distribution: .normal(mean: 1, sd: 0.2)),
      ],
      correlations: [])
    return scenario
  }

  @Test("every batched trial equals the engine on its perturbed scenario", arguments: ["default", "generated state"])
  func outcomes(_ name: String) throws {
    let scenario = name == "default"
      ? Self.withWorkloadInputs(try UncertaintyTests.load("niedersachsen-2025.yaml")) : try Self.generatedState()
    let trials = 16
    let (_, outcomes, sampler, decisions) = MonteCarlo.runWithDecisions(scenario, trials: trials, seed: 21, threads: 2)
    var shortfalls = 0
    for t in 0..<trials {
      let engine = MonteCarlo.trial(Self.perturbed(scenario, sampler, trial: t), decisions: decisions, routes: nil)
      let batched = outcomes[t]
      for (x, y) in zip([batched.npvEUR, batched.capexEUR, batched.opexEUR, batched.tcoEUR, batched.residualValueEUR],
                        [engine.npvEUR, engine.capexEUR, engine.opexEUR, engine.tcoEUR, engine.residualValueEUR]) {
        #expect(approximately(x, y, relative: 1e-9), "trial \(t): \(x) vs \(y)")
      }
      #expect(batched.yearly.count == engine.yearly.count)
      for (x, y) in zip(batched.yearly, engine.yearly) { #expect(approximately(x, y, relative: 1e-9), "trial \(t): \(x) vs \(y)") }
      #expect(batched.firstShortfallYear == engine.firstShortfallYear)
      #expect(batched.shortfalls == engine.shortfalls, "trial \(t)")
      shortfalls += batched.shortfalls.compactMap { $0 }.count
    }
    // The inputs are wide enough that some resource runs short in some trial.
    #expect(shortfalls > 0, "\(name)")
  }
}

/// The C kernels' vector paths (where the processor has them) against their portable paths.
@Suite("trial kernels")
struct TrialKernelTests {
  @Test("triangular quantiles: the same bytes on the vector and the portable path, and Quantiles.value's")
  func triangular() {
    var random = SplitMix64(seed: 8)
    var uniforms = (0..<1003).map { _ in (Double(random.next() >> 11) + 0.5) * 0x1.0p-53 }
    uniforms += [0, 1, 1e-16, 1 - 1e-16, 0.4]
    var fast = uniforms
    var portable = uniforms
    let (low, mode, high) = (0.04, 0.08, 0.14)
    let cut = (mode - low) / (high - low)
    let (below, above) = ((high - low) * (mode - low), (high - low) * (high - mode))
    fast.withUnsafeMutableBufferPointer { dcplan_triangular_quantiles($0.baseAddress, $0.count, low, high, cut, below, above) }
    portable.withUnsafeMutableBufferPointer {
      dcplan_triangular_quantiles_portable($0.baseAddress, $0.count, low, high, cut, below, above)
    }
    #expect(fast.map(\.bitPattern) == portable.map(\.bitPattern))
    let scalar = uniforms.map { Quantiles.value(.triangular(min: low, mode: mode, max: high), at: $0) }
    #expect(fast.map(\.bitPattern) == scalar.map(\.bitPattern))
  }

  @Test("lower bound: the first index not below x, as a linear scan finds it", arguments: [0, 1, 2, 3, 8, 13, 64])
  func lowerBound(_ count: Int) {
    // Sorted with repeats, so that ties between x and an element are exercised.
    let sorted = (0..<count).map { Double($0 / 2) }
    for x in [-1, 0, 0.5, 1, 2.5, 3, Double(count / 2), Double(count), .infinity] {
      let expected = sorted.firstIndex { $0 >= x } ?? count
      let found = sorted.withUnsafeBufferPointer { dcplan_lower_bound($0.baseAddress, count, x) }
      #expect(found == expected, "x = \(x) in \(count) elements")
    }
  }

  @Test("segment sums: the same bytes on both paths, and the sums a plain loop gives", arguments: [0, 1, 4, 7, 37])
  func segmentSums(_ count: Int) {
    var random = SplitMix64(seed: UInt64(count) + 1)
    func uniform() -> Double { (Double(random.next() >> 11) + 0.5) * 0x1.0p-53 }
    let baseA = (0..<count).map { _ in 100 * uniform() }
    let baseB = (0..<count).map { _ in 10 * uniform() }
    let scaleA = (0..<count).map { _ in 0.5 + uniform() }
    let initial = (0..<count).map { _ in 1 + uniform() }
    let step = (0..<count).map { _ in 1 + 0.2 * uniform() }
    let (years, first) = (10, 2)
    var lanes = [Double](repeating: .nan, count: 8 * years)
    var fast = ([Double](repeating: .nan, count: years), [Double](repeating: .nan, count: years))
    var portable = fast
    dcplan_segment_sums(baseA, baseB, scaleA, nil, initial, step, count, first, years, &lanes, &fast.0, &fast.1)
    dcplan_segment_sums_portable(baseA, baseB, scaleA, nil, initial, step, count, first, years, &lanes, &portable.0, &portable.1)
    #expect(fast.0.map(\.bitPattern) == portable.0.map(\.bitPattern))
    #expect(fast.1.map(\.bitPattern) == portable.1.map(\.bitPattern))
    // A plain loop, workload by workload (another order of the same sums).
    for y in 0..<years {
      var (a, b) = (0.0, 0.0)
      if y >= first {
        for i in 0..<count {
          let factor = initial[i] * pow1p(step[i] - 1, y - first)
          a += baseA[i] * scaleA[i] * factor
          b += baseB[i] * factor
        }
      }
      #expect(approximately(fast.0[y], a, relative: 1e-12) || (a == 0 && fast.0[y] == 0), "year \(y)")
      #expect(approximately(fast.1[y], b, relative: 1e-12) || (b == 0 && fast.1[y] == 0), "year \(y)")
    }
  }

  @Test("SplitMix64 uniforms: the same bytes on the vector and portable paths as SplitMix64.next() one by one")
  func uniforms() {
    for (seed, count) in [(UInt64(0), 0), (12_345, 1), (0xDEAD_BEEF, 7), (FailureSimulation.trialSeed(3, 99), 1001)] {
      var fast = [Double](repeating: .nan, count: count)
      var portable = fast
      fast.withUnsafeMutableBufferPointer { dcplan_splitmix_uniforms(seed, $0.baseAddress, $0.count) }
      portable.withUnsafeMutableBufferPointer { dcplan_splitmix_uniforms_portable(seed, $0.baseAddress, $0.count) }
      var random = SplitMix64(seed: seed)
      let expected = (0..<count).map { _ in (Double(random.next() >> 11) + 0.5) * 0x1.0p-53 }
      #expect(fast.map(\.bitPattern) == expected.map(\.bitPattern))
      #expect(portable.map(\.bitPattern) == expected.map(\.bitPattern))
    }
  }
}
