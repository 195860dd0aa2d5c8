import DCPlanModel

/// The cost stage: modules, hardware purchases, energy, maintenance, staff, space and
/// licences per site and year, joined with the network's and voice's lines into one ledger
/// (docs/conventions.md, "Costs").
///
/// - A module's capex is spread evenly over the years from its order year to the year before
///   it is ready (in its ready year if the lead time is 0); years outside the horizon are not
///   counted (before it: sunk).
/// - Hardware capex is units bought × unit price in the year of purchase; the unit price is
///   the catalogue price less the discount of the procurement tier that the year's purchases,
///   pooled over every site of the plan, reach ("Procurement tiers").
/// - Energy is facility energy (MWh) × 1,000 × the year's price per kWh.
/// - Maintenance is the share × the catalogue value of the units in service.
/// - Staff is servers ÷ servers per FTE, at least the site minimum while it has servers, ×
///   the year's cost per FTE.
/// - Space is occupied racks × the year's cost per rack.
/// - Licences are cores in service × the per-core price plus placed vCPU × the per-vCPU price.
/// - With `money: real`, every amount of year t is divided by (1 + inflation)^t.
public enum CostStage {
  /// Prices the plan.
  public static func costs(
    _ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing], facility: [SiteFacility], fleets: [SiteFleet],
    expansion: ExpansionPlan, years: [Year], otherLines: [CostLine] = []
  ) -> CostResults {
    let served = SiteTenants(scenario, demand)
    var lines: [CostLine] = []
    var sink = LedgerSink(site: "", years: years, tenants: { _ in [] })
    eachSite(scenario, demand, sizing, facility, fleets, expansion, years, sink: &sink) { index, sink in
      sink = LedgerSink(site: scenario.sites[index].id, years: years, tenants: { served.tenants(site: index, year: $0) })
    } done: { sink in
      lines += sink.lines.enumerated().sorted { a, b in
        (a.element.year, a.element.category.tableOrder, a.offset) < (b.element.year, b.element.category.tableOrder, b.offset)
      }.map(\.element)
    }
    lines += otherLines
    // A line serving every tenant names none (docs/conventions.md, "Cost sharing").
    let everyone = scenario.tenants.count
    if let first = years.first {
      lines = lines.map { line in
        let line = line.tenants.count == everyone && everyone > 1 ? line.servingEveryone() : line
        return line.deflated(by: scenario.costs.money.factor(afterYears: line.year - first))
      }
    }
    return totals(lines, years: years, rate: scenario.info.discountRate.value)
  }

  /// The yearly capex and opex that ``costs(_:demand:sizing:facility:fleets:expansion:years:otherLines:)``
  /// would sum, without writing the ledger (the cost game's reference runs, Monte Carlo trials).
  static func yearlyTotals(
    _ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing], facility: [SiteFacility], fleets: [SiteFleet],
    expansion: ExpansionPlan, years: [Year], otherLines: [CostLine]
  ) -> YearlyCosts {
    var other = YearlyCapexOpex(years: years)
    for line in otherLines {
      other.add(line.year, line.category, line.amountEUR, at: line.site, serving: line.tenants, line.driverKind)
    }
    return yearlyTotals(
      scenario, demand: demand, sizing: sizing, facility: facility, fleets: fleets, expansion: expansion, years: years,
      other: other)
  }

  /// The same with the other lines already summed per year.
  static func yearlyTotals(
    _ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing], facility: [SiteFacility], fleets: [SiteFleet],
    expansion: ExpansionPlan, years: [Year], other: YearlyCapexOpex
  ) -> YearlyCosts {
    let count = years.count
    var sink = YearlyCosts(count: count)
    // One site's sums at a time, in one set of arrays, added to the plan's.
    var site = CapexOpexSink(sums: YearlyCosts(count: count))
    eachSite(scenario, demand, sizing, facility, fleets, expansion, years, sink: &site) { _, site in
      site.sums.capex.reset(count: count, to: 0)
      site.sums.opex.reset(count: count, to: 0)
      site.sums.residual.reset(count: count, to: 0)
    } done: { site in
      for y in 0..<count {
        sink.capex[y] += site.sums.capex[y]
        sink.opex[y] += site.sums.opex[y]
        sink.residual[y] += site.sums.residual[y]
      }
    }
    for y in 0..<count where y < other.sums.capex.count {
      sink.capex[y] += other.sums.capex[y]
      sink.opex[y] += other.sums.opex[y]
      sink.residual[y] += other.sums.residual[y]
    }
    for y in 0..<count {
      let factor = scenario.costs.money.factor(afterYears: y)
      sink.capex[y] *= factor
      sink.opex[y] *= factor
      sink.residual[y] *= factor
    }
    return sink
  }

  /// Each site's cost terms into `sink`, made ready for the site by `begin` and handed to
  /// `done` after it; hardware at the prices of the year's purchases of its type, pooled over
  /// the sites buying it.
  private static func eachSite<Sink: CostSink>(
    _ scenario: Scenario, _ demand: DemandProjection, _ sizing: [SiteSizing], _ facility: [SiteFacility],
    _ fleets: [SiteFleet], _ expansion: ExpansionPlan, _ years: [Year], sink: inout Sink, begin: (Int, inout Sink) -> Void,
    done: (Sink) -> Void
  ) {
    let rules = SizingStage.Rules(scenario)
    // One price list for all when every site buys the policy's types (the trials' hot path).
    let commonPrices = rules.sitesDiffer
      ? nil
      : HardwarePrices(
        scenario, serverPurchases: pooled(fleets, servers: true, years.count), storagePurchases: pooled(fleets, servers: false, years.count))
    let perSite = rules.sitesDiffer
      ? HardwarePrices.perSite(scenario, sites: Array(scenario.sites.indices), fleets: fleets, years: years.count) : []
    let rates = CostRates(scenario.costs, years: years)
    // By index: each site's figures are read where they stand, not copied. The expansions
    // come by site in scenario order: each site's are the run that names it.
    var nextExpansion = 0
    for index in scenario.sites.indices {
      begin(index, &sink)
      let firstExpansion = nextExpansion
      while nextExpansion < expansion.expansions.count, expansion.expansions[nextExpansion].site == scenario.sites[index].id {
        nextExpansion += 1
      }
      SiteCosts.add(
        sizing[index], facility[index], fleets[index], built: expansion.expansions[firstExpansion..<nextExpansion],
        placedVCPU: demand.sites[index].demand.vcpu, years: years, rates: rates, rules: rules.at(site: index),
        prices: commonPrices ?? perSite[index], site: scenario.sites[index], into: &sink)
      done(sink)
    }
  }

  /// Totals per year and NPV of a ledger.
  public static func totals(_ lines: [CostLine], years: [Year], rate: Double) -> CostResults {
    var sums = YearlyCosts(count: years.count)
    guard let first = years.first else {
      return CostResults(lines: lines, capexEUR: sums.capex, opexEUR: sums.opex, residualEUR: sums.residual, npvEUR: 0)
    }
    for line in lines { sums.add(line.year - first, line.category, line.amountEUR) }
    let npv = NPV.value(sums.total, rate: rate)
    return CostResults(lines: lines, capexEUR: sums.capex, opexEUR: sums.opex, residualEUR: sums.residual, npvEUR: npv)
  }

  /// The years a build's capex is spread over: from the order year to the year before it is
  /// ready, or the ready year itself when there is no lead time (docs/conventions.md, "Costs").
  static func spendingYears(order: Year, ready: Year) -> LazyMapCollection<Range<Int>, Year> {
    (ready <= order ? ready.number..<(ready.number + 1) : order.number..<ready.number).lazy.map(Year.init)
  }

  /// The part of a build's capex the horizon counts: its share in each spending year within
  /// `years` (years before the horizon are sunk, after it not yet spent).
  static func countedCapex(_ capexEUR: Double, order: Year, ready: Year, years: [Year]) -> Double {
    guard let first = years.first else { return 0 }
    let spending = spendingYears(order: order, ready: ready)
    let inside = spending.filter { $0 >= first && $0 - first < years.count }.count
    return capexEUR / Double(spending.count) * Double(inside)
  }

  /// A figure with at most two decimals, for drivers.
  static func rounded(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }

  /// The purchases of servers (or storage units) per year summed over the sites' fleets,
  /// read in place.
  static func pooled(_ fleets: [SiteFleet], servers: Bool, _ count: Int) -> [Int] {
    var sum = [Int](repeating: 0, count: count)
    for s in fleets.indices {
      (servers ? fleets[s].servers.purchases : fleets[s].storage.purchases).withUnsafeBufferPointer { site in
        for y in 0..<min(count, site.count) { sum[y] += site[y] }
      }
    }
    return sum
  }
}

