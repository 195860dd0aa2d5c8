import DCPlanEngine
import Foundation
import Synchronization

/// A progress bar on standard error with the elapsed time and an estimate of what is left;
/// only when standard error is a terminal and `--quiet` is not given (pipes stay silent).
enum ProgressBar {
  /// A progress counter for `total` items of `what`, or nil when no bar should show.
  static func make(_ what: String, total: Int, quiet: Bool) -> WorkProgress? {
    guard !quiet, total > 0, isatty(FileHandle.standardError.fileDescriptor) != 0 else { return nil }
    let start = Date()
    let lastPrint = Mutex<Double>(-1)
    return WorkProgress(total: total, every: max(1, total / 500)) { done, total in
      let elapsed = Date().timeIntervalSince(start)
      let shouldPrint = lastPrint.withLock { last -> Bool in
        guard done == total || elapsed - last >= 0.1 else { return false }
        last = elapsed
        return true
      }
      guard shouldPrint else { return }
      let fraction = Double(done) / Double(total)
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      let left = fraction > 0 ? elapsed / fraction - elapsed : 0
      var line = "\r\(what) \(done)/\(total) [\(bar)] \(Int(fraction * 100)) %  \(seconds(elapsed)) elapsed"
      if done < total { line += ", about \(seconds(left)) left" }
      if done == total { line += "\n" }
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  private static func seconds(_ value: Double) -> String {
    String(format: "%.1f s", value)
  }
}
