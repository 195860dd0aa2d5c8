import DCPlanModel

/// A module the plan builds: when it must be ordered, when it is ready, what it adds.
public struct Expansion: Hashable, Sendable {
  /// The site's id.
  public let site: String
  /// The module's name.
  public let module: String
  /// The year it must be ordered (ready year − lead time).
  public let orderYear: Year
  /// The first year it runs.
  public let readyYear: Year
  /// What it adds.
  public let capacity: FacilityCapacity
  /// What it costs.
  public let capex: Money
  /// Whether the scenario fixed the year (built or under construction) rather than the plan.
  public let isFixed: Bool
  /// Its place in the site's list of modules.
  let moduleIndex: Int
}

/// Which new module orders a site's plan may place.
enum OrderRule: Sendable {
  /// Any the forecast needs, from the horizon's first year.
  case any
  /// Only from this year on (a review: orders before it are history).
  case from(Year)
  /// None: the site keeps what is committed (a trial realising a forecast plan).
  case none
}

/// The expansion stage's result: the modules built, each site's capacity per year, and the
/// shortfalls no module covers.
public struct ExpansionPlan: Hashable, Sendable {
  /// Modules built, by site in scenario order, then by ready year.
  public let expansions: [Expansion]
  /// Capacity standing per site (scenario order) and year.
  public let capacity: [[FacilityCapacity]]
  /// One warning per site, resource and year short.
  public let warnings: [PlanWarning]
  /// The first year any site is short of space, power or cooling; nil if none is.
  public let firstShortfallYear: Year?
}

/// The expansion stage: builds each site's modules in list order, each ordered early enough
/// for its lead time to be ready in the first year the forecast exceeds what stands.
///
/// Space needs rack positions; power needs the IT power chain to carry peak IT power; cooling
/// needs to remove peak IT power. A module cannot be ordered before the first year of the
/// horizon, so one needed sooner than `first + lead time` comes late; every year a site is
/// short of space, power or cooling gets a warning (`shortfall-space`, `shortfall-power`,
/// `shortfall-cooling`). Modules with a fixed `ready_year` stand from that year, needed or not.
public enum ExpansionStage {
  /// Plans every site's modules.
  public static func plan(_ scenario: Scenario, _ facility: [SiteFacility], years: [Year], warnings wantsWarnings: Bool = true)
    -> ExpansionPlan
  {
    guard !years.isEmpty else {
      return ExpansionPlan(expansions: [], capacity: [], warnings: [], firstShortfallYear: nil)
    }
    var expansions: [Expansion] = []
    var capacities: [[FacilityCapacity]] = []
    capacities.reserveCapacity(scenario.sites.count)
    var warnings: [PlanWarning] = []
    var firstShortfall: Year?
    // By index: a site and its needs are read where they stand, not copied.
    for s in 0..<min(scenario.sites.count, facility.count) {
      let plan = planSite(scenario.sites[s], facility[s], years: years, warnings: wantsWarnings)
      capacities.append(plan.capacity)
      expansions += plan.built
      warnings += plan.warnings
      if let year = plan.firstShortfall, firstShortfall.map({ year < $0 }) ?? true { firstShortfall = year }
    }
    return ExpansionPlan(expansions: expansions, capacity: capacities, warnings: warnings, firstShortfallYear: firstShortfall)
  }

  /// One site's modules: those built (by ready year), the capacity standing per year, the
  /// shortfall warnings (when `warnings` is true) and the first year short.
  public static func planSite(
    _ site: Site, _ needs: SiteFacility, years: [Year], warnings wantsWarnings: Bool
  ) -> (built: [Expansion], capacity: [FacilityCapacity], warnings: [PlanWarning], firstShortfall: Year?) {
    planSite(site, needs, years: years, warnings: wantsWarnings, committed: [], orders: .any)
  }

