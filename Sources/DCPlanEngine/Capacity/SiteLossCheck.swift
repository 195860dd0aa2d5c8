import DCPlanModel

/// The warning a site loss raises (docs/conventions.md, "Site loss"): one per lost site in its
/// loss year, naming where its load goes, what the plan orders again, the book value lost with
/// the site and what the model leaves out. It replaces the site's `hardware-stranded` warning
/// for that year: nothing could have been frozen before a loss no one foresaw.
enum SiteLossCheck {
  static func warnings(
    _ scenario: Scenario, expansion: ExpansionPlan, stranded: [StrandedHardware], premiumEUR: Double, years: [Year]
  ) -> [PlanWarning] {
    let shared = Placement.sharedSites(scenario, years: years)
    var warnings: [PlanWarning] = []
    for site in scenario.sites {
      guard let year = site.lossYear, let y = years.firstIndex(of: year) else { continue }
      let survivors = shared.filter { $0.running[y] }.map {
        "'\(scenario.sites[$0.site].id)' (\(NumberText.fixed($0.shares[y] * 100, decimals: 1)) %)"
      }
      let lost = stranded.filter { $0.site == site.id && $0.year == year }.reduce(0) { $0 + $1.bookValueEUR }
      let orders = expansion.expansions.filter { !$0.isFixed && $0.orderYear >= year }
      let ordersText = orders.isEmpty
        ? "the plan orders no module from \(year)"
        : "the plan orders " + orders.map { "'\($0.module)' at '\($0.site)' (ready \($0.readyYear))" }.joined(separator: ", ")
      let premiumText = premiumEUR > 0
        ? "; servers and storage bought in \(year) beyond the plan before the loss carry the emergency premium: \(NumberText.euros(premiumEUR)) EUR"
        : ""
      warnings.append(PlanWarning(
        code: .siteLost, year: year, subject: site.id,
        message: "site '\(site.id)' is lost from \(year): its load moves to \(survivors.joined(separator: ", ")); \(ordersText)"
          + "\(premiumText); \(NumberText.euros(lost)) EUR of book value is lost with it (summary row 'hardware stranded'). "
          + "Not modelled: rebuilding the site, insurance payments; the availability tables show the design with all shared sites"))
    }
    return warnings
  }
}
