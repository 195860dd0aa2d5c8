import ArgumentParser
import DCPlanReports
import DCPlanScenarioFormat
import Foundation

/// `dcplan merge PARTS...`: joins the parts of a sharded sweep (or of a sharded `--trials-csv`)
/// into exactly the output of the unsharded run (rows in order, one header), after checking
/// that they are every part of one run, each whole (docs/cluster.md).
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
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

  /// One part, read and checked on its own.
  struct Part {
    let file: String
    let stamp: ShardStamp
    let bom: Bool
    let lineEnd: String
    let header: String?
    let rows: [(number: Int, line: String)]
  }

  func run() throws {
    try OutputOptions.checkNoOverwrite(outputs: [("-o", output)], inputs: parts)
    let read = parts.map(Self.read)
    let first = read[0]
    // One run: the same fingerprint, format and number of parts; each part once.
    for part in read.dropFirst() {
      if part.stamp.format != first.stamp.format {
        fail("\(part.file): it is \(part.stamp.format) and '\(first.file)' is \(first.stamp.format); merge the parts of one run, all in one format")
      }
      if part.stamp.fingerprint != first.stamp.fingerprint || part.stamp.parts != first.stamp.parts || part.stamp.kind != first.stamp.kind {
        fail("\(part.file): it is a part of another run than '\(first.file)' (another scenario, grid, seed, format or dcplan version); merge the parts of one run only")
      }
      if part.header != first.header { fail("\(part.file): its header differs from '\(first.file)''s; merge the parts of one run only") }
    }
    var seen = [String?](repeating: nil, count: first.stamp.parts)
    for part in read {
      guard part.stamp.part < seen.count else { fail("\(part.file): part \(part.stamp.part) of \(part.stamp.parts) does not exist") }
      if let other = seen[part.stamp.part] { fail("\(part.file): part \(part.stamp.part) of \(first.stamp.parts) is also '\(other)'; merge each part once") }
      seen[part.stamp.part] = part.file
    }
    if let missing = seen.firstIndex(where: { $0 == nil }) {
      let all = seen.indices.filter { seen[$0] == nil }
      fail("part\(all.count == 1 ? "" : "s") \(all.prefix(5).map(String.init).joined(separator: ", "))\(all.count > 5 ? ", ..." : "") of \(first.stamp.parts) \(all.count == 1 ? "is" : "are") missing (the first: \(missing)/\(first.stamp.parts)); merge every part")
    }
    var rows = read.flatMap(\.rows)
    rows.sort { $0.number < $1.number }
    for (a, b) in zip(rows, rows.dropFirst()) where a.number == b.number {
      fail("row \(a.number) is in two parts; merge each part once")
    }
    if let last = rows.last, last.number + 1 != rows.count {
      fail("rows are missing before row \(last.number); merge every part of the run")
    }
    var text = first.bom ? "\u{FEFF}" : ""
    if let header = first.header { text += header + first.lineEnd }
    for row in rows { text += row.line + first.lineEnd }
    if let output {
      do { try AtomicFile.write(text, to: output) } catch { fail("\(output): \(error)") }
    } else {
      OutputOptions.standardOutput(Array(text.utf8))
    }
  }

  /// A part read and checked: its stamp first, its row count last, every row whole.
  static func read(_ file: String) -> Part {
    guard let data = FileManager.default.contents(atPath: file) else { fail("\(file): cannot be read; check the path") }
    var text = String(decoding: data, as: UTF8.self)
    let bom = text.hasPrefix("\u{FEFF}")
    if bom { text.removeFirst() }
    // "\r\n" is one Character to Swift: turn it into "\n" before splitting.
    let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    guard lines.last == "" else { fail("\(file): it does not end with a line end: the part was cut off; run the part again") }
    lines.removeLast()
    guard let head = lines.first, head.hasPrefix(ShardStamp.headPrefix),
      let stamp = try? JSONDecoder().decode(ShardStamp.self, from: Data(head.dropFirst(ShardStamp.headPrefix.count).utf8))
    else {
      fail("\(file): it does not start with the line '#dcplan-shard ...' of a part; merge the outputs of --shard I/N only")
    }
    guard let tail = lines.last, tail.hasPrefix(ShardStamp.tailPrefix) else {
      fail("\(file): its last line is not '#dcplan-shard-end ...': the part was cut off; run the part again")
    }
    lines.removeFirst()
    lines.removeLast()
    let json = stamp.format == "json"
    var header: String?
    if !json {
      guard !lines.isEmpty else { fail("\(file): the header row is missing; run the part again") }
      header = lines.removeFirst()
    }
    guard lines.count == stamp.rows else {
      fail("\(file): it holds \(lines.count) rows but was written with \(stamp.rows); run the part again")
    }
    let separator: Character = stamp.format == "csv excel-de" ? ";" : ","
    let width = header.map { fieldCount($0, separator: separator) }
    var rows: [(Int, String)] = []
    for (n, line) in lines.enumerated() {
      let lineNumber = n + (json ? 2 : 3)
      if let width, fieldCount(line, separator: separator) != width {
        fail("\(file):\(lineNumber): the row has \(fieldCount(line, separator: separator)) fields, the header \(width); run the part again")
      }
      if json, (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil {
        fail("\(file):\(lineNumber): the row is not a JSON object; run the part again")
      }
      guard let number = variant(of: line, json: json) else { fail("\(file):\(lineNumber): no variant or trial number at the start of the row") }
      rows.append((number, line))
    }
    return Part(file: file, stamp: stamp, bom: bom, lineEnd: lineEnd, header: header, rows: rows)
  }

  /// The fields of a CSV line, quotes respected.
  static func fieldCount(_ line: String, separator: Character) -> Int {
    var count = 1
    var quoted = false
    for character in line {
      if character == "\"" { quoted.toggle() } else if character == separator, !quoted { count += 1 }
    }
    return count
  }

  /// The variant number a row starts with: `12,...`, `12;...` or `{"variant":12,...`.
  static func variant(of line: String, json: Bool) -> Int? {
    let body = json ? line.replacingOccurrences(of: "{\"variant\":", with: "") : line
    return Int(body.prefix { $0.isNumber })
  }
}

/// Prints `message` as an error and exits with status 1.
private func fail(_ message: String) -> Never {
  Console.error("dcplan merge: error: \(message)")
  Foundation.exit(1)
}
