import DCPlanModel

/// The book value of an asset left at the horizon's end: straight line over its life from its
/// first year of service, credited as a negative line in the horizon's last year
/// (docs/conventions.md, "Residual value").
///
/// An asset serving from year `s` with a life of `L` years has served `last − s + 1` years of
/// the horizon; `(s + L − 1 − last) / L` of its capex is left, between 0 and 1 (a 25-year module
/// ready in the last year leaves 24/25; one ready after the horizon leaves all that was counted).
struct ResidualValue: Sendable {
  /// The horizon's last year.
  let lastYear: Year

  /// The rule for `years`, or nil when the scenario leaves residual values out (a cash-only view).
  init?(_ costs: CostInputs, years: [Year]) {
    guard costs.residualValue, let last = years.last else { return nil }
    lastYear = last
  }

  /// Whole years of its life left after the horizon for an asset serving from `serviceYear`,
  /// between 0 and `lifeYears`.
  func yearsLeft(serviceYear: Year, lifeYears: Int) -> Int {
    let life = max(1, lifeYears)
    return min(life, max(0, serviceYear.number + life - 1 - lastYear.number))
  }

  /// The share of its capex on the books after the horizon.
  func bookShare(serviceYear: Year, lifeYears: Int) -> Double {
    Double(yearsLeft(serviceYear: serviceYear, lifeYears: lifeYears)) / Double(max(1, lifeYears))
  }
}
