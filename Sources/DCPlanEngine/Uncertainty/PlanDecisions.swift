import DCPlanModel

/// The orders a forecast plan places, which every Monte Carlo trial realises its own demand
/// against (docs/conventions.md, "Planning under uncertainty").
///
/// Module builds and link upgrades are decided in their order years on the forecast. Without
/// reviews they stand for the whole horizon. With a review every N years, at each review year r
/// the orders not yet placed are planned again on the forecast scaled by what the trial has
/// observed in year r − 1 (its racks, peak kW or link load ÷ the forecast's), ordering nothing
/// before r; the orders of one review stand once the next review comes. A trial is short where
/// its own demand exceeds what the orders make stand.
struct PlanDecisions: Sendable {
  /// The horizon.
  let years: [Year]
  /// Review year indices, ascending (none: the forecast's orders stand).
  let reviews: [Int]
  /// Per site: the forecast plan's builds (the fixed ones aside), its racks and peak IT kW.
  let builds: [[Expansion]]
  let forecastRacks: [[Int]]
  let forecastPeakKW: [[Double]]
  /// Per link: the forecast plan's upgrades; its capacity required per link and year.
  let upgrades: [[LinkUpgrade]]
  let forecastRequired: Matrix
  /// The forecast plan's servers and storage units bought per year, pooled over its sites.
  let serverPurchases: [Int]
  let storagePurchases: [Int]
  /// The premium on units bought beyond those.
  let emergencyPremium: Double
  /// What the forecast plan had ordered before a site loss it could not foresee (nil: none is lost).
  let foresight: LossForesight?

  /// The decisions of the plan on `forecast` (a demand projection of `scenario`), meeting a
  /// site loss as `foresight` says.
  init(_ scenario: Scenario, forecast: DemandProjection, rule: PlanningRule, routes: RouteCache?, foresight: LossForesight? = nil) {
    let plan = CapacityPlan(scenario, demand: forecast, warnings: false, foresight: foresight)
    self.foresight = foresight
    let years = plan.years
    self.years = years
    if let every = rule.reviewEveryYears, every > 0 {
      reviews = Array(stride(from: every, to: years.count, by: every))
    } else {
      reviews = []
    }
    builds = scenario.sites.map { site in plan.expansion.expansions.filter { $0.site == site.id && !$0.isFixed } }
    forecastRacks = plan.facility.map(\.racks)
    forecastPeakKW = plan.facility.map(\.itPeakKW)
    var voice = VoiceStage.plan(scenario, years: years, cache: routes, lean: true)
    let (network, _) = NetworkStage.run(
      scenario, plan.demand, voice: &voice, delays: false, cache: routes, lean: true, foresight: foresight)
    let links = scenario.network.links
    upgrades = links.map { link in network.upgrades.filter { $0.link == link.id } }
    var required = Matrix(rows: links.count, columns: years.count)
    if network.table.loadMbps.rows == links.count {
      for l in links.indices {
        for y in years.indices {
          required[l, y] = Self.required(
            scenario.network, load: network.table.loadMbps[l, y], n1Load: network.table.n1LoadMbps[l, y])
        }
      }
    }
    forecastRequired = required
    serverPurchases = CostStage.pooled(plan.fleets, servers: true, years.count)
    storagePurchases = CostStage.pooled(plan.fleets, servers: false, years.count)
    emergencyPremium = rule.emergencyPremium
  }

  /// The capacity a link needs for `load` and `n1Load` ("Link upgrades").
  static func required(_ network: Network, load: Double, n1Load: Double) -> Double {
    max(load / network.targetUtilisation.value, n1Load / network.failureUtilisation.value)
  }

  /// The scale of a trial's observation against the forecast's: observed ÷ forecast, 1 when
  /// the forecast has nothing (and the observation is then taken as it is).
  private static func ratio(_ observed: Double, _ forecast: Double) -> Double {
    forecast > 0 ? observed / forecast : 1
  }

  // MARK: Modules

