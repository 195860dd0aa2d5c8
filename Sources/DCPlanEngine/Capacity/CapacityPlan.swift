import DCPlanModel

/// The data-centre stages in order, from demand to the fleets: what the plan, the cost game's
/// reference runs and the Monte Carlo trials all start with.
struct CapacityPlan {
  /// The demand the stages ran on (a Monte Carlo worker rewrites it in place, then replans).
  var demand: DemandProjection
  private(set) var sizing: [SiteSizing] = []
  private(set) var facility: [SiteFacility] = []
  private(set) var expansion: ExpansionPlan
  private(set) var fleets: [SiteFleet] = []
  /// The forecast plan's orders a Monte Carlo trial realises its demand against; nil: the
  /// plan orders for its own demand (docs/conventions.md, "Planning under uncertainty").
  let decisions: PlanDecisions?
  /// What the plan had ordered before a site loss it could not foresee; nil: no site is lost,
  /// or the plan is a trial realising ``decisions`` (docs/conventions.md, "Site loss").
  let foresight: LossForesight?
  var years: [Year] { demand.years }

  /// Projects, sizes, equips, expands and refreshes; `warnings` asks for the expansion's
  /// shortfall warnings. A site loss is met as it comes (``LossForesight``).
  init(_ scenario: Scenario, warnings: Bool) {
    self.init(
      scenario, demand: DemandStage.project(scenario), warnings: warnings,
      foresight: LossForesight.of(scenario) { DemandStage.project($0) })
  }

  /// The stages after demand, on a given projection (a Monte Carlo trial's).
  init(
    _ scenario: Scenario, demand: DemandProjection, warnings: Bool, decisions: PlanDecisions? = nil, foresight: LossForesight? = nil
  ) {
    self.demand = demand
    self.decisions = decisions
    self.foresight = foresight
    expansion = ExpansionPlan(expansions: [], capacity: [], warnings: [], firstShortfallYear: nil)
    replan(scenario, warnings: warnings)
  }

  /// The stages again on the plan's ``demand`` (a Monte Carlo trial's, written in place),
  /// rewriting this plan's arrays in place: a worker that keeps its plan from trial to trial
  /// allocates no stage arrays.
  mutating func replan(_ scenario: Scenario, warnings: Bool) {
    let years = demand.years
    let rules = SizingStage.Rules(scenario)
    SizingStage.size(scenario, demand, rules: rules, into: &sizing)
    FacilityStage.facility(scenario, sizing, years: years, rules: rules, into: &facility)
    expansion = decisions?.expansion(scenario, facility, warnings: warnings)
      ?? foresight?.expansion(scenario, facility, years: years, warnings: warnings)
      ?? ExpansionStage.plan(scenario, facility, years: years, warnings: warnings)
    RefreshStage.fleets(scenario, sizing, rules: rules, recordStranded: warnings, into: &fleets)
  }

  /// The yearly capex, opex and residual value of its sites plus `otherLines`, without a ledger.
  func yearlyTotals(_ scenario: Scenario, otherLines: [CostLine]) -> YearlyCosts {
    CostStage.yearlyTotals(
      scenario, demand: demand, sizing: sizing, facility: facility, fleets: fleets, expansion: expansion, years: years,
      otherLines: otherLines)
  }

  /// The same with the other costs already summed per year.
  func yearlyTotals(_ scenario: Scenario, other: YearlyCapexOpex) -> YearlyCosts {
    CostStage.yearlyTotals(
      scenario, demand: demand, sizing: sizing, facility: facility, fleets: fleets, expansion: expansion, years: years, other: other)
  }
}
