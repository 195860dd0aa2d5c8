import DCPlanModel

/// Decoding of the network section and of tenants' locations.
extension ScenarioDecoder {
  func decodeNetwork(_ node: Node, horizon: YearRange) -> Network {
    typealias N = NetworkSection
    var network = Network.none
    network.targetUtilisation = Fraction(0.7) ?? .one
    network.failureUtilisation = Fraction(0.9) ?? .one
    guard let reader = MappingReader(node, spec: N.spec, path: "network", label: "section 'network'", context: context)
    else { return network }
    defer { reader.finish() }
    network.targetUtilisation = nonZero(reader, N.targetUtilisation) ?? network.targetUtilisation
    network.failureUtilisation = nonZero(reader, N.failureUtilisation) ?? network.failureUtilisation
    let perEmployee = directionalYearValue(reader, N.perEmployee, horizon: horizon, toResult: mbps)
    network.perEmployeeMbps = perEmployee.down
    network.perEmployeeUpMbps = perEmployee.up
    network.replicationDailyChange = reader.fraction(N.replicationChange) ?? .zero
    if let seconds = reader.quantity(N.replicationWindow, QuantityKind(.duration, example: "8 h"))?.value.baseValue {
      if seconds <= 0 || seconds > 86_400 {
        context.error("'replication_window' of section 'network' must lie between 0 and 24 h", at: reader.position(of: N.replicationWindow))
      } else {
        network.replicationWindow = Duration(baseUnits: seconds)
      }
    }
    network.nodes = list(reader, N.nodes, NodeSection.spec) { entry, index in
      let (entry, id) = identified(entry, NodeSection.id, "node", index)
      defer { entry.finish() }
      return NetworkNode(id: id, name: entry.text(NodeSection.name) ?? id, transit: entry.boolean(NodeSection.transit) ?? true)
    }
    network.links = list(reader, N.links, LinkSection.spec) { decoder, entry, index in
      decoder.decodeLink(entry, index, horizon: horizon)
    }
    network.sharedRiskGroups = list(reader, N.groups, RiskGroupSection.spec) { entry, index in
      let (entry, id) = identified(entry, RiskGroupSection.id, "shared-risk group", index)
      defer { entry.finish() }
      return SharedRiskGroup(id: id, links: (entry.identifierList(RiskGroupSection.links) ?? []).map(\.id))
    }
    network.accessClasses = list(reader, N.accessClasses, AccessClassSection.spec) { entry, index in
      typealias A = AccessClassSection
      let (entry, id) = identified(entry, A.id, "access class", index)
      defer { entry.finish() }
      let bandwidth = (entry.quantity(A.bandwidth, NetworkSection.bandwidth)?.value.baseValue ?? 0) * mbps
      if entry.has(A.bandwidth), bandwidth <= 0 {
        context.error("'bandwidth' of \(entry.label) must be more than zero", at: entry.position(of: A.bandwidth))
      }
      let price = (entry.quantity(A.price, QuantityKind(.moneyRate, example: "400 EUR/month"))?.value.baseValue ?? 0) * UnitTable.secondsPerYear
      return AccessClass(
        id: id, mbps: bandwidth, pricePerYearEUR: price, dualHomed: entry.boolean(A.dualHomed) ?? false,
        upgradeTo: entry.identifier(A.upgradeTo))
    }
    network.accessSites = list(reader, N.accessSites, AccessSiteSection.spec) { entry, index in
      typealias A = AccessSiteSection
      let (entry, id) = identified(entry, A.id, "access site", index)
      defer { entry.finish() }
      return AccessSite(
        id: id, node: entry.identifier(A.node) ?? "", tenant: entry.identifier(A.tenant) ?? "",
        employees: entry.number(A.employees, in: 0...10_000_000) ?? 0, accessClass: entry.identifier(A.accessClass) ?? "")
    }
    network.accessSitesFile = reader.text(N.accessSitesFile)
    network.demands = list(reader, N.demands, DemandSection.spec) { decoder, entry, index in
      decoder.decodeDemand(entry, index, horizon: horizon)
    }
    return network
  }

