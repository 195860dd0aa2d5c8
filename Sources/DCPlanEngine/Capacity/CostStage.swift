import DCPlanModel

/// A category of cost, each either capital or operating expenditure.
public enum CostCategory: String, Hashable, Sendable, CaseIterable {
  /// Building modules (capex, spread over the lead time).
  case modules
  /// Servers bought (capex).
  case servers
  /// Storage units bought (capex).
  case storage
  /// Electricity for the facility (opex).
  case energy
  /// Hardware maintenance (opex).
  case maintenance
  /// Operations staff (opex).
  case staff
  /// Rack space and building upkeep (opex).
  case space
  /// Software licences per core or per vCPU (opex).
  case licences
  /// Leases of network links (opex).
  case linkLeases = "link_leases"
  /// Upgrades of network links (capex, spread over the lead time).
  case linkUpgrades = "link_upgrades"
  /// Legacy lines and PBX maintenance of phones not yet migrated (opex).
  case voiceLegacy = "voice_legacy"
  /// SIP trunk channels at the gateways (opex).
  case sipTrunks = "sip_trunks"
  /// IP phones bought as phones migrate (capex).
  case ipPhones = "ip_phones"
  /// Voice gateways (capex).
  case voiceGateways = "voice_gateways"

  /// Whether the category is capital expenditure.
  public var isCapex: Bool {
    [.modules, .servers, .storage, .linkUpgrades, .ipPhones, .voiceGateways].contains(self)
  }
}

/// One line of the cost ledger: every total is a sum of these.
public struct CostLine: Hashable, Sendable {
  /// The year the money is spent.
  public let year: Year
  /// What it is for.
  public let category: CostCategory
  /// The site or link it is spent at.
  public let site: String
  /// The amount in EUR.
  public let amountEUR: Double
  /// The quantity and price it was computed from, for tracing.
  public let driverKind: CostDriver

  /// The driver in words ("12 servers × 9000 EUR").
  public var driver: String { driverKind.description }

  /// A line from its parts.
  public init(year: Year, category: CostCategory, site: String, amountEUR: Double, driver: CostDriver) {
    self.year = year
    self.category = category
    self.site = site
    self.amountEUR = amountEUR
    driverKind = driver
  }
}

/// The cost stage's result: the ledger, totals per year and the net present value.
public struct CostResults: Hashable, Sendable {
  /// Every cost line, by site, then category, then year.
  public let lines: [CostLine]
  /// Capital expenditure per year, EUR.
  public let capexEUR: [Double]
  /// Operating expenditure per year, EUR.
  public let opexEUR: [Double]
  /// Capex + opex per year, EUR.
  public var totalEUR: [Double] { zip(capexEUR, opexEUR).map(+) }
  /// Net present value of the totals at the scenario's discount rate (docs/conventions.md, "NPV").
  public let npvEUR: Double
}

