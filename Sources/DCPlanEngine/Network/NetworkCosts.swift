import DCPlanModel

/// The network's cost lines: each link's lease for the capacity standing in the year, and
/// upgrade capex spread over the lead time like a module's (docs/conventions.md, "Costs"); they
/// serve every tenant with a location on the network ("Cost sharing").
enum NetworkCosts {
  static func lines(_ scenario: Scenario, _ results: NetworkResults, years: [Year]) -> [CostLine] {
    var sink = CostLineList()
    add(scenario, results, years: years, into: &sink)
    return sink.lines
  }

  /// The network's lines into `sink`.
  static func add<Sink: CostLineSink>(_ scenario: Scenario, _ results: NetworkResults, years: [Year], into sink: inout Sink) {
    guard let first = years.first else { return }
    // The network is common: its lines serve every tenant with a location on it.
    var userList: [String]?
    func users() -> [String] {
      if let userList { return userList }
      let list = scenario.tenants.filter { !$0.locations.isEmpty }.map(\.id)
      userList = list
      return list
    }
    let capacity = results.table.capacityMbps
    guard capacity.rows == scenario.network.links.count, capacity.columns == years.count else { return }
    // Upgrades come by link, in the links' order.
    var nextUpgrade = 0
    var leases = [Double](repeating: 0, count: years.count)
    let residual = ResidualValue(scenario.costs, years: years)
    let upgradeLife = max(1, scenario.costs.assetLives.linkUpgrades)
    for (l, link) in scenario.network.links.enumerated() {
      for y in leases.indices { leases[y] = link.leasePerYear.euros }
      let firstUpgrade = nextUpgrade
      while nextUpgrade < results.upgrades.count, results.upgrades[nextUpgrade].link == link.id { nextUpgrade += 1 }
      let linkUpgrades = results.upgrades[firstUpgrade..<nextUpgrade]
      for upgrade in linkUpgrades {
        let spendYears = CostStage.spendingYears(order: upgrade.orderYear, ready: upgrade.readyYear)
        for year in spendYears where year >= first && year - first < years.count {
          sink.add(
            year, .linkUpgrades, upgrade.capex.euros / Double(spendYears.count), at: link.id, serving: users(),
            .spread(what: "step \(upgrade.step) to \(CostStage.rounded(upgrade.capacityMbps)) Mbit/s", totalEUR: upgrade.capex.euros, years: spendYears.count),
            serviceYear: upgrade.readyYear)
        }
        let ready = upgrade.readyYear - first
        if ready < years.count { for y in max(0, ready)..<years.count { leases[y] = upgrade.leasePerYear.euros } }
      }
      // Only the link's last step stands at the end: an earlier one was replaced by it.
      if let residual, let upgrade = linkUpgrades.last, let lastYear = years.last {
        let counted = CostStage.countedCapex(upgrade.capex.euros, order: upgrade.orderYear, ready: upgrade.readyYear, years: years)
        let left = residual.yearsLeft(serviceYear: upgrade.readyYear, lifeYears: upgradeLife)
        if counted > 0, left > 0 {
          sink.add(
            lastYear, .linkResidualValue, -counted * Double(left) / Double(upgradeLife), at: link.id, serving: users(),
            .bookValue(what: "step \(upgrade.step) ready \(upgrade.readyYear)", capexEUR: counted, yearsLeft: left,
                       lifeYears: upgradeLife))
        }
      }
      for (y, year) in years.enumerated() where leases[y] > 0 {
        sink.add(year, .linkLeases, leases[y], at: link.id, serving: users(), .lease(capacityMbps: capacity[l, y]))
      }
    }
  }
}