  private func decodeDemand(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> ExplicitDemand {
    var entry = reader
    entry.label = "demand \(index + 1)"
    defer { entry.finish() }
    let rate = directionalYearValue(entry, DemandSection.bandwidth, horizon: horizon, toResult: mbps)
    let oneWay = entry.boolean(DemandSection.oneWay) ?? false
    if oneWay, rate.up != nil {
      context.error("demand \(index + 1) is one-way: give 'bandwidth' as one rate (from 'from' to 'to'), not '{down: …, up: …}'",
                    at: entry.keyPosition(of: DemandSection.oneWay))
    }
    // Up from 'from' to 'to'; down the way back.
    return ExplicitDemand(
      from: entry.identifier(DemandSection.from) ?? "", to: entry.identifier(DemandSection.to) ?? "",
      mbps: rate.up ?? rate.down, reverseMbps: oneWay ? .constant(0) : (rate.up == nil ? nil : rate.down))
  }

  private func decodeLink(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> NetworkLink {
    typealias L = LinkSection
    let (reader, id) = identified(reader, L.id, "link", index)
    defer { reader.finish() }
    let parsedCapacity = reader.quantity(L.capacity, NetworkSection.bandwidth)?.value.baseValue
    let capacity = parsedCapacity ?? 0
    if let parsedCapacity, parsedCapacity <= 0 {
      context.error("'capacity' of \(reader.label) must be more than zero", at: reader.position(of: L.capacity))
    }
    let lengthKm = (reader.quantity(L.length, QuantityKind(.length, example: "30 km"))?.value.baseValue ?? 0) / 1000
    // A weight from a length below a millimetre is taken as 1e-6, the least weight written.
    let weight = reader.number(L.weight, in: 0.000001...1e9) ?? (lengthKm > 0 ? max(0.000001, lengthKm) : 1)
    let lease = reader.quantity(L.lease, L.rate).map { $0.value.baseValue * UnitTable.secondsPerYear } ?? 0
    var previousLease = lease
    let steps = list(reader, L.steps, LinkStepSection.spec) { entry, stepIndex -> LinkStep in
      var entry = entry
      entry.label = "step \(stepIndex + 1) of \(reader.label)"
      defer { entry.finish() }
      typealias S = LinkStepSection
      let stepCapacity = entry.quantity(S.capacity, NetworkSection.bandwidth)?.value.baseValue ?? 0
      let stepLease = entry.quantity(S.lease, L.rate).map { $0.value.baseValue * UnitTable.secondsPerYear } ?? previousLease
      previousLease = stepLease
      return LinkStep(
        capacity: DataRate(baseUnits: stepCapacity), capex: Money(baseUnits: entry.quantity(S.capex, L.money)?.value.baseValue ?? 0),
        leasePerYear: Money(baseUnits: stepLease), leadTimeYears: wholeYears(entry, S.leadTime, rounding: true) ?? 0)
    }
    return NetworkLink(
      id: id, from: reader.identifier(L.from) ?? "", to: reader.identifier(L.to) ?? "", capacity: DataRate(baseUnits: capacity),
      lengthKm: lengthKm, weight: weight, leasePerYear: Money(baseUnits: lease), steps: steps)
  }

  /// A tenant's locations: `node` (one location) or `locations` (shares default to an equal split).
  func decodeLocations(_ reader: MappingReader) -> [TenantLocation] {
    if let node = reader.identifier(TenantSection.node) {
      if reader.has(TenantSection.locations) {
        context.error("give 'node' or 'locations' for \(reader.label), not both", at: reader.keyPosition(of: TenantSection.locations))
      }
      return [TenantLocation(node: node, share: .one)]
    }
    let entries = list(reader, TenantSection.locations, LocationSection.spec) { entry, index -> (String, Fraction?) in
      var entry = entry
      entry.label = "location \(index + 1) of \(reader.label)"
      defer { entry.finish() }
      return (entry.identifier(LocationSection.node) ?? "", entry.fraction(LocationSection.share))
    }
    guard !entries.isEmpty else { return [] }
    let given = entries.compactMap(\.1)
    if given.isEmpty {
      let equal = Fraction(1 / Double(entries.count)) ?? .one
      return entries.map { TenantLocation(node: $0.0, share: equal) }
    }
    let sum = given.reduce(0) { $0 + $1.value }
    if given.count != entries.count || abs(sum - 1) > 1e-9 {
      context.error(
        "the 'share' of the locations of \(reader.label) must be given for all and add up to 100 %; they add up to \((sum * 100).formattedPercent) %",
        at: reader.position(of: TenantSection.locations))
    }
    return entries.map { TenantLocation(node: $0.0, share: $0.1 ?? .zero) }
  }

  private func nonZero(_ reader: MappingReader, _ key: KeySpec) -> Fraction? {
    guard let value = reader.fraction(key) else { return nil }
    if value.value == 0 {
      context.error("'\(key.name)' of \(reader.label) must be more than 0 %", at: reader.position(of: key))
      return nil
    }
    return value
  }

  /// Bytes per second to Mbit/s, the unit of bandwidth in the engine's network stage.
  private var mbps: Double { 8 / 1e6 }

  /// A rate the same each way, or `{down: …, up: …}` (a ``ValueKind/directional(_:)`` key) as
  /// ``YearValue``s in result units: `down` is the rate each way when `up` is nil.
  func directionalYearValue(
    _ reader: MappingReader, _ key: KeySpec, horizon: YearRange, toResult factor: Double
  ) -> (down: YearValue, up: YearValue?) {
    guard case let .directional(kind) = key.kind else { return (.constant(0), nil) }
    let eachWay = KeySpec(key.name, .quantityOrYearTable(kind), example: key.example, meaning: key.meaning)
    guard let node = reader.node(key), let mapping = node.mapping,
          mapping.contains(where: { ["down", "up"].contains($0.key.string ?? "") })
    else { return (yearValue(reader, eachWay, horizon: horizon, toResult: factor), nil) }
    let spec = DirectionSection.spec(kind)
    guard let ways = MappingReader(node, spec: spec, path: reader.path + "." + key.name, label: "'\(key.name)' of \(reader.label)", context: context)
    else { return (.constant(0), nil) }
    defer { ways.finish() }
    return (
      yearValue(ways, spec.keys[0], horizon: horizon, toResult: factor), yearValue(ways, spec.keys[1], horizon: horizon, toResult: factor))
  }

  /// A quantity or table of quantities as a ``YearValue`` in result units (`toResult` times the
  /// base units). A single value escalates by `escalation` from the first year of the horizon
  /// when that key is given; a table is read as it stands, and an escalation beside it is
  /// ignored with a warning.
  func yearValue(
    _ reader: MappingReader, _ key: KeySpec, escalation: KeySpec? = nil, horizon: YearRange, toResult factor: Double
  ) -> YearValue {
    guard case let .quantityOrYearTable(kind) = key.kind else { return .constant(0) }
    let rate = escalation.flatMap { reader.growthRate($0) }
    switch reader.quantityOrYearTable(key, kind) {
    case let .number(value):
      guard let rate else { return .constant(value * factor) }
      return .escalating(value: value * factor, baseYear: horizon.first, rate: rate)
    case let .table(series):
      if rate != nil, let escalation {
        context.warning("'\(escalation.name)' is ignored: '\(key.name)' is a per-year table", at: reader.keyPosition(of: escalation))
      }
      return .table(YearSeries(series.points.map { (year: $0.year, value: $0.value * factor) }) ?? series)
    case nil:
      return .constant(0)
    }
  }
}