/// The cost stage: modules, hardware purchases, energy, maintenance, staff and space per
/// site and year (docs/conventions.md, "Costs").
///
/// - A module's capex is spread evenly over the years from its order year to the year before
///   it is ready (in its ready year if the lead time is 0); years outside the horizon are not
///   counted (before it: sunk).
/// - Hardware capex is units bought × unit price in the year of purchase.
/// - Energy is facility energy (MWh) × 1,000 × the year's price per kWh.
/// - Maintenance is the share × the purchase value of the units in service.
/// - Staff is servers ÷ servers per FTE × the year's cost per FTE.
/// - Space is occupied racks × the year's cost per rack.
public enum CostStage {
  /// Prices the plan.
  public static func costs(
    _ scenario: Scenario, sizing: [SiteSizing], facility: [SiteFacility], fleets: [SiteFleet],
    expansion: ExpansionPlan, years: [Year], otherLines: [CostLine] = []
  ) -> CostResults {
    let costs = scenario.costs
    let server = CatalogueChoice.server(scenario)
    let storage = CatalogueChoice.storage(scenario)
    var lines: [CostLine] = []
    for (index, site) in scenario.sites.enumerated() {
      var siteLines: [CostLine] = []
      defer {
        lines += siteLines.enumerated().sorted { a, b in
          (a.element.year, a.element.category.sortKey, a.offset) < (b.element.year, b.element.category.sortKey, b.offset)
        }.map(\.element)
      }
      let sized = sizing[index]
      let needs = facility[index]
      let fleet = fleets[index]
      for module in expansion.expansions where module.site == site.id {
        let spendYears = spendingYears(order: module.orderYear, ready: module.readyYear)
        let share = module.capex.euros / Double(spendYears.count)
        for year in spendYears where years.contains(year) {
          siteLines.append(CostLine(year: year, category: .modules, site: site.id, amountEUR: share,
                                driver: .spread(what: "module '\(module.module)'", totalEUR: module.capex.euros, years: spendYears.count)))
        }
      }
      for (y, year) in years.enumerated() {
        if let server, fleet.servers.purchases[y] > 0 {
          siteLines.append(CostLine(year: year, category: .servers, site: site.id,
                                amountEUR: Double(fleet.servers.purchases[y]) * server.price.euros,
                                driver: .units(count: Double(fleet.servers.purchases[y]), noun: "servers", unitEUR: server.price.euros)))
        }
        if let storage, fleet.storage.purchases[y] > 0 {
          siteLines.append(CostLine(year: year, category: .storage, site: site.id,
                                amountEUR: Double(fleet.storage.purchases[y]) * storage.price.euros,
                                driver: .units(count: Double(fleet.storage.purchases[y]), noun: "storage units", unitEUR: storage.price.euros)))
        }
        let price = costs.energyPricePerKWh.value(in: year)
        if needs.energyMWh[y] > 0, price > 0 {
          siteLines.append(CostLine(year: year, category: .energy, site: site.id, amountEUR: needs.energyMWh[y] * 1000 * price,
                                driver: .energy(mwh: needs.energyMWh[y], eurPerKWh: price)))
        }
        let installedValue = Double(sized.servers[y]) * (server?.price.euros ?? 0)
          + Double(sized.storageUnits[y]) * (storage?.price.euros ?? 0)
        if installedValue > 0, costs.maintenanceShare.value > 0 {
          siteLines.append(CostLine(year: year, category: .maintenance, site: site.id,
                                amountEUR: installedValue * costs.maintenanceShare.value,
                                driver: .share(fraction: costs.maintenanceShare.value, ofEUR: installedValue, what: "in service")))
        }
        let fte = costs.serversPerFTE > 0 ? Double(sized.servers[y]) / costs.serversPerFTE : 0
        let fteCost = costs.ftePerYear.value(in: year)
        if fte > 0, fteCost > 0 {
          siteLines.append(CostLine(year: year, category: .staff, site: site.id, amountEUR: fte * fteCost,
                                driver: .units(count: fte, noun: "FTE", unitEUR: fteCost)))
        }
        let rackCost = costs.spacePerRackYear.value(in: year)
        if needs.racks[y] > 0, rackCost > 0 {
          siteLines.append(CostLine(year: year, category: .space, site: site.id, amountEUR: Double(needs.racks[y]) * rackCost,
                                driver: .units(count: Double(needs.racks[y]), noun: "racks", unitEUR: rackCost)))
        }
      }
    }
    lines += otherLines
    return totals(lines, years: years, rate: scenario.info.discountRate.value)
  }

  /// Totals per year and NPV of a ledger.
  public static func totals(_ lines: [CostLine], years: [Year], rate: Double) -> CostResults {
    var capex = [Double](repeating: 0, count: years.count)
    var opex = capex
    guard let first = years.first else {
      return CostResults(lines: lines, capexEUR: capex, opexEUR: opex, npvEUR: 0)
    }
    for line in lines {
      let y = line.year - first
      if line.category.isCapex { capex[y] += line.amountEUR } else { opex[y] += line.amountEUR }
    }
    let npv = NPV.value(zip(capex, opex).map(+), rate: rate)
    return CostResults(lines: lines, capexEUR: capex, opexEUR: opex, npvEUR: npv)
  }

  /// The years a build's capex is spread over: from the order year to the year before it is
  /// ready, or the ready year itself when there is no lead time (docs/conventions.md, "Costs").
  static func spendingYears(order: Year, ready: Year) -> [Year] {
    ready <= order ? [ready] : (order.number..<ready.number).map(Year.init)
  }


  /// A figure with at most two decimals, for drivers.
  static func rounded(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }

}

extension CostCategory {
  fileprivate var sortKey: Int { CostCategory.allCases.firstIndex(of: self) ?? 0 }
}

/// Net present value, end-of-year convention with the first year undiscounted
/// (docs/conventions.md, "NPV"): `NPV = Σ_t cash_t / (1 + r)^t`, t = 0 for the first year.
public enum NPV {
  /// The NPV of yearly amounts starting in the base year.
  public static func value(_ amounts: [Double], rate: Double) -> Double {
    var factor = 1.0
    var sum = 0.0
    for amount in amounts {
      sum += amount / factor
      factor *= 1 + rate
    }
    return sum
  }
}
