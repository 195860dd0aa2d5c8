import DCPlanModel

/// Whether the discount rate and the ledger's money are on one basis: a real rate on nominal
/// money discounts future costs too little (inflation is left in them), a nominal rate on real
/// money too much (docs/conventions.md, "Money basis").
enum MoneyBasisCheck {
  /// The ledger's basis.
  static func flows(_ money: MoneyBasis) -> DiscountRateBasis {
    switch money {
    case .nominal: return .nominal
    case .real: return .real
    }
  }

  /// The basis the NPV reads the discount rate in: as stated, else the ledger's.
  static func rateBasis(_ scenario: Scenario) -> DiscountRateBasis {
    scenario.info.discountRateBasis ?? flows(scenario.costs.money)
  }

  /// One warning when the stated basis of the rate is not the ledger's.
  static func warnings(_ scenario: Scenario) -> [PlanWarning] {
    let rate = scenario.info.discountRate.value
    guard let stated = scenario.info.discountRateBasis, stated != flows(scenario.costs.money) else { return [] }
    let percent = NumberText.fixed(rate * 100, decimals: 2)
    switch stated {
    case .real:
      return [PlanWarning(
        code: .discountBasisMismatch, year: nil, subject: "scenario.discount_rate",
        message: "the discount rate \(percent) % is a real rate but the ledger is in nominal money: future costs keep their "
          + "inflation and are discounted too little, so later years weigh too much in the NPV; set 'costs.money: real' with "
          + "'inflation', or give the nominal rate (1 + \(percent) %) × (1 + inflation) − 1 with 'discount_rate_basis: nominal'")]
    case .nominal:
      return [PlanWarning(
        code: .discountBasisMismatch, year: nil, subject: "scenario.discount_rate",
        message: "the discount rate \(percent) % is a nominal rate but the ledger is in real money: inflation is taken out "
          + "twice and later years weigh too little in the NPV; set 'costs.money: nominal', or give the real rate "
          + "(1 + \(percent) %) ÷ (1 + inflation) − 1 with 'discount_rate_basis: real'")]
    }
  }
}

extension PlanResults {
  /// The basis the NPV reads the discount rate in: as the scenario states it, else the ledger's.
  public var discountRateBasis: DiscountRateBasis { info.discountRateBasis ?? MoneyBasisCheck.flows(money) }
}
