/// A voice codec: its bit rate and the look-ahead it adds to the one-way delay.
public struct Codec: Hashable, Sendable {
  /// The name (`G.711`, `G.729`, `G.722`, `Opus`).
  public let name: String
  /// Bits per second of voice payload.
  public let bitsPerSecond: Double
  /// Look-ahead delay of the coder beyond the packetisation time, in ms (docs/conventions.md, "Voice").
  public let lookaheadMs: Double

  /// A codec from its values.
  public init(name: String, bitsPerSecond: Double, lookaheadMs: Double) {
    self.name = name
    self.bitsPerSecond = bitsPerSecond
    self.lookaheadMs = lookaheadMs
  }

  /// G.711 PCM, 64 kbit/s, no look-ahead (ITU-T G.711).
  public static let g711 = Codec(name: "G.711", bitsPerSecond: 64_000, lookaheadMs: 0)
  /// G.729 CS-ACELP, 8 kbit/s, 5 ms look-ahead (ITU-T G.729).
  public static let g729 = Codec(name: "G.729", bitsPerSecond: 8_000, lookaheadMs: 5)
  /// G.722 wideband at 64 kbit/s; its QMF filter bank adds about 1.5 ms (ITU-T G.722).
  public static let g722 = Codec(name: "G.722", bitsPerSecond: 64_000, lookaheadMs: 1.5)

  /// Opus at a fixed bit rate; 6.5 ms on top of the frame (RFC 6716: 26.5 ms for 20 ms frames).
  public static func opus(bitsPerSecond: Double) -> Codec {
    Codec(name: "Opus", bitsPerSecond: bitsPerSecond, lookaheadMs: 6.5)
  }

  /// The codec named `name` (case-insensitive), with `bitsPerSecond` for Opus.
  public static func named(_ name: String, opusBitsPerSecond: Double = 32_000) -> Codec? {
    switch name.lowercased() {
    case "g.711", "g711": return .g711
    case "g.729", "g729": return .g729
    case "g.722", "g722": return .g722
    case "opus": return .opus(bitsPerSecond: opusBitsPerSecond)
    default: return nil
    }
  }

  /// The names accepted by ``named(_:opusBitsPerSecond:)``.
  public static let names = ["G.711", "G.729", "G.722", "Opus"]
}

