import DCPlanModel

/// A tenant can only join a shared data centre that has sites; explicit load shares of the
/// shared sites are all given or none, and add up to 100 %.
enum SharedDataCentreRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    let hasSharedSite = scenario.sites.contains { $0.kind == .shared }
    guard !hasSharedSite else { return }
    for (index, tenant) in scenario.tenants.enumerated() {
      guard let year = tenant.joinsSharedDataCentre else { continue }
      report.append(
        .error(file, map.position("tenants[\(index)].joins_shared_dc"),
               "tenant '\(tenant.id)' joins the shared data centre in \(year), but no site has 'kind: shared'; "
                 + "add a shared site or leave 'joins_shared_dc' out"))
    }
  }

  /// The load share of every site: as given (a share or a table by year), or an equal split of
  /// the shared data centre when none is given; reports shares given for some sites only, or
  /// not adding up to 100 % in a year of `horizon`.
  static func resolveLoadShares(
    _ sites: [Site], explicit: [NumberOrTable?], horizon: YearRange, _ map: SourceMap, _ report: inout [Diagnostic], file: String
  ) -> [Site] {
    let shared = sites.indices.filter { sites[$0].kind == .shared }
    guard !shared.isEmpty else { return sites }
    var resolved = sites
    let given = shared.filter { explicit.indices.contains($0) && explicit[$0] != nil }
    if given.isEmpty {
      let equal = Fraction(1 / Double(shared.count)) ?? .one
      for index in shared { resolved[index].loadShare = equal }
      return resolved
    }
    for index in shared where !given.contains(index) {
      report.append(
        .error(file, map.position("sites[\(index)]"),
               "shared site '\(sites[index].id)' has no 'load_share' while other shared sites have one; "
                 + "give every shared site a 'load_share', or none for an equal split"))
    }
    for index in given {
      switch explicit[index] {
      case let .number(value)?: resolved[index].loadShare = Fraction(value) ?? .zero
      case let .table(series)?:
        resolved[index].loadShareTable = series
        resolved[index].loadShare = Fraction(series.value(in: horizon.first)) ?? .zero
      case nil: break
      }
    }
    guard given.count == shared.count, let first = given.first else { return resolved }
    for year in horizon.years {
      let sum = given.reduce(0.0) { $0 + resolved[$1].loadShare(in: year) }
      guard abs(sum - 1) > 1e-9 else { continue }
      let inYear = given.contains { resolved[$0].loadShareTable != nil } ? " in \(year)" : ""
      report.append(
        .error(file, map.position("sites[\(first)].load_share"),
               "the 'load_share' of the shared sites add up to \((sum * 100).formattedPercent) %\(inYear), not 100 %; "
                 + "adjust them so they add up to 100 %" + (inYear.isEmpty ? "" : " in every year (tables are linear between the years given)")))
      break
    }
    return resolved
  }
}

extension Double {
  /// A percentage with up to four decimals and no trailing zeros.
  var formattedPercent: String {
    var text = String(format4: self)
    while text.contains("."), text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

extension String {
  /// `value` with exactly four decimals, without Foundation.
  init(format4 value: Double) {
    let scaled = (value * 10_000).rounded()
    // Beyond what four decimals in an Int64 hold (or not finite): the number as Swift writes it.
    guard scaled.isFinite, abs(scaled) < 9e18 else {
      self = value.isNaN ? "nan" : value.isInfinite ? (value < 0 ? "-inf" : "inf") : "\(value)"
      return
    }
    let sign = scaled < 0 ? "-" : ""
    let magnitude = Int64(abs(scaled))
    let fractional = String(magnitude % 10_000)
    self = sign + String(magnitude / 10_000) + "." + String(repeating: "0", count: 4 - fractional.count) + fractional
  }
}
