import ArgumentParser
import Foundation

/// `--shard I/N` or `auto/N` (I from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).
enum Shard {
  /// The part asked for: (index, count), or nil for the whole.
  static func parse(_ text: String?) throws -> (index: Int, count: Int)? {
    guard let text else { return nil }
    let parts = text.split(separator: "/")
    guard parts.count == 2, let count = Int(parts[1]), count >= 1 else {
      throw ValidationError("--shard must be I/N such as 0/4, or auto/N")
    }
    guard count <= maxCount else {
      throw ValidationError("--shard \(text): N must lie in 1...\(maxCount) (more parts than that leave most of them empty)")
    }
    let index: Int
    if parts[0] == "auto" {
      let environment = ProcessInfo.processInfo.environment
      guard let value = (environment["SLURM_ARRAY_TASK_ID"] ?? environment["JOB_COMPLETION_INDEX"]).flatMap({ Int($0) }) else {
        throw ValidationError("--shard auto/N needs SLURM_ARRAY_TASK_ID (Slurm job array) or JOB_COMPLETION_INDEX (Kubernetes Indexed Job)")
      }
      index = value
    } else {
      guard let value = Int(parts[0]) else { throw ValidationError("--shard must be I/N such as 0/4, or auto/N") }
      index = value
    }
    guard (0..<count).contains(index) else { throw ValidationError("--shard \(index)/\(count): I must lie in 0...\(count - 1)") }
    return (index, count)
  }

  /// The most parts a run may be cut into.
  static let maxCount = 1_000_000

  /// The items `index·total/count ..< (index+1)·total/count` of `total` (the products taken in
  /// full width: no overflow for any total and part).
  static func range(_ part: (index: Int, count: Int)?, of total: Int) -> Range<Int> {
    guard let part else { return 0..<total }
    func cut(_ k: Int) -> Int {
      let product = max(0, total).multipliedFullWidth(by: k)
      return part.count.dividingFullWidth(product).quotient
    }
    return cut(part.index)..<cut(part.index + 1)
  }
}

/// What every part of a sharded run carries so that `dcplan merge` can check it
/// (docs/cluster.md): a first line naming the run (its fingerprint: the scenario's bytes and
/// those it extends, the grid or the trials and seed, the format, dcplan's version), the part
/// and the number of parts, and a last line with the part's row count.
struct ShardStamp: Codable, Equatable {
  /// FNV-1a (64 bit) of everything that makes the run's rows, hexadecimal.
  let fingerprint: String
  let part: Int
  let parts: Int
  /// The rows the part holds.
  let rows: Int
  /// "sweep" or "trials".
  let kind: String
  /// "csv", "csv excel-de" or "json".
  let format: String
  let version: String

  static let headPrefix = "#dcplan-shard "
  static let tailPrefix = "#dcplan-shard-end "

  /// The fingerprint of `parts` (strings that make the run), in order.
  static func fingerprint(_ parts: [String]) -> String {
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
  static func contents(of files: [String]) -> [String] {
    files.map { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } ?? $0 }
  }

  /// The first line of a part.
  var headLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return Self.headPrefix + json
  }

  /// The last line of a part.
  var tailLine: String { Self.tailPrefix + "{\"rows\":\(rows)}" }
}
