import DCPlanModel

/// Unit prices of the hardware one site buys in each year, after the volume discount that the
/// year's purchases of that type reach (docs/conventions.md, "Procurement tiers").
struct HardwarePrices {
  /// Catalogue price of a server and of a storage unit in the first year of the horizon, EUR.
  let serverListEUR: Double
  let storageListEUR: Double
  /// Their yearly change (``ServerType/priceEscalation``).
  var serverEscalation = GrowthRate.zero
  var storageEscalation = GrowthRate.zero
  /// Discount per year.
  var serverDiscount: [Double]
  var storageDiscount: [Double]

  /// The prices of the policy's types, every site's purchases pooled.
  init(_ scenario: Scenario, serverPurchases: [Int], storagePurchases: [Int]) {
    self.init(
      tiers: scenario.costs.procurement, serverListEUR: CatalogueChoice.server(scenario)?.price.euros ?? 0,
      storageListEUR: CatalogueChoice.storage(scenario)?.price.euros ?? 0, serverPurchases: serverPurchases,
      storagePurchases: storagePurchases)
    serverEscalation = CatalogueChoice.server(scenario)?.priceEscalation ?? .zero
    storageEscalation = CatalogueChoice.storage(scenario)?.priceEscalation ?? .zero
  }

  init(tiers: ProcurementTiers, serverListEUR: Double, storageListEUR: Double, serverPurchases: [Int], storagePurchases: [Int]) {
    self.serverListEUR = serverListEUR
    self.storageListEUR = storageListEUR
    serverDiscount = serverPurchases.map { ProcurementTier.discount(for: $0, in: tiers.servers) }
    storageDiscount = storagePurchases.map { ProcurementTier.discount(for: $0, in: tiers.storage) }
  }

  private init(serverListEUR: Double, storageListEUR: Double, serverDiscount: [Double], storageDiscount: [Double]) {
    self.serverListEUR = serverListEUR
    self.storageListEUR = storageListEUR
    self.serverDiscount = serverDiscount
    self.storageDiscount = storageDiscount
  }

  /// The catalogue price of a server (a storage unit) bought in year index `y`.
  func serverListEUR(_ y: Int) -> Double { serverEscalation == .zero ? serverListEUR : serverListEUR * serverEscalation.factor(afterYears: y) }
  func storageListEUR(_ y: Int) -> Double { storageEscalation == .zero ? storageListEUR : storageListEUR * storageEscalation.factor(afterYears: y) }

  /// The unit price paid in year index `y`: the year's catalogue price less the volume discount.
  func serverEUR(_ y: Int) -> Double { serverListEUR(y) * (1 - serverDiscount[y]) }
  func storageEUR(_ y: Int) -> Double { storageListEUR(y) * (1 - storageDiscount[y]) }

  /// Each of `sites`' prices (indices into `scenario.sites`, with their fleets, in the same
  /// order): a type's discount in a year counts the units of that type all of them buy that
  /// year. With every site on the policy's types, one price list for all (the pooled one).
  static func perSite(_ scenario: Scenario, sites: [Int], fleets: [SiteFleet], years count: Int) -> [HardwarePrices] {
    let servers = sites.map { CatalogueChoice.server(scenario, site: scenario.sites[$0]) }
    let storage = sites.map { CatalogueChoice.storage(scenario, site: scenario.sites[$0]) }
    // Purchases per year pooled over the sites buying each type.
    func pooled(_ ids: [String?], servers isServer: Bool) -> [String: [Int]] {
      var sums: [String: [Int]] = [:]
      for (k, id) in ids.enumerated() {
        let purchases = isServer ? fleets[k].servers.purchases : fleets[k].storage.purchases
        var sum = sums[id ?? "", default: [Int](repeating: 0, count: count)]
        for y in 0..<min(count, purchases.count) { sum[y] += purchases[y] }
        sums[id ?? ""] = sum
      }
      return sums
    }
    let serverSums = pooled(servers.map { $0?.id }, servers: true)
    let storageSums = pooled(storage.map { $0?.id }, servers: false)
    let tiers = scenario.costs.procurement
    var serverDiscounts: [String: [Double]] = [:]
    for (id, sum) in serverSums { serverDiscounts[id] = sum.map { ProcurementTier.discount(for: $0, in: tiers.servers) } }
    var storageDiscounts: [String: [Double]] = [:]
    for (id, sum) in storageSums { storageDiscounts[id] = sum.map { ProcurementTier.discount(for: $0, in: tiers.storage) } }
    let none = [Double](repeating: 0, count: count)
    return sites.indices.map { k in
      var prices = HardwarePrices(
        serverListEUR: servers[k]?.price.euros ?? 0, storageListEUR: storage[k]?.price.euros ?? 0,
        serverDiscount: serverDiscounts[servers[k]?.id ?? ""] ?? none, storageDiscount: storageDiscounts[storage[k]?.id ?? ""] ?? none)
      prices.serverEscalation = servers[k]?.priceEscalation ?? .zero
      prices.storageEscalation = storage[k]?.priceEscalation ?? .zero
      return prices
    }
  }

  /// The mean unit price of the servers and of the storage units `fleets` buy in year index
  /// `y` at `prices` (per fleet), weighted by the units each buys (an emergency premium's
  /// base when sites buy different types); nil where nothing is bought.
  static func meanUnitEUR(_ prices: [HardwarePrices], _ fleets: [SiteFleet], year y: Int) -> (server: Double?, storage: Double?) {
    var servers = (units: 0, eur: 0.0)
    var storage = (units: 0, eur: 0.0)
    for k in fleets.indices where k < prices.count {
      let bought = y < fleets[k].servers.purchases.count ? fleets[k].servers.purchases[y] : 0
      servers = (servers.units + bought, servers.eur + Double(bought) * prices[k].serverEUR(y))
      let units = y < fleets[k].storage.purchases.count ? fleets[k].storage.purchases[y] : 0
      storage = (storage.units + units, storage.eur + Double(units) * prices[k].storageEUR(y))
    }
    // One price for all: that price exactly (a mean of equal prices can differ in the last digit).
    let serverPrices = Set(prices.map { $0.serverEUR(y) })
    let storagePrices = Set(prices.map { $0.storageEUR(y) })
    return (
      servers.units > 0 ? (serverPrices.count == 1 ? serverPrices.first : servers.eur / Double(servers.units)) : nil,
      storage.units > 0 ? (storagePrices.count == 1 ? storagePrices.first : storage.eur / Double(storage.units)) : nil)
  }
}
