import DCPlanModel

/// Hardware taken out of service before its end of life, as a room empties at a move, with the
/// book value it still had (docs/conventions.md, "Moves"). Not a cost line: its price is in the
/// ledger already, as the capex of its purchase (or, for the installed base, before the plan).
public struct StrandedHardware: Hashable, Sendable {
  /// The site it leaves.
  public let site: String
  /// The year it leaves service.
  public let year: Year
  /// "servers" or "storage units".
  public let kind: String
  /// How many units.
  public let units: Int
  /// The year they were bought; nil: the installed base, bought before the plan.
  public let boughtYear: Year?
  /// Years of their life left, of ``lifeYears``.
  public let yearsLeft: Int
  public let lifeYears: Int
  /// The book value stranded: straight line over the life from the purchase, at the price paid
  /// (the list price for the installed base), in the ledger's money, EUR.
  public let bookValueEUR: Double
}

/// The stranded hardware of a plan and its warnings.
enum StrandedHardwareStage {
  /// Every site's units retired before their end of life, by site, year and kind.
  static func run(_ scenario: Scenario, fleets: [SiteFleet], years: [Year]) -> [StrandedHardware] {
    guard let first = years.first else { return [] }
    let sites = Array(scenario.sites.indices.prefix(fleets.count))
    let sitePrices = HardwarePrices.perSite(scenario, sites: sites, fleets: fleets, years: years.count)
    var result: [StrandedHardware] = []
    for (s, fleet) in fleets.enumerated() where s < sites.count {
      let prices = sitePrices[s]
      let serverLife = max(1, CatalogueChoice.server(scenario, site: scenario.sites[s])?.lifetimeYears ?? 1)
      let storageLife = max(1, CatalogueChoice.storage(scenario, site: scenario.sites[s])?.lifetimeYears ?? 1)
      let kinds: [(FleetFlow, String, Int, Double, (Int) -> Double)] = [
        (fleet.servers, "servers", serverLife, prices.serverListEUR, prices.serverEUR),
        (fleet.storage, "storage units", storageLife, prices.storageListEUR, prices.storageEUR),
      ]
      for (flow, kind, life, listEUR, paidEUR) in kinds {
        for units in flow.stranded where units.units > 0 && units.retiredIndex < years.count {
          let bought = units.boughtIndex >= 1 && units.boughtIndex < years.count ? units.boughtIndex : nil
          let unitEUR = bought.map(paidEUR) ?? listEUR
          let left = min(life, units.yearsLeft)
          let value = Double(units.units) * unitEUR * Double(left) / Double(life)
            * scenario.costs.money.factor(afterYears: units.retiredIndex)
          result.append(StrandedHardware(
            site: fleet.site, year: first + units.retiredIndex, kind: kind, units: units.units,
            boughtYear: bought.map { first + $0 }, yearsLeft: left, lifeYears: life, bookValueEUR: value))
        }
      }
    }
    return result.sorted { ($0.site, $0.year.number, $0.kind, $0.boughtYear?.number ?? Int.min) < ($1.site, $1.year.number, $1.kind, $1.boughtYear?.number ?? Int.min) }
  }

  /// One warning per site and year that strands hardware bought in the plan: it could have
  /// been left unbought ('freeze_before_move').
  static func warnings(_ stranded: [StrandedHardware], _ scenario: Scenario) -> [PlanWarning] {
    var warnings: [PlanWarning] = []
    var seen = Set<String>()
    let lost = Set(scenario.sites.compactMap { site in site.lossYear.map { "\(site.id)@\($0)" } })
    for entry in stranded where entry.boughtYear != nil {
      let key = "\(entry.site)@\(entry.year)"
      // A lost site's hardware is reported by its `site-lost` warning instead.
      guard !lost.contains(key), seen.insert(key).inserted else { continue }
      let those = stranded.filter { $0.site == entry.site && $0.year == entry.year && $0.boughtYear != nil }
      let value = those.reduce(0) { $0 + $1.bookValueEUR }
      let parts = those.map { "\($0.units) \($0.kind) bought \($0.boughtYear.map(String.init(describing:)) ?? "")" }
      let freeze = scenario.sites.first { $0.id == entry.site }?.freezeBeforeMoveYears ?? 0
      let lastYear = those.filter { $0.boughtYear?.number == entry.year.number - 1 }.reduce(0) { $0 + $1.bookValueEUR }
      let advice: String
      if freeze > 0 {
        advice = "they were bought before the site's \(freeze)-year freeze; a longer 'freeze_before_move' keeps older hardware in service longer"
      } else if lastYear > 0 {
        advice = "\(NumberText.euros(lastYear)) EUR of it bought in \(entry.year.number - 1), the year before: "
          + "'freeze_before_move: 1 year' on the site keeps the worn units instead (at 'maintenance_beyond_life')"
      } else {
        advice = "'freeze_before_move' on the site keeps worn units in service instead of buying before the move"
      }
      warnings.append(PlanWarning(
        code: .hardwareStranded, year: entry.year, subject: entry.site,
        message: "site '\(entry.site)' takes \(parts.joined(separator: ", ")) out of service in \(entry.year), before their "
          + "end of life: \(NumberText.euros(value)) EUR of book value stranded; \(advice)"))
    }
    return warnings
  }
}
