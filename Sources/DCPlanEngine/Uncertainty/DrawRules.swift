import DCPlanModel

/// How a draw becomes a parameter's value (docs/conventions.md, "Uncertainty"): the one place
/// that keeps draws inside a parameter's valid range and says what a workload draw moves.
/// ``Perturbation`` (a whole scenario) and ``TrialDemand`` (the batched demand kernel) both
/// apply draws through these functions.
enum DrawRules {
  /// A drawn growth rate, kept above −99 %.
  @inline(__always) static func growth(_ draw: Double) -> Double { max(-0.99, draw) }

  /// A drawn factor on an amount, at least 0.
  @inline(__always) static func factor(_ draw: Double) -> Double { max(0, draw) }

  /// A drawn number of years (a join delay, a lead time), rounded to whole years.
  @inline(__always) static func years(_ draw: Double) -> Int { Int(draw.rounded()) }

  /// A drawn lead time: whole years, at least 0.
  @inline(__always) static func leadTime(_ draw: Double) -> Int { max(0, years(draw)) }

  /// A PUE times a drawn factor, at least 1.
  @inline(__always) static func pue(_ value: Double, factor draw: Double) -> Double { max(1, value * factor(draw)) }

  /// A drawn share (a discount rate), in 0 … 100 %.
  @inline(__always) static func share(_ draw: Double) -> Double { min(1, max(0, draw)) }

  /// A drawn target utilisation, in 1 … 100 %.
  @inline(__always) static func utilisation(_ draw: Double) -> Double { min(1, max(0.01, draw)) }

  /// A drawn CPU overcommit, at least 0.01.
  @inline(__always) static func overcommit(_ draw: Double) -> Double { max(0.01, draw) }

  /// A drawn `growth` of a workload: its vCPU growth, and its RAM and storage growth where they
  /// equal the vCPU growth before the draw (they were not given on their own).
  @inline(__always) static func setGrowth(_ draw: Double, vcpu: inout Double, ram: inout Double, storage: inout Double) {
    let rate = growth(draw)
    let old = vcpu
    vcpu = rate
    if ram == old { ram = rate }
    if storage == old { storage = rate }
  }
}
