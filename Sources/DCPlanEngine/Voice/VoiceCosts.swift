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
    guard let settings = scenario.voice, let first = years.first else { return [] }
    var lines: [CostLine] = []
    var previousMigrated: [String: Double] = [:]
    for location in voice.locations {
      let key = location.tenant + "@" + location.node
      let unmigrated = location.phones - location.migratedPhones
      let legacy = settings.legacyLinePerPhoneYear.value(in: location.year) + settings.pbxPerPhoneYear.value(in: location.year)
      if unmigrated > 0, legacy > 0 {
        lines.append(CostLine(
          year: location.year, category: .voiceLegacy, site: key, tenants: [location.tenant], amountEUR: unmigrated * legacy,
          driver: .units(count: unmigrated, noun: "legacy phones", unitEUR: legacy)))
      }
      let bought = location.migratedPhones - (previousMigrated[key] ?? 0)
      previousMigrated[key] = location.migratedPhones
      if bought > 0, settings.ipPhonePrice > 0 {
        lines.append(CostLine(
          year: location.year, category: .ipPhones, site: key, tenants: [location.tenant], amountEUR: bought * settings.ipPhonePrice,
          driver: .units(count: bought, noun: "IP phones", unitEUR: settings.ipPhonePrice)))
      }
    }
    let capex = Dictionary(settings.gateways.map { ($0.id, $0.capex) }, uniquingKeysWith: { a, _ in a })
    var opened = Set<String>()
    // A gateway serves the tenants whose calls it carries that year.
    var callers: [String: [String]] = [:]
    for location in voice.locations where location.erlangs > 0 {
      let key = location.gateway + "@" + String(location.year.number)
      if callers[key]?.contains(location.tenant) != true { callers[key, default: []].append(location.tenant) }
    }
    for gateway in voice.gateways where gateway.trunks > 0 {
      let served = callers[gateway.gateway + "@" + String(gateway.year.number)] ?? []
      let sip = settings.sipPerChannelYear.value(in: gateway.year)
      if sip > 0 {
        lines.append(CostLine(
          year: gateway.year, category: .sipTrunks, site: gateway.gateway, tenants: served, amountEUR: Double(gateway.trunks) * sip,
          driver: .units(count: Double(gateway.trunks), noun: "SIP channels", unitEUR: sip)))
      }
      if opened.insert(gateway.gateway).inserted, let cost = capex[gateway.gateway], cost > 0, gateway.year >= first {
        lines.append(CostLine(
          year: gateway.year, category: .voiceGateways, site: gateway.gateway, tenants: served, amountEUR: cost,
          driver: .note("gateway '\(gateway.gateway)' opens")))
      }
    }
    return lines
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
