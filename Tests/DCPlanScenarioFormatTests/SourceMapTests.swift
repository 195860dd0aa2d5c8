import Testing

@testable import DCPlanScenarioFormat

/// The source map keeps records in parts and answers by dotted path: by searching for the
/// first questions, by a dictionary after; both must give what a dictionary filled in reading
/// order gives.
@Suite("source map")
struct SourceMapTests {
  /// Records of a generated file: mappings, keys and list entries, some paths read twice.
  static func records(count: Int, seed: UInt64) -> [SourceRecord] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let keys = ["id", "from", "to", "capacity", "bandwidth", "ä-key", "x"]
    var records: [SourceRecord] = []
    for n in 0..<count {
      let parent = ["", "network", "network.links[\(next(40))]", "tenants[\(next(12))].locations[\(next(3))]"][next(4)]
      let position = SourcePosition(line: n + 1, column: next(80) + 1)
      switch next(3) {
      case 0: records.append(SourceRecord(parent, position))
      case 1: records.append(SourceRecord(parent: parent, key: keys[next(keys.count)], position: position))
      default: records.append(SourceRecord(parent: parent, key: keys[next(keys.count)], index: Int32(next(1_200)), position: position))
      }
    }
    return records
  }

  @Test("a record's path is its parts joined, and its length is counted without making it")
  func paths() {
    #expect(SourceRecord("network.links[3]", .start).path == "network.links[3]")
    #expect(SourceRecord(parent: "network.links[3]", key: "to", position: .start).path == "network.links[3].to")
    #expect(SourceRecord(parent: "network", key: "links", index: 1_000, position: .start).path == "network.links[1000]")
    #expect(SourceRecord(parent: "", key: "scenario", position: .start).path == ".scenario")
    for record in Self.records(count: 2_000, seed: 5) {
      #expect(record.pathLength == record.path.utf8.count, "\(record.path)")
    }
  }

  @Test("searching, then the dictionary, agree with a dictionary filled in reading order (the last record wins)", arguments: [1, 2, 3])
  func lookups(seed: UInt64) {
    let records = Self.records(count: 3_000, seed: seed)
    var expected: [String: SourcePosition] = [:]
    for record in records { expected[record.path] = record.position }
    let map = SourceMap(records: records)
    // More questions than are searched, recorded paths and others, in turn.
    let asked = Array(expected.keys.sorted().prefix(3 * SourceMap.searchesBeforeIndex))
    for (n, path) in asked.enumerated() {
      #expect(map.recorded(path) == expected[path], "question \(n): \(path)")
      #expect(map.recorded(path + ".nothing") == nil)
    }
    #expect(map.positions == expected)
    // The nearest enclosing entry's position, else the file's start.
    if let entry = expected.keys.first(where: { $0.hasSuffix("]") && $0.hasPrefix("network.links") }) {
      #expect(SourceMap(records: records).position(entry + ".unread") == expected[entry])
    }
    #expect(map.position("nowhere.at.all") == .start)
  }
}
