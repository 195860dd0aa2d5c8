import DCPlanModel

/// The voice cost lines, and the separate-network world they are compared with
/// (docs/conventions.md, "Voice costs").
///
/// - Phones not yet migrated keep their legacy line and PBX maintenance (`voice_legacy`, opex).
/// - Gateways pay for their SIP trunk channels (`sip_trunks`, opex).
/// - A migrating phone is replaced by an IP phone in the year it migrates (`ip_phones`, capex).
/// - A gateway's capex falls in the first year it carries calls (`voice_gateways`, capex).
/// The converged network's bandwidth is in the link upgrades and leases, not here.
public enum VoiceCosts {
  /// The plan's voice lines.
  static func lines(_ scenario: Scenario, _ voice: VoiceResults, years: [Year]) -> [CostLine] {
    var sink = CostLineList()
    add(scenario, voice, years: years, into: &sink)
    return sink.lines
  }

  /// The plan's voice lines into `sink`.
  static func add<Sink: CostLineSink>(_ scenario: Scenario, _ voice: VoiceResults, years: [Year], into sink: inout Sink) {
    guard let settings = scenario.voice, let first = years.first else { return }
    let locations = voice.locations
    for (i, location) in locations.enumerated() {
      // Rows run by tenant, location and year: the previous row of the same location is the one before.
      let sameLocation = i > 0 && locations[i - 1].node == location.node && locations[i - 1].tenant == location.tenant
      let key = { location.tenant + "@" + location.node }
      let unmigrated = location.phones - location.migratedPhones
      let legacy = settings.legacyLinePerPhoneYear.value(in: location.year) + settings.pbxPerPhoneYear.value(in: location.year)
      if unmigrated > 0, legacy > 0 {
        sink.add(location.year, .voiceLegacy, unmigrated * legacy, CostLine(
          year: location.year, category: .voiceLegacy, site: key(), tenants: [location.tenant], amountEUR: unmigrated * legacy,
          driver: .units(count: unmigrated, noun: "legacy phones", unitEUR: legacy)))
      }
      let bought = location.migratedPhones - (sameLocation ? locations[i - 1].migratedPhones : 0)
      if bought > 0, settings.ipPhonePrice > 0 {
        sink.add(location.year, .ipPhones, bought * settings.ipPhonePrice, CostLine(
          year: location.year, category: .ipPhones, site: key(), tenants: [location.tenant], amountEUR: bought * settings.ipPhonePrice,
          driver: .units(count: bought, noun: "IP phones", unitEUR: settings.ipPhonePrice)))
      }
    }
    // A gateway serves the tenants whose calls it carries that year.
    func served(_ gateway: GatewayVoice) -> [String] {
      var tenants: [String] = []
      for location in locations where location.erlangs > 0 && location.gateway == gateway.gateway && location.year == gateway.year
        && !tenants.contains(location.tenant) {
        tenants.append(location.tenant)
      }
      return tenants
    }
    var opened = Set<String>()
    for gateway in voice.gateways where gateway.trunks > 0 {
      let sip = settings.sipPerChannelYear.value(in: gateway.year)
      if sip > 0 {
        sink.add(gateway.year, .sipTrunks, Double(gateway.trunks) * sip, CostLine(
          year: gateway.year, category: .sipTrunks, site: gateway.gateway, tenants: served(gateway), amountEUR: Double(gateway.trunks) * sip,
          driver: .units(count: Double(gateway.trunks), noun: "SIP channels", unitEUR: sip)))
      }
      if opened.insert(gateway.gateway).inserted, let cost = settings.gateways.first(where: { $0.id == gateway.gateway })?.capex,
        cost > 0, gateway.year >= first {
        sink.add(gateway.year, .voiceGateways, cost, CostLine(
          year: gateway.year, category: .voiceGateways, site: gateway.gateway, tenants: served(gateway), amountEUR: cost,
          driver: .note("gateway '\(gateway.gateway)' opens")))
      }
    }
  }

  /// What telephony would cost per year with every phone kept on legacy lines and PBXs.
  public static func separateNetwork(_ scenario: Scenario, _ voice: VoiceResults, years: [Year]) -> [Double] {
    guard let settings = scenario.voice, let first = years.first else { return [] }
    var cost = [Double](repeating: 0, count: years.count)
    for location in voice.locations {
      let legacy = settings.legacyLinePerPhoneYear.value(in: location.year) + settings.pbxPerPhoneYear.value(in: location.year)
      cost[location.year - first] += location.phones * legacy
    }
    return cost
  }
}
