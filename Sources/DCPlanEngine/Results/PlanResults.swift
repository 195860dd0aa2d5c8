import DCPlanModel

/// Everything one run of the engine produces for one scenario.
public struct PlanResults: Hashable, Sendable {
  /// The scenario's own section: name, seed, horizon.
  public let info: ScenarioInfo
  /// Demand per workload, site and year.
  public let demand: DemandProjection
  /// Warnings of every stage, in stage order, then year order.
  public let warnings: [PlanWarning]
}

/// Runs every stage of the engine in order; pure: the same scenario gives the same results.
public enum Planner {
  /// Runs the whole plan for `scenario`.
  public static func run(_ scenario: Scenario) -> PlanResults {
    let demand = DemandStage.project(scenario)
    let warnings = PlacementCheck.warnings(scenario, demand)
    return PlanResults(info: scenario.info, demand: demand, warnings: warnings)
  }
}
