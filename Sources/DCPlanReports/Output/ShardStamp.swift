import Foundation

/// What every part of a sharded run carries so that `dcplan merge` can check it
/// (docs/cluster.md): a first line naming the run (its fingerprint: the scenario's bytes and
/// those it extends, the grid or the trials and seed, the format, dcplan's version), the part
/// and the number of parts, and a last line with the part's row count.
public struct ShardStamp: Codable, Equatable, Sendable {
  /// FNV-1a (64 bit) of everything that makes the run's rows, hexadecimal.
  public let fingerprint: String
  public let part: Int
  public let parts: Int
  /// The rows the part holds.
  public let rows: Int
  /// "sweep" or "trials".
  public let kind: String
  /// "csv", "csv excel-de" or "json".
  public let format: String
  public let version: String

  /// A stamp from its values.
  public init(fingerprint: String, part: Int, parts: Int, rows: Int, kind: String, format: String, version: String) {
    self.fingerprint = fingerprint
    self.part = part
    self.parts = parts
    self.rows = rows
    self.kind = kind
    self.format = format
    self.version = version
  }

  public static let headPrefix = "#dcplan-shard "
  public static let tailPrefix = "#dcplan-shard-end "

  /// The fingerprint of `parts` (strings that make the run), in order.
  public static func fingerprint(_ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      for byte in part.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
      hash ^= 0xff
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  /// The contents of the files a scenario was read from, for the fingerprint.
  public static func contents(of files: [String]) -> [String] {
    files.map { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } ?? $0 }
  }

  /// The first line of a part.
  public var headLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return Self.headPrefix + json
  }

  /// The last line of a part.
  public var tailLine: String { Self.tailPrefix + "{\"rows\":\(rows)}" }
}
