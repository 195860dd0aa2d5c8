import DCPlanModel

/// A contract the plan concludes in one year that binds payments in later years: what a
/// commitment appropriation (Verpflichtungsermächtigung, § 16 LHO) must cover
/// (docs/conventions.md, "Budget lines").
public struct Commitment: Hashable, Sendable {
  /// The year the contract is concluded (a module's order year, a rent contract's start).
  public let year: Year
  /// The ledger category its payments fall in.
  public let category: CostCategory
  /// The site it is for.
  public let site: String
  /// What is contracted ("module 'hall-2'", "rent contract, 5-year term").
  public let what: String
  /// The first and last year of the later payments it binds.
  public let paymentYears: ClosedRange<Year>
  /// The later payments it binds, in the ledger's money (EUR).
  public let amountEUR: Double
}

/// The commitments of a plan: module orders whose capex is paid over later years, and rent
/// contracts whose term binds later years' rent.
public enum Commitments {
  /// Every commitment concluded within the horizon, by year, then site.
  ///
  /// - A module (or a link upgrade) ordered in year o and paid over its spending years binds
  ///   the payments after o.
  ///   Orders placed before the horizon are already committed and not listed.
  /// - A rent contract starting in year s binds the rent contracted in s for the rest of its
  ///   minimum term (s + 1 … s + term − 1), within the horizon or beyond; a later extension
  ///   (a module of the rented site) adds its own order, not a new term.
  public static func plan(
    _ scenario: Scenario, sizing: [SiteSizing], facility: [SiteFacility], expansion: ExpansionPlan,
    linkUpgrades: [LinkUpgrade] = [], years: [Year]
  ) -> [Commitment] {
    guard let first = years.first, let last = years.last else { return [] }
    let money = scenario.costs.money
    func inLedgerMoney(_ amountEUR: Double, in year: Year) -> Double { amountEUR * money.factor(afterYears: year - first) }
    var commitments: [Commitment] = []
    for module in expansion.expansions where module.orderYear >= first && module.orderYear <= last {
      let spending = Array(CostStage.spendingYears(order: module.orderYear, ready: module.readyYear))
      let later = spending.filter { $0 > module.orderYear }
      guard let from = later.first, let to = later.last, module.capex.euros > 0 else { continue }
      let share = module.capex.euros / Double(spending.count)
      commitments.append(Commitment(
        year: module.orderYear, category: .modules, site: module.site, what: "module '\(module.module)' ordered",
        paymentYears: from...to, amountEUR: later.reduce(0) { $0 + inLedgerMoney(share, in: $1) }))
    }
    // A link upgrade is paid over its lead time like a module.
    for upgrade in linkUpgrades where upgrade.orderYear >= first && upgrade.orderYear <= last {
      let spending = Array(CostStage.spendingYears(order: upgrade.orderYear, ready: upgrade.readyYear))
      let later = spending.filter { $0 > upgrade.orderYear }
      guard let from = later.first, let to = later.last, upgrade.capex.euros > 0 else { continue }
      let share = upgrade.capex.euros / Double(spending.count)
      commitments.append(Commitment(
        year: upgrade.orderYear, category: .linkUpgrades, site: upgrade.link,
        what: "link upgrade to step \(upgrade.step) ordered", paymentYears: from...to,
        amountEUR: later.reduce(0) { $0 + inLedgerMoney(share, in: $1) }))
    }
    for (index, site) in scenario.sites.enumerated() where index < facility.count {
      guard let rent = site.rent, rent.termYears > 1,
        index < sizing.count, let start = SiteCosts.rentStart(site: site, needs: facility[index], sized: sizing[index], years: years),
        start >= first
      else { continue }
      let built = expansion.expansions.filter { $0.site == site.id }
      // A provider's service is contracted at what the site is sized for in its first year.
      let yearly = rent.isService
        ? SiteCosts.serviceCharge(rent, sizing[index], start - first)
        : SiteCosts.contractedRent(rent, site: site, built: built, in: start)
      guard yearly > 0 else { continue }
      let from = Year(start.number + 1), to = Year(start.number + rent.termYears - 1)
      let amount = (from.number...to.number).reduce(0.0) { $0 + inLedgerMoney(yearly, in: Year($1)) }
      commitments.append(Commitment(
        year: start, category: .rent, site: site.id,
        what: "\(rent.isService ? "provider's service" : "rent") contract, \(rent.termYears)-year term",
        paymentYears: from...to, amountEUR: amount))
    }
    return commitments.sorted { ($0.year, $0.site) < ($1.year, $1.site) }
  }
}
