import DCPlanModel

/// Everything one run of the engine produces for one scenario.
public struct PlanResults: Hashable, Sendable {
  /// The scenario's own section: name, seed, horizon.
  public let info: ScenarioInfo
  /// Demand per workload, site and year.
  public let demand: DemandProjection
  /// Servers, storage units and clusters per site and year.
  public let sizing: [SiteSizing]
  /// Racks, kW and energy per site and year.
  public let facility: [SiteFacility]
  /// Modules built, capacity per site and year, shortfalls.
  public let expansion: ExpansionPlan
  /// Hardware purchases and retirements per site and year.
  public let fleets: [SiteFleet]
  /// Hardware retired before its end of life, with its book value.
  public let stranded: [StrandedHardware]
  /// Each site's energy and CO2 per year (empty without an emission factor).
  public let emissions: [SiteEmissions]
  /// Link loads, single failures and upgrades.
  public let network: NetworkResults
  /// Telephony: locations, gateways, delays.
  public let voice: VoiceResults
  /// What telephony would cost per year on a separate legacy network (EUR).
  public let voiceSeparateEUR: [Double]
  /// Each service's availability per year (empty without a components section).
  public let availability: [ServiceAvailability]
  /// The site outages played through.
  public let siteOutages: [SiteOutageResult]
  /// The cost ledger, yearly totals and NPV.
  public let costs: CostResults
  /// Each tenant's share of the costs, its standalone cost and its saving.
  public let sharing: CostSharing
  /// Whether each tenant's standalone plan meets the availability the shared plan gives it.
  public let likeForLike: [TenantLikeForLike]
  /// Each budget line against the costs it pays for, per year.
  public let budgets: [BudgetResult]
  /// The contracts concluded in the horizon that bind later years' payments.
  public var commitments: [Commitment] = []
  /// Capex spread over asset lives: depreciation and annuities.
  public let capital: CapitalCosts
  /// Whether amounts are nominal or real (money of the first year).
  public let money: MoneyBasis
  /// Warnings of every stage, in stage order, then year order.
  public let warnings: [PlanWarning]
  /// Each office's access line (docs/conventions.md, "Access lines").
  public var accessLines: [AccessLine] = []
  /// The offices per access class and year.
  public var accessLineRows: [AccessLineRow] = []
  /// The VAT rule the plan is costed under (docs/conventions.md, "VAT"); nil: not modelled.
  public var vat: VATRule?
  /// Monte Carlo over the uncertain inputs, when trials were asked for.
  public var montecarlo: MonteCarloResults?

  /// The plan's warnings, then the Monte Carlo's (when trials ran).
  public var allWarnings: [PlanWarning] { warnings + (montecarlo?.warnings ?? []) }

  /// The demand the plan leaves unserved where it is short.
  var unserved: Unserved {
    Unserved(demand: demand, sizing: sizing, facility: facility, capacity: expansion.capacity, links: network.table)
  }

  /// The first year any site is short of space, power or cooling; nil if none is.
  public var firstShortfallYear: Year? { expansion.firstShortfallYear }
  /// What the tenants pay together for the shared plan (NPV, EUR): its costs, plus the VAT a
  /// taxable body charges them that they cannot reclaim (docs/conventions.md, "VAT"). The
  /// figure to set against every tenant alone.
  public var sharedPlanPaidNPV: Double {
    let vat = sharing.vatOnChargesEUR
    guard vat.contains(where: { $0 != 0 }) else { return costs.npvEUR }
    return costs.npvEUR + NPV.value(vat, rate: info.discountRate.value)
  }
  /// Whether a shared site is lost in the horizon (an event `site-loss`; its warning says so).
  public var hasSiteLoss: Bool { warnings.contains { $0.code == .siteLost } }
}

