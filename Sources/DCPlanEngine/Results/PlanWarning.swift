import DCPlanModel

/// Something in the plan a planner must look at: not an input error, but a result that
/// does not hold up (demand without a site, a closed site still carrying load, a shortfall).
public struct PlanWarning: Hashable, Sendable {
  /// A stable kebab-case code scripts can filter on (docs/results-format.md lists them).
  public let code: String
  /// The year it concerns, if one.
  public let year: Year?
  /// The site, link, tenant or workload it concerns, if one.
  public let subject: String?
  /// One sentence for the planner, with the figures that caused it.
  public let message: String

  /// A warning from its parts.
  public init(code: String, year: Year?, subject: String?, message: String) {
    self.code = code
    self.year = year
    self.subject = subject
    self.message = message
  }
}