/// The cost inputs' prices for each year of the horizon, evaluated once.
struct CostRates: Sendable {
  let energyEURPerKWh: [Double]
  /// Grams of CO2 per kWh, and EUR per tonne of CO2, per year.
  let emissionGPerKWh: [Double]
  let co2EURPerTonne: [Double]
  let fteEUR: [Double]
  let rackEUR: [Double]
  let perCoreEUR: [Double]
  let perVCPUEUR: [Double]
  let maintenanceShare: Double
  /// Maintenance of units kept past their life.
  let maintenanceBeyondLifeShare: Double
  let serversPerFTE: Double
  let minFTEPerSite: Double
  /// The residual value rule; nil for a cash-only view.
  let residual: ResidualValue?
  /// A building module's life, years.
  let moduleLifeYears: Int

  init(_ costs: CostInputs, years: [Year]) {
    energyEURPerKWh = years.map { costs.energyPricePerKWh.value(in: $0) }
    emissionGPerKWh = years.map { costs.emissionFactorGPerKWh.value(in: $0) }
    co2EURPerTonne = years.map { costs.co2PricePerTonne.value(in: $0) }
    fteEUR = years.map { costs.ftePerYear.value(in: $0) }
    rackEUR = years.map { costs.spacePerRackYear.value(in: $0) }
    perCoreEUR = years.map { costs.licencePerCoreYear.value(in: $0) }
    perVCPUEUR = years.map { costs.licencePerVCPUYear.value(in: $0) }
    maintenanceShare = costs.maintenanceShare.value
    maintenanceBeyondLifeShare = (costs.maintenanceBeyondLife ?? costs.maintenanceShare).value
    serversPerFTE = costs.serversPerFTE
    minFTEPerSite = costs.minFTEPerSite
    residual = ResidualValue(costs, years: years)
    moduleLifeYears = costs.assetLives.modules
  }
}

