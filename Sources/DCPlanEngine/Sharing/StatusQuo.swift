import DCPlanModel

/// One year of the shared plan against the status quo: every tenant alone (EUR, in the
/// ledger's money; docs/conventions.md, "Cost sharing").
public struct StatusQuoYear: Hashable, Sendable {
  /// The year.
  public let year: Year
  /// What the tenants pay together for the shared plan: its costs plus the VAT charged on
  /// them that they cannot reclaim.
  public let sharedEUR: Double
  /// What they would pay, each alone, together.
  public let aloneEUR: Double
  /// Shared minus alone: the extra cost of the shared plan that year (negative: a saving).
  public var extraEUR: Double { sharedEUR - aloneEUR }
}

/// The shared plan against the status quo, year by year; the NPV of the extra costs is minus
/// the tenants' summed saving.
public enum StatusQuo {
  /// One row per year of the horizon; empty without tenants.
  public static func rows(_ results: PlanResults) -> [StatusQuoYear] {
    let tenants = results.sharing.tenants
    guard !tenants.isEmpty else { return [] }
    let total = results.costs.totalEUR
    let vat = results.sharing.vatOnChargesEUR
    return results.demand.years.indices.map { y in
      let alone = tenants.reduce(0.0) { $0 + (y < $1.standaloneEUR.count ? $1.standaloneEUR[y] : 0) }
      return StatusQuoYear(
        year: results.demand.years[y], sharedEUR: total[y] + (y < vat.count ? vat[y] : 0), aloneEUR: alone)
    }
  }
}
