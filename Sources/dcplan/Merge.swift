import ArgumentParser
import DCPlanReports
import DCPlanScenarioFormat
import Foundation

/// `dcplan merge PARTS...`: joins the parts of a sharded sweep into exactly the output of the
/// unsharded run (rows in variant order, one header).
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Join the parts of a sharded 'dcplan sweep' (--shard I/N) into the output of the whole sweep.",
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
    var header: String?
    var bom = false
    var lineEnd = "\n"
    var rows: [(variant: Int, line: String)] = []
    for part in parts {
      guard let data = FileManager.default.contents(atPath: part) else { fail("\(part): cannot be read; check the path") }
      var text = String(decoding: data, as: UTF8.self)
      if text.hasPrefix("\u{FEFF}") {
        bom = true
        text.removeFirst()
      }
      // "\r\n" is one Character to Swift: turn it into "\n" before splitting.
      if text.contains("\r\n") { lineEnd = "\r\n" }
      var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      guard let first = lines.first else { continue }
      let isJSON = first.hasPrefix("{")
      if !isJSON {
        if let header, header != first { fail("\(part): its header differs from the first part's; merge parts of one sweep only") }
        header = first
        lines.removeFirst()
      }
      for (n, line) in lines.enumerated() {
        guard let variant = Self.variant(of: line, json: isJSON) else { fail("\(part):\(n + 2): no variant number at the start of the row") }
        rows.append((variant, line))
      }
    }
    rows.sort { $0.variant < $1.variant }
    for (a, b) in zip(rows, rows.dropFirst()) where a.variant == b.variant {
      fail("variant \(a.variant) is in two parts; merge each shard once")
    }
    if let last = rows.last, last.variant + 1 != rows.count {
      let present = Set(rows.map(\.variant))
      let missing = (0...last.variant).filter { !present.contains($0) }
      fail("variants \(missing.prefix(5).map(String.init).joined(separator: ", "))\(missing.count > 5 ? ", ..." : "") are missing; merge every shard")
    }
    var text = bom ? "\u{FEFF}" : ""
    if let header { text += header + lineEnd }
    for row in rows { text += row.line + lineEnd }
    if let output {
      do { try AtomicFile.write(text, to: output) } catch { fail("\(output): \(error)") }
    } else {
      OutputOptions.standardOutput(Array(text.utf8))
    }
  }

  /// The variant number a row starts with: `12,...`, `12;...` or `{"variant":12,...`.
  static func variant(of line: String, json: Bool) -> Int? {
    let body = json ? line.replacingOccurrences(of: "{\"variant\":", with: "") : line
    return Int(body.prefix { $0.isNumber })
  }

  private func fail(_ message: String) -> Never {
    Console.error("dcplan merge: error: \(message)")
    Foundation.exit(1)
  }
}