/// The cost terms of one site, shared by the ledger and the cost game.
enum SiteCosts {
  // swiftlint:disable:next function_parameter_count
  static func add<Sink: CostSink>(
    _ sized: SiteSizing, _ needs: SiteFacility, _ fleet: SiteFleet, built: ArraySlice<Expansion>, placedVCPU: [Double],
    years: [Year], rates: CostRates, rules: SizingStage.Rules, prices: HardwarePrices, site: Site,
    into sink: inout Sink
  ) {
    guard let first = years.first, let last = years.last else { return }
    let parallelRunningMonths = site.parallelRunningMonths
    // The site's own staffing rule, else the cost inputs' (docs/conventions.md, "Costs").
    let serversPerFTE = site.staffing?.serversPerFTE ?? rates.serversPerFTE
    let minimumFTE = site.staffing?.minimumFTE ?? rates.minFTEPerSite
    for module in built {
      let spendYears = CostStage.spendingYears(order: module.orderYear, ready: module.readyYear)
      let share = module.capex.euros / Double(spendYears.count)
      for year in spendYears where year >= first && year - first < years.count {
        sink.add(year - first, .modules, share,
                 .spread(what: "module '\(module.module)'", totalEUR: module.capex.euros, years: spendYears.count),
                 serviceYear: module.readyYear)
      }
    }
    // A provider's service: the provider buys, runs, powers and houses the hardware; the plan
    // pays its prices (``addRent``), its per-vCPU licences and parallel running.
    let ownsHardware = !site.isProviderService
    let hasServer = rules.server != nil && ownsHardware
    let hasStorage = rules.storage != nil && ownsHardware
    let cores = ownsHardware ? rules.server?.cores ?? 0 : 0
    // The site's running cost (opex) of the year before, for parallel running.
    var runningBefore = 0.0
    for y in years.indices {
      var running = 0.0
      let serversBought = fleet.servers.purchases[y]
      if hasServer, serversBought > 0 {
        let unit = prices.serverEUR(y)
        sink.add(y, .servers, Double(serversBought) * unit,
                 .units(count: Double(serversBought), noun: discounted("servers", prices.serverDiscount[y]), unitEUR: unit))
      }
      let unitsBought = fleet.storage.purchases[y]
      if hasStorage, unitsBought > 0 {
        let unit = prices.storageEUR(y)
        sink.add(y, .storage, Double(unitsBought) * unit,
                 .units(count: Double(unitsBought), noun: discounted("storage units", prices.storageDiscount[y]), unitEUR: unit))
      }
      let price = rates.energyEURPerKWh[y]
      // A rented site whose rent includes the energy pays none of its own.
      if needs.energyMWh[y] > 0, price > 0, !(site.rent?.energyIncluded ?? false) {
        running += needs.energyMWh[y] * 1000 * price
        sink.add(y, .energy, needs.energyMWh[y] * 1000 * price, .energy(mwh: needs.energyMWh[y], eurPerKWh: price))
      }
      let co2Price = rates.co2EURPerTonne[y]
      if ownsHardware, needs.energyMWh[y] > 0, co2Price > 0, rates.emissionGPerKWh[y] > 0 {
        let tonnes = needs.energyMWh[y] * rates.emissionGPerKWh[y] / 1000
        running += tonnes * co2Price
        sink.add(y, .co2, tonnes * co2Price,
                 .units(count: tonnes, noun: "t CO2 (\(NumberText.fixed(rates.emissionGPerKWh[y], decimals: 0)) g/kWh)", unitEUR: co2Price))
      }
      // Units kept past their life (a room frozen before its move) at their own share.
      let keptServers = y < fleet.servers.beyondLife.count ? fleet.servers.beyondLife[y] : 0
      let keptStorage = y < fleet.storage.beyondLife.count ? fleet.storage.beyondLife[y] : 0
      let installedValue = Double(sized.servers[y] - keptServers) * prices.serverListEUR(y)
        + Double(sized.storageUnits[y] - keptStorage) * prices.storageListEUR(y)
      if ownsHardware, installedValue > 0, rates.maintenanceShare > 0 {
        running += installedValue * rates.maintenanceShare
        sink.add(y, .maintenance, installedValue * rates.maintenanceShare,
                 .share(fraction: rates.maintenanceShare, ofEUR: installedValue, what: "in service at list price"))
      }
      let keptValue = Double(keptServers) * prices.serverListEUR(y) + Double(keptStorage) * prices.storageListEUR(y)
      if ownsHardware, keptValue > 0, rates.maintenanceBeyondLifeShare > 0 {
        running += keptValue * rates.maintenanceBeyondLifeShare
        sink.add(y, .maintenance, keptValue * rates.maintenanceBeyondLifeShare,
                 .share(fraction: rates.maintenanceBeyondLifeShare, ofEUR: keptValue,
                        what: "kept past end of life before the move, at list price"))
      }
      let byServers = serversPerFTE > 0 ? Double(sized.servers[y]) / serversPerFTE : 0
      let floor = sized.servers[y] > 0 ? minimumFTE : 0
      let fte = ownsHardware ? max(byServers, floor) : 0
      let fteCost = rates.fteEUR[y]
      if fte > 0, fteCost > 0 {
        running += fte * fteCost
        sink.add(y, .staff, fte * fteCost,
                 .units(count: fte, noun: byServers >= floor ? "FTE" : "FTE (site minimum)", unitEUR: fteCost))
      }
      let rackCost = rates.rackEUR[y]
      // A rented site pays rent instead (``addRent``).
      if needs.racks[y] > 0, rackCost > 0, site.rent == nil {
        running += Double(needs.racks[y]) * rackCost
        sink.add(y, .space, Double(needs.racks[y]) * rackCost, .units(count: Double(needs.racks[y]), noun: "racks", unitEUR: rackCost))
      }
      let licensedCores = cores > 0 && y < sized.serverCores.count ? Double(sized.serverCores[y]) : 0
      let perCore = rates.perCoreEUR[y]
      if licensedCores > 0, perCore > 0 {
        running += licensedCores * perCore
        sink.add(y, .licences, licensedCores * perCore, .units(count: licensedCores, noun: "cores licensed", unitEUR: perCore))
      }
      let perVCPU = rates.perVCPUEUR[y]
      if placedVCPU[y] > 0, perVCPU > 0 {
        running += placedVCPU[y] * perVCPU
        sink.add(y, .licences, placedVCPU[y] * perVCPU, .units(count: placedVCPU[y], noun: "vCPU licensed", unitEUR: perVCPU))
      }
      // The load that left the site this year keeps its old room running for some months.
      if parallelRunningMonths > 0, y > 0, sized.servers[y] < sized.servers[y - 1], runningBefore > 0 {
        let left = Double(sized.servers[y - 1] - sized.servers[y]) / Double(sized.servers[y - 1])
        let share = parallelRunningMonths / 12 * left
        sink.add(y, .parallelRunning, share * runningBefore,
                 .share(fraction: share, ofEUR: runningBefore,
                        what: "of \(years[y - 1])'s running cost: \(NumberText.fixed(parallelRunningMonths, decimals: 1)) months for the \(NumberText.fixed(left * 100, decimals: 1)) % of the load that left"))
      }
      runningBefore = running
    }
    if let rent = site.rent { addRent(rent, site: site, needs: needs, sized: sized, built: built, years: years, into: &sink) }
    // A provider's service leaves the plan no asset to be worth anything.
    if let residual = rates.residual, ownsHardware {
      // A site closed or lost by the horizon's end leaves its modules nothing to be worth.
      addResidualValue(
        residual, fleet, built: site.isOperating(in: last) ? built : [], years: years, rates: rates, rules: rules, prices: prices,
        into: &sink)
    }
  }