/// Runs every stage of the engine in order; pure: the same scenario gives the same results.
public enum Planner {
  /// Runs the whole plan for `scenario`; with `failureTrials` > 0 the failure simulation runs
  /// that many years per service and year (seeded from the scenario's seed).
  ///
  /// - Parameter threads: worker threads for the cost game; results do not depend on it.
  /// - Parameter failureProgress: given the number of single failures, a counter the network
  ///   stage advances once per failure analysed (a progress bar).
  public static func run(
    _ file: Scenario, failureTrials: Int = 0, threads: Int = 2, failureProgress: (@Sendable (Int) -> WorkProgress?)? = nil
  ) -> PlanResults {
    // The shared plan runs without the sites only tenants' standalone plans use; the cost game
    // sees them all.
    let scenario = file.forSharedPlan()
    let capacity = CapacityPlan(scenario, warnings: true)
    let (demand, years, sizing, facility, expansion, fleets) = (
      capacity.demand, capacity.years, capacity.sizing, capacity.facility, capacity.expansion, capacity.fleets
    )
    var voice = VoiceStage.plan(scenario, years: years)
    let (network, networkWarnings) = NetworkStage.run(
      scenario, demand, voice: &voice, delays: true, cache: nil, foresight: capacity.foresight, progress: failureProgress,
      threads: threads)
    let accessLines = AccessLines.plan(scenario, years: years)
    var accessLineCosts = CostLineList()
    AccessLines.add(scenario, accessLines, years: years, into: &accessLineCosts)
    var premium = CostLineList()
    capacity.foresight?.addPremium(
      scenario, fleets, premium: scenario.uncertainty.planning.emergencyPremium, years: years, into: &premium)
    let costs = CostStage.costs(
      scenario, demand: demand, sizing: sizing, facility: facility, fleets: fleets, expansion: expansion, years: years,
      otherLines: NetworkCosts.lines(scenario, network, years: years) + VoiceCosts.lines(scenario, voice, years: years)
        + MigrationCosts.lines(scenario, demand, years: years) + CostItems.lines(scenario, demand, voice, years: years)
        + premium.lines + accessLineCosts.lines)
    let stranded = StrandedHardwareStage.run(scenario, fleets: fleets, years: years)
    var warnings = MoneyBasisCheck.warnings(scenario)
    warnings += PlacementCheck.warnings(scenario, demand)
    warnings += CatalogueCheck.warnings(scenario, demand)
    warnings += expansion.warnings
    warnings += EnergyEfficiency.warnings(scenario, facility, years: years)
    warnings += StrandedHardwareStage.warnings(stranded, scenario)
    warnings += SiteLossCheck.warnings(
      scenario, expansion: expansion, stranded: stranded, premiumEUR: premium.lines.reduce(0) { $0 + $1.amountEUR }, years: years)
    warnings += networkWarnings
    warnings += VoiceStage.trunkWarnings(scenario, voice, years: years)
    warnings += GatewayFailures.warnings(scenario, voice, years: years)
    warnings += LegacyPBXCheck.warnings(scenario, voice, years: years)
    warnings += AccessLines.warnings(scenario, accessLines, years: years)
    var availability = ServiceAvailabilityStage.run(scenario, demand: demand, sizing: sizing, network: network)
    if failureTrials > 0 {
      ServiceAvailabilityStage.simulate(&availability, trials: failureTrials, seed: scenario.info.seed)
    }
    warnings += ServiceAvailabilityStage.warnings(availability)
    warnings += GeoredundancyCheck.warnings(scenario, demand)
    let (outages, outageWarnings) = SiteOutageStage.run(scenario, demand: demand, sizing: sizing)
    warnings += outageWarnings
    let (sharing, sharingWarnings) = CostSharingStage.run(file, demand: demand, voice: voice, costs: costs, threads: threads)
    warnings += sharingWarnings
    let (likeForLike, likeWarnings) = LikeForLike.compare(file, plan: availability, network: network)
    warnings += likeWarnings
    let commitments = Commitments.plan(
      scenario, sizing: sizing, facility: facility, expansion: expansion, linkUpgrades: network.upgrades, years: years)
    let budgets = BudgetStage.check(scenario, costs, sharing: sharing, commitments: commitments, years: years)
    warnings += BudgetStage.warnings(budgets)
    warnings = Acceptance.apply(scenario.acceptedWarnings, to: warnings)
    var results = PlanResults(
      info: scenario.info, demand: demand, sizing: sizing, facility: facility, expansion: expansion, fleets: fleets,
      stranded: stranded, emissions: EnergyEfficiency.emissions(scenario, facility, years: years),
      network: network, voice: voice, voiceSeparateEUR: VoiceCosts.separateNetwork(scenario, voice, years: years),
      availability: availability, siteOutages: outages,
      costs: costs, sharing: sharing, likeForLike: likeForLike, budgets: budgets, capital: CapitalStage.spread(scenario, costs, years: years),
      money: scenario.costs.money, warnings: warnings)
    results.vat = scenario.costs.vat
    results.accessLines = accessLines
    results.commitments = commitments
    results.accessLineRows = AccessLines.rows(scenario, accessLines, years: years)
    return results
  }
}

/// A warning when there is demand but no hardware to size it with.
enum CatalogueCheck {
  static func warnings(_ scenario: Scenario, _ demand: DemandProjection) -> [PlanWarning] {
    // Only sites that own their hardware need a type (a provider's service brings its own).
    let owned = demand.sites.indices.filter { $0 < scenario.sites.count && !scenario.sites[$0].isProviderService }
    let hasCompute = owned.contains { s in
      demand.sites[s].demand.vcpu.contains { $0 > 0 } || demand.sites[s].demand.ramGiB.contains { $0 > 0 }
    }
    let hasStorage = owned.contains { s in demand.sites[s].demand.storageTiB.contains { $0 > 0 } }
    var warnings: [PlanWarning] = []
    if hasCompute, CatalogueChoice.server(scenario) == nil {
      warnings.append(PlanWarning(
        code: .noServerType, year: nil, subject: nil,
        message: "there is compute demand but no server type in 'hardware.servers'; servers, racks, power and costs are not computed"))
    }
    if hasStorage, CatalogueChoice.storage(scenario) == nil {
      warnings.append(PlanWarning(
        code: .noStorageType, year: nil, subject: nil,
        message: "there is storage demand but no storage type in 'hardware.storage'; storage units and their racks, power and costs are not computed"))
    }
    return warnings
  }
}
