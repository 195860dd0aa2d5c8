import DCPlanModel

/// What the plan had decided before a site loss it could not foresee (docs/conventions.md,
/// "Site loss"): the module builds and link upgrades the same scenario without the loss
/// ordered before the loss year, and the hardware it bought that year.
///
/// From the loss year on the plan orders again, for the load as it now falls on the
/// surviving sites, each order with its lead time: what comes late is short until it stands
/// (the expansion stage's shortfall warnings, the unserved figures). Servers and storage
/// units bought in the loss year beyond the plan-before's purchases that year carry the
/// planning rule's emergency premium.
struct LossForesight: Sendable {
  /// The loss year.
  let year: Year
  /// Per site (scenario order): the plan-before's builds ordered before ``year`` (fixed ones aside).
  let builds: [[Expansion]]
  /// Per link (scenario order): the plan-before's upgrades ordered before ``year``.
  let upgrades: [[LinkUpgrade]]
  /// The plan-before's servers and storage units bought in ``year``, pooled over its sites.
  let serversBought: Int
  let storageBought: Int

  /// The foresight of `scenario`'s plan, nil when no site is lost; `demand` projects a
  /// scenario the way the plan at hand does (the deterministic projection, or a forecast
  /// percentile), here for the scenario without the loss.
  static func of(_ scenario: Scenario, demand: (Scenario) -> DemandProjection) -> LossForesight? {
    guard let year = scenario.siteLossYear else { return nil }
    let before = scenario.withoutSiteLosses()
    let decisions = PlanDecisions(before, forecast: demand(before), rule: PlanningRule(), routes: nil)
    guard let y = decisions.years.firstIndex(of: year) else { return nil }
    return LossForesight(
      year: year,
      builds: decisions.builds.map { $0.filter { $0.orderYear < year } },
      upgrades: decisions.upgrades.map { $0.filter { $0.orderYear < year } },
      serversBought: y < decisions.serverPurchases.count ? decisions.serverPurchases[y] : 0,
      storageBought: y < decisions.storagePurchases.count ? decisions.storagePurchases[y] : 0)
  }

  /// Every site's modules: what was ordered before the loss stands; new orders from the loss year.
  func expansion(_ scenario: Scenario, _ facility: [SiteFacility], years: [Year], warnings wantsWarnings: Bool) -> ExpansionPlan {
    var expansions: [Expansion] = []
    var capacities: [[FacilityCapacity]] = []
    var warnings: [PlanWarning] = []
    var firstShortfall: Year?
    for s in 0..<min(scenario.sites.count, facility.count) {
      let plan = ExpansionStage.planSite(
        scenario.sites[s], facility[s], years: years, warnings: wantsWarnings, committed: s < builds.count ? builds[s] : [],
        orders: .from(year))
      expansions += plan.built
      capacities.append(plan.capacity)
      warnings += plan.warnings
      if let year = plan.firstShortfall, firstShortfall.map({ year < $0 }) ?? true { firstShortfall = year }
    }
    return ExpansionPlan(expansions: expansions, capacity: capacities, warnings: warnings, firstShortfallYear: firstShortfall)
  }

  /// The link upgrades: those ordered before the loss stand; new orders from the loss year.
  func linkPlan(_ network: Network, load: Matrix, n1Load: Matrix, years: [Year], keepSteps: Bool) -> LinkUpgradePlan {
    let committed = network.links.indices.map { $0 < upgrades.count ? upgrades[$0] : [] }
    return LinkUpgradePlan(
      network, load: load, n1Load: n1Load, years: years, keepSteps: keepSteps, committed: committed, orders: .from(year))
  }

  /// The emergency premium lines of the loss year: the units `fleets` buy then beyond the
  /// plan-before's purchases, at `premium` (a fraction of the unit price) on top.
  func addPremium<Sink: CostLineSink>(
    _ scenario: Scenario, _ fleets: [SiteFleet], premium: Double, years: [Year], into sink: inout Sink
  ) {
    addPremium(scenario, fleets, cap: nil, premium: premium, years: years, into: &sink)
  }

  /// The same for a Monte Carlo trial realising the forecast plan's `decisions`: the premium
  /// on the units the forecast plan bought in the loss year beyond the plan-before's (the
  /// trial's own units beyond the forecast plan's carry theirs already: ``EmergencyPurchases``).
  func addPremium<Sink: CostLineSink>(
    _ scenario: Scenario, _ fleets: [SiteFleet], upTo decisions: PlanDecisions, years: [Year], into sink: inout Sink
  ) {
    addPremium(
      scenario, fleets, cap: (decisions.serverPurchases, decisions.storagePurchases), premium: decisions.emergencyPremium,
      years: years, into: &sink)
  }

  private func addPremium<Sink: CostLineSink>(
    _ scenario: Scenario, _ fleets: [SiteFleet], cap: (servers: [Int], storage: [Int])?, premium: Double, years: [Year],
    into sink: inout Sink
  ) {
    guard premium > 0, let y = years.firstIndex(of: year) else { return }
    var servers = CostStage.pooled(fleets, servers: true, years.count)
    var storage = CostStage.pooled(fleets, servers: false, years.count)
    let prices = HardwarePrices.perSite(scenario, sites: Array(scenario.sites.indices.prefix(fleets.count)), fleets: fleets, years: years.count)
    if let cap, y < cap.servers.count, y < cap.storage.count {
      servers[y] = min(servers[y], cap.servers[y])
      storage[y] = min(storage[y], cap.storage[y])
    }
    EmergencyPurchases.addPremium(
      HardwarePrices.meanUnitEUR(prices, fleets, year: y), servers: servers, storage: storage, beyondServers: serversBought, beyondStorage: storageBought, year: y,
      premium: premium, what: "the plan before the site loss", years: years, into: &sink)
  }
}
