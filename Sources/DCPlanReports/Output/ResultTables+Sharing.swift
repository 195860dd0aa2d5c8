import DCPlanEngine
import DCPlanModel

/// Tables of cost sharing, budget lines and capital costs.
extension ResultTables {
  /// Each tenant's NPV under every method, alone, and its saving.
  static func tenants(_ results: PlanResults) -> Table {
    let sharing = results.sharing
    let rate = results.info.discountRate.value
    let shapley: String
    switch sharing.shapleySamples {
    case nil: shapley = "Shapley not computed"
    case 0?: shapley = "Shapley exact"
    case let samples?:
      shapley = "Shapley from \(samples) sampled orders, standard error up to \(MarkdownRenderer.formatNumber(sharing.shapleyStandardErrorNPV, decimals: 0)) EUR"
    }
    var table = Table(
      id: "tenants", title: "Cost sharing by tenant (NPV, EUR; cost by '\(sharing.method.rawValue)'; \(shapley))",
      columns: [
        Column("tenant", "Tenant"), Column("cost_npv_eur", "Cost"), Column("standalone_npv_eur", "Alone"),
        Column("saving_npv_eur", "Saving"), Column("saving_percent", "Saving (%)", decimals: 1),
        Column("usage_npv_eur", "By usage"), Column("keys_npv_eur", "By keys"), Column("shapley_npv_eur", "Shapley"),
        Column("network_npv_eur", "Of which network"), Column("standalone_shortfall_year", "Short alone from"),
        Column("like_for_like", "Like for like"),
      ])
    func npv(_ values: [Double]?) -> Cell { values.map { .number(NPV.value($0, rate: rate)) } ?? .empty }
    let likeForLike = Dictionary(results.likeForLike.map { ($0.tenant, $0) }, uniquingKeysWith: { a, _ in a })
    for tenant in sharing.tenants {
      let alone = NPV.value(tenant.standaloneEUR, rate: rate)
      let saving = NPV.value(tenant.savingEUR, rate: rate)
      table.rows.append([
        .text(tenant.tenant), npv(tenant.costEUR), .number(alone), .number(saving), alone != 0 ? .number(saving / alone * 100) : .empty,
        npv(tenant.usageEUR), npv(tenant.keysEUR), npv(tenant.shapleyEUR), npv(tenant.networkEUR),
        tenant.standaloneShortfallYear.map { .year($0.number) } ?? .empty, .text(likeForLikeText(likeForLike[tenant.tenant])),
      ])
    }
    return table
  }

  /// "yes", "no: alone misses VK3 by 144.5 min/year" or "not computed" (no availability figures).
  static func likeForLikeText(_ entry: TenantLikeForLike?) -> String {
    guard let entry, let meets = entry.meetsTargets else { return "availability not computed" }
    guard !meets else { return "yes" }
    let target = entry.worstTarget.map { $0.className ?? "\(MarkdownRenderer.formatNumber($0.availability.value * 100, decimals: 3)) %" } ?? "its target"
    return "no: alone misses \(target) by \(MarkdownRenderer.formatNumber(entry.shortfallMinutesPerYear, decimals: 1)) min/year"
  }

  /// Each tenant's cost, standalone cost and saving per year, under every method.
  static func tenantCosts(_ results: PlanResults) -> Table {
    var table = Table(
      id: "tenant_costs", title: "Tenants' costs by year (EUR)",
      columns: [
        Column("tenant", "Tenant"), Column("year", "Year"), Column("cost_eur", "Cost"), Column("standalone_cost_eur", "Alone"),
        Column("saving_eur", "Saving"), Column("usage_eur", "By usage"), Column("keys_eur", "By keys"),
        Column("shapley_eur", "Shapley"), Column("network_eur", "Of which network"),
      ])
    let years = results.demand.years
    for tenant in results.sharing.tenants {
      for (y, year) in years.enumerated() {
        table.rows.append([
          .text(tenant.tenant), .year(year.number), .number(tenant.costEUR[y]), .number(tenant.standaloneEUR[y]),
          .number(tenant.savingEUR[y]), .number(tenant.usageEUR[y]), tenant.keysEUR.map { .number($0[y]) } ?? .empty,
          tenant.shapleyEUR.map { .number($0[y]) } ?? .empty, .number(tenant.networkEUR[y]),
        ])
      }
    }
    return table
  }

  /// Budget lines against what their bodies pay, with carried money and commitments.
  static func budgets(_ results: PlanResults) -> Table {
    var table = Table(
      id: "budgets", title: "Budget lines (EUR)",
      columns: [
        Column("budget", "Budget line"), Column("body", "Body"), Column("year", "Year"),
        Column("period_first_year", "Period from"), Column("period_last_year", "Period to"),
        Column("budget_eur", "Budget"), Column("carried_in_eur", "Carried in"), Column("spent_eur", "Costs"),
        Column("headroom_eur", "Headroom"), Column("commitments_eur", "Commitments"),
        Column("commitment_appropriation_eur", "Commitment appropriation"), Column("status", "Status"),
      ])
    for budget in results.budgets {
      for (y, year) in budget.years.enumerated() {
        let headroom = budget.headroomEUR[y]
        let period = budget.periods[y]
        let overCommitted = budget.commitmentAppropriationEUR.map { budget.commitmentsEUR[y] - $0[y] > 0.005 } ?? false
        let status = [headroom < -0.005 ? "overrun" : "within", overCommitted ? "commitments over appropriation" : nil]
          .compactMap { $0 }.joined(separator: "; ")
        table.rows.append([
          .text(budget.id), .text(budget.body ?? "shared plan"), .year(year.number),
          .year(period.lowerBound.number), .year(period.upperBound.number),
          .number(budget.budgetEUR[y]), .number(budget.carriedInEUR[y]), .number(budget.spentEUR[y]), .number(headroom),
          .number(budget.commitmentsEUR[y]), budget.commitmentAppropriationEUR.map { .number($0[y]) } ?? .empty, .text(status),
        ])
      }
    }
    return table
  }

