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
  /// premium as the scenario's planning rule gives them); the trials run `chunk` at a time
  /// and only their sums are kept.
  public static func insurance(
    _ file: Scenario, trials: Int, seed: UInt64, quantiles: [Double], threads: Int = 2, chunk: Int = .max / 2
  ) -> [InsuranceRow] {
    quantiles.map { q in
      var scenario = file
      scenario.uncertainty.planning.perfectForesight = false
      scenario.uncertainty.planning.forecast = .percentile(q)
      var (npv, short, vcpu, link) = (0.0, 0, 0.0, 0.0)
      runInChunks(scenario, trials: 0..<max(0, trials), seed: seed, threads: threads, chunk: chunk) { _, _, outcomes in
        for outcome in outcomes {
          npv += outcome.npvEUR
          if outcome.shortfalls.contains(where: { $0 != nil }) { short += 1 }
          vcpu += outcome.unservedVCPUYears
          link += outcome.linkOverloadMbpsYears
        }
      }
      let n = Double(max(1, trials))
      return InsuranceRow(
        forecast: "P\(NumberText.fixed(q * 100, decimals: 0))", meanNPVEUR: npv / n, shortfallShare: Double(short) / n,
        meanUnservedVCPUYears: vcpu / n, meanLinkOverloadMbpsYears: link / n)
    }
  }
}