  /// A rented site's rent (docs/conventions.md, "Rented sites"): from the first year of its
  /// contract (its `in_operation_since`, else its first year with IT load), the racks and IT
  /// power standing (its capacity and the modules ready) at their prices, each year it runs;
  /// after it closes, the last year's rent on for the notice or to the end of the term,
  /// whichever is longer. A site lost (an event `site-loss`) pays no rent from the loss.
  // swiftlint:disable:next function_parameter_count
  private static func addRent<Sink: CostSink>(
    _ rent: SiteRent, site: Site, needs: SiteFacility, sized: SiteSizing, built: ArraySlice<Expansion>, years: [Year],
    into sink: inout Sink
  ) {
    guard let start = rentStart(site: site, needs: needs, sized: sized, years: years) else { return }
    var lastRent = 0.0
    var monthsLeft: Double?
    // A provider's service pays at least its first year's charge in each year of its term.
    var committed = 0.0
    for (y, year) in years.enumerated() where year >= start {
      if rent.isService {
        let usage = site.isOperating(in: year) ? serviceCharge(rent, sized, y) : 0
        if usage > 0 {
          if committed == 0 { committed = usage }
          let inTerm = year.number < start.number + rent.termYears
          lastRent = inTerm ? max(usage, committed) : usage
          monthsLeft = nil
          sink.add(y, .rent, lastRent,
                   lastRent > usage
                     ? .note("provider's service: the term's minimum, its first year's charge of \(CostStage.rounded(committed)) EUR")
                     : serviceDriver(rent, sized, y))
          continue
        }
        // No load placed any more, or closed: the notice or the rest of the term, below.
      } else if site.isOperating(in: year) {
        let standing = contracted(site: site, built: built, in: year)
        let racks = Double(standing.racks)
        let kw = standing.itPower.kilowatts
        lastRent = racks * rent.perRackYearEUR + kw * rent.perKWYearEUR
        if lastRent > 0 {
          let driver = rent.perKWYearEUR > 0 && rent.perRackYearEUR > 0
            ? CostDriver.note("\(CostStage.rounded(racks)) racks × \(CostStage.rounded(rent.perRackYearEUR)) EUR + \(CostStage.rounded(kw)) kW × \(CostStage.rounded(rent.perKWYearEUR)) EUR")
            : rent.perRackYearEUR > 0
              ? CostDriver.units(count: racks, noun: "racks contracted", unitEUR: rent.perRackYearEUR)
              : CostDriver.units(count: kw, noun: "kW contracted", unitEUR: rent.perKWYearEUR)
          sink.add(y, .rent, lastRent, driver)
        }
        continue
      }
      if let lost = site.lossYear, year >= lost { break }
      let left = monthsLeft ?? max(rent.noticeMonths, Double(start.number + rent.termYears - year.number) * 12)
      guard left > 1e-9, lastRent > 0 else { break }
      let months = min(12, left)
      sink.add(y, .rent, lastRent * months / 12,
               .share(fraction: months / 12, ofEUR: lastRent, what: "a year's rent after closing (notice or the rest of the term)"))
      monthsLeft = left - months
    }
  }

