import DCPlanModel

/// Hardware bought beyond what a plan decided beforehand, at the planning rule's emergency
/// premium (docs/conventions.md, "Planning under uncertainty", "Site loss"): the units
/// themselves are priced as any purchase; the premium is a line of its own.
enum EmergencyPurchases {
  /// The premium lines of a trial's `fleets` against the forecast plan's `decisions`, every year.
  static func add<Sink: CostLineSink>(
    _ scenario: Scenario, _ fleets: [SiteFleet], _ decisions: PlanDecisions, years: [Year], into sink: inout Sink
  ) {
    let count = years.count
    let servers = CostStage.pooled(fleets, servers: true, count)
    let storage = CostStage.pooled(fleets, servers: false, count)
    let prices = HardwarePrices.perSite(scenario, sites: Array(scenario.sites.indices.prefix(fleets.count)), fleets: fleets, years: count)
    for y in 0..<count {
      addPremium(
        HardwarePrices.meanUnitEUR(prices, fleets, year: y), servers: servers, storage: storage,
        beyondServers: y < decisions.serverPurchases.count ? decisions.serverPurchases[y] : 0,
        beyondStorage: y < decisions.storagePurchases.count ? decisions.storagePurchases[y] : 0, year: y,
        premium: decisions.emergencyPremium, what: "the forecast plan's", years: years, into: &sink)
    }
  }

  /// The premium lines of year index `y`: the servers and storage units bought that year
  /// (`servers[y]`, `storage[y]`, pooled purchases per year) beyond `beyondServers` and
  /// `beyondStorage`, what `what` had decided, at `unitEUR` (the mean price of that year's
  /// purchases: ``HardwarePrices/meanUnitEUR(_:_:year:)``).
  // swiftlint:disable:next function_parameter_count
  static func addPremium<Sink: CostLineSink>(
    _ unitEUR: (server: Double?, storage: Double?), servers: [Int], storage: [Int], beyondServers: Int, beyondStorage: Int,
    year y: Int, premium: Double, what: String, years: [Year], into sink: inout Sink
  ) {
    guard premium > 0, servers.indices.contains(y), storage.indices.contains(y) else { return }
    let extraServers = servers[y] - beyondServers
    if extraServers > 0, let price = unitEUR.server, price > 0 {
      let unit = price * premium
      sink.add(years[y], .servers, Double(extraServers) * unit, at: "emergency purchases", serving: [],
               .units(count: Double(extraServers), noun: "servers beyond \(what), premium", unitEUR: unit))
    }
    let extraUnits = storage[y] - beyondStorage
    if extraUnits > 0, let price = unitEUR.storage, price > 0 {
      let unit = price * premium
      sink.add(years[y], .storage, Double(extraUnits) * unit, at: "emergency purchases", serving: [],
               .units(count: Double(extraUnits), noun: "storage units beyond \(what), premium", unitEUR: unit))
    }
  }
}
