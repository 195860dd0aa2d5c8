import DCPlanModel

/// One tenant location's telephony in one year.
public struct LocationVoice: Hashable, Sendable {
  /// The tenant's id.
  public let tenant: String
  /// The location's node.
  public let node: String
  /// The gateway its external calls use.
  public let gateway: String
  /// The year.
  public let year: Year
  /// Phones at the location.
  public let phones: Double
  /// Of those, phones on the converged network.
  public let migratedPhones: Double
  /// Busy-hour traffic towards the gateway, Erlang.
  public let erlangs: Double
  /// Concurrent calls provisioned at the grade of service (Erlang B).
  public let channels: Int
  /// Bandwidth of those calls per direction, Mbit/s.
  public let mbps: Double
  /// One-way delay to the gateway in normal operation, ms (nil when nothing is migrated).
  public var delayMs: Double?
  /// The highest one-way delay under any single failure, ms.
  public var n1DelayMs: Double?
}

/// One gateway in one year.
public struct GatewayVoice: Hashable, Sendable {
  /// The gateway's id.
  public let gateway: String
  /// The year.
  public let year: Year
  /// Busy-hour traffic through it, Erlang.
  public let erlangs: Double
  /// SIP trunk channels at the grade of service (Erlang B).
  public let trunks: Int
  /// Blocking with those trunks.
  public let blocking: Double
  /// Bandwidth of the trunks when all are busy, per direction, Mbit/s.
  public let mbps: Double
}

/// The voice stage's result.
public struct VoiceResults: Hashable, Sendable {
  /// Per location and year, by tenant, location, year.
  public var locations: [LocationVoice]
  /// Per gateway and year.
  public let gateways: [GatewayVoice]
  /// The per-call framing used.
  public let perCall: VoIPBandwidth.PerCall
  /// The codec used.
  public let codec: Codec
  /// The same figures by index (all a Monte Carlo trial keeps: its `locations` and
  /// `gateways` are empty).
  let table: VoiceTable
  /// No voice.
  public static let empty = VoiceResults(
    locations: [], gateways: [], perCall: VoIPBandwidth.perCall(.g711, .standard), codec: .g711, table: .empty)
}

/// The voice stage: each location's migrated phones → busy-hour Erlang to its nearest gateway
/// → channels at the grade of service → bandwidth; gateways' trunks (docs/conventions.md, "Voice").
enum VoiceStage {
  /// Plans the voice of every tenant location and gateway.
  ///
  /// - Parameters:
  ///   - cache: a Monte Carlo worker's kept routes: the rows (each location's nearest
  ///     gateway) and the Erlang B answers of earlier trials (``TrunkMemo``).
  ///   - lean: a trial's run: only the ``VoiceResults/table``, the gateways' trunks from the
  ///     memo and their blocking not worked out.
  static func plan(_ scenario: Scenario, years: [Year], cache: RouteCache? = nil, lean: Bool = false) -> VoiceResults {
    guard let voice = scenario.voice, !voice.gateways.isEmpty, !scenario.network.nodes.isEmpty else { return .empty }
    let codec = Codec.named(voice.codecName, opusBitsPerSecond: voice.opusBitsPerSecond) ?? .g711
    let framing = VoiceFraming(
      packetisationMs: voice.packetisationMs, ipv6: voice.ipv6, vlanTag: voice.vlanTag, tunnelBytes: voice.tunnelBytes,
      ethernetLayer1: voice.ethernetLayer1)
    let perCall = VoIPBandwidth.perCall(codec, framing)
    let (rows, gatewayNodes) = layout(scenario, voice, cache: cache)
    let grade = voice.gradeOfService.value
    let yearCount = years.count
    var table = VoiceTable(
      rows: rows, gatewayNodes: gatewayNodes, yearCount: yearCount, bitsPerSecondPerCall: perCall.bitsPerSecond)
    table.phones = [Double](repeating: 0, count: rows.count * yearCount)
    table.migratedPhones = table.phones
    table.erlangs = table.phones
    table.gatewayErlangs = [Double](repeating: 0, count: voice.gateways.count * yearCount)
    // Each location's traffic per year first, then every location's channels in one batch.
    let migratedShare = years.map { min(1, max(0, voice.migration.value(in: $0))) }
    var tenantPhones = [Double](repeating: 0, count: yearCount)
    var phonesOf = -1  // the tenant whose phones `tenantPhones` holds
    for (r, row) in rows.enumerated() {
      let tenant = scenario.tenants[row.tenant]
      if row.tenant != phonesOf {
        let phoneCount = voice.phoneCount(of: tenant)
        for y in 0..<yearCount { tenantPhones[y] = phoneCount.phones(of: tenant, in: years[y]) }
        phonesOf = row.tenant
      }
      let share = tenant.locations[row.location].share.value
      for y in 0..<yearCount {
        let i = r * yearCount + y
        let phones = tenantPhones[y] * share
        let migrated = phones * migratedShare[y]
        let traffic = migrated * voice.erlangsPerPhone * voice.externalShare.value
        table.gatewayErlangs[row.gateway * yearCount + y] += traffic
        table.phones[i] = phones
        table.migratedPhones[i] = migrated
        table.erlangs[i] = traffic
      }
    }
    // A Monte Carlo worker settles most searches from the answers of earlier trials.
    table.channels = cache?.trunkMemo.trunks(traffics: table.erlangs, gradeOfService: grade)
      ?? ErlangB.trunks(traffics: table.erlangs, gradeOfService: grade)
    // The traffic each gateway's trunks are sized for: its own, or, sized for a gateway failure,
    // the most it carries with any one other gateway down.
    let sizing = voice.sizeForGatewayFailure
      ? GatewayFailures.worstErlangs(table, gateways: voice.gateways.count) : table.gatewayErlangs
    if lean {
      table.gatewayTrunks = cache?.trunkMemo.trunks(traffics: sizing, gradeOfService: grade)
        ?? ErlangB.trunks(traffics: sizing, gradeOfService: grade)
      return VoiceResults(locations: [], gateways: [], perCall: perCall, codec: codec, table: table)
    }
    var gateways: [GatewayVoice] = []
    table.gatewayTrunks = [Int](repeating: 0, count: table.gatewayErlangs.count)
    for (g, gateway) in voice.gateways.enumerated() {
      for (y, year) in years.enumerated() {
        let erlangs = table.gatewayErlangs[g * yearCount + y]
        var (trunks, blocking) = ErlangB.trunksAndBlocking(traffic: erlangs, gradeOfService: grade)
        if voice.sizeForGatewayFailure {
          trunks = ErlangB.trunks(traffic: sizing[g * yearCount + y], gradeOfService: grade)
          blocking = ErlangB.blocking(traffic: erlangs, trunks: trunks)
        }
        table.gatewayTrunks[g * yearCount + y] = trunks
        gateways.append(GatewayVoice(
          gateway: gateway.id, year: year, erlangs: erlangs, trunks: trunks,
          blocking: blocking, mbps: table.gatewayMbps(gateway: g, year: y)))
      }
    }
    var locations: [LocationVoice] = []
    locations.reserveCapacity(table.erlangs.count)
    for (r, row) in rows.enumerated() {
      let tenant = scenario.tenants[row.tenant]
      for (y, year) in years.enumerated() {
        let i = r * yearCount + y
        locations.append(LocationVoice(
          tenant: tenant.id, node: tenant.locations[row.location].node, gateway: voice.gateways[row.gateway].id, year: year,
          phones: table.phones[i], migratedPhones: table.migratedPhones[i], erlangs: table.erlangs[i],
          channels: table.channels[i], mbps: table.mbps(row: r, year: y), delayMs: nil, n1DelayMs: nil))
      }
    }
    return VoiceResults(locations: locations, gateways: gateways, perCall: perCall, codec: codec, table: table)
  }

