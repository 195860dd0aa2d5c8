import DCPlanModel

/// Purchases and retirements of one kind of hardware at one site, per year.
public struct FleetFlow: Hashable, Sendable {
  /// Units bought in the year: growth and replacement of units at end of life.
  public var purchases: [Int]
  /// Of those, units bought to replace units at end of life.
  public var replacements: [Int]
  /// Units taken out of service in the year: end of life, and units no longer needed.
  public var retirements: [Int]
}

/// One site's hardware flows.
public struct SiteFleet: Hashable, Sendable {
  /// The site's id.
  public let site: String
  /// Servers bought and retired.
  public var servers: FleetFlow
  /// Storage units bought and retired.
  public var storage: FleetFlow
}

/// The refresh stage: hardware bought in year b serves `lifetime` years (b … b + L − 1) and is
/// replaced in year b + L if still needed; purchases are growth plus replacement.
///
/// The units standing in the first year are the installed base, bought before the plan: their
/// purchase is no plan cost, and their remaining lives are spread evenly over 1 … L years (the
/// extra units of an uneven split go to the oldest), so about a 1/L share of the base reaches
/// end of life each year. When fewer units are needed, the oldest leave first and are not
/// replaced (docs/conventions.md, "Refresh").
public enum RefreshStage {
  /// The flows of every site.
  public static func fleets(_ scenario: Scenario, _ sizing: [SiteSizing], years: [Year]) -> [SiteFleet] {
    let serverLife = CatalogueChoice.server(scenario)?.lifetimeYears ?? 1
    let storageLife = CatalogueChoice.storage(scenario)?.lifetimeYears ?? 1
    return sizing.map { sized in
      SiteFleet(
        site: sized.site, servers: flow(need: sized.servers, lifetime: serverLife),
        storage: flow(need: sized.storageUnits, lifetime: storageLife))
    }
  }

  /// The purchases and retirements that keep `need[y]` units in service with a `lifetime`.
  public static func flow(need: [Int], lifetime: Int) -> FleetFlow {
    let life = max(1, lifetime)
    var result = FleetFlow(
      purchases: Array(repeating: 0, count: need.count), replacements: Array(repeating: 0, count: need.count),
      retirements: Array(repeating: 0, count: need.count))
    guard let initial = need.first else { return result }
    // Cohorts as (index of the year they reach end of life, units), oldest first.
    var cohorts: [(endOfLife: Int, units: Int)] = (1...life).map { remaining in
      (remaining, initial / life + (remaining <= initial % life ? 1 : 0))
    }.filter { $0.1 > 0 }
    for y in 1..<max(1, need.count) {
      var worn = 0
      while let oldest = cohorts.first, oldest.endOfLife <= y {
        worn += oldest.units
        cohorts.removeFirst()
      }
      var inService = cohorts.reduce(0) { $0 + $1.units }
      var retired = worn
      if inService > need[y] {
        var excess = inService - need[y]
        retired += excess
        while excess > 0, !cohorts.isEmpty {
          let take = min(excess, cohorts[0].units)
          cohorts[0].units -= take
          excess -= take
          if cohorts[0].units == 0 { cohorts.removeFirst() }
        }
        inService = need[y]
      }
      let bought = need[y] - inService
      if bought > 0 { cohorts.append((y + life, bought)) }
      result.purchases[y] = bought
      // A purchase replaces worn units up to their number; the rest is growth.
      result.replacements[y] = min(bought, worn)
      result.retirements[y] = retired
    }
    return result
  }
}
