import DCPlanModel
import DCPlanEngine
import DCPlanTestSupport
import Testing

/// Per-call bandwidth against Cisco's published table "Voice Over IP – Per Call Bandwidth
/// Consumption" (Ethernet column: IPv4, RTP/UDP/IP 40 bytes, Ethernet 18 bytes, no VLAN tag,
/// no preamble or inter-frame gap), rounded there to 0.1 kbit/s.
@Suite("VoIP per-call bandwidth")
struct VoIPBandwidthTests {
  struct Row: CustomTestStringConvertible, Sendable {
    let codec: Codec
    let ptime: Double
    let kbps: Double
    var testDescription: String { "\(codec.name) \(codec.bitsPerSecond / 1000) kbit/s, \(ptime) ms" }
  }

  static let cisco: [Row] = [
    Row(codec: .g711, ptime: 20, kbps: 87.2),
    Row(codec: .g729, ptime: 20, kbps: 31.2),
    // G.726 rows of the table: the same framing of 32 and 24 kbit/s payloads.
    Row(codec: .opus(bitsPerSecond: 32_000), ptime: 20, kbps: 55.2),
    Row(codec: .opus(bitsPerSecond: 24_000), ptime: 20, kbps: 47.2),
    // G.728 row: 16 kbit/s in 30 ms packets (60 bytes), 31.5 kbit/s.
    Row(codec: .opus(bitsPerSecond: 16_000), ptime: 30, kbps: 31.5),
  ]

  @Test("Cisco's Ethernet column", arguments: cisco)
  func published(_ row: Row) {
    var framing = VoiceFraming.standard
    framing.packetisationMs = row.ptime
    let perCall = VoIPBandwidth.perCall(row.codec, framing)
    #expect(abs(perCall.kbps - row.kbps) < 0.05, "\(perCall.kbps)")
  }

  @Test("every header counts: IPv6, 802.1Q, tunnel, layer 1 (worked by hand)")
  func headers() {
    // G.711 20 ms: 160 B payload, 50 packets/s.
    // IPv6: 160 + 12 + 8 + 40 + 18 = 238 B → 95.2 kbit/s
    var framing = VoiceFraming.standard
    framing.ipv6 = true
    #expect(approximately(VoIPBandwidth.perCall(.g711, framing).kbps, 95.2))
    // IPv4 + 802.1Q + layer 1: 160 + 40 + 18 + 4 + 20 = 242 B → 96.8 kbit/s
    framing = .standard
    framing.vlanTag = true
    framing.ethernetLayer1 = true
    #expect(approximately(VoIPBandwidth.perCall(.g711, framing).kbps, 96.8))
    // G.729 10 ms with an IPsec tunnel of 56 B: 10 + 40 + 18 + 56 = 124 B at 100/s → 99.2 kbit/s
    framing = VoiceFraming(packetisationMs: 10, ipv6: false, vlanTag: false, tunnelBytes: 56, ethernetLayer1: false)
    #expect(approximately(VoIPBandwidth.perCall(.g729, framing).kbps, 99.2))
    // G.711 40 ms: 320 + 58 = 378 B at 25/s → 75.6 kbit/s
    framing = .standard
    framing.packetisationMs = 40
    #expect(approximately(VoIPBandwidth.perCall(.g711, framing).kbps, 75.6))
  }
}
