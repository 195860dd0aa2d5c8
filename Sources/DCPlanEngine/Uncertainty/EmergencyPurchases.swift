import DCPlanModel

/// Hardware a trial buys beyond the forecast plan's purchases of the year, at the planning
/// rule's emergency premium (docs/conventions.md, "Planning under uncertainty"): the units
/// themselves are priced as any purchase; the premium is a line of its own.
enum EmergencyPurchases {
  /// The premium lines of a trial's `fleets` against `decisions`.
  static func add<Sink: CostLineSink>(
    _ scenario: Scenario, _ fleets: [SiteFleet], _ decisions: PlanDecisions, years: [Year], into sink: inout Sink
  ) {
    let count = years.count
    let servers = CostStage.pooled(fleets, servers: true, count)
    let storage = CostStage.pooled(fleets, servers: false, count)
    let prices = HardwarePrices(scenario, serverPurchases: servers, storagePurchases: storage)
    let premium = decisions.emergencyPremium
    for y in 0..<count {
      let extraServers = servers[y] - (y < decisions.serverPurchases.count ? decisions.serverPurchases[y] : 0)
      if extraServers > 0, prices.serverListEUR > 0 {
        let unit = prices.serverEUR(y) * premium
        sink.add(years[y], .servers, Double(extraServers) * unit, at: "emergency purchases", serving: [],
                 .units(count: Double(extraServers), noun: "servers beyond the forecast plan's, premium", unitEUR: unit))
      }
      let extraUnits = storage[y] - (y < decisions.storagePurchases.count ? decisions.storagePurchases[y] : 0)
      if extraUnits > 0, prices.storageListEUR > 0 {
        let unit = prices.storageEUR(y) * premium
        sink.add(years[y], .storage, Double(extraUnits) * unit, at: "emergency purchases", serving: [],
                 .units(count: Double(extraUnits), noun: "storage units beyond the forecast plan's, premium", unitEUR: unit))
      }
    }
  }
}
