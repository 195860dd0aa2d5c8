import DCPlanEngine
import DCPlanModel

/// The voice tables: gateways, locations with their delay, costs against a separate network.
extension ResultTables {
  static func voiceGateways(_ results: PlanResults) -> Table {
    var table = Table(
      id: "voice", title: "Voice gateways",
      columns: [
        Column("gateway", "Gateway"), Column("year", "Year"), Column("erlangs", "Traffic (Erlang)", decimals: 1),
        Column("trunks", "SIP channels"), Column("blocking_pct", "Blocking (%)", decimals: 2), Column("voice_mbps", "Voice (Mbit/s)", decimals: 1),
      ])
    for gateway in results.voice.gateways {
      table.rows.append([
        .text(gateway.gateway), .year(gateway.year.number), .number(gateway.erlangs), .integer(gateway.trunks),
        .number(gateway.blocking * 100), .number(gateway.mbps),
      ])
    }
    return table
  }

  static func voiceLocations(_ results: PlanResults) -> Table {
    var table = Table(
      id: "voice_locations", title: "Voice by location (one-way delay to the gateway)",
      columns: [
        Column("tenant", "Tenant"), Column("node", "Location"), Column("gateway", "Gateway"), Column("year", "Year"),
        Column("migrated_phones", "IP phones"), Column("erlangs", "Traffic (Erlang)", decimals: 1), Column("channels", "Channels"),
        Column("voice_mbps", "Voice (Mbit/s)", decimals: 2), Column("delay_ms", "Delay (ms)", decimals: 1),
        Column("n1_delay_ms", "Delay N-1 (ms)", decimals: 1),
      ])
    for location in results.voice.locations {
      table.rows.append([
        .text(location.tenant), .text(location.node), .text(location.gateway), .year(location.year.number),
        .number(location.migratedPhones), .number(location.erlangs), .integer(location.channels), .number(location.mbps),
        location.delayMs.map(Cell.number) ?? .empty, location.n1DelayMs.map(Cell.number) ?? .empty,
      ])
    }
    return table
  }

  static func voiceCosts(_ results: PlanResults) -> Table {
    var table = Table(
      id: "voice_costs", title: "Voice: separate network against converged (EUR)",
      columns: [
        Column("year", "Year"), Column("separate_eur", "Separate network"), Column("converged_eur", "Converged (this plan)"),
        Column("saving_eur", "Saving"),
      ])
    let comparison = results.voiceComparison
    for (y, year) in results.demand.years.enumerated() {
      table.rows.append([
        .year(year.number), .number(comparison.separateEUR[y]), .number(comparison.convergedEUR[y]),
        .number(comparison.separateEUR[y] - comparison.convergedEUR[y]),
      ])
    }
    table.rows.append([
      .text("NPV"), .number(comparison.separateNPV), .number(comparison.convergedNPV),
      .number(comparison.separateNPV - comparison.convergedNPV),
    ])
    return table
  }
}