  /// Every site's modules as the trial realises them against its own `facility`.
  func expansion(_ scenario: Scenario, _ facility: [SiteFacility], warnings wantsWarnings: Bool) -> ExpansionPlan {
    var expansions: [Expansion] = []
    var capacities: [[FacilityCapacity]] = []
    var warnings: [PlanWarning] = []
    var firstShortfall: Year?
    for s in 0..<min(scenario.sites.count, facility.count, builds.count) {
      let site = scenario.sites[s]
      var committed = reviews.isEmpty ? builds[s] : builds[s].filter { $0.orderYear < years[reviews[0]] }
      for (k, r) in reviews.enumerated() {
        let projected = projectedNeeds(s, facility[s], review: r)
        let revised = ExpansionStage.planSite(
          site, projected, years: years, warnings: false, committed: committed, orders: .from(years[r]))
        let nextReview = k + 1 < reviews.count ? years[reviews[k + 1]] : nil
        committed = revised.built.filter { !$0.isFixed && nextReview.map($0.orderYear.lessThan) ?? true }
      }
      let realised = ExpansionStage.planSite(
        site, facility[s], years: years, warnings: wantsWarnings, committed: committed, orders: .none)
      expansions += realised.built
      capacities.append(realised.capacity)
      warnings += realised.warnings
      if let year = realised.firstShortfall, firstShortfall.map({ year < $0 }) ?? true { firstShortfall = year }
    }
    return ExpansionPlan(expansions: expansions, capacity: capacities, warnings: warnings, firstShortfallYear: firstShortfall)
  }

  /// Site `s`'s needs as seen at review year index `r`: observed before it, the forecast
  /// scaled by the observation of year r − 1 from it on.
  private func projectedNeeds(_ s: Int, _ observed: SiteFacility, review r: Int) -> SiteFacility {
    var projected = observed
    let racksRatio = Self.ratio(Double(observed.racks[r - 1]), Double(forecastRacks[s][r - 1]))
    let kwRatio = Self.ratio(observed.itPeakKW[r - 1], forecastPeakKW[s][r - 1])
    for y in r..<years.count {
      let racks = forecastRacks[s][y] > 0 ? Double(forecastRacks[s][y]) * racksRatio : Double(observed.racks[r - 1])
      projected.racks[y] = Int(max(0, (racks - 1e-9).rounded(.up)))
      projected.itPeakKW[y] = forecastPeakKW[s][y] > 0 ? forecastPeakKW[s][y] * kwRatio : observed.itPeakKW[r - 1]
    }
    return projected
  }

  // MARK: Links

  /// The link upgrades as the trial realises them against its own loads.
  func linkPlan(_ network: Network, load: Matrix, n1Load: Matrix, keepSteps: Bool) -> LinkUpgradePlan {
    let linkCount = network.links.count
    var committed = (0..<linkCount).map { l in
      l < upgrades.count ? (reviews.isEmpty ? upgrades[l] : upgrades[l].filter { $0.orderYear < years[reviews[0]] }) : []
    }
    for (k, r) in reviews.enumerated() {
      // Each link's required capacity as seen at the review, as a load at the target utilisation.
      var projected = Matrix(rows: linkCount, columns: years.count)
      let zero = Matrix(rows: linkCount, columns: years.count)
      for l in 0..<linkCount {
        let observed = Self.required(network, load: load[l, r - 1], n1Load: n1Load[l, r - 1])
        let scale = Self.ratio(observed, forecastRequired[l, r - 1])
        for y in 0..<years.count {
          let need = y < r ? Self.required(network, load: load[l, y], n1Load: n1Load[l, y])
            : forecastRequired[l, y] > 0 ? forecastRequired[l, y] * scale : observed
          projected[l, y] = need * network.targetUtilisation.value
        }
      }
      let revised = LinkUpgradePlan(
        network, load: projected, n1Load: zero, years: years, keepSteps: false, committed: committed, orders: .from(years[r]))
      let nextReview = k + 1 < reviews.count ? years[reviews[k + 1]] : nil
      committed = (0..<linkCount).map { l in
        revised.upgrades.filter { $0.link == network.links[l].id && (nextReview.map($0.orderYear.lessThan) ?? true) }
      }
    }
    return LinkUpgradePlan(network, load: load, n1Load: n1Load, years: years, keepSteps: keepSteps, committed: committed, orders: .none)
  }
}

extension Year {
  /// Whether the year comes before `other` (for filters).
  func lessThan(_ other: Year) -> Bool { self < other }
}
