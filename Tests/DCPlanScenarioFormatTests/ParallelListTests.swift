import DCPlanScenarioFormat
import Testing

/// Long lists (a state's demands and links) are decoded in stretches on several threads; the
/// outcome must be that of decoding them one after the other: the same scenario, the same
/// diagnostics in the same order, the same source map.
@Suite("lists decoded on several threads")
struct ParallelListTests {
  /// A network of `count` nodes in a ring with chords, `count` demands with year tables, and
  /// problems sprinkled through both lists (every 97th entry and others).
  static func network(count: Int, problems: Bool = true, tableAnchor: Bool = false) -> String {
    var lines = ["scenario: {name: parallel, horizon: 2020..2024}", "tenants: [{id: land, kind: state}]", "network:", "  nodes:"]
    for n in 0..<count { lines.append("    - {id: n\(n)}") }
    lines.append("  links:")
    for n in 0..<count {
      let id = !problems ? "l\(n)" : n == 500 ? "l499" : n == 700 ? "bad id" : "l\(n)"  // a repeated id, a malformed one
      let capacity = problems && n % 97 == 5 ? "10 Mbits" : "\(1_000 + n % 7) Mbit/s"  // an unknown unit
      lines.append("    - {id: \(id), from: n\(n), to: n\((n + 1) % count), capacity: \(capacity), weight: \(1 + n % 3)}")
    }
    if tableAnchor {
      let table = (1900...2200).map { "\($0): 1 Mbit/s" }.joined(separator: ", ")
      lines.append("  demands:")
      lines.append("    - {from: n0, to: n1, bandwidth: &table {\(table)}}")
      for n in 1..<count { lines.append("    - {from: n\(n), to: n\((n * 7) % count), bandwidth: *table}") }
    } else {
      lines.append("  demands:")
      for n in 0..<count {
        let to = problems && n % 89 == 3 ? "nowhere" : "n\((n * 7 + 3) % count)"  // an unknown node
        let rate = problems && n % 113 == 7 ? "{2020: 5 Mbit/s, 20x1: 6 Mbit/s}" : problems && n % 101 == 9 ? "{down: 9 Mbit/s, up: 1 Mbit/s}"
          : "{2020: \(n % 50 + 1) Mbit/s, 2022: \(n % 50 + 2).5 Mbit/s, 2024: \(n % 50 + 4) Mbit/s}"
        let oneWay = problems && n % 101 == 9 ? ", one_way: true" : ""
        lines.append("    - {from: n\(n), to: \(to), bandwidth: \(rate)\(oneWay)}")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func load(_ text: String, threads: Int) -> LoadOutcome {
    ScenarioLoader.$threads.withValue(threads) { ScenarioLoader.load(text: text, file: "state.yaml") }
  }

  @Test("one, two and three threads give the same diagnostics, source map and scenario", arguments: [1_400, 3_000])
  func sameOutcome(count: Int) {
    let text = Self.network(count: count)
    let one = Self.load(text, threads: 1)
    #expect(one.diagnostics.count > 20, "the file has problems to report: \(one.diagnostics.prefix(3))")
    #expect(one.diagnostics.contains { $0.message.contains("duplicate link id 'l499'") })
    for threads in [2, 3] {
      let many = Self.load(text, threads: threads)
      #expect(many.diagnostics == one.diagnostics, "\(threads) threads")
      #expect(many.sourceMap.positions == one.sourceMap.positions, "\(threads) threads")
    }
    // Without the problems, the scenarios themselves.
    let clean = Self.network(count: count, problems: false)
    let scenario = Self.load(clean, threads: 1)
    #expect(scenario.scenario != nil, "\(scenario.diagnostics.prefix(3))")
    #expect(Self.load(clean, threads: 2).scenario == scenario.scenario)
    #expect(Self.load(clean, threads: 2).scenario?.network.demands.count ?? 0 > count / 2)
  }

  @Test("a list whose aliases exceed the node budget is reported where the budget runs out, as on one thread")
  func budgetRunsOut() {
    let text = Self.network(count: 1_200, tableAnchor: true)
    let one = Self.load(text, threads: 1)
    #expect(one.diagnostics.contains { $0.message.contains("too many values") }, "\(one.diagnostics.prefix(3))")
    let two = Self.load(text, threads: 2)
    #expect(two.diagnostics == one.diagnostics)
    #expect(two.sourceMap.positions == one.sourceMap.positions)
  }
}
