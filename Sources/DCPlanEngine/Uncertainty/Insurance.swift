import DCPlanModel

/// What planning for a higher percentile of demand costs and what it buys: the same trials
/// realised against the orders of each forecast (docs/conventions.md, "Planning under
/// uncertainty").
public struct InsuranceRow: Hashable, Sendable {
  /// The forecast the orders were planned on, as written ("P50").
  public let forecast: String
  /// The trials' mean NPV, EUR.
  public let meanNPVEUR: Double
  /// The share of trials short of any resource in some year.
  public let shortfallShare: Double
  /// The trials' mean unserved vCPU-years and link overload Mbit/s-years.
  public let meanUnservedVCPUYears: Double
  public let meanLinkOverloadMbpsYears: Double
}

extension MonteCarlo {
  /// One row per forecast percentile in `quantiles` (0…1): `trials` trials of `file` with the
  /// seed's draws, each realising its demand against that forecast's orders (reviews and
  /// premium as the scenario's planning rule gives them).
  public static func insurance(_ file: Scenario, trials: Int, seed: UInt64, quantiles: [Double], threads: Int = 2) -> [InsuranceRow] {
    quantiles.map { q in
      var scenario = file
      scenario.uncertainty.planning.perfectForesight = false
      scenario.uncertainty.planning.forecast = .percentile(q)
      let outcomes = run(scenario, trials: trials, seed: seed, threads: threads).outcomes
      let n = Double(max(1, outcomes.count))
      return InsuranceRow(
        forecast: "P\(NumberText.fixed(q * 100, decimals: 0))",
        meanNPVEUR: outcomes.reduce(0) { $0 + $1.npvEUR } / n,
        shortfallShare: Double(outcomes.filter { $0.shortfalls.contains { $0 != nil } }.count) / n,
        meanUnservedVCPUYears: outcomes.reduce(0) { $0 + $1.unservedVCPUYears } / n,
        meanLinkOverloadMbpsYears: outcomes.reduce(0) { $0 + $1.linkOverloadMbpsYears } / n)
    }
  }
}
