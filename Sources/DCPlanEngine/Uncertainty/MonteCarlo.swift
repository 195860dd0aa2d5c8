import DCPlanModel

/// What one trial of the plan gives: the summary figures, yearly figures and the first
/// shortfall year of each resource.
public struct TrialOutcome: Hashable, Sendable {
  /// NPV, total capex, total opex, TCO (capex + opex less the residual value) and the
  /// residual value, EUR.
  public let npvEUR: Double
  public let capexEUR: Double
  public let opexEUR: Double
  public let tcoEUR: Double
  public let residualValueEUR: Double
  /// Demand left unserved where the trial is short: vCPU-years, TiB-years and busy-hour
  /// Mbit/s-years above links' capacity (docs/conventions.md, "Planning under uncertainty").
  public let unservedVCPUYears: Double
  public let unservedTiBYears: Double
  public let linkOverloadMbpsYears: Double
  /// The first year any site is short of space, power or cooling.
  public let firstShortfallYear: Year?
  /// Per ``YearlyFigure`` (total cost in EUR, servers, racks, IT kW, energy MWh) and year,
  /// figure-major: `yearly[f · years + y]`.
  public let yearly: [Double]
  /// The first year each resource is short (keys from ``MonteCarlo/resourceKeys(_:)``), nil if never.
  public let shortfalls: [Year?]
}

/// The yearly figures a trial records, in ``TrialOutcome/yearly`` order.
public enum YearlyFigure: String, CaseIterable, Sendable {
  case totalEUR = "total_eur"
  case servers
  case racks
  case itKW = "it_kw"
  case energyMWh = "energy_mwh"
}

/// Monte Carlo over the scenario's uncertain inputs (docs/conventions.md, "Uncertainty"):
/// every trial runs the plan's stages (demand to network and costs) on the scenario with
/// that trial's draws.
public enum MonteCarlo {
  /// The resources whose first shortfall year a trial records, in order.
  public static func resourceKeys(_ file: Scenario) -> [ShortfallResource] {
    let scenario = file.forSharedPlan()
    return scenario.sites.flatMap { site in [ShortfallKind.space, .power, .cooling].map { ShortfallResource(kind: $0, subject: site.id) } }
      + scenario.network.links.map { ShortfallResource(kind: .link, subject: $0.id) }
      + (scenario.voice?.gateways ?? []).filter { $0.trunks != nil }.map { ShortfallResource(kind: .trunks, subject: $0.id) }
  }

  /// One trial with perfect foresight: the stages that give costs, capacity and shortfalls
  /// (no availability, site outages or cost sharing), ordering for the scenario's own demand.
  public static func trial(_ scenario: Scenario) -> TrialOutcome {
    trial(scenario, decisions: nil, routes: nil)
  }

  /// A trial realising `scenario`'s demand against a forecast plan's `decisions` (nil: it
  /// orders for its own demand), keeping the network's routes in `routes` for the next trial
  /// on the same topology.
  static func trial(_ file: Scenario, decisions: PlanDecisions?, routes: RouteCache?) -> TrialOutcome {
    let scenario = file.forSharedPlan()
    return trial(
      scenario, plan: CapacityPlan(scenario, demand: DemandStage.project(scenario), warnings: false, decisions: decisions),
      routes: routes)
  }

  /// A trial from its capacity plan (whose demand may come from ``TrialDemand``; its
  /// decisions, if any, are the forecast plan's).
  static func trial(_ scenario: Scenario, plan: CapacityPlan, routes: RouteCache?) -> TrialOutcome {
    let (years, sizing, facility, expansion) = (plan.years, plan.sizing, plan.facility, plan.expansion)
    var voice = VoiceStage.plan(scenario, years: years, cache: routes, lean: true)
    let (network, _) = NetworkStage.run(
      scenario, plan.demand, voice: &voice, delays: false, cache: routes, lean: true, decisions: plan.decisions)
    var other = YearlyCapexOpex(years: years)
    NetworkCosts.add(scenario, network, years: years, into: &other)
    AccessLines.add(scenario, AccessLines.plan(scenario, years: years), years: years, into: &other)
    VoiceCosts.add(scenario, voice, years: years, into: &other)
    MigrationCosts.add(scenario, plan.demand, years: years, into: &other)
    CostItems.add(scenario, plan.demand, voice, years: years, into: &other)
    if let decisions = plan.decisions, decisions.emergencyPremium > 0 {
      EmergencyPurchases.add(scenario, plan.fleets, decisions, years: years, into: &other)
      decisions.foresight?.addPremium(scenario, plan.fleets, upTo: decisions, years: years, into: &other)
    }
    let sums = plan.yearlyTotals(scenario, other: other)
    let (capex, opex) = (sums.capex, sums.opex)
    let totalByYear = sums.total
    let count = years.count
    var yearly = [Double](repeating: 0, count: YearlyFigure.allCases.count * count)
    for y in years.indices {
      yearly[y] = totalByYear[y]
      for site in sizing.indices {
        yearly[count + y] += Double(sizing[site].servers[y])
        yearly[2 * count + y] += Double(facility[site].racks[y])
        yearly[3 * count + y] += facility[site].itKW[y]
        yearly[4 * count + y] += facility[site].energyMWh[y]
      }
    }
    let shortfalls = Shortfall.firstYears(
      scenario, facility: facility, capacity: expansion.capacity, links: network.table, voice: voice.table, years: years)
    let total = totalByYear.reduce(0, +)
    let unserved = Unserved(demand: plan.demand, sizing: sizing, facility: facility, capacity: expansion.capacity, links: network.table)
    return TrialOutcome(
      npvEUR: NPV.value(totalByYear, rate: scenario.info.discountRate.value), capexEUR: capex.reduce(0, +),
      opexEUR: opex.reduce(0, +), tcoEUR: total, residualValueEUR: -sums.residual.reduce(0, +),
      unservedVCPUYears: unserved.vcpuYears, unservedTiBYears: unserved.tibYears, linkOverloadMbpsYears: unserved.linkMbpsYears,
      firstShortfallYear: expansion.firstShortfallYear, yearly: yearly, shortfalls: shortfalls)
  }

