import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Network properties and the shared-risk-group failure, on small scenarios.
@Suite("network stage")
struct NetworkStageTests {
  /// A ring a–b–c–d–a with a chord a–c, one tenant of 1,000 employees at c, the site at a.
  static let ring = """
    scenario: {name: Ring, horizon: 2020..2021}
    tenants: [{id: t, kind: state, employees: 1000, joins_shared_dc: 2020, node: c}]
    sites: [{id: dc, kind: shared, node: a}]
    network:
      busy_hour_per_employee: 0.1 Mbit/s
      nodes: [{id: a}, {id: b}, {id: c}, {id: d}]
      links:
        - {id: a-b, from: a, to: b, capacity: 1 Gbit/s, weight: 1}
        - {id: b-c, from: b, to: c, capacity: 1 Gbit/s, weight: 1}
        - {id: c-d, from: c, to: d, capacity: 1 Gbit/s, weight: 1}
        - {id: d-a, from: d, to: a, capacity: 1 Gbit/s, weight: 1}
        - {id: a-c, from: a, to: c, capacity: 1 Gbit/s, weight: 3}
      shared_risk_groups: [{id: duct, links: [a-b, d-a]}]
    """

  private func run(_ text: String) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: text, file: "ring.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  @Test("a shared-risk group fails as one: traffic takes the chord")
  func sharedRiskGroup() throws {
    let results = try run(Self.ring)
    let load = Dictionary(uniqueKeysWithValues: results.network.links.map { ($0.id, $0) })
    // 100 Mbit/s from c to a: two paths of weight 2 (via b, via d), 50 each; the chord (3) idle.
    // (0.1 Mbit/s is stored in bytes per second and back: equal to the last bits only.)
    #expect(approximately(try #require(load["a-b"]).loadMbps, [50, 50]))
    #expect(approximately(try #require(load["a-c"]).loadMbps, [0, 0]))
    // With a-b and d-a down together only the chord is left: 100 on it.
    #expect(approximately(try #require(load["a-c"]).n1LoadMbps, [100, 100]))
    #expect(load["a-c"]?.n1WorstFailure == ["group duct", "group duct"])
    // Link a-b alone down: c reaches a via d (weight 2): 100 on c-d and d-a.
    #expect(approximately(try #require(load["d-a"]).n1LoadMbps, [100, 100]))
    #expect(load["d-a"]?.n1WorstFailure == ["link a-b", "link a-b"])
    #expect(results.network.disconnections.isEmpty)
    #expect(results.network.failuresAnalysed == 5 + 4 + 1)
  }

  @Test("loads scale linearly with the busy-hour rate")
  func linear() throws {
    let base = try run(Self.ring)
    let doubled = try run(Self.ring.replacingOccurrences(of: "0.1 Mbit/s", with: "0.2 Mbit/s"))
    for (a, b) in zip(base.network.links, doubled.network.links) {
      #expect(approximately(b.loadMbps, a.loadMbps.map { $0 * 2 }))
      #expect(approximately(b.n1LoadMbps, a.n1LoadMbps.map { $0 * 2 }))
    }
  }

  @Test("every unit of traffic leaves its source and reaches its target (flow conservation)")
  func conservation() throws {
    let results = try run(Self.ring)
    // Net flow out of c equals the demand; the loads of c's links sum to it since all flow
    // leaves c and none returns (shortest paths do not revisit a node).
    let atC = results.network.links.filter { $0.from == "c" || $0.to == "c" }.reduce(0) { $0 + $1.loadMbps[0] }
    let atA = results.network.links.filter { $0.from == "a" || $0.to == "a" }.reduce(0) { $0 + $1.loadMbps[0] }
    #expect(approximately(atC, 100))
    #expect(approximately(atA, 100))
  }
}
