import DCPlanModel

/// Units taken out of service before their end of life (a room emptying at a move): their book
/// value is stranded (docs/conventions.md, "Moves").
public struct StrandedUnits: Hashable, Sendable {
  /// The year index they leave service.
  public let retiredIndex: Int
  /// The year index they were bought; 0 or less: the installed base, bought before the plan.
  public let boughtIndex: Int
  /// How many.
  public let units: Int
  /// Years of their life left when they leave.
  public let yearsLeft: Int
}

/// Purchases and retirements of one kind of hardware at one site, per year.
public struct FleetFlow: Hashable, Sendable {
  /// Units bought in the year: growth and replacement of units at end of life.
  public var purchases: [Int]
  /// Of those, units bought to replace units at end of life.
  public var replacements: [Int]
  /// Units taken out of service in the year: end of life, and units no longer needed.
  public var retirements: [Int]
  /// Of the units bought in each year, those still in service after the horizon's last year
  /// (their book value is the residual value; the installed base bought before the plan has
  /// none in the plan).
  public var remaining: [Int] = []
  /// Units in service past their life in the year (kept instead of replaced before a move).
  public var beyondLife: [Int] = []
  /// Units retired before their end of life, when recorded (the plan, not the trials).
  public var stranded: [StrandedUnits] = []
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
    var fleets: [SiteFleet] = []
    self.fleets(scenario, sizing, rules: SizingStage.Rules(scenario), into: &fleets)
    return fleets
  }

  /// The same into `fleets`, whose arrays are rewritten in place where they fit.
  static func fleets(
    _ scenario: Scenario, _ sizing: [SiteSizing], rules: SizingStage.Rules, recordStranded: Bool = false,
    into fleets: inout [SiteFleet]
  ) {
    let empty = FleetFlow(purchases: [], replacements: [], retirements: [])
    if fleets.count != sizing.count || fleets.indices.contains(where: { fleets[$0].site != sizing[$0].site }) {
      fleets = sizing.map { SiteFleet(site: $0.site, servers: empty, storage: empty) }
    }
    for s in sizing.indices {
      let freeze = s < scenario.sites.count ? scenario.sites[s].freezeBeforeMoveYears : 0
      let hardware = rules.at(site: s)
      let serverLife = hardware.server?.lifetimeYears ?? 1
      let storageLife = hardware.storage?.lifetimeYears ?? 1
      flow(need: sizing[s].servers, lifetime: serverLife, freezeYears: freeze, recordStranded: recordStranded,
           into: &fleets[s].servers)
      flow(need: sizing[s].storageUnits, lifetime: storageLife, freezeYears: freeze, recordStranded: recordStranded,
           into: &fleets[s].storage)
    }
  }

  /// The purchases and retirements that keep `need[y]` units in service with a `lifetime`.
  ///
  /// The units in service are kept by the year index they reach end of life (`units[e]`),
  /// which orders them oldest first: the installed base at 1 … L, a purchase in year y at y + L.
  /// In the `freezeYears` years before the need falls to zero for good (a room emptying at a
  /// move), worn units stay in service instead of being replaced; only growth is bought.
  public static func flow(need: [Int], lifetime: Int, freezeYears: Int = 0, recordStranded: Bool = false) -> FleetFlow {
    var result = FleetFlow(purchases: [], replacements: [], retirements: [])
    flow(need: need, lifetime: lifetime, freezeYears: freezeYears, recordStranded: recordStranded, into: &result)
    return result
  }

  /// The same into `result`, its arrays rewritten in place where they fit.
  static func flow(need: [Int], lifetime: Int, freezeYears: Int = 0, recordStranded: Bool = false, into result: inout FleetFlow) {
    let life = max(1, lifetime)
    let count = need.count
    result.purchases.reset(count: count, to: 0)
    result.replacements.reset(count: count, to: 0)
    result.retirements.reset(count: count, to: 0)
    result.remaining.reset(count: count, to: 0)
    result.beyondLife.reset(count: count, to: 0)
    result.stranded.removeAll(keepingCapacity: true)
    guard let initial = need.first else { return }
    let frozen = frozenYears(need, years: freezeYears)
    // A scratch buffer on the stack where it is small (no heap allocation per flow).
    withUnsafeTemporaryAllocation(of: Int.self, capacity: count + life + 1) { units in
      units.initialize(repeating: 0)
      fill(&result, need: need, life: life, initial: initial, frozen: frozen, recordStranded: recordStranded, units: units)
    }
  }

  /// The year indices in which worn units are kept: the `years` before the need falls to
  /// zero for good (empty when it never does within the horizon, or `years` is 0).
  static func frozenYears<Need: RandomAccessCollection<Int>>(_ need: Need, years: Int) -> Range<Int> where Need.Index == Int {
    guard years > 0, let lastNeeded = need.lastIndex(where: { $0 > 0 }), lastNeeded + 1 < need.count else { return 0..<0 }
    let emptied = lastNeeded + 1
    return max(1, emptied - years)..<emptied
  }

  /// The flows of ``flow(need:lifetime:freezeYears:recordStranded:)`` with `units` (zeros,
  /// `need.count + life + 1` long) as the units in service by the year index they reach end of life.
  // swiftlint:disable:next function_parameter_count
  private static func fill(
    _ result: inout FleetFlow, need: [Int], life: Int, initial: Int, frozen: Range<Int>, recordStranded: Bool,
    units: UnsafeMutableBufferPointer<Int>
  ) {
    let count = need.count
    for remaining in 1...life { units[remaining] = initial / life + (remaining <= initial % life ? 1 : 0) }
    var inService = initial
    var oldest = 1  // no units below this end-of-life index
    var kept = 0  // units past their life, kept in frozen years
    for y in 1..<max(1, count) {
      var worn = 0
      while oldest <= y {
        worn += units[oldest]
        units[oldest] = 0
        oldest += 1
      }
      var retired = 0
      if frozen.contains(y) {
        // Kept in service past their life instead of being replaced.
        kept += worn
        worn = 0
      } else {
        worn += kept
        kept = 0
        inService -= worn
        retired = worn
      }
      if inService > need[y] {
        // The oldest leave first: those past their life, then by end of life.
        var excess = inService - need[y]
        retired += excess
        let fromKept = min(excess, kept)
        kept -= fromKept
        excess -= fromKept
        var e = oldest
        while excess > 0, e < units.count {
          let take = min(excess, units[e])
          if take > 0 {
            units[e] -= take
            excess -= take
            if recordStranded {
              result.stranded.append(StrandedUnits(retiredIndex: y, boughtIndex: e - life, units: take, yearsLeft: e - y))
            }
          }
          e += 1
        }
        inService = need[y]
      }
      let bought = need[y] - inService
      if bought > 0 {
        units[y + life] += bought
        inService += bought
      }
      result.purchases[y] = bought
      // A purchase replaces worn units up to their number; the rest is growth.
      result.replacements[y] = min(bought, worn)
      result.retirements[y] = retired
      result.beyondLife[y] = kept
    }
    // Units still in service after the last year, by the year they were bought (index y + life).
    for y in 1..<max(1, count) where y + life >= count && y + life < units.count { result.remaining[y] = units[y + life] }
  }
}