  /// Runs `trials` trials on `threads` workers; trial t's draws come from its own stream, so
  /// the outcomes (in trial order) do not depend on the number of threads. Demand is
  /// projected by ``TrialDemand`` (batched over workloads, the workload draws put in
  /// directly); the other draws go into a copy of the scenario for the later stages.
  ///
  /// - Parameter firstTrial: the number of the first trial (a shard runs trials
  ///   `firstTrial ..< firstTrial + trials` of a larger run, with the same draws).
  /// - Returns: per trial each input's draw (an input drawn per element: the mean of its
  ///   elements' draws), the outcomes, and the sampler.
  public static func run(
    _ file: Scenario, trials: Int, seed: UInt64, threads: Int = 2, progress: WorkProgress? = nil, firstTrial: Int = 0
  ) -> (draws: [[Double]], outcomes: [TrialOutcome], sampler: Sampler) {
    let run = runWithDecisions(file, trials: trials, seed: seed, threads: threads, progress: progress, firstTrial: firstTrial)
    return (run.draws, run.outcomes, run.sampler)
  }

  /// ``run(_:trials:seed:threads:progress:firstTrial:)`` with the forecast plan's decisions the
  /// trials realised their demand against (nil with perfect foresight).
  static func runWithDecisions(
    _ file: Scenario, trials: Int, seed: UInt64, threads: Int = 2, progress: WorkProgress? = nil, firstTrial: Int = 0
  ) -> (draws: [[Double]], outcomes: [TrialOutcome], sampler: Sampler, decisions: PlanDecisions?) {
    let runner = TrialRunner(file, seed: seed, threads: threads)
    let (draws, outcomes) = runner.run(firstTrial..<(firstTrial + max(0, trials)), threads: threads, progress: progress)
    return (draws, outcomes, runner.sampler, runner.decisions)
  }

  /// The forecast plan's orders the trials realise their demand against (nil with perfect
  /// foresight): planned on the scenario's own demand, or on a percentile of the trials' demand
  /// (docs/conventions.md, "Planning under uncertainty").
  static func planningDecisions(_ scenario: Scenario, sampler: Sampler, demand: TrialDemand, threads: Int) -> PlanDecisions? {
    let rule = scenario.uncertainty.planning
    guard !rule.perfectForesight else { return nil }
    switch rule.forecast {
    case .deterministic:
      return PlanDecisions(
        scenario, forecast: DemandStage.project(scenario), rule: rule, routes: nil,
        foresight: LossForesight.of(scenario) { DemandStage.project($0) })
    case let .percentile(p):
      func forecast(_ scenario: Scenario, sampler: Sampler, demand: TrialDemand) -> DemandProjection {
        ForecastDemand.percentile(
          scenario, sampler: sampler, demand: demand, quantile: p, trials: ForecastDemand.trials, threads: threads)
      }
      // Before a site loss the plan forecast the scenario without it, with the same draws.
      let foresight = LossForesight.of(scenario) { before in
        let sampler = Sampler(before, seed: sampler.seed)
        return forecast(before, sampler: sampler, demand: TrialDemand(before, sampler: sampler))
      }
      return PlanDecisions(
        scenario, forecast: forecast(scenario, sampler: sampler, demand: demand), rule: rule, routes: nil, foresight: foresight)
    }
  }

  /// The decisions of ``planningDecisions(_:sampler:demand:threads:)`` for `file` and `seed`.
  static func planningDecisions(_ file: Scenario, seed: UInt64, threads: Int = 2) -> PlanDecisions? {
    let scenario = file.forSharedPlan()
    let sampler = Sampler(scenario, seed: seed)
    return planningDecisions(scenario, sampler: sampler, demand: TrialDemand(scenario, sampler: sampler), threads: threads)
  }
}