  /// A `trunk-shortfall` warning for each year a gateway with a contracted trunk group needs
  /// more channels at the grade of service than the group has.
  static func trunkWarnings(_ scenario: Scenario, _ voice: VoiceResults, years: [Year]) -> [PlanWarning] {
    guard let settings = scenario.voice, voice.table.yearCount == years.count else { return [] }
    var warnings: [PlanWarning] = []
    for (g, gateway) in settings.gateways.enumerated() {
      guard let contracted = gateway.trunks, (g + 1) * years.count <= voice.table.gatewayTrunks.count else { continue }
      for (y, year) in years.enumerated()
      where Shortfall.trunks(needed: voice.table.gatewayTrunks[g * years.count + y], contracted: contracted) {
        let needed = voice.table.gatewayTrunks[g * years.count + y]
        warnings.append(PlanWarning(
          code: .trunkShortfall, year: year, subject: gateway.id,
          message: "gateway '\(gateway.id)' needs \(needed) SIP channels in \(year) at the \(NumberText.fixed(settings.gradeOfService.value * 100, decimals: 2)) % grade of service "
            + "(\(NumberText.fixed(voice.table.gatewayErlangs[g * years.count + y], decimals: 1)) Erlang) but \(contracted) are contracted; enlarge the trunk group or move calls to another gateway"))
      }
    }
    return warnings
  }

  /// Each tenant location on the network with its nearest gateway by routing weight (ties go
  /// to the first listed), and the gateways' nodes: the topology's part, kept by a worker.
  private static func layout(
    _ scenario: Scenario, _ voice: Voice, cache: RouteCache?
  ) -> (rows: [VoiceTable.Row], gatewayNodes: [Int?]) {
    if let known = cache?.voiceLayout { return known }
    let nodeIndex = cache?.nodeIndex(of: scenario.network) ?? scenario.network.nodeIndices()
    let graph = cache?.graph ?? Graph(scenario.network)
    cache?.graph = graph
    let gatewayNodes = voice.gateways.map { nodeIndex[$0.node] }
    let gatewayDistances = gatewayNodes.map { node in node.map { graph.distances(from: $0, avoiding: .none) } ?? [] }
    func distance(_ g: Int, _ node: Int) -> Double {
      gatewayDistances[g].indices.contains(node) ? gatewayDistances[g][node] : .infinity
    }
    var rows: [VoiceTable.Row] = []
    for (t, tenant) in scenario.tenants.enumerated() {
      for (l, location) in tenant.locations.enumerated() {
        guard let node = nodeIndex[location.node] else { continue }
        var best = 0
        for g in voice.gateways.indices where distance(g, node) < distance(best, node) { best = g }
        var backup: Int?
        for g in voice.gateways.indices where g != best && distance(g, node).isFinite {
          if backup.map({ distance(g, node) < distance($0, node) }) ?? true { backup = g }
        }
        rows.append(VoiceTable.Row(tenant: t, location: l, node: node, gateway: best, backup: backup))
      }
    }
    cache?.voiceLayout = (rows, gatewayNodes)
    return (rows, gatewayNodes)
  }
}
