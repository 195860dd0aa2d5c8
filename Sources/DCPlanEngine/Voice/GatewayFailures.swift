import DCPlanModel

/// Voice with one gateway down (docs/conventions.md, "Voice"): each location of the failed
/// gateway moves its calls to its next-nearest gateway; the others keep theirs.
enum GatewayFailures {
  /// Gateway h's Erlang in year y with gateway `down` failed, `[h · years + y]` (the failed one's 0).
  static func erlangs(_ table: VoiceTable, gateways: Int, down: Int) -> [Double] {
    var traffic = table.gatewayErlangs
    let count = table.yearCount
    for y in 0..<count { traffic[down * count + y] = 0 }
    for (r, row) in table.rows.enumerated() where row.gateway == down {
      guard let backup = row.backup else { continue }
      for y in 0..<count { traffic[backup * count + y] += table.erlangs[r * count + y] }
    }
    return traffic
  }

  /// Per gateway and year, the most Erlang it carries normally or with any one other gateway down.
  static func worstErlangs(_ table: VoiceTable, gateways: Int) -> [Double] {
    var worst = table.gatewayErlangs
    guard gateways > 1 else { return worst }
    for down in 0..<gateways {
      let traffic = erlangs(table, gateways: gateways, down: down)
      for i in worst.indices { worst[i] = max(worst[i], traffic[i]) }
    }
    return worst
  }

  /// One `voice-gateway-n1` warning per failed gateway and year in which another gateway's
  /// trunks (contracted, or as sized) block above the grade of service with its calls added;
  /// and one when a location has no other gateway to go to.
  static func warnings(_ scenario: Scenario, _ voice: VoiceResults, years: [Year]) -> [PlanWarning] {
    guard let settings = scenario.voice, settings.gateways.count > 1 else { return [] }
    let table = voice.table
    let count = table.yearCount
    guard count == years.count, table.gatewayTrunks.count == settings.gateways.count * count else { return [] }
    let grade = settings.gradeOfService.value
    var warnings: [PlanWarning] = []
    for (down, failed) in settings.gateways.enumerated() {
      let traffic = erlangs(table, gateways: settings.gateways.count, down: down)
      for (y, year) in years.enumerated() {
        var worst: (gateway: Int, blocking: Double)?
        for (h, gateway) in settings.gateways.enumerated() where h != down && traffic[h * count + y] > 0 {
          let trunks = gateway.trunks ?? table.gatewayTrunks[h * count + y]
          let blocking = ErlangB.blocking(traffic: traffic[h * count + y], trunks: trunks)
          if blocking > grade * (1 + 1e-9), blocking > (worst?.blocking ?? 0) { worst = (h, blocking) }
        }
        guard let worst else { continue }
        let h = worst.gateway
        let trunks = settings.gateways[h].trunks ?? table.gatewayTrunks[h * count + y]
        func pct(_ x: Double) -> String { NumberText.fixed(x * 100, decimals: 2) }
        warnings.append(PlanWarning(
          code: .voiceGatewayN1, year: year, subject: failed.id,
          message: "with gateway '\(failed.id)' down in \(year), gateway '\(settings.gateways[h].id)' carries "
            + "\(NumberText.fixed(traffic[h * count + y], decimals: 1)) Erlang on \(trunks) trunks: \(pct(worst.blocking)) % of calls "
            + "blocked, above the \(pct(grade)) % grade of service; add trunks or set 'size_for_gateway_failure: true'"))
      }
    }
    return warnings
  }
}
