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
  /// No voice.
  public static let empty = VoiceResults(
    locations: [], gateways: [], perCall: VoIPBandwidth.perCall(.g711, .standard), codec: .g711)
}

/// The voice stage: each location's migrated phones → busy-hour Erlang to its nearest gateway
/// → channels at the grade of service → bandwidth; gateways' trunks (docs/conventions.md, "Voice").
enum VoiceStage {
  static func plan(_ scenario: Scenario, years: [Year], cache: RouteCache? = nil) -> VoiceResults {
    guard let voice = scenario.voice, !voice.gateways.isEmpty, !scenario.network.nodes.isEmpty else { return .empty }
    let codec = Codec.named(voice.codecName, opusBitsPerSecond: voice.opusBitsPerSecond) ?? .g711
    let framing = VoiceFraming(
      packetisationMs: voice.packetisationMs, ipv6: voice.ipv6, vlanTag: voice.vlanTag, tunnelBytes: voice.tunnelBytes,
      ethernetLayer1: voice.ethernetLayer1)
    let perCall = VoIPBandwidth.perCall(codec, framing)
    let nodeIndex = cache?.nodeIndex(of: scenario.network) ?? scenario.network.nodeIndices()
    // Distances from each gateway depend on the topology only: a Monte Carlo worker keeps them.
    let gatewayDistances: [[Double]]
    if let known = cache?.gatewayDistances {
      gatewayDistances = known
    } else {
      let graph = cache?.graph ?? Graph(scenario.network)
      cache?.graph = graph
      gatewayDistances = voice.gateways.map { gateway in
        nodeIndex[gateway.node].map { graph.distances(from: $0, avoiding: .none) } ?? []
      }
      cache?.gatewayDistances = gatewayDistances
    }
    let grade = voice.gradeOfService.value
    var gatewayErlangs = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: voice.gateways.count)
    // Each location's traffic per year first, then every location's channels in one batch.
    var rows: [(tenant: Int, location: Int, gateway: Int, year: Int, phones: Double, migrated: Double)] = []
    var erlangs: [Double] = []
    let migratedShare = years.map { min(1, max(0, voice.migration.value(in: $0))) }
    for (t, tenant) in scenario.tenants.enumerated() {
      let phoneCount = voice.phoneCount(of: tenant)
      let tenantPhones = years.map { phoneCount.phones(of: tenant, in: $0) }
      for (l, location) in tenant.locations.enumerated() {
        guard let node = nodeIndex[location.node] else { continue }
        // The nearest gateway by routing weight; ties go to the first listed.
        var best = 0
        for g in voice.gateways.indices where (gatewayDistances[g].indices.contains(node) ? gatewayDistances[g][node] : .infinity)
          < (gatewayDistances[best].indices.contains(node) ? gatewayDistances[best][node] : .infinity) {
          best = g
        }
        for y in years.indices {
          let phones = tenantPhones[y] * location.share.value
          let migrated = phones * migratedShare[y]
          let traffic = migrated * voice.erlangsPerPhone * voice.externalShare.value
          gatewayErlangs[best][y] += traffic
          rows.append((t, l, best, y, phones, migrated))
          erlangs.append(traffic)
        }
      }
    }
    // A Monte Carlo worker settles most searches from the answers of earlier trials.
    let channels = cache?.trunkMemo.trunks(traffics: erlangs, gradeOfService: grade)
      ?? ErlangB.trunks(traffics: erlangs, gradeOfService: grade)
    let locations = rows.indices.map { i in
      let row = rows[i]
      let tenant = scenario.tenants[row.tenant]
      return LocationVoice(
        tenant: tenant.id, node: tenant.locations[row.location].node, gateway: voice.gateways[row.gateway].id, year: years[row.year],
        phones: row.phones, migratedPhones: row.migrated, erlangs: erlangs[i], channels: channels[i],
        mbps: Double(channels[i]) * perCall.bitsPerSecond / 1e6, delayMs: nil, n1DelayMs: nil)
    }
    var gateways: [GatewayVoice] = []
    for (g, gateway) in voice.gateways.enumerated() {
      for (y, year) in years.enumerated() {
        let erlangs = gatewayErlangs[g][y]
        let (trunks, blocking) = ErlangB.trunksAndBlocking(traffic: erlangs, gradeOfService: grade)
        gateways.append(GatewayVoice(
          gateway: gateway.id, year: year, erlangs: erlangs, trunks: trunks,
          blocking: blocking, mbps: Double(trunks) * perCall.bitsPerSecond / 1e6))
      }
    }
    return VoiceResults(locations: locations, gateways: gateways, perCall: perCall, codec: codec)
  }
}