  /// The year a rented site's contract starts: its `in_operation_since`, else its first year
  /// with IT load (a provider's service: with load placed); nil when it never carries load.
  static func rentStart(site: Site, needs: SiteFacility, sized: SiteSizing, years: [Year]) -> Year? {
    let firstLoad = site.isProviderService
      ? sized.sizedVCPU.indices.first { sized.sizedVCPU[$0] > 0 || sized.storedTiB[$0] > 0 }
      : needs.itKW.firstIndex { $0 > 0 }
    guard let firstLoad, firstLoad < years.count else { return nil }
    return min(site.inOperationSince ?? years[firstLoad], years[firstLoad])
  }

  /// A provider's service charge in year index `y`: vCPU and RAM the site is sized for and
  /// TiB it stores with its copies, at the contract's yearly prices (EUR).
  static func serviceCharge(_ rent: SiteRent, _ sized: SiteSizing, _ y: Int) -> Double {
    guard y < sized.sizedVCPU.count else { return 0 }
    let tib = y < sized.storedWithCopiesTiB.count ? sized.storedWithCopiesTiB[y] : 0
    return sized.sizedVCPU[y] * rent.perVCPUYearEUR + sized.sizedRAMGiB[y] * rent.perGiBRAMYearEUR + tib * rent.perTiBYearEUR
  }

