import DCPlanModel

/// Decoding of the voice section.
extension ScenarioDecoder {
  func decodeVoice(_ node: Node, horizon: YearRange) -> Voice? {
    typealias V = VoiceSection
    guard let reader = MappingReader(node, spec: V.spec, path: "voice", label: "section 'voice'", context: context)
    else { return nil }
    defer { reader.finish() }
    var erlangs = reader.number(V.erlangs, in: 0...1)
    let calls = reader.number(V.calls, in: 0...1000)
    let holding = reader.quantity(V.holding, QuantityKind(.duration, example: "180 s"))?.value.baseValue
    if let calls, let holding {
      if erlangs != nil {
        context.error("give 'erlangs_per_phone' or 'calls_per_hour' with 'holding_time', not both", at: reader.keyPosition(of: V.calls))
      }
      erlangs = calls * holding / 3600
    } else if reader.has(V.calls) != reader.has(V.holding) {
      let missing = reader.has(V.calls) ? V.holding : V.calls
      context.error("'calls_per_hour' and 'holding_time' go together; add '\(missing.name)'", at: reader.position)
    }
    let tenantPhones = list(reader, V.tenants, VoiceTenantSection.spec) { entry, index -> TenantPhones in
      var entry = entry
      entry.label = "voice tenant \(index + 1)"
      defer { entry.finish() }
      let tenant = entry.identifier(VoiceTenantSection.tenant) ?? ""
      guard let (phones, perEmployee) = entry.quantity(VoiceTenantSection.phones, QuantityKind(.dimensionless, example: "500 phones", perEmployeeExample: "0.8 phone/employee"))
      else { return TenantPhones(tenant: tenant, phones: .absolute(0)) }
      return TenantPhones(tenant: tenant, phones: perEmployee ? .perEmployee(phones.baseValue) : .absolute(phones.baseValue))
    }
    let ptime = (reader.quantity(V.packetisation, QuantityKind(.duration, example: "20 ms"))?.value.baseValue).map { $0 * 1000 } ?? 20
    if ![10.0, 20, 30, 40].contains(where: { abs($0 - ptime) < 1e-9 }) {
      context.error("'packetisation' of section 'voice' must be 10, 20, 30 or 40 ms", at: reader.position(of: V.packetisation))
    }
    let tunnel = reader.quantity(V.tunnel, QuantityKind(.information, example: "56 B"))?.value.baseValue ?? 0
    if tunnel != tunnel.rounded() || tunnel > 1000 {
      context.error("'tunnel_overhead' of section 'voice' must be whole bytes up to 1000 B", at: reader.position(of: V.tunnel))
    }
    let gateways = list(reader, V.gateways, GatewaySection.spec) { entry, index -> VoiceGateway in
      let (entry, id) = identified(entry, GatewaySection.id, "gateway", index)
      defer { entry.finish() }
      return VoiceGateway(
        id: id, node: entry.identifier(GatewaySection.node) ?? "",
        capex: entry.quantity(GatewaySection.capex, QuantityKind(.money, example: "250 kEUR"))?.value.baseValue ?? 0,
        trunks: entry.integer(GatewaySection.trunks, in: 0...10_000_000))
    }
    var migration = YearValue.constant(1)
    if let year = reader.year(V.convergence) {
      // Nothing migrated before the year, everything from it on.
      if let series = YearSeries([(year: year + (-1), value: 0), (year: year, value: 1)]) { migration = .table(series) }
      if reader.has(V.migration) {
        context.error("give 'convergence_year' or 'migration', not both", at: reader.keyPosition(of: V.migration))
      }
    } else {
      let table = yearValue(reader, V.migration, horizon: horizon, toResult: 1)
      if reader.has(V.migration) { migration = table }
      if case let .table(series) = table, series.points.contains(where: { !(0...1).contains($0.value) }) {
        context.error("the shares in 'migration' must lie in 0...100 %", at: reader.position(of: V.migration))
      }
    }
    let perYear = UnitTable.secondsPerYear
    var voice = Voice(
      erlangsPerPhone: erlangs ?? 0.1, phonesPerEmployee: reader.number(V.phonesPerEmployee, in: 0...100) ?? 1,
      tenantPhones: tenantPhones, externalShare: reader.fraction(V.external) ?? Fraction(0.6) ?? .one,
      codecName: reader.choice(V.codec, Codec.names) ?? "G.711",
      opusBitsPerSecond: (reader.quantity(V.opusBitrate, QuantityKind(.bandwidth, example: "32 kbit/s"))?.value.baseValue).map { $0 * 8 } ?? 32_000,
      packetisationMs: ptime, ipv6: reader.choice(V.ipVersion, ["IPv4", "IPv6"]) == "IPv6", vlanTag: reader.boolean(V.vlan) ?? false,
      tunnelBytes: Int(min(1000, max(0, tunnel))), ethernetLayer1: reader.boolean(V.layer1) ?? false,
      gradeOfService: reader.fraction(V.grade) ?? Fraction(0.01) ?? .zero, gateways: gateways, migration: migration,
      jitterBufferMs: (reader.quantity(V.jitter, QuantityKind(.duration, example: "40 ms"))?.value.baseValue).map { $0 * 1000 } ?? 40,
      delayBudgetMs: (reader.quantity(V.budget, QuantityKind(.duration, example: "150 ms"))?.value.baseValue).map { $0 * 1000 } ?? 150,
      legacyLinePerPhoneYear: yearValue(reader, V.legacyLine, horizon: horizon, toResult: perYear),
      pbxPerPhoneYear: yearValue(reader, V.pbx, horizon: horizon, toResult: perYear),
      sipPerChannelYear: yearValue(reader, V.sip, horizon: horizon, toResult: perYear),
      ipPhonePrice: reader.quantity(V.phonePrice, QuantityKind(.money, example: "150 EUR"))?.value.baseValue ?? 0)
    voice.sizeForGatewayFailure = reader.boolean(V.sizeForGatewayFailure) ?? false
    if let node = reader.node(V.legacyPBXs),
       let pbxs = MappingReader(
         node, spec: LegacyPBXSection.spec, path: reader.path + ".legacy_pbxs", label: "'legacy_pbxs' of section 'voice'", context: context) {
      defer { pbxs.finish() }
      typealias L = LegacyPBXSection
      if let perPBX = pbxs.number(L.phonesPerPBX, in: 1...1_000_000) {
        voice.legacyPBXs = LegacyPBXs(
          phonesPerPBX: perPBX, maintenancePerPBXYear: yearValue(pbxs, L.maintenance, horizon: horizon, toResult: perYear),
          isdnChannelYear: yearValue(pbxs, L.isdnChannel, horizon: horizon, toResult: perYear), isdnEndYear: pbxs.year(L.isdnEnd))
      }
    }
    return voice
  }
}
