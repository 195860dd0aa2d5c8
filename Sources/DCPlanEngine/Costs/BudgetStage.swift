import DCPlanModel

/// One budget line against what its body pays in its categories, per year (EUR, in the
/// ledger's money; docs/conventions.md, "Budget lines").
public struct BudgetResult: Hashable, Sendable {
  /// The budget line's id.
  public let id: String
  /// Whose budget: nil, the shared plan's body; else a tenant's id.
  public let body: String?
  /// The years, in order.
  public let years: [Year]
  /// The budget period of each year: the year itself, or both years of a double budget.
  public let periods: [ClosedRange<Year>]
  /// The categories it pays for; empty: all.
  public let categories: [CostCategory]
  /// The budget per year.
  public let budgetEUR: [Double]
  /// Money left unspent from the year before that is still available (within a double
  /// budget, or with `carry_over`).
  public let carriedInEUR: [Double]
  /// What its body pays in its categories per year.
  public let spentEUR: [Double]
  /// Commitments concluded in each year for payments in later years in its categories
  /// (the commitment appropriation the year needs); zeros for a tenant's budget.
  public let commitmentsEUR: [Double]
  /// The commitment appropriation granted per year; nil when the line gives none.
  public let commitmentAppropriationEUR: [Double]?
  /// The budget plus the money carried in.
  public var availableEUR: [Double] { zip(budgetEUR, carriedInEUR).map(+) }
  /// Available minus spent: headroom when positive, overrun when negative.
  public var headroomEUR: [Double] { zip(availableEUR, spentEUR).map(-) }
}

/// The budget check: each budget line's amount per year, with what earlier years of its
/// period (or of the horizon, with `carry_over`) left unspent, against what its body pays in
/// its categories; and the commitments each year concludes against its commitment
/// appropriation (docs/conventions.md, "Budget lines").
public enum BudgetStage {
  /// Every budget line of the scenario, year by year. `sharing` gives a tenant's charges;
  /// `commitments` the plan's contracts binding later years.
  public static func check(
    _ scenario: Scenario, _ costs: CostResults, sharing: CostSharing, commitments: [Commitment], years: [Year]
  ) -> [BudgetResult] {
    guard let first = years.first else { return [] }
    let money = scenario.costs.money
    return scenario.costs.budgets.map { line in
      let categories = line.categories.compactMap(CostCategory.init(rawValue:))
      func counts(_ category: CostCategory) -> Bool { categories.isEmpty || categories.contains(category) }
      var spent = [Double](repeating: 0, count: years.count)
      var committed = spent
      if let body = line.body {
        // A tenant's budget pays its charges under the sharing method (with the VAT it
        // cannot reclaim), whatever their category, in cash: without the residual credit.
        if let tenant = sharing.tenants.first(where: { $0.tenant == body }) {
          let cash = tenant.cashEUR
          for y in spent.indices where y < cash.count { spent[y] = cash[y] }
        }
      } else {
        // A budget pays cash: the residual value credited at the end is not in it.
        for cost in costs.lines where !cost.category.isResidual && counts(cost.category) {
          spent[cost.year - first] += cost.amountEUR
        }
        for commitment in commitments where counts(commitment.category) {
          committed[commitment.year - first] += commitment.amountEUR
        }
      }
      func inLedgerMoney(_ value: YearValue) -> [Double] {
        years.map { value.value(in: $0) * money.factor(afterYears: $0 - first) }
      }
      let budget = inLedgerMoney(line.amountEUR)
      let periods = years.map { period(of: $0, doubleBudgetFirstYears: line.doubleBudgetFirstYears) }
      var carried = [Double](repeating: 0, count: years.count)
      for y in years.indices.dropFirst() where line.carryOver || periods[y] == periods[y - 1] {
        carried[y] = max(0, budget[y - 1] + carried[y - 1] - spent[y - 1])
      }
      return BudgetResult(
        id: line.id, body: line.body, years: years, periods: periods, categories: categories, budgetEUR: budget,
        carriedInEUR: carried, spentEUR: spent, commitmentsEUR: committed,
        commitmentAppropriationEUR: line.commitmentAppropriationEUR.map(inLedgerMoney))
    }
  }

  /// The budget period `year` falls in: a double budget's two years, or the year alone.
  static func period(of year: Year, doubleBudgetFirstYears: [Year]) -> ClosedRange<Year> {
    if doubleBudgetFirstYears.contains(year) { return year...Year(year.number + 1) }
    let before = Year(year.number - 1)
    if doubleBudgetFirstYears.contains(before) { return before...year }
    return year...year
  }

  /// One warning per budget line and year over budget, and per year whose commitments exceed
  /// the commitment appropriation given.
  public static func warnings(_ results: [BudgetResult]) -> [PlanWarning] {
    results.flatMap { result in
      let whose = result.body.map { " (\($0)'s charges)" } ?? ""
      let overruns = result.headroomEUR.indices.compactMap { y -> PlanWarning? in
        let headroom = result.headroomEUR[y]
        guard headroom < -0.005 else { return nil }
        let carried = result.carriedInEUR[y] > 0.005
          ? " + \(NumberText.euros(result.carriedInEUR[y])) EUR carried in" : ""
        return PlanWarning(
          code: .budgetOverrun, year: result.years[y], subject: result.id,
          message: "budget line '\(result.id)'\(whose) is overrun by \(NumberText.euros(-headroom)) EUR in "
            + "\(result.years[y]) (costs \(NumberText.euros(result.spentEUR[y])) EUR, budget "
            + "\(NumberText.euros(result.budgetEUR[y])) EUR\(carried)); raise the budget or defer spending")
      }
      guard let granted = result.commitmentAppropriationEUR else { return overruns }
      let short = result.commitmentsEUR.indices.compactMap { y -> PlanWarning? in
        let missing = result.commitmentsEUR[y] - granted[y]
        guard missing > 0.005 else { return nil }
        return PlanWarning(
          code: .commitmentsOverAppropriation, year: result.years[y], subject: result.id,
          message: "budget line '\(result.id)' concludes contracts in \(result.years[y]) binding "
            + "\(NumberText.euros(result.commitmentsEUR[y])) EUR of later payments, "
            + "\(NumberText.euros(missing)) EUR more than its commitment appropriation of "
            + "\(NumberText.euros(granted[y])) EUR; raise 'commitment_appropriation' for \(result.years[y]) "
            + "or order later (table 'commitments' lists the contracts)")
      }
      return overruns + short
    }
  }
}