  /// The driver of a service charge: each priced quantity × its yearly price.
  private static func serviceDriver(_ rent: SiteRent, _ sized: SiteSizing, _ y: Int) -> CostDriver {
    var terms: [String] = []
    if rent.perVCPUYearEUR > 0 { terms.append("\(CostStage.rounded(sized.sizedVCPU[y])) vCPU × \(CostStage.rounded(rent.perVCPUYearEUR)) EUR") }
    if rent.perGiBRAMYearEUR > 0 { terms.append("\(CostStage.rounded(sized.sizedRAMGiB[y])) GiB RAM × \(CostStage.rounded(rent.perGiBRAMYearEUR)) EUR") }
    if rent.perTiBYearEUR > 0 {
      terms.append("\(CostStage.rounded(sized.storedWithCopiesTiB[y])) TiB stored × \(CostStage.rounded(rent.perTiBYearEUR)) EUR")
    }
    return .note("provider's service: " + terms.joined(separator: " + "))
  }

  /// The rent per year of what a rented site has contracted in `year`: its capacity and the
  /// modules ready by then (EUR).
  static func contractedRent(_ rent: SiteRent, site: Site, built: some Sequence<Expansion>, in year: Year) -> Double {
    let standing = contracted(site: site, built: built, in: year)
    return Double(standing.racks) * rent.perRackYearEUR + standing.itPower.kilowatts * rent.perKWYearEUR
  }

