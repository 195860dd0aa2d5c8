import DCPlanModel

/// The legacy PBXs of one location in one year: the phones not yet migrated on their PBXs,
/// each with the fewest trunk channels that carry its external calls at the grade of service
/// (docs/conventions.md, "Voice costs").
struct LegacyPBXYear {
  /// PBXs: ⌈unmigrated phones ÷ phones per PBX⌉ (0 without phones).
  let pbxs: Int
  /// Trunk channels of all of them: PBXs × N*(A per PBX, GoS).
  let channels: Int
  /// Whether the channels are ISDN (false: ISDN has ended, they are SIP channels).
  let isdn: Bool
  /// Maintenance of the PBXs, EUR.
  let maintenanceEUR: Double
  /// The trunk channels, EUR.
  let trunksEUR: Double

  /// The PBXs of `unmigrated` phones in `year` under `settings`.
  init(_ pbx: LegacyPBXs, _ settings: Voice, unmigrated: Double, year: Year) {
    guard unmigrated > 1e-9 else {
      pbxs = 0
      channels = 0
      isdn = true
      maintenanceEUR = 0
      trunksEUR = 0
      return
    }
    let count = max(1, (unmigrated / pbx.phonesPerPBX - 1e-9).rounded(.up))
    pbxs = Int(min(1e12, count))
    // Each PBX takes an even share of the phones and of their external calls.
    let traffic = unmigrated / count * settings.erlangsPerPhone * settings.externalShare.value
    let perPBX = traffic > 0 ? ErlangB.trunks(traffic: traffic, gradeOfService: settings.gradeOfService.value) : 0
    channels = pbxs * perPBX
    isdn = pbx.isdnEndYear.map { year < $0 } ?? true
    let channelEUR = isdn ? pbx.isdnChannelYear.value(in: year) : settings.sipPerChannelYear.value(in: year)
    maintenanceEUR = Double(pbxs) * pbx.maintenancePerPBXYear.value(in: year)
    trunksEUR = Double(channels) * channelEUR
  }

  /// Its lines: the PBXs' maintenance and their trunk channels.
  func add<Sink: CostLineSink>(
    year: Year, _ pbx: LegacyPBXs, _ settings: Voice, at key: () -> String, serving tenants: [String], into sink: inout Sink
  ) {
    if maintenanceEUR > 0 {
      sink.add(
        year, .voiceLegacy, maintenanceEUR, at: key(), serving: tenants,
        .units(count: Double(pbxs), noun: "legacy PBXs", unitEUR: pbx.maintenancePerPBXYear.value(in: year)))
    }
    if trunksEUR > 0 {
      let price = isdn ? pbx.isdnChannelYear.value(in: year) : settings.sipPerChannelYear.value(in: year)
      sink.add(
        year, .voiceLegacy, trunksEUR, at: key(), serving: tenants,
        .units(count: Double(channels), noun: isdn ? "ISDN trunk channels of the PBXs" : "SIP trunk channels of the PBXs (ISDN ended)",
               unitEUR: price))
    }
  }
}

/// The warning when PBXs still run after ISDN's end.
enum LegacyPBXCheck {
  /// One warning, in the first year from ISDN's end with phones not yet migrated.
  static func warnings(_ scenario: Scenario, _ voice: VoiceResults, years: [Year]) -> [PlanWarning] {
    guard let settings = scenario.voice, let pbx = settings.legacyPBXs, let end = pbx.isdnEndYear else { return [] }
    let table = voice.table
    guard table.yearCount == years.count else { return [] }
    for (y, year) in years.enumerated() where year >= end {
      var phones = 0.0
      var pbxs = 0
      for r in table.rows.indices {
        let i = r * table.yearCount + y
        let unmigrated = table.phones[i] - table.migratedPhones[i]
        phones += max(0, unmigrated)
        pbxs += LegacyPBXYear(pbx, settings, unmigrated: unmigrated, year: year).pbxs
      }
      guard pbxs > 0 else { continue }
      return [PlanWarning(
        code: .pbxAfterISDNEnd, year: year, subject: nil,
        message: "in \(year), \(NumberText.fixed(phones, decimals: 0)) phones on \(pbxs) legacy PBXs are not yet migrated, "
          + "but ISDN ends in \(end): their trunks are costed as SIP channels at 'sip_trunk_cost' (a PBX needs an IP "
          + "connection for that); migrate them before \(end) in 'voice.migration', or price the PBXs' conversion as a cost item")]
    }
    return []
  }
}
