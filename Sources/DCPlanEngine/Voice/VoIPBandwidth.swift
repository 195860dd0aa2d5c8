import DCPlanModel

/// How a voice packet travels: packetisation and every header that counts.
public struct VoiceFraming: Hashable, Sendable {
  /// Voice per packet, ms (10, 20, 30 or 40).
  public var packetisationMs: Double
  /// IPv6 (40-byte header) instead of IPv4 (20 bytes).
  public var ipv6: Bool
  /// An 802.1Q VLAN tag (4 bytes).
  public var vlanTag: Bool
  /// Bytes of tunnel overhead per packet (IPsec, MPLS labels at 4 bytes each, GRE).
  public var tunnelBytes: Int
  /// Count Ethernet's preamble and start delimiter (8 bytes) and inter-frame gap (12 bytes).
  public var ethernetLayer1: Bool

  /// A framing from its values.
  public init(packetisationMs: Double, ipv6: Bool, vlanTag: Bool, tunnelBytes: Int, ethernetLayer1: Bool) {
    self.packetisationMs = packetisationMs
    self.ipv6 = ipv6
    self.vlanTag = vlanTag
    self.tunnelBytes = tunnelBytes
    self.ethernetLayer1 = ethernetLayer1
  }

  /// 20 ms, IPv4, untagged Ethernet without layer-1 overhead: Cisco's "Ethernet" column.
  public static let standard = VoiceFraming(packetisationMs: 20, ipv6: false, vlanTag: false, tunnelBytes: 0, ethernetLayer1: false)

  /// Header bytes per packet: RTP 12 + UDP 8 + IP (20 or 40) + Ethernet 18 (header 14, FCS 4)
  /// + 802.1Q 4 + tunnel + layer 1 (preamble 8, inter-frame gap 12).
  public var headerBytes: Int {
    12 + 8 + (ipv6 ? 40 : 20) + 18 + (vlanTag ? 4 : 0) + tunnelBytes + (ethernetLayer1 ? 20 : 0)
  }
}

/// Per-call bandwidth in each direction: `(payload + headers) · 8 · packets per second`, with
/// payload = bit rate × packetisation ÷ 8 bytes (docs/conventions.md, "Voice").
public enum VoIPBandwidth {
  /// The breakdown of one call's packets.
  public struct PerCall: Hashable, Sendable {
    /// Voice bytes per packet.
    public let payloadBytes: Double
    /// Header bytes per packet.
    public let headerBytes: Int
    /// Packets per second.
    public let packetsPerSecond: Double
    /// Bits per second on the wire, one direction.
    public var bitsPerSecond: Double { (payloadBytes + Double(headerBytes)) * 8 * packetsPerSecond }
    /// The same in kbit/s.
    public var kbps: Double { bitsPerSecond / 1000 }
    /// Bytes of one packet on the wire (for serialisation delay).
    public var packetBytes: Double { payloadBytes + Double(headerBytes) }
  }

  /// One call's bandwidth in one direction.
  public static func perCall(_ codec: Codec, _ framing: VoiceFraming) -> PerCall {
    PerCall(
      payloadBytes: codec.bitsPerSecond * framing.packetisationMs / 1000 / 8, headerBytes: framing.headerBytes,
      packetsPerSecond: 1000 / framing.packetisationMs)
  }
}
