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
    let table = voice.table
    // No voice planned (no gateways or no network): no lines.
    guard let settings = scenario.voice, !years.isEmpty, table.yearCount == years.count,
      table.gatewayTrunks.count == settings.gateways.count * years.count
    else { return }
    let yearCount = table.yearCount
    addLocations(scenario, voice, years: years, into: &sink)
    // A gateway serves the tenants whose calls it carries that year.
    func served(_ g: Int, _ y: Int) -> [String] {
      var tenants: [String] = []
      for (r, row) in table.rows.enumerated() where row.gateway == g && table.erlangs[r * yearCount + y] > 0 {
        let id = scenario.tenants[row.tenant].id
        if !tenants.contains(id) { tenants.append(id) }
      }
      return tenants
    }
    let residual = ResidualValue(scenario.costs, years: years)
    for (g, gateway) in settings.gateways.enumerated() {
      addGateway(
        gateway, settings, years: years, trunks: { table.gatewayTrunks[g * yearCount + $0] }, serving: { served(g, $0) },
        residual: residual, lifeYears: scenario.costs.assetLives.voiceGateways, into: &sink)
    }
  }

  /// The lines of the tenants' own locations, each serving its tenant: legacy phones, IP
  /// phones bought and their book value left at the end.
  static func addLocations<Sink: CostLineSink>(_ scenario: Scenario, _ voice: VoiceResults, years: [Year], into sink: inout Sink) {
    let table = voice.table
    guard let settings = scenario.voice, let lastYear = years.last, table.yearCount == years.count else { return }
    let yearCount = table.yearCount
    let legacyPerPhone = legacyEURPerPhone(settings, years: years)
    let ipPhonePrice = settings.ipPhonePrice
    let residual = ResidualValue(scenario.costs, years: years)
    let phoneLife = max(1, scenario.costs.assetLives.ipPhones)
    for (r, row) in table.rows.enumerated() {
      let tenant = scenario.tenants[row.tenant]
      let key = { tenant.id + "@" + tenant.locations[row.location].node }
      for (y, year) in years.enumerated() {
        let i = r * yearCount + y
        let unmigrated = table.phones[i] - table.migratedPhones[i]
        let legacy = legacyPerPhone[y]
        if unmigrated > 0, legacy > 0 {
          sink.add(
            year, .voiceLegacy, unmigrated * legacy, at: key(), serving: [tenant.id],
            .units(count: unmigrated, noun: "legacy phones", unitEUR: legacy))
        }
        if let pbx = settings.legacyPBXs, unmigrated > 0 {
          LegacyPBXYear(pbx, settings, unmigrated: unmigrated, year: year)
            .add(year: year, pbx, settings, at: key, serving: [tenant.id], into: &sink)
        }
        // Phones migrated since the location's year before.
        let bought = table.migratedPhones[i] - (y > 0 ? table.migratedPhones[i - 1] : 0)
        if bought > 0, ipPhonePrice > 0 {
          sink.add(
            year, .ipPhones, bought * ipPhonePrice, at: key(), serving: [tenant.id],
            .units(count: bought, noun: "IP phones", unitEUR: ipPhonePrice))
          if let residual {
            let left = residual.yearsLeft(serviceYear: year, lifeYears: phoneLife)
            if left > 0 {
              sink.add(
                lastYear, .residualValue, -bought * ipPhonePrice * Double(left) / Double(phoneLife), at: key(),
                serving: [tenant.id],
                .bookValue(what: "\(CostStage.rounded(bought)) IP phones bought \(year)", capexEUR: bought * ipPhonePrice,
                           yearsLeft: left, lifeYears: phoneLife))
            }
          }
        }
      }
    }
  }

  /// One gateway's lines: its SIP trunk channels in every year it needs some (`trunks(y)` for
  /// year index y), and its capex in the first of those years. The plan's ledger, the trials
  /// and the cost game's coalitions (trunks for their own Erlangs) all cost a gateway here.
  static func addGateway<Sink: CostLineSink>(
    _ gateway: VoiceGateway, _ settings: Voice, years: [Year], trunks: (Int) -> Int, serving served: (Int) -> [String],
    residual: ResidualValue?, lifeYears: Int, into sink: inout Sink
  ) {
    var opened = false
    for (y, year) in years.enumerated() {
      let channels = trunks(y)
      guard channels > 0 else { continue }
      let sip = settings.sipPerChannelYear.value(in: year)
      if sip > 0 {
        sink.add(
          year, .sipTrunks, Double(channels) * sip, at: gateway.id, serving: served(y),
          .units(count: Double(channels), noun: "SIP channels", unitEUR: sip))
      }
      // Its capex falls in the first year it carries calls.
      if !opened {
        opened = true
        if gateway.capex > 0 {
          sink.add(year, .voiceGateways, gateway.capex, at: gateway.id, serving: served(y), .note("gateway '\(gateway.id)' opens"))
          let life = max(1, lifeYears)
          if let residual, let lastYear = years.last {
            let left = residual.yearsLeft(serviceYear: year, lifeYears: life)
            if left > 0 {
              sink.add(
                lastYear, .residualValue, -gateway.capex * Double(left) / Double(life), at: gateway.id,
                serving: { let atEnd = served(years.count - 1); return atEnd.isEmpty ? served(y) : atEnd }(),
                .bookValue(what: "gateway '\(gateway.id)' opened \(year)", capexEUR: gateway.capex, yearsLeft: left,
                           lifeYears: life))
            }
          }
        }
      }
    }
  }

  /// What telephony would cost per year with every phone kept on legacy lines and PBXs.
  public static func separateNetwork(_ scenario: Scenario, _ voice: VoiceResults, years: [Year]) -> [Double] {
    guard let settings = scenario.voice, !years.isEmpty else { return [] }
    var cost = [Double](repeating: 0, count: years.count)
    let table = voice.table
    let legacyPerPhone = legacyEURPerPhone(settings, years: years)
    for r in table.rows.indices where table.yearCount == years.count {
      for y in years.indices {
        let phones = table.phones[r * table.yearCount + y]
        cost[y] += phones * legacyPerPhone[y]
        if let pbx = settings.legacyPBXs {
          let pbxs = LegacyPBXYear(pbx, settings, unmigrated: phones, year: years[y])
          cost[y] += pbxs.maintenanceEUR + pbxs.trunksEUR
        }
      }
    }
    return cost
  }

  /// A legacy phone's line and PBX maintenance per year.
  private static func legacyEURPerPhone(_ settings: Voice, years: [Year]) -> [Double] {
    years.map { settings.legacyLinePerPhoneYear.value(in: $0) + settings.pbxPerPhoneYear.value(in: $0) }
  }
}
