import ArgumentParser
import DCPlanReports
import DCPlanScenarioFormat
import Foundation

/// `dcplan merge PARTS...`: joins the parts of a sharded sweep (or of a sharded `--trials-csv`)
/// into exactly the output of the unsharded run (rows in order, one header), after checking
/// that they are every part of one run, each whole (docs/cluster.md).
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join the parts of a sharded 'dcplan sweep' or 'dcplan run --trials-csv' (--shard I/N) into the output of the whole run.",
    discussion: "Example: dcplan merge part-*.csv -o sweep.csv"
  )

  @Argument(help: "The parts, CSV or JSON Lines, in any order.")
  var parts: [String]

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if parts.isEmpty { throw ValidationError("name the parts to merge") }
  }

  func run() throws {
    try OutputOptions.checkNoOverwrite(outputs: [("-o", output)], inputs: parts)
    var read: [(file: String, bytes: [UInt8])] = []
    for file in parts {
      guard let data = FileManager.default.contents(atPath: file) else { fail("\(file): cannot be read; check the path") }
      read.append((file, [UInt8](data)))
    }
    let text: String
    do { text = try ShardMerge.merge(read) } catch { fail(error.description) }
    if let output {
      do { try AtomicFile.write(text, to: output) } catch { fail("\(output): \(error)") }
    } else {
      OutputOptions.standardOutput(Array(text.utf8))
    }
  }
}

/// Prints `message` as an error and exits with status 1.
private func fail(_ message: String) -> Never {
  Console.error("dcplan merge: error: \(message)")
  Foundation.exit(1)
}
