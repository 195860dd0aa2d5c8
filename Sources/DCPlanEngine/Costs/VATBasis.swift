import DCPlanModel

/// Which prices carry VAT and who pays it (docs/conventions.md, "VAT").
///
/// A scenario's prices are net when it gives `costs.vat`. A body that cannot reclaim VAT pays
/// every price VAT falls on × (1 + rate): hardware, modules, energy, space, licences, network,
/// voice, migration projects at a day rate and cost items not marked exempt; its own staff
/// (`fte_cost`, staff days without a day rate) and a CO2 price carry none. The shared plan is
/// costed in the money of its body: gross when its services are exempt (it cannot reclaim),
/// net when they are taxable (it reclaims, and charges VAT on each member's whole charge).
/// Each tenant alone pays gross unless it reclaims.
extension Scenario {
  /// The scenario with every price VAT falls on raised by the rate (once: a scenario whose
  /// prices include VAT already is returned as it is).
  func withVATOnPrices() -> Scenario {
    guard var vat = costs.vat, !vat.pricesIncludeVAT, vat.rate > 0 else { return self }
    let factor = 1 + vat.rate
    var s = self
    func raise(_ money: Money) -> Money { Money(baseUnits: money.baseUnits * factor) }
    for i in s.hardware.servers.indices { s.hardware.servers[i].price = raise(s.hardware.servers[i].price) }
    for i in s.hardware.storage.indices { s.hardware.storage[i].price = raise(s.hardware.storage[i].price) }
    for i in s.sites.indices {
      for m in s.sites[i].modules.indices { s.sites[i].modules[m].capex = raise(s.sites[i].modules[m].capex) }
    }
    s.costs.energyPricePerKWh = s.costs.energyPricePerKWh.mapped { $0 * factor }
    s.costs.spacePerRackYear = s.costs.spacePerRackYear.mapped { $0 * factor }
    s.costs.licencePerCoreYear = s.costs.licencePerCoreYear.mapped { $0 * factor }
    s.costs.licencePerVCPUYear = s.costs.licencePerVCPUYear.mapped { $0 * factor }
    for i in s.costs.items.indices where !s.costs.items[i].vatExempt { s.costs.items[i].amountEUR *= factor }
    for t in s.tenants.indices {
      guard var migration = s.tenants[t].migration else { continue }
      migration.fixedEUR *= factor
      migration.perVCPUEUR *= factor
      migration.perTiBEUR *= factor
      // Staff days at a day rate are bought in; at the cost per FTE they are the body's own.
      migration.dayRateEUR = migration.dayRateEUR.map { $0 * factor }
      s.tenants[t].migration = migration
    }
    for l in s.network.links.indices {
      s.network.links[l].leasePerYear = raise(s.network.links[l].leasePerYear)
      for k in s.network.links[l].steps.indices {
        s.network.links[l].steps[k].capex = raise(s.network.links[l].steps[k].capex)
        s.network.links[l].steps[k].leasePerYear = raise(s.network.links[l].steps[k].leasePerYear)
      }
    }
    for c in s.network.accessClasses.indices { s.network.accessClasses[c].pricePerYearEUR *= factor }
    if var voice = s.voice {
      voice.legacyLinePerPhoneYear = voice.legacyLinePerPhoneYear.mapped { $0 * factor }
      voice.pbxPerPhoneYear = voice.pbxPerPhoneYear.mapped { $0 * factor }
      voice.sipPerChannelYear = voice.sipPerChannelYear.mapped { $0 * factor }
      voice.ipPhonePrice *= factor
      if var pbx = voice.legacyPBXs {
        pbx.maintenancePerPBXYear = pbx.maintenancePerPBXYear.mapped { $0 * factor }
        pbx.isdnChannelYear = pbx.isdnChannelYear.mapped { $0 * factor }
        voice.legacyPBXs = pbx
      }
      for g in voice.gateways.indices { voice.gateways[g].capex *= factor }
      s.voice = voice
    }
    vat.pricesIncludeVAT = true
    s.costs.vat = vat
    return s
  }

  /// The money the shared plan is costed in: gross when its body's services are exempt, net
  /// when they are taxable (or without VAT).
  func inSharedPlanMoney() -> Scenario {
    costs.vat?.cooperativeCharges == .exempt ? withVATOnPrices() : self
  }

  /// The sites the shared plan runs (``forPlan()``), in the shared plan's money.
  func forSharedPlan() -> Scenario { forPlan().inSharedPlanMoney() }

  /// What tenant `t` pays on each euro the shared plan's body charges it: 1 + rate where the
  /// body is taxable and the tenant cannot reclaim, else 1.
  func chargeFactor(tenant t: Int) -> Double {
    guard let vat = costs.vat, vat.cooperativeCharges == .taxable, tenants.indices.contains(t), !tenants[t].reclaimsVAT else { return 1 }
    return 1 + vat.rate
  }
}