  /// The contracts concluded in the horizon that bind later years' payments.
  static func commitments(_ results: PlanResults) -> Table {
    var table = Table(
      id: "commitments", title: "Commitments: contracts binding later years (EUR)",
      columns: [
        Column("year", "Concluded"), Column("category", "Category"), Column("site", "Site"), Column("what", "What"),
        Column("first_payment_year", "Payments from"), Column("last_payment_year", "Payments to"),
        Column("amount_eur", "Later payments"),
      ])
    for commitment in results.commitments {
      table.rows.append([
        .year(commitment.year.number), .text(commitment.category.rawValue), .text(commitment.site), .text(commitment.what),
        .year(commitment.paymentYears.lowerBound.number), .year(commitment.paymentYears.upperBound.number),
        .number(commitment.amountEUR),
      ])
    }
    return table
  }

  /// What the tenants pay together for the shared plan against every tenant alone (the status
  /// quo), year by year.
  static func statusQuo(_ results: PlanResults) -> Table {
    var table = Table(
      id: "status_quo", title: "Shared plan against the status quo (every tenant alone), by year (EUR)",
      columns: [
        Column("year", "Year"), Column("shared_eur", "Shared plan"), Column("alone_eur", "All alone"),
        Column("extra_eur", "Extra cost"), Column("extra_cumulative_eur", "Extra cost, cumulative"),
      ])
    var cumulative = 0.0
    for row in StatusQuo.rows(results) {
      cumulative += row.extraEUR
      table.rows.append([
        .year(row.year.number), .number(row.sharedEUR), .number(row.aloneEUR), .number(row.extraEUR), .number(cumulative),
      ])
    }
    return table
  }

  /// Each site's energy, PUE and CO2 per year.
  static func emissions(_ results: PlanResults) -> Table {
    var table = Table(
      id: "emissions", title: "Energy and CO2 by site",
      columns: [
        Column("site", "Site"), Column("year", "Year"), Column("energy_mwh", "Energy (MWh)", decimals: 0),
        Column("pue", "PUE", decimals: 2), Column("grams_per_kwh", "Grid mix (g CO2/kWh)", decimals: 0),
        Column("tonnes_co2", "CO2 (t)", decimals: 0),
      ])
    for row in results.emissions {
      table.rows.append([
        .text(row.site), .year(row.year.number), .number(row.energyMWh), .number(row.pue), .number(row.gramsPerKWh),
        .number(row.tonnesCO2),
      ])
    }
    return table
  }

  /// Hardware retired before its end of life, with the book value it still had.
  static func strandedHardware(_ results: PlanResults) -> Table {
    var table = Table(
      id: "stranded_hardware", title: "Stranded hardware: retired before its end of life (\(moneyText(results)); already in the costs)",
      columns: [
        Column("site", "Site"), Column("year", "Retired"), Column("kind", "Kind"), Column("units", "Units"),
        Column("bought_year", "Bought"), Column("years_left", "Years of life left"), Column("book_value_eur", "Book value"),
      ])
    for entry in results.stranded {
      table.rows.append([
        .text(entry.site), .year(entry.year.number), .text(entry.kind), .integer(entry.units),
        entry.boughtYear.map { .year($0.number) } ?? .text("before the plan"), .text("\(entry.yearsLeft) of \(entry.lifeYears)"),
        .number(entry.bookValueEUR),
      ])
    }
    return table
  }

  /// Capex spread over asset lives: depreciation and annuity per class and year.
  static func capitalCosts(_ results: PlanResults) -> Table {
    let capital = results.capital
    let rate = MarkdownRenderer.formatNumber(results.info.discountRate.percent, decimals: 1)
    var table = Table(
      id: "capital_costs", title: "Capital costs: straight-line depreciation and annuity at \(rate) % (EUR)",
      columns: [
        Column("category", "Asset class"), Column("life_years", "Life (years)"), Column("year", "Year"),
        Column("depreciation_eur", "Depreciation"), Column("annuity_eur", "Annuity"),
      ])
    for (c, asset) in capital.classes.enumerated()
    where capital.depreciationEUR[c].contains(where: { $0 != 0 }) {
      for (y, year) in results.demand.years.enumerated() {
        table.rows.append([
          .text(asset.category.rawValue), .integer(asset.lifeYears), .year(year.number),
          .number(capital.depreciationEUR[c][y]), .number(capital.annuityEUR[c][y]),
        ])
      }
    }
    return table
  }

  /// How amounts are stated: nominal, or real money of the first year.
  static func moneyText(_ results: PlanResults) -> String {
    let basis: String
    switch results.money {
    case .nominal: basis = "nominal EUR"
    case let .real(inflation):
      basis = "real EUR of \(results.info.horizon.first) (inflation \(MarkdownRenderer.formatNumber(inflation.perYear * 100, decimals: 2)) %)"
    }
    guard let vat = results.vat, vat.rate > 0 else { return basis }
    let percent = vat.rate * 100
    let rate = MarkdownRenderer.formatNumber(percent, decimals: abs(percent - percent.rounded()) < 1e-9 ? 0 : 2)
    switch vat.cooperativeCharges {
    case .exempt: return basis + "; prices incl. \(rate) % VAT the shared plan's body cannot reclaim (its services exempt)"
    case .taxable: return basis + "; prices net: the shared plan's body reclaims VAT and charges \(rate) % on its charges"
    }
  }
}
