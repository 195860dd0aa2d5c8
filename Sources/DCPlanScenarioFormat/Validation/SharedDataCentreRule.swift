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

  /// The load share of every site: as given, or an equal split of the shared data centre
  /// when none is given; reports shares given for some sites only, or not adding up to 100 %.
  static func resolveLoadShares(
    _ sites: [Site], explicit: [Fraction?], _ map: SourceMap, _ report: inout [Diagnostic], file: String
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
    var sum = 0.0
    for index in given {
      let share = explicit[index] ?? .zero
      resolved[index].loadShare = share
      sum += share.value
    }
    if given.count == shared.count, abs(sum - 1) > 1e-9, let first = given.first {
      report.append(
        .error(file, map.position("sites[\(first)].load_share"),
               "the 'load_share' of the shared sites add up to \((sum * 100).formattedPercent) %, not 100 %; "
                 + "adjust them so they add up to 100 %"))
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
    let sign = scaled < 0 ? "-" : ""
    let magnitude = Int64(abs(scaled))
    let fractional = String(magnitude % 10_000)
    self = sign + String(magnitude / 10_000) + "." + String(repeating: "0", count: 4 - fractional.count) + fractional
  }
}
