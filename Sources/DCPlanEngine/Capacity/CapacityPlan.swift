import DCPlanModel

/// The data-centre stages in order, from demand to the fleets: what the plan, the cost game's
/// reference runs and the Monte Carlo trials all start with.
struct CapacityPlan {
  let demand: DemandProjection
  let sizing: [SiteSizing]
  let facility: [SiteFacility]
  let expansion: ExpansionPlan
  let fleets: [SiteFleet]
  var years: [Year] { demand.years }

  /// Projects, sizes, equips, expands and refreshes; `warnings` asks for the expansion's
  /// shortfall warnings.
  init(_ scenario: Scenario, warnings: Bool) {
    self.init(scenario, demand: DemandStage.project(scenario), warnings: warnings)
  }

  /// The stages after demand, on a given projection (a Monte Carlo trial's).
  init(_ scenario: Scenario, demand: DemandProjection, warnings: Bool) {
    self.demand = demand
    let years = demand.years
    sizing = SizingStage.size(scenario, demand)
    facility = FacilityStage.facility(scenario, sizing, years: years)
    expansion = ExpansionStage.plan(scenario, facility, years: years, warnings: warnings)
    fleets = RefreshStage.fleets(scenario, sizing, years: years)
  }

  /// The yearly capex and opex of its sites plus `otherLines`, without a ledger.
  func yearlyTotals(_ scenario: Scenario, otherLines: [CostLine]) -> (capex: [Double], opex: [Double]) {
    CostStage.yearlyTotals(
      scenario, demand: demand, sizing: sizing, facility: facility, fleets: fleets, expansion: expansion, years: years,
      otherLines: otherLines)
  }

  /// The same with the other costs already summed per year.
  func yearlyTotals(_ scenario: Scenario, other: YearlyCapexOpex) -> (capex: [Double], opex: [Double]) {
    CostStage.yearlyTotals(
      scenario, demand: demand, sizing: sizing, facility: facility, fleets: fleets, expansion: expansion, years: years, other: other)
  }
}
