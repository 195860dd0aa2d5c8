import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Rates that differ by direction and one-way demands (docs/conventions.md, "Network").
@Suite("network: a rate each way, one-way demands")
struct DirectionalDemandTests {
  private func links(_ text: String) throws -> [String: LinkResult] {
    let outcome = ScenarioLoader.load(text: text, file: "directions.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    return Dictionary(uniqueKeysWithValues: Planner.run(scenario).network.links.map { ($0.id, $0) })
  }

  /// A line a–b–c: 100 employees at a, their workloads at c.
  static let line = """
    version: 1
    scenario: {name: directions, horizon: 2020..2020}
    tenants:
      - {id: t, kind: state, employees: 100, joins_shared_dc: 2020, locations: [{node: a}]}
    sites:
      - {id: dc, kind: shared, node: c}
    network:
      busy_hour_per_employee: {down: 1 Mbit/s, up: 0.25 Mbit/s}
      nodes: [{id: a}, {id: b}, {id: c}]
      links:
        - {id: ab, from: a, to: b, capacity: 1 Gbit/s}
        - {id: bc, from: b, to: c, capacity: 1 Gbit/s}
      demands:
        - {from: b, to: c, bandwidth: 50 Mbit/s, one_way: true}
        - {from: a, to: c, bandwidth: {down: 10 Mbit/s, up: 2 Mbit/s}}
    """

  @Test("by hand on a line: up 25 + 2 from a, down 100 + 10 towards it, the one-way 50 only from b to c")
  func byHand() throws {
    let links = try links(Self.line)
    let (ab, bc) = (try #require(links["ab"]), try #require(links["bc"]))
    #expect(ab.forwardLoadMbps == [27] && ab.reverseLoadMbps == [110] && ab.loadMbps == [110])
    #expect(bc.forwardLoadMbps == [77] && bc.reverseLoadMbps == [110] && bc.loadMbps == [110])
  }

  @Test("on the tie graph each way is routed from its own end at its own rate: up 120 s→t, down 30 back")
  func ties() throws {
    let text = NetworkStageTests.ties.replacingOccurrences(of: "FROM", with: "s").replacingOccurrences(of: "TO", with: "t")
      .replacingOccurrences(of: "bandwidth: 120 Mbit/s", with: "bandwidth: {down: 30 Mbit/s, up: 120 Mbit/s}")
    let links = try links(text)
    // Forward as for 120 Mbit/s each way (by hand in NetworkStageTests); the way back at a
    // quarter of the reverse loads there: t splits 30 evenly over X and the two D's, which
    // merge at C.
    let expected: [String: (Double, Double)] = [
      "s-B": (60, 10), "B-X": (60, 10), "X-t": (60, 10),
      "s-C": (60, 20), "C-D1": (30, 10), "C-D2": (30, 10), "D1-t": (30, 10), "D2-t": (30, 10),
    ]
    for (id, (forward, reverse)) in expected {
      let link = try #require(links[id])
      #expect(approximately(link.forwardLoadMbps[0], forward, relative: 1e-12), "\(id) forward")
      #expect(approximately(link.reverseLoadMbps[0], reverse, relative: 1e-12), "\(id) reverse")
      #expect(approximately(link.loadMbps[0], max(forward, reverse), relative: 1e-12), "\(id)")
    }
  }

  @Test("{down: X, up: Y} is a one-way demand of Y and one of X the other way; {down: r, up: r} is r each way (N-1 included)")
  func decomposition() throws {
    func demands(_ lines: String) -> String {
      NetworkStageTests.ties.replacingOccurrences(of: "  demands: [{from: FROM, to: TO, bandwidth: 120 Mbit/s}]", with: "  demands:\n" + lines)
    }
    let split = try links(demands("""
        - {from: s, to: t, bandwidth: {down: 30 Mbit/s, up: 120 Mbit/s}}
      """))
    let oneWays = try links(demands("""
        - {from: s, to: t, bandwidth: 120 Mbit/s, one_way: true}
        - {from: t, to: s, bandwidth: 30 Mbit/s, one_way: true}
      """))
    for (id, link) in split {
      let other = try #require(oneWays[id])
      #expect(link.forwardLoadMbps == other.forwardLoadMbps && link.reverseLoadMbps == other.reverseLoadMbps, "\(id)")
      #expect(link.n1LoadMbps == other.n1LoadMbps, "\(id): N-1")
    }
    let same = try links(demands("""
        - {from: s, to: t, bandwidth: {down: 120 Mbit/s, up: 120 Mbit/s}}
      """))
    let plain = try links(demands("""
        - {from: s, to: t, bandwidth: 120 Mbit/s}
      """))
    for (id, link) in same {
      #expect(link == plain[id], "\(id)")
    }
  }
}
