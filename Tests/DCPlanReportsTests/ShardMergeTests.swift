@testable import DCPlanReports
import Testing

/// `dcplan merge`'s logic on bytes (docs/cluster.md): parts written as `--shard I/N` writes
/// them, split and reordered at random, merge back to the whole; broken parts are refused.
@Suite("merging shards")
struct ShardMergeTests {
  /// The parts of a CSV run of `rows` rows cut into `count` parts as `--shard` cuts them.
  static func parts(rows: Int, count: Int, fingerprint: String = "abc", format: String = "csv") -> [(file: String, bytes: [UInt8])] {
    (0..<count).map { i in
      let range = (i * rows / count)..<((i + 1) * rows / count)
      let stamp = ShardStamp(
        fingerprint: fingerprint, part: i, parts: count, rows: range.count, kind: "sweep", format: format, version: "test")
      var text = stamp.headLine + "\n" + "variant,npv_eur\n"
      for r in range { text += "\(r),\(1000 + r)\n" }
      text += stamp.tailLine + "\n"
      return ("part-\(i).csv", Array(text.utf8))
    }
  }

  static func whole(rows: Int) -> String { "variant,npv_eur\n" + (0..<rows).map { "\($0),\(1000 + $0)\n" }.joined() }

  @Test("any cut into 1 to 9 parts, merged in any order, gives the whole run's bytes", arguments: [1, 2, 3, 5, 9])
  func roundTrip(_ count: Int) throws {
    var parts = Self.parts(rows: 17, count: count)
    parts.reverse()
    parts.shuffle()
    #expect(try ShardMerge.merge(parts) == Self.whole(rows: 17))
  }

  /// A part whose first line is `stamp` (JSON) and which is otherwise whole.
  static func part(stamp json: String) -> (file: String, bytes: [UInt8]) {
    ("odd.csv", Array((ShardStamp.headPrefix + json + "\nvariant,npv_eur\n0,1000\n" + ShardStamp.tailPrefix + "{\"rows\":1}\n").utf8))
  }

  @Test("stamps naming impossible parts are refused, not trapped on: negative or huge part counts and indices")
  func impossibleStamps() {
    for (part, parts) in [(0, -1), (0, 0), (-1, 2), (5, 2), (0, Int.max)] {
      let json = "{\"fingerprint\":\"abc\",\"format\":\"csv\",\"kind\":\"sweep\",\"part\":\(part),\"parts\":\(parts),\"rows\":1,\"version\":\"test\"}"
      #expect(throws: ShardMerge.Refusal.self, "part \(part) of \(parts)") { try ShardMerge.merge([Self.part(stamp: json)]) }
    }
  }

  @Test("a row number beyond any integer, a part of another run, a row twice: refused with the file named")
  func refusals() {
    var parts = Self.parts(rows: 4, count: 2)
    parts[1].bytes = Array(String(decoding: parts[1].bytes, as: UTF8.self).replacingOccurrences(of: "\n3,", with: "\n99999999999999999999999,").utf8)
    #expect(throws: ShardMerge.Refusal(description: "part-1.csv:4: no variant or trial number at the start of the row")) {
      try ShardMerge.merge(parts)
    }
    let foreign = Self.parts(rows: 4, count: 2, fingerprint: "other")
    #expect(throws: ShardMerge.Refusal.self) { try ShardMerge.merge([Self.parts(rows: 4, count: 2)[0], foreign[1]]) }
    let twice = Self.parts(rows: 4, count: 2)
    #expect(throws: ShardMerge.Refusal(description: "part-0.csv: part 0 of 2 is also 'part-0.csv'; merge each part once")) {
      try ShardMerge.merge([twice[0], twice[0], twice[1]])
    }
  }
}
