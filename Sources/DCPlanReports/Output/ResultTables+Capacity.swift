import DCPlanEngine
import DCPlanModel

/// The capacity, facility, expansion and cost tables.
extension ResultTables {
  static func capacityBySite(_ results: PlanResults) -> Table {
    var table = Table(
      id: "capacity_by_site", title: "Capacity by site",
      columns: [
        Column("site", "Site"), Column("year", "Year"), Column("sized_vcpu", "Sized vCPU"),
        Column("sized_ram_gib", "Sized RAM (GiB)"), Column("clusters", "Clusters"), Column("servers", "Servers"),
        Column("servers_bought", "Servers bought"), Column("storage_units", "Storage units"),
        Column("storage_units_bought", "Storage bought"),
      ])
    for (sized, fleet) in zip(results.sizing, results.fleets) where sized.servers.contains(where: { $0 > 0 }) || sized.storageUnits.contains(where: { $0 > 0 }) {
      for (y, year) in results.demand.years.enumerated() {
        table.rows.append([
          .text(sized.site), .year(year.number), .number(sized.sizedVCPU[y]), .number(sized.sizedRAMGiB[y]),
          .integer(sized.clusters[y]), .integer(sized.servers[y]), .integer(fleet.servers.purchases[y]),
          .integer(sized.storageUnits[y]), .integer(fleet.storage.purchases[y]),
        ])
      }
    }
    return table
  }

  static func facilityBySite(_ results: PlanResults) -> Table {
    var table = Table(
      id: "facility_by_site", title: "Facility by site",
      columns: [
        Column("site", "Site"), Column("year", "Year"), Column("racks", "Racks"), Column("racks_capacity", "Rack positions"),
        Column("it_kw", "IT (kW)", decimals: 1), Column("it_peak_kw", "IT peak (kW)", decimals: 1),
        Column("it_capacity_kw", "IT capacity (kW)", decimals: 0), Column("cooling_capacity_kw", "Cooling (kW)", decimals: 0),
        Column("pue", "PUE", decimals: 2), Column("facility_kw", "Facility (kW)", decimals: 1),
        Column("energy_mwh", "Energy (MWh)", decimals: 0),
      ])
    for (index, needs) in results.facility.enumerated() {
      let capacity = results.expansion.capacity[index]
      let used = needs.racks.contains { $0 > 0 } || capacity.contains { $0.racks > 0 }
      guard used else { continue }
      for (y, year) in results.demand.years.enumerated() {
        table.rows.append([
          .text(needs.site), .year(year.number), .integer(needs.racks[y]), .integer(capacity[y].racks),
          .number(needs.itKW[y]), .number(needs.itPeakKW[y]), .number(capacity[y].itPower.kilowatts),
          .number(capacity[y].cooling.kilowatts), .number(needs.pue[y]), .number(needs.facilityKW[y]),
          .number(needs.energyMWh[y]),
        ])
      }
    }
    return table
  }

  static func expansions(_ results: PlanResults) -> Table {
    var table = Table(
      id: "expansions", title: "Expansion modules",
      columns: [
        Column("site", "Site"), Column("module", "Module"), Column("order_year", "Order"), Column("ready_year", "Ready"),
        Column("racks", "Racks"), Column("it_kw", "IT (kW)"), Column("cooling_kw", "Cooling (kW)"),
        Column("capex_eur", "Capex (EUR)"), Column("fixed", "Fixed by scenario"),
      ])
    for module in results.expansion.expansions {
      table.rows.append([
        .text(module.site), .text(module.module), .year(module.orderYear.number), .year(module.readyYear.number),
        .integer(module.capacity.racks), .number(module.capacity.itPower.kilowatts), .number(module.capacity.cooling.kilowatts),
        .number(module.capex.euros), .text(module.isFixed ? "yes" : "no"),
      ])
    }
    return table
  }

