import Foundation

/// Joins the parts of a sharded sweep or `--trials-csv` into the output of the whole run,
/// after checking that they are every part of one run, each whole (docs/cluster.md): the
/// logic of `dcplan merge`, on bytes, so that it can be tested and fuzzed without files.
public enum ShardMerge {
  /// Why parts cannot be merged: a message naming the file (and line) and what to do.
  public struct Refusal: Error, CustomStringConvertible, Equatable {
    public let description: String
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

  /// The whole run's output from `parts` (file name and bytes, in any order).
  public static func merge(_ parts: [(file: String, bytes: [UInt8])]) throws(Refusal) -> String {
    guard !parts.isEmpty else { throw Refusal(description: "name the parts to merge") }
    var read: [Part] = []
    for part in parts { read.append(try self.read(part.file, part.bytes)) }
    let first = read[0]
    // One run: the same fingerprint, format and number of parts; each part once.
    for part in read.dropFirst() {
      if part.stamp.format != first.stamp.format {
        throw Refusal(description: "\(part.file): it is \(part.stamp.format) and '\(first.file)' is \(first.stamp.format); merge the parts of one run, all in one format")
      }
      if part.stamp.fingerprint != first.stamp.fingerprint || part.stamp.parts != first.stamp.parts || part.stamp.kind != first.stamp.kind {
        throw Refusal(description: "\(part.file): it is a part of another run than '\(first.file)' (another scenario, grid, seed, format or dcplan version); merge the parts of one run only")
      }
      if part.header != first.header { throw Refusal(description: "\(part.file): its header differs from '\(first.file)''s; merge the parts of one run only") }
    }
    guard (1...1_000_000).contains(first.stamp.parts) else {
      throw Refusal(description: "\(first.file): it names \(first.stamp.parts) parts; a run has 1 to 1,000,000: merge the outputs of --shard I/N only")
    }
    var seen = [String?](repeating: nil, count: first.stamp.parts)
    for part in read {
      guard seen.indices.contains(part.stamp.part) else {
        throw Refusal(description: "\(part.file): part \(part.stamp.part) of \(part.stamp.parts) does not exist")
      }
      if let other = seen[part.stamp.part] {
        throw Refusal(description: "\(part.file): part \(part.stamp.part) of \(first.stamp.parts) is also '\(other)'; merge each part once")
      }
      seen[part.stamp.part] = part.file
    }
    if let missing = seen.firstIndex(where: { $0 == nil }) {
      let all = seen.indices.filter { seen[$0] == nil }
      throw Refusal(description: "part\(all.count == 1 ? "" : "s") \(all.prefix(5).map(String.init).joined(separator: ", "))\(all.count > 5 ? ", ..." : "") of \(first.stamp.parts) \(all.count == 1 ? "is" : "are") missing (the first: \(missing)/\(first.stamp.parts)); merge every part")
    }
    var rows = read.flatMap(\.rows)
    rows.sort { $0.number < $1.number }
    for (a, b) in zip(rows, rows.dropFirst()) where a.number == b.number {
      throw Refusal(description: "row \(a.number) is in two parts; merge each part once")
    }
    if let firstRow = rows.first, firstRow.number != 0 {
      throw Refusal(description: "rows are missing before row \(firstRow.number); merge every part of the run")
    }
    if let last = rows.last, last.number + 1 != rows.count {
      throw Refusal(description: "rows are missing before row \(last.number); merge every part of the run")
    }
    var text = first.bom ? "\u{FEFF}" : ""
    if let header = first.header { text += header + first.lineEnd }
    for row in rows { text += row.line + first.lineEnd }
    return text
  }

  /// A part read and checked: its stamp first, its row count last, every row whole.
  static func read(_ file: String, _ bytes: [UInt8]) throws(Refusal) -> Part {
    var text = String(decoding: bytes, as: UTF8.self)
    let bom = text.hasPrefix("\u{FEFF}")
    if bom { text.removeFirst() }
    // "\r\n" is one Character to Swift: turn it into "\n" before splitting.
    let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    guard lines.last == "" else {
      throw Refusal(description: "\(file): it does not end with a line end: the part was cut off; run the part again")
    }
    lines.removeLast()
    guard let head = lines.first, head.hasPrefix(ShardStamp.headPrefix),
      let stamp = try? JSONDecoder().decode(ShardStamp.self, from: Data(head.dropFirst(ShardStamp.headPrefix.count).utf8))
    else {
      throw Refusal(description: "\(file): it does not start with the line '#dcplan-shard ...' of a part; merge the outputs of --shard I/N only")
    }
    guard lines.count >= 2, let tail = lines.last, tail.hasPrefix(ShardStamp.tailPrefix) else {
      throw Refusal(description: "\(file): its last line is not '#dcplan-shard-end ...': the part was cut off; run the part again")
    }
    lines.removeFirst()
    lines.removeLast()
    let json = stamp.format == "json"
    var header: String?
    if !json {
      guard !lines.isEmpty else { throw Refusal(description: "\(file): the header row is missing; run the part again") }
      header = lines.removeFirst()
    }
    guard lines.count == stamp.rows else {
      throw Refusal(description: "\(file): it holds \(lines.count) rows but was written with \(stamp.rows); run the part again")
    }
    let separator: Character = stamp.format == "csv excel-de" ? ";" : ","
    let width = header.map { fieldCount($0, separator: separator) }
    var rows: [(Int, String)] = []
    for (n, line) in lines.enumerated() {
      let lineNumber = n + (json ? 2 : 3)
      if let width, fieldCount(line, separator: separator) != width {
        throw Refusal(description: "\(file):\(lineNumber): the row has \(fieldCount(line, separator: separator)) fields, the header \(width); run the part again")
      }
      if json, (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil {
        throw Refusal(description: "\(file):\(lineNumber): the row is not a JSON object; run the part again")
      }
      guard let number = variant(of: line, json: json) else {
        throw Refusal(description: "\(file):\(lineNumber): no variant or trial number at the start of the row")
      }
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

  /// The variant number a row starts with: `12,...`, `12;...` or `{"variant":12,...`; nil
  /// when there is none or it is not a whole number of at most 18 digits.
  static func variant(of line: String, json: Bool) -> Int? {
    let body = json ? line.replacingOccurrences(of: "{\"variant\":", with: "") : line
    let digits = body.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    return Int(digits)
  }
}
