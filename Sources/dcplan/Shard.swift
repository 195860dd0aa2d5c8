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
