import CKernels
import DCPlanModel

/// The draws of every trial (docs/conventions.md, "Uncertainty"): one slot per input that
/// draws once, one per element for an input with `[*]`; trial t draws from its own stream,
/// SplitMix64 seeded by the scenario seed and t scrambled, one uniform per slot in slot
/// order, so a trial's draws do not depend on which thread runs it or on the trial count.
///
/// Correlated inputs use a Gaussian copula: uniforms → normal scores → multiplied by the
/// Cholesky factor of the normal-score correlation matrix, whose entries are
/// 2 sin(π ρ_s / 6) for a rank correlation ρ_s → back to uniforms → each input's quantile.
public struct Sampler: Sendable {
  /// One slot: an input, and the element it draws for (nil: the input as a whole).
  public struct Slot: Hashable, Sendable {
    public let input: Int
    public let element: Int?
  }

  /// The slots, in draw order.
  public let slots: [Slot]
  private let uncertainty: Uncertainty
  let seed: UInt64
  /// Indices of the inputs that draw once, and the Cholesky factor over them (nil: none correlated).
  private let onceInputs: [Int]
  private let factor: [[Double]]?
  /// The slot of each input that draws once.
  private let slotOfInput: [Int: Int]
  /// Each input's slots (contiguous, in slot order).
  private let slotRanges: [Range<Int>]

  /// A sampler for `scenario`'s uncertainty, seeded by `seed`.
  public init(_ scenario: Scenario, seed: UInt64) {
    uncertainty = scenario.uncertainty
    self.seed = seed
    var slots: [Slot] = []
    var slotOfInput: [Int: Int] = [:]
    for (i, input) in scenario.uncertainty.inputs.enumerated() {
      if input.drawsPerElement {
        for e in 0..<Self.elementCount(input.target, scenario) { slots.append(Slot(input: i, element: e)) }
      } else {
        slotOfInput[i] = slots.count
        slots.append(Slot(input: i, element: nil))
      }
    }
    self.slots = slots
    self.slotOfInput = slotOfInput
    slotRanges = scenario.uncertainty.inputs.indices.map { i in
      let first = slots.firstIndex { $0.input == i } ?? slots.count
      var end = first
      while end < slots.count, slots[end].input == i { end += 1 }
      return first..<end
    }
    onceInputs = scenario.uncertainty.inputs.indices.filter { !scenario.uncertainty.inputs[$0].drawsPerElement }
    factor = scenario.uncertainty.correlations.isEmpty ? nil : scenario.uncertainty.correlationFactor()
  }

  /// How many elements a per-element input draws for.
  static func elementCount(_ target: ParameterTarget, _ scenario: Scenario) -> Int {
    switch target.collection {
    case "workloads": return scenario.workloads.count
    case "tenants": return scenario.tenants.count
    case "sites": return scenario.sites.count
    case "hardware.servers": return scenario.hardware.servers.count
    case "hardware.storage": return scenario.hardware.storage.count
    default: return 1
    }
  }

  /// The draws of trial `trial`, one value per slot.
  public func draws(trial: Int) -> [Double] {
    var values = [Double](repeating: 0, count: slots.count)
    draws(trial: trial, into: &values)
    return values
  }

  /// The draws of trial `trial` written into `values` (one per slot; a worker reuses it).
  public func draws(trial: Int, into values: inout [Double]) {
    if values.count != slots.count { values = [Double](repeating: 0, count: slots.count) }
    // The trial's stream, SplitMix64 seeded with the trial's seed: uniform s is
    // ((next() >> 11) + 0.5) · 2^-53 of its s-th output (CKernels, eight at a time where it can).
    let trialSeed = FailureSimulation.trialSeed(seed, trial)
    values.withUnsafeMutableBufferPointer { dcplan_splitmix_uniforms(trialSeed, $0.baseAddress, $0.count) }
    if let factor {
      let scores = onceInputs.map { Quantiles.standardNormal(values[slotOfInput[$0] ?? 0]) }
      for (row, input) in onceInputs.enumerated() {
        var z = 0.0
        for column in 0...row { z += factor[row][column] * scores[column] }
        values[slotOfInput[input] ?? 0] = Quantiles.normalCDF(z)
      }
    }
    // Each input's quantile over its slots (contiguous), the distribution read once.
    for (i, range) in slotRanges.enumerated() where !range.isEmpty {
      let distribution = uncertainty.inputs[i].distribution
      values.withUnsafeMutableBufferPointer { values in
        Quantiles.values(distribution, at: UnsafeMutableBufferPointer(rebasing: values[range]))
      }
    }
  }

  /// Each input's draw in a trial's `draws`: an input drawn per element gives the mean of
  /// its elements' draws (what `--trials-csv` and the rank correlations use).
  public func inputMeans(_ draws: [Double]) -> [Double] {
    draws.withUnsafeBufferPointer { values in
      slotRanges.map { range in
        var sum = 0.0
        for s in range { sum += values[s] }
        return range.isEmpty ? 0 : sum / Double(range.count)
      }
    }
  }

  /// The draws with every slot at the quantile `p` of its distribution (for the tornado).
  public func quantileDraws(_ p: Double, onlyInput: Int) -> [Double?] {
    slots.map { slot in
      slot.input == onlyInput ? Quantiles.value(uncertainty.inputs[slot.input].distribution, at: p) : nil
    }
  }
}
