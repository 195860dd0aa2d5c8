import DCPlanModel

/// One budget line against the ledger's costs in its categories, per year (EUR, in the
/// ledger's money).
public struct BudgetResult: Hashable, Sendable {
  /// The budget line's id.
  public let id: String
  /// The years, in order.
  public let years: [Year]
  /// The categories it pays for; empty: all.
  public let categories: [CostCategory]
  /// The budget per year.
  public let budgetEUR: [Double]
  /// The ledger's costs in its categories per year.
  public let spentEUR: [Double]
  /// Budget minus costs: headroom when positive, overrun when negative.
  public var headroomEUR: [Double] { zip(budgetEUR, spentEUR).map(-) }
}

/// The budget check: each budget line's amount per year against the sum of the ledger
/// lines in its categories (docs/conventions.md, "Budget lines").
public enum BudgetStage {
  /// Every budget line of the scenario, year by year.
  public static func check(_ scenario: Scenario, _ costs: CostResults, years: [Year]) -> [BudgetResult] {
    guard let first = years.first else { return [] }
    return scenario.costs.budgets.map { line in
      let categories = line.categories.compactMap(CostCategory.init(rawValue:))
      var spent = [Double](repeating: 0, count: years.count)
      // A budget pays cash: the residual value credited at the end is not in it.
      for cost in costs.lines where !cost.category.isResidual && (categories.isEmpty || categories.contains(cost.category)) {
        spent[cost.year - first] += cost.amountEUR
      }
      let budget = years.map { year in
        line.amountEUR.value(in: year) * scenario.costs.money.factor(afterYears: year - first)
      }
      return BudgetResult(id: line.id, years: years, categories: categories, budgetEUR: budget, spentEUR: spent)
    }
  }

  /// One warning per budget line and year over budget.
  public static func warnings(_ results: [BudgetResult]) -> [PlanWarning] {
    results.flatMap { result in
      result.headroomEUR.indices.compactMap { y -> PlanWarning? in
        let headroom = result.headroomEUR[y]
        guard headroom < -0.005 else { return nil }
        return PlanWarning(
          code: .budgetOverrun, year: result.years[y], subject: result.id,
          message: "budget line '\(result.id)' is overrun by \(NumberText.fixed(-headroom, decimals: 2)) EUR in "
            + "\(result.years[y]) (costs \(NumberText.fixed(result.spentEUR[y], decimals: 2)) EUR, budget "
            + "\(NumberText.fixed(result.budgetEUR[y], decimals: 2)) EUR); raise the budget or defer spending")
      }
    }
  }
}
