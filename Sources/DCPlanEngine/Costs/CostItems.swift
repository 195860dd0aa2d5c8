import DCPlanModel

/// The ledger lines of the costs a scenario declares itself (docs/conventions.md, "Cost
/// items"): per employee, phone or vCPU one line per served tenant and year; per site or fixed
/// one line per year serving the item's tenants. A recurring item counts its amount in each year
/// of its `years`, a one-off item in its `year`.
enum CostItems {
  /// The ledger's "site" of an item's lines.
  static func place(_ item: CostItem) -> String { "item '\(item.id)'" }

  /// Whether an item is a common cost shared by usage outside the cost game (a site or fixed
  /// item that costs the same whoever bears it, `alone: share`), like the network.
  static func isCommon(_ item: CostItem) -> Bool { (item.basis == .site || item.basis == .fixed) && item.alone == .share }

  /// Whether the item is counted per tenant (per employee, phone or vCPU).
  static func isPerTenant(_ item: CostItem) -> Bool { [.employee, .phone, .vcpu].contains(item.basis) }

  /// The places of the common items: lines there are common costs.
  static func commonPlaces(_ scenario: Scenario) -> Set<String> { Set(scenario.costs.items.filter(isCommon).map(place)) }

  /// The factor on an item's amount in `year`: 1 in the years it counts, else 0.
  static func counts(_ item: CostItem, in year: Year) -> Bool {
    if let once = item.oneOffYear { return once == year }
    return item.years.map { $0.contains(year) } ?? true
  }

  /// The lines of the items `include` accepts.
  static func lines(
    _ scenario: Scenario, _ demand: DemandProjection, _ voice: VoiceResults, years: [Year], include: (CostItem) -> Bool = { _ in true }
  ) -> [CostLine] {
    var sink = CostLineList()
    add(scenario, demand, voice, years: years, include: include, into: &sink)
    return sink.lines
  }

  /// The lines of the items `include` accepts, into `sink`.
  static func add<Sink: CostLineSink>(
    _ scenario: Scenario, _ demand: DemandProjection, _ voice: VoiceResults, years: [Year],
    include: (CostItem) -> Bool = { _ in true }, into sink: inout Sink
  ) {
    guard !scenario.costs.items.isEmpty else { return }
    let sharedSites = scenario.sites.filter { $0.kind == .shared }.count
    let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    for item in scenario.costs.items where include(item) {
      // The tenants of this scenario it serves (a coalition's or a tenant's own scenario may have fewer).
      let served = item.tenants.isEmpty ? Array(scenario.tenants.indices) : item.tenants.compactMap { tenantIndex[$0] }
      guard !served.isEmpty else { continue }
      let ids = served.map { scenario.tenants[$0].id }
      func n(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }
      for (y, year) in years.enumerated() where counts(item, in: year) {
        switch item.basis {
        case .employee, .phone, .vcpu:
          for t in served {
            let units: Double
            switch item.basis {
            case .employee: units = scenario.tenants[t].employees.employees(in: year)
            case .phone: units = phones(voice, tenant: t, year: y)
            default: units = demand.tenantTotal(tenant: t, resource: 0, year: y)
            }
            guard units > 0, item.amountEUR > 0 else { continue }
            sink.add(year, item.category, units * item.amountEUR, at: place(item), serving: [scenario.tenants[t].id],
                     .units(count: units, noun: "\(item.basis == .vcpu ? "vCPU" : item.basis.rawValue + "s") of '\(scenario.tenants[t].id)' ('\(item.id)')",
                            unitEUR: item.amountEUR))
          }
        case .site:
          let count = Double(item.sites.isEmpty ? sharedSites : item.sites.count)
          guard count > 0, item.amountEUR > 0 else { continue }
          sink.add(year, item.category, count * item.amountEUR, at: place(item), serving: ids,
                   .units(count: count, noun: "sites ('\(item.id)')", unitEUR: item.amountEUR))
        case .fixed:
          guard item.amountEUR > 0 else { continue }
          sink.add(year, item.category, item.amountEUR, at: place(item), serving: ids, .note("'\(item.id)': \(n(item.amountEUR)) EUR"))
        }
      }
    }
  }

  /// A tenant's phones in year index `y` over its locations.
  private static func phones(_ voice: VoiceResults, tenant t: Int, year y: Int) -> Double {
    let table = voice.table
    var sum = 0.0
    for (r, row) in table.rows.enumerated() where row.tenant == t && r * table.yearCount + y < table.phones.count {
      sum += table.phones[r * table.yearCount + y]
    }
    return sum
  }
}