  static func costs(_ results: PlanResults) -> Table {
    // Categories with no line in the plan get no column.
    let used = Set(results.costs.lines.map(\.category))
    // The residual value has its own column (positive: what is left), after capex and opex.
    let categories = CostCategory.allCases.filter { used.contains($0) && !$0.isResidual }
    var table = Table(
      id: "costs", title: "Costs by year (\(moneyText(results)))",
      columns: [Column("year", "Year")] + categories.map { Column("\($0.rawValue)_eur", $0.title) }
        + [Column("capex_eur", "Capex"), Column("opex_eur", "Opex"), Column("residual_value_eur", "Less residual value"),
           Column("total_eur", "Total"),
           Column("cumulative_eur", "Cumulative (TCO)")])
    let years = results.demand.years
    guard let first = years.first else { return table }
    var byCategory = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: categories.count)
    for line in results.costs.lines {
      if let c = categories.firstIndex(of: line.category) { byCategory[c][line.year - first] += line.amountEUR }
    }
    var cumulative = 0.0
    for (y, year) in years.enumerated() {
      cumulative += results.costs.totalEUR[y]
      table.rows.append(
        [.year(year.number)] + categories.indices.map { .number(byCategory[$0][y]) }
          + [.number(results.costs.capexEUR[y]), .number(results.costs.opexEUR[y]), .number(-results.costs.residualEUR[y]),
             .number(results.costs.totalEUR[y]),
             .number(cumulative)])
    }
    return table
  }

  static func costLedger(_ results: PlanResults) -> Table {
    var table = Table(
      id: "cost_ledger", title: "Cost ledger",
      columns: [
        Column("year", "Year"), Column("site", "Site"), Column("category", "Category"), Column("type", "Type"),
        Column("amount_eur", "Amount (EUR)"), Column("tenants", "Serves"), Column("driver", "Driver"),
      ])
    for line in results.costs.lines {
      table.rows.append([
        .year(line.year.number), .text(line.site), .text(line.category.rawValue), .text(line.category.isCapex ? "capex" : line.category.isResidual ? "residual" : "opex"),
        .number(line.amountEUR), .text(line.tenants.isEmpty ? "all" : line.tenants.joined(separator: " ")), .text(line.driver),
      ])
    }
    return table
  }

  static func summary(_ results: PlanResults) -> Table {
    let costs = results.costs
    var table = Table(id: "summary", title: "Summary", columns: [Column("figure", "Figure"), Column("value", "Value")])
    table.rows = [
      [.text("NPV of all costs (EUR, \(discountText(results.info)))"), .number(costs.npvEUR)],
      [.text("Total capex (EUR)"), .number(costs.capexEUR.reduce(0, +))],
      [.text("Total opex (EUR)"), .number(costs.opexEUR.reduce(0, +))],
      [.text("Residual value at the horizon's end (EUR, book value)"), .number(costs.residualValueEUR)],
      [.text("Hardware stranded at moves\(results.hasSiteLoss ? " and site losses" : "") (EUR, book value, already in the costs)"),
       .number(results.stranded.reduce(0) { $0 + $1.bookValueEUR })],
      [.text("TCO over the horizon (EUR, undiscounted, less the residual value)"), .number(costs.totalEUR.reduce(0, +))],
      [.text("Money"), .text(moneyText(results))],
      [.text("First shortfall year"), results.firstShortfallYear.map { .year($0.number) } ?? .text("none")],
      [.text("Modules built"), .integer(results.expansion.expansions.filter { !$0.isFixed }.count)],
    ]
    // Demand left unserved while capacity is short: shown only when there is some.
    for figure in [SummaryFigure.unservedVCPUYears, .unservedTiBYears] where figure.value(results) > 0 {
      table.rows.insert([.text(figure.label), .number(figure.value(results))], at: table.rows.count - 1)
    }
    if !results.network.links.isEmpty {
      table.rows.append([.text("Link upgrades"), .integer(results.network.upgrades.count)])
      table.rows.append([
        .text("Worst single-failure link utilisation (%)"),
        .number((results.network.links.flatMap(\.n1Utilisation).max() ?? 0) * 100),
      ])
    }
    if results.sharing.tenants.count > 1 {
      let rate = results.info.discountRate.value
      let alone = results.sharing.tenants.reduce(0) { $0 + NPV.value($1.standaloneEUR, rate: rate) }
      if results.sharedPlanPaidNPV != costs.npvEUR {
        table.rows.append([
          .text("Sharing: VAT charged to tenants that cannot reclaim it (NPV, EUR)"), .number(results.sharedPlanPaidNPV - costs.npvEUR),
        ])
      }
      table.rows.append([.text("Sharing: saving against every tenant alone (NPV, EUR)"), .number(alone - results.sharedPlanPaidNPV)])
      // Whether the alone options reach the service levels the shared plan gives.
      let unequal = results.likeForLike.filter { $0.meetsTargets == false }.map(\.tenant)
      let computed = results.likeForLike.contains { $0.meetsTargets != nil }
      table.rows.append([
        .text("Sharing: like for like (alone at the shared plan's availability)"),
        .text(!computed ? "not known (no 'components' section)"
          : unequal.isEmpty ? "yes, every tenant" : "no: alone \(unequal.joined(separator: ", ")) miss targets the shared plan meets"),
      ])
    }
    if !results.voice.locations.isEmpty {
      let comparison = results.voiceComparison
      table.rows.append([
        .text("Voice: saving against a separate network (NPV, EUR)"), .number(comparison.separateNPV - comparison.convergedNPV),
      ])
    }
    return table
  }

  private static func discountText(_ info: ScenarioInfo) -> String {
    let basis = info.discountRateBasis.map { "\($0.rawValue) " } ?? ""
    return "\(MarkdownRenderer.formatNumber(info.discountRate.percent, decimals: 1)) % \(basis)discount rate, \(info.horizon.first) undiscounted"
  }
}

extension CostCategory {
  /// The column header of the category.
  var title: String {
    switch self {
    case .modules: return "Modules"
    case .servers: return "Servers"
    case .storage: return "Storage"
    case .energy: return "Energy"
    case .maintenance: return "Maintenance"
    case .staff: return "Staff"
    case .space: return "Space"
    case .licences: return "Licences"
    case .linkLeases: return "Link leases"
    case .linkUpgrades: return "Link upgrades"
    case .voiceLegacy: return "Voice legacy"
    case .sipTrunks: return "SIP trunks"
    case .ipPhones: return "IP phones"
    case .voiceGateways: return "Voice gateways"
    case .parallelRunning: return "Parallel running"
    case .migration: return "Migration"
    case .co2: return "CO2"
    case .security: return "Security"
    case .projects: return "Projects"
    case .other: return "Other"
    case .residualValue: return "Residual value"
    case .linkResidualValue: return "Link residual value"
    case .rent: return "Rent"
    case .accessLines: return "Access lines"
    }
  }
}