  /// What a rented site has contracted in `year`: its capacity and the modules ready by then.
  private static func contracted(site: Site, built: some Sequence<Expansion>, in year: Year) -> FacilityCapacity {
    var standing = site.existingCapacity
    for module in built where module.readyYear <= year { standing = standing + module.capacity }
    return standing
  }

  /// The book value left at the horizon's end of the modules built and of the servers and
  /// storage units bought in the plan and still in service (docs/conventions.md, "Residual value").
  // swiftlint:disable:next function_parameter_count
  private static func addResidualValue<Sink: CostSink>(
    _ residual: ResidualValue, _ fleet: SiteFleet, built: ArraySlice<Expansion>, years: [Year], rates: CostRates,
    rules: SizingStage.Rules, prices: HardwarePrices, into sink: inout Sink
  ) {
    guard !years.isEmpty else { return }
    let last = years.count - 1
    for module in built {
      let counted = CostStage.countedCapex(module.capex.euros, order: module.orderYear, ready: module.readyYear, years: years)
      let left = residual.yearsLeft(serviceYear: module.readyYear, lifeYears: rates.moduleLifeYears)
      guard counted > 0, left > 0 else { continue }
      sink.add(last, .residualValue, -counted * Double(left) / Double(rates.moduleLifeYears),
               .bookValue(what: "module '\(module.module)' ready \(module.readyYear)", capexEUR: counted, yearsLeft: left,
                          lifeYears: rates.moduleLifeYears))
    }
    func hardware(_ flow: FleetFlow, life: Int, noun: String, unitEUR: (Int) -> Double) {
      for y in flow.remaining.indices where flow.remaining[y] > 0 {
        let left = residual.yearsLeft(serviceYear: years[y], lifeYears: life)
        guard left > 0 else { continue }
        let capex = Double(flow.remaining[y]) * unitEUR(y)
        sink.add(last, .residualValue, -capex * Double(left) / Double(life),
                 .bookValue(what: "\(flow.remaining[y]) \(noun) bought \(years[y]) still in service", capexEUR: capex,
                            yearsLeft: left, lifeYears: life))
      }
    }
    if let server = rules.server {
      hardware(fleet.servers, life: max(1, server.lifetimeYears), noun: "servers", unitEUR: prices.serverEUR)
    }
    if let storage = rules.storage {
      hardware(fleet.storage, life: max(1, storage.lifetimeYears), noun: "storage units", unitEUR: prices.storageEUR)
    }
  }

  private static func discounted(_ noun: String, _ discount: Double) -> String {
    discount > 0 ? "\(noun) at \(NumberText.fixed(discount * 100, decimals: 2)) % volume discount" : noun
  }
}

/// The tenants each site serves per year: those whose workloads run there that year
/// (``Placement``); for a year nobody runs there (a module built ahead), those who run there in
/// any year (docs/conventions.md, "Cost sharing").
struct SiteTenants {
  private var perYear: [[[String]]]
  private var anyYear: [[String]]

  init(_ scenario: Scenario, _ demand: DemandProjection) {
    let count = demand.years.count
    let placement = Placement(scenario, years: demand.years)
    let running = DemandStage.TenantSums(scenario, demand).running
    let ids = scenario.tenants.map(\.id)
    // Tenants in scenario order, so each year's list is in scenario order.
    var lists = [[[String]]](repeating: [[String]](repeating: [], count: count), count: scenario.sites.count)
    var any = [[Bool]](repeating: [Bool](repeating: false, count: scenario.tenants.count), count: scenario.sites.count)
    for t in scenario.tenants.indices {
      for y in 0..<count where running[t][y] > 0 {
        for s in scenario.sites.indices where placement.runs(tenant: t, atSite: s, year: y) {
          lists[s][y].append(ids[t])
          any[s][t] = true
        }
      }
    }
    perYear = lists
    anyYear = any.map { site in site.indices.filter { site[$0] }.map { ids[$0] } }
  }

  func tenants(site: Int, year y: Int) -> [String] {
    let those = perYear[site][y]
    return those.isEmpty ? anyYear[site] : those
  }
}
