import DCPlanModel

/// Decoding of the capacity sections: hardware, policy, costs, site capacity and modules.
extension ScenarioDecoder {
  func decodeHardware(_ node: Node, horizon: YearRange) -> HardwareCatalogue {
    guard let reader = MappingReader(node, spec: HardwareSection.spec, path: "hardware", label: "section 'hardware'", context: context)
    else { return .empty }
    defer { reader.finish() }
    let servers = list(reader, HardwareSection.servers, ServerSection.spec) { entry, index in decodeServer(entry, index, horizon: horizon) }
    let storage = list(reader, HardwareSection.storage, StorageSection.spec) { entry, index in decodeStorage(entry, index, horizon: horizon) }
    return HardwareCatalogue(servers: servers, storage: storage)
  }

  private func decodeServer(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> ServerType {
    let (reader, id) = identified(reader, ServerSection.id, "server type", index)
    defer { reader.finish() }
    let common = commonHardware(reader)
    var server = ServerType(
      id: id, cores: reader.integer(ServerSection.cores, in: 1...100_000) ?? 1,
      ram: InformationSize(baseUnits: reader.quantity(ServerSection.ram, QuantityKind(.information, example: "1 TiB"))?.value.baseValue ?? 0),
      typicalPower: common.typical, peakPower: common.peak, price: common.price, lifetimeYears: common.lifetime,
      perRack: common.perRack)
    server.priceEscalation = reader.growthRate(HardwareKeys.priceEscalation) ?? .zero
    var before = (cores: server.cores, ram: server.ram, power: (typical: server.typicalPower, peak: server.peakPower))
    server.generations = generations(reader, ServerSection.generations, ServerGenerationSection.spec, horizon: horizon) { entry in
      typealias G = ServerGenerationSection
      let ram = entry.quantity(G.ram, QuantityKind(.information, example: G.ram.example))?.value.baseValue
      if let ram, ram <= 0 { context.error("'ram' of \(entry.label) must be more than zero", at: entry.position(of: G.ram)) }
      if ![G.cores, G.ram, G.typicalPower, G.peakPower].contains(where: entry.has) {
        context.error("\(entry.label) changes nothing; give its 'cores', 'ram', 'typical_power' or 'peak_power'", at: entry.position)
      }
      let cores = entry.integer(G.cores, in: 1...100_000) ?? before.cores
      let figures = (
        cores: cores, ram: ram.map { InformationSize(baseUnits: $0) } ?? before.ram, power: generationPower(entry, before: before.power)
      )
      before = figures
      return {
        ServerGeneration(fromYear: $0, cores: figures.cores, ram: figures.ram, typicalPower: figures.power.typical, peakPower: figures.power.peak)
      }
    }
    return server
  }

  /// The `generations` of a hardware type under `key`: each entry's `from` within the horizon
  /// and after the entry before; `figures` reads the rest of an entry and returns the
  /// generation for its year.
  private func generations<G>(
    _ reader: MappingReader, _ key: KeySpec, _ spec: SectionSpec, horizon: YearRange,
    _ figures: (MappingReader) -> (Year) -> G
  ) -> [G] {
    var lastYear: Year?
    return list(reader, key, spec) { entry, index -> G? in
      var entry = entry
      entry.label = "generation \(index + 1) of \(reader.label)"
      defer { entry.finish() }
      let fromKey = spec.keys[0]
      let year = entry.year(fromKey)
      let make = figures(entry)
      guard let year else { return nil }
      if !horizon.contains(year) {
        context.error(
          "'from' of \(entry.label) is \(year), outside the horizon \(horizon.first)..\(horizon.last); give a year within it",
          at: entry.position(of: fromKey))
        return nil
      }
      if let lastYear, year <= lastYear {
        context.error(
          "'from' of \(entry.label) is \(year), not after the generation before (\(lastYear)); list generations by rising year",
          at: entry.position(of: fromKey))
        return nil
      }
      lastYear = year
      return make(year)
    }
  }

  private func decodeStorage(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> StorageType {
    let (reader, id) = identified(reader, StorageSection.id, "storage type", index)
    defer { reader.finish() }
    let common = commonHardware(reader)
    let parsedUsable = reader.quantity(StorageSection.usable, QuantityKind(.information, example: "500 TiB"))?.value.baseValue
    let usable = parsedUsable ?? 0
    if let parsedUsable, parsedUsable <= 0 {
      context.error("'usable' of \(reader.label) must be more than zero", at: reader.position(of: StorageSection.usable))
    }
    var storage = StorageType(
      id: id, usable: InformationSize(baseUnits: usable), typicalPower: common.typical, peakPower: common.peak,
      price: common.price, lifetimeYears: common.lifetime, perRack: common.perRack)
    storage.priceEscalation = reader.growthRate(HardwareKeys.priceEscalation) ?? .zero
    var before = (usable: storage.usable, power: (typical: storage.typicalPower, peak: storage.peakPower))
    storage.generations = generations(reader, StorageSection.generations, StorageGenerationSection.spec, horizon: horizon) { entry in
      typealias G = StorageGenerationSection
      let usable = entry.quantity(G.usable, QuantityKind(.information, example: G.usable.example))?.value.baseValue
      if let usable, usable <= 0 { context.error("'usable' of \(entry.label) must be more than zero", at: entry.position(of: G.usable)) }
      if ![G.usable, ServerGenerationSection.typicalPower, ServerGenerationSection.peakPower].contains(where: entry.has) {
        context.error("\(entry.label) changes nothing; give its 'usable', 'typical_power' or 'peak_power'", at: entry.position)
      }
      let figures = (usable: usable.map { InformationSize(baseUnits: $0) } ?? before.usable, power: generationPower(entry, before: before.power))
      before = figures
      return { StorageGeneration(fromYear: $0, usable: figures.usable, typicalPower: figures.power.typical, peakPower: figures.power.peak) }
    }
    return storage
  }

  /// A generation's typical and peak power, each the generation before's where not given (a
  /// peak not given keeps its ratio to the typical power); peak at least typical.
  private func generationPower(_ entry: MappingReader, before: (typical: Power, peak: Power)) -> (typical: Power, peak: Power) {
    typealias G = ServerGenerationSection
    let typical = entry.quantity(G.typicalPower, HardwareKeys.power).map { Power(baseUnits: $0.value.baseValue) }
    let peak = entry.quantity(G.peakPower, HardwareKeys.power).map { Power(baseUnits: $0.value.baseValue) }
    let scaledPeak = typical.map { before.typical.baseUnits > 0 ? before.peak * ($0.baseUnits / before.typical.baseUnits) : $0 }
    let result = (typical: typical ?? before.typical, peak: peak ?? scaledPeak ?? before.peak)
    if result.peak < result.typical {
      context.error(
        "'peak_power' of \(entry.label) is below its 'typical_power'; peak must be at least typical",
        at: entry.position(of: peak == nil ? G.typicalPower : G.peakPower))
    }
    return result
  }

  private func commonHardware(_ reader: MappingReader) -> (typical: Power, peak: Power, price: Money, lifetime: Int, perRack: Int) {
    typealias H = HardwareKeys
    let typical = Power(baseUnits: reader.quantity(H.typicalPower, H.power)?.value.baseValue ?? 0)
    let peak = Power(baseUnits: reader.quantity(H.peakPower, H.power)?.value.baseValue ?? typical.baseUnits)
    if reader.has(H.typicalPower), reader.has(H.peakPower), peak < typical {
      context.error(
        "'peak_power' of \(reader.label) is below its 'typical_power'; peak must be at least typical",
        at: reader.position(of: H.peakPower))
    }
    let price = Money(baseUnits: reader.quantity(H.price, H.money)?.value.baseValue ?? 0)
    return (typical, peak, price, wholeYears(reader, H.lifetime, rounding: false) ?? 1, reader.integer(H.perRack, in: 1...1000) ?? 1)
  }

  /// A duration in whole years: rounded up (lead times), or required whole (lifetimes).
  func wholeYears(_ reader: MappingReader, _ key: KeySpec, rounding: Bool) -> Int? {
    guard let seconds = reader.quantity(key, QuantityKind(.duration, example: key.example))?.value.baseValue else { return nil }
    let years = seconds / UnitTable.secondsPerYear
    let whole = years.rounded()
    if rounding { return Int(min(1000, (years - 1e-9).rounded(.up))) }
    guard abs(years - whole) < 1e-9, whole >= 1, whole <= 1000 else {
      context.error(
        "'\(key.name)' of \(reader.label) must be a whole number of years from 1 to 1000; found '\(reader.text(key) ?? "")'",
        at: reader.position(of: key))
      return nil
    }
    return Int(whole)
  }

  func decodePolicy(_ node: Node) -> SizingPolicy {
    typealias P = PolicySection
    var policy = SizingPolicy.standard
    guard let reader = MappingReader(node, spec: P.spec, path: "policy", label: "section 'policy'", context: context)
    else { return policy }
    defer { reader.finish() }
    policy.cpuOvercommit = reader.number(P.cpuOvercommit, in: 0.01...1000) ?? policy.cpuOvercommit
    policy.ramOvercommit = reader.number(P.ramOvercommit, in: 0.01...100) ?? policy.ramOvercommit
    policy.targetUtilisation = reader.fraction(P.targetUtilisation) ?? policy.targetUtilisation
    policy.storageTargetUtilisation = reader.fraction(P.storageTargetUtilisation) ?? policy.storageTargetUtilisation
    for (key, value) in [(P.targetUtilisation, policy.targetUtilisation), (P.storageTargetUtilisation, policy.storageTargetUtilisation)]
    where value.value == 0 && reader.has(key) {
      context.error("'\(key.name)' of section 'policy' must be more than 0 %", at: reader.position(of: key))
    }
    policy.clusterSize = reader.integer(P.clusterSize, in: 2...10_000) ?? policy.clusterSize
    policy.sparesPerCluster = reader.integer(P.spares, in: 0...1000) ?? policy.sparesPerCluster
    if policy.sparesPerCluster >= policy.clusterSize {
      context.error(
        "'spares_per_cluster' (\(policy.sparesPerCluster)) must be below 'cluster_size' (\(policy.clusterSize)); a cluster needs working servers",
        at: reader.position(of: P.spares))
    }
    if let copies = reader.number(P.copies, in: 1...10) { policy.storageRawFactor = copies }
    if let code = erasureCode(reader) {
      policy.erasureCoding = code
      policy.storageRawFactor = code.rawFactor
    }
    let failover = reader.fraction(P.failoverShare) ?? .one
    switch reader.choice(P.siteMode, ["active-active", "active-passive"]) {
    case "active-passive"?:
      policy.siteMode = .activePassive
      if reader.has(P.failoverShare) {
        context.warning("'failover_share' is for active-active sites and is ignored with 'active-passive'",
                        at: reader.keyPosition(of: P.failoverShare))
      }
    default:
      policy.siteMode = .activeActive(failoverShare: failover)
    }
    policy.serverType = reader.identifier(P.serverType)
    policy.storageType = reader.identifier(P.storageType)
    policy.classes = decodeClassPolicies(reader, defaults: policy)
    return policy
  }

  /// `erasure_coding: k+m` of `reader`, if given and well formed (an error otherwise); not with
  /// `storage_copies`.
  private func erasureCode(_ reader: MappingReader) -> ErasureCode? {
    typealias P = PolicySection
    guard let (text, node) = reader.scalar(P.erasureCoding) else { return nil }
    if reader.has(P.copies) {
      context.error("give 'storage_copies' or 'erasure_coding', not both", at: node.position)
    }
    let parts = text.split(separator: "+").map { Int(String($0).trimmingSpaces()) }
    guard parts.count == 2, let k = parts[0], let m = parts[1], k >= 1, m >= 0, k <= 1000, m <= 1000 else {
      context.error("'erasure_coding' must be 'k+m' with whole numbers, such as '8+3'; found '\(text)'", at: node.position)
      return nil
    }
    return ErasureCode(k: k, m: m)
  }

  /// `policy.classes`: each class's redundancy, the policy's values where an entry gives none.
  private func decodeClassPolicies(_ reader: MappingReader, defaults policy: SizingPolicy) -> [ClassRedundancy] {
    typealias P = PolicySection
    var seen: [String: Int] = [:]
    return list(reader, P.classes, PolicyClassSection.spec) { entry, index -> ClassRedundancy? in
      var entry = entry
      entry.label = "class policy \(index + 1)"
      defer { entry.finish() }
      guard let target = entry.availabilityTarget(PolicyClassSection.name) else { return nil }
      guard let name = target.className else {
        context.error(
          "'class' of class policy \(index + 1) must name a class (\(AvailabilityTarget.classes.map { "'\($0.name)'" }.joined(separator: ", "))), not a percentage",
          at: entry.position(of: PolicyClassSection.name))
        return nil
      }
      if let earlier = seen[name] {
        context.error("class '\(name)' has a policy already (entry \(earlier + 1)); give each class once",
                      at: entry.position(of: PolicyClassSection.name))
        return nil
      }
      seen[name] = index
      var redundancy = policy.defaultRedundancy
      if case .activePassive = policy.siteMode {
        if entry.has(P.failoverShare) {
          context.warning("'failover_share' of class '\(name)' is ignored with 'active-passive': every shared site carries everything",
                          at: entry.keyPosition(of: P.failoverShare))
        }
      } else if let share = entry.fraction(P.failoverShare) {
        redundancy.failoverShare = share
      }
      redundancy.clusterSize = entry.integer(P.clusterSize, in: 2...10_000) ?? redundancy.clusterSize
      redundancy.sparesPerCluster = entry.integer(P.spares, in: 0...1000) ?? redundancy.sparesPerCluster
      if redundancy.sparesPerCluster >= redundancy.clusterSize {
        context.error(
          "'spares_per_cluster' (\(redundancy.sparesPerCluster)) of class '\(name)' must be below its 'cluster_size' (\(redundancy.clusterSize))",
          at: entry.position(of: entry.has(P.spares) ? P.spares : P.clusterSize))
      }
      if let copies = entry.number(P.copies, in: 1...10) {
        redundancy.storageCopies = copies
        redundancy.erasureCoding = nil
      }
      if let code = erasureCode(entry) { redundancy.erasureCoding = code }
      return ClassRedundancy(target: target, redundancy: redundancy)
    }
  }

  func decodeCapacity(_ node: Node, path: String, owner: String) -> FacilityCapacity? {
    guard let reader = MappingReader(node, spec: FacilityKeys.capacitySpec, path: path, label: "'capacity' of \(owner)", context: context)
    else { return nil }
    defer { reader.finish() }
    return facility(reader)
  }

  private func facility(_ reader: MappingReader) -> FacilityCapacity {
    typealias F = FacilityKeys
    let it = Power(baseUnits: reader.quantity(F.itPower, F.power)?.value.baseValue ?? 0)
    let cooling = reader.quantity(F.cooling, F.power).map { Power(baseUnits: $0.value.baseValue) } ?? it
    return FacilityCapacity(racks: reader.integer(F.racks, in: 0...1_000_000) ?? 0, itPower: it, cooling: cooling)
  }

  func decodeModule(_ reader: MappingReader, _ index: Int, site: String) -> BuildModule {
    var reader = reader
    reader.label = "module \(index + 1) of \(site)"
    defer { reader.finish() }
    let capex = reader.quantity(ModuleSection.capex, QuantityKind(.money, example: "3.4 MEUR"))?.value.baseValue ?? 0
    return BuildModule(
      name: reader.text(ModuleSection.name) ?? "module \(index + 1)", capacity: facility(reader),
      capex: Money(baseUnits: capex), leadTimeYears: wholeYears(reader, ModuleSection.leadTime, rounding: true) ?? 0,
      fixedReadyYear: reader.year(ModuleSection.readyYear))
  }

  func decodeCosts(_ node: Node, horizon: YearRange) -> CostInputs {
    typealias C = CostsSection
    var costs = CostInputs.none
    guard let reader = MappingReader(node, spec: C.spec, path: "costs", label: "section 'costs'", context: context)
    else { return costs }
    defer { reader.finish() }
    func yearValue(_ key: KeySpec, _ escalation: KeySpec, perUnit: Double) -> YearValue {
      self.yearValue(reader, key, escalation: escalation, horizon: horizon, toResult: perUnit)
    }
    // Energy prices are kept in EUR per kWh, yearly costs in EUR per year.
    costs.energyPricePerKWh = yearValue(C.energyPrice, C.energyEscalation, perUnit: 3.6e6)
    // Emission factors are kept in g per kWh, CO2 prices in EUR per tonne.
    if reader.has(C.emissionFactor) { costs.emissionFactorGPerKWh = self.yearValue(reader, C.emissionFactor, horizon: horizon, toResult: 3.6e6) }
    if reader.has(C.co2Price) { costs.co2PricePerTonne = self.yearValue(reader, C.co2Price, horizon: horizon, toResult: 1e6) }
    if reader.has(C.co2Price), !reader.has(C.emissionFactor) {
      context.error("'co2_price' needs 'emission_factor' to turn energy into tonnes of CO2; add e.g. 'emission_factor: 485 g/kWh'",
                    at: reader.keyPosition(of: C.co2Price))
    }
    costs.maintenanceShare = reader.fraction(C.maintenance) ?? .zero
    costs.maintenanceBeyondLife = reader.fraction(C.maintenanceBeyondLife)
    costs.serversPerFTE = reader.number(C.serversPerFTE, in: 0.001...1_000_000) ?? 0
    costs.ftePerYear = yearValue(C.fteCost, C.fteEscalation, perUnit: UnitTable.secondsPerYear)
    costs.spacePerRackYear = yearValue(C.spaceCost, C.spaceEscalation, perUnit: UnitTable.secondsPerYear)
    costs.minFTEPerSite = reader.number(C.minFTE, in: 0...1_000_000) ?? 0
    if reader.has(C.fteCost), !reader.has(C.serversPerFTE), !reader.has(C.minFTE) {
      context.error("'fte_cost' needs 'servers_per_fte' to turn servers into staff; add e.g. 'servers_per_fte: 40'",
                    at: reader.keyPosition(of: C.fteCost))
    }
    costs.licencePerCoreYear = yearValue(C.licencePerCore, C.licencePerCoreEscalation, perUnit: UnitTable.secondsPerYear)
    costs.licencePerVCPUYear = yearValue(C.licencePerVCPU, C.licencePerVCPUEscalation, perUnit: UnitTable.secondsPerYear)
    decodeMoneyAndBudgets(reader, into: &costs, horizon: horizon)
    return costs
  }
}
