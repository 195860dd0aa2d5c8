import DCPlanModel

/// The voice stage's figures by index, per location row and year: what the network's demands
/// and the voice costs read, and what the reports' ``LocationVoice`` and ``GatewayVoice`` rows
/// are made from. Monte Carlo trials keep only this table.
struct VoiceTable: Hashable, Sendable {
  /// A tenant location served by a gateway, by indices into the scenario.
  struct Row: Hashable, Sendable {
    /// The tenant's index in `scenario.tenants`.
    let tenant: Int
    /// The location's index in the tenant's `locations`.
    let location: Int
    /// The location's node index (``DCPlanModel/Network/nodeIndices()``).
    let node: Int
    /// The nearest gateway's index in `voice.gateways`.
    let gateway: Int
    /// The next-nearest, where its calls go when the nearest is down; nil with one gateway.
    var backup: Int? = nil
  }

  /// The rows, by tenant then location.
  var rows: [Row] = []
  /// Each gateway's node index, nil if its node is not on the network.
  var gatewayNodes: [Int?] = []
  /// Years of the horizon.
  var yearCount = 0
  /// Phones per row and year, row-major: `phones[r · yearCount + y]`.
  var phones: [Double] = []
  /// Of those, phones on the converged network.
  var migratedPhones: [Double] = []
  /// Busy-hour Erlang towards the gateway.
  var erlangs: [Double] = []
  /// Concurrent calls provisioned at the grade of service (Erlang B).
  var channels: [Int] = []
  /// Bandwidth of one call per direction, bit/s.
  var bitsPerSecondPerCall = 0.0
  /// Busy-hour Erlang per gateway and year, gateway-major.
  var gatewayErlangs: [Double] = []
  /// SIP trunk channels per gateway and year at the grade of service.
  var gatewayTrunks: [Int] = []

  /// No voice.
  static let empty = VoiceTable()

  /// Bandwidth of row `r`'s calls in year `y`, per direction, Mbit/s.
  func mbps(row r: Int, year y: Int) -> Double {
    Double(channels[r * yearCount + y]) * bitsPerSecondPerCall / 1e6
  }

  /// The first year index in which gateway `g` needs more trunks than `contracted`, if any.
  func firstTrunkShortfall(gateway g: Int, contracted: Int) -> Int? {
    guard (g + 1) * yearCount <= gatewayTrunks.count else { return nil }
    return (0..<yearCount).first { Shortfall.trunks(needed: gatewayTrunks[g * yearCount + $0], contracted: contracted) }
  }

  /// Bandwidth of gateway `g`'s trunks in year `y` when all are busy, Mbit/s.
  func gatewayMbps(gateway g: Int, year y: Int) -> Double {
    Double(gatewayTrunks[g * yearCount + y]) * bitsPerSecondPerCall / 1e6
  }
}