  /// The same with `committed` modules (ordered already: they stand from their ready years)
  /// and new orders only as `orders` allows (docs/conventions.md, "Planning under uncertainty").
  static func planSite(
    _ site: Site, _ needs: SiteFacility, years: [Year], warnings wantsWarnings: Bool, committed: [Expansion], orders: OrderRule
  ) -> (built: [Expansion], capacity: [FacilityCapacity], warnings: [PlanWarning], firstShortfall: Year?) {
    guard let first = years.first else { return ([], [], [], nil) }
    var warnings: [PlanWarning] = []
    var firstShortfall: Year?
    var built: [Expansion] = []
    for (m, module) in site.modules.enumerated() {
      guard let ready = module.fixedReadyYear else { continue }
      built.append(Expansion(
        site: site.id, module: module.name, orderYear: ready + (-module.leadTimeYears), readyYear: ready,
        capacity: module.capacity, capex: module.capex, isFixed: true, moduleIndex: m))
    }
    built += committed.filter { !$0.isFixed }
    let taken = Set(built.map(\.moduleIndex))
    func isCandidate(_ m: Int) -> Bool { site.modules[m].fixedReadyYear == nil && !taken.contains(m) }
    let earliestOrder: Year?
    switch orders {
    case .any: earliestOrder = first
    case let .from(year): earliestOrder = max(first, year)
    case .none: earliestOrder = nil
    }
    // The modules the plan may build, in list order: those without a fixed year, not committed.
    var nextCandidate = earliestOrder == nil ? site.modules.endIndex : site.modules.indices.first(where: isCandidate) ?? site.modules.endIndex
    // A closed site offers nothing from its decommissioning year on.
    func standing(in year: Year) -> FacilityCapacity {
      guard site.isOperating(in: year) else { return .none }
      var capacity = site.existingCapacity
      for module in built where module.readyYear <= year { capacity = capacity + module.capacity }
      return capacity
    }
    var perYear: [FacilityCapacity] = []
    perYear.reserveCapacity(years.count)
    for (y, year) in years.enumerated() {
      let need = Need(racks: needs.racks[y], peakKW: needs.itPeakKW[y])
      while site.isOperating(in: year), !need.fits(standing(in: year)), nextCandidate < site.modules.endIndex,
        let earliestOrder
      {
        let m = nextCandidate
        let module = site.modules[m]
        nextCandidate = site.modules.indices.dropFirst(m + 1).first(where: isCandidate) ?? site.modules.endIndex
        let ready = max(year, earliestOrder + module.leadTimeYears)
        built.append(
          Expansion(
            site: site.id, module: module.name, orderYear: ready + (-module.leadTimeYears), readyYear: ready,
            capacity: module.capacity, capex: module.capex, isFixed: false, moduleIndex: m))
      }
      let capacity = standing(in: year)
      perYear.append(capacity)
      if !need.fits(capacity) {
        if firstShortfall == nil { firstShortfall = year }
        if wantsWarnings {
          let pending = built.filter { $0.readyYear > year }.min { $0.readyYear < $1.readyYear }
          warnings += need.shortfalls(capacity, site: site.id, year: year, pending: pending)
        }
      }
    }
    built.sort { ($0.readyYear, $0.orderYear) < ($1.readyYear, $1.orderYear) }
    return (built, perYear, warnings, firstShortfall)
  }

  private struct Need {
    let racks: Int
    let peakKW: Double

    /// What is short with `capacity` standing (``Shortfall``, the rule the trials use too).
    func short(_ capacity: FacilityCapacity) -> Shortfall.Facility {
      Shortfall.facility(racks: racks, peakKW: peakKW, capacity: capacity)
    }

    func fits(_ capacity: FacilityCapacity) -> Bool { !short(capacity).any }

    func shortfalls(_ capacity: FacilityCapacity, site: String, year: Year, pending: Expansion?) -> [PlanWarning] {
      let hint = pending.map { module in
        "module '\(module.module)' is ready only in \(module.readyYear) (ordered \(module.orderYear)); "
          + "start it earlier or shorten its lead time"
      } ?? "no module is left to build: add a module to the site or move load elsewhere"
      let short = short(capacity)
      var warnings: [PlanWarning] = []
      if short.space {
        warnings.append(
          PlanWarning(
            code: .shortfallSpace, year: year, subject: site,
            message: "site '\(site)' needs \(racks) racks in \(year) but has \(capacity.racks); \(hint)"))
      }
      if short.power {
        warnings.append(
          PlanWarning(
            code: .shortfallPower, year: year, subject: site,
            message: "site '\(site)' needs \(kw(peakKW)) kW of peak IT power in \(year) but has \(kw(capacity.itPower.kilowatts)) kW; \(hint)"))
      }
      if short.cooling {
        warnings.append(
          PlanWarning(
            code: .shortfallCooling, year: year, subject: site,
            message: "site '\(site)' must cool \(kw(peakKW)) kW of peak IT power in \(year) but can cool \(kw(capacity.cooling.kilowatts)) kW; \(hint)"))
      }
      return warnings
    }

    /// kW with one decimal, for messages.
    private func kw(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }
  }
}
