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

extension NetworkStageTests {
  /// s–B–X–t and s–C–{D1, D2}–t, every link weight 1: three hops each way. From s, ECMP splits
  /// 1/2 to B and 1/2 to C, C then 1/4 each to D1 and D2; from t, 1/3 each to X, D1 and D2,
  /// so 1/3 comes back through B and 2/3 through C. Worked by hand for 120 Mbit/s each way.
  static let ties = """
    version: 1
    scenario: {name: ties, horizon: 2020..2020}
    tenants: [{id: a, kind: state}]
    network:
      nodes: [{id: s}, {id: B}, {id: X}, {id: C}, {id: D1}, {id: D2}, {id: t}]
      links:
        - {id: s-B, from: s, to: B, capacity: 1 Gbit/s}
        - {id: B-X, from: B, to: X, capacity: 1 Gbit/s}
        - {id: X-t, from: X, to: t, capacity: 1 Gbit/s}
        - {id: s-C, from: s, to: C, capacity: 1 Gbit/s}
        - {id: C-D1, from: C, to: D1, capacity: 1 Gbit/s}
        - {id: C-D2, from: C, to: D2, capacity: 1 Gbit/s}
        - {id: D1-t, from: D1, to: t, capacity: 1 Gbit/s}
        - {id: D2-t, from: D2, to: t, capacity: 1 Gbit/s}
      demands: [{from: FROM, to: TO, bandwidth: 120 Mbit/s}]
    """

  @Test("each direction routed from its own end: under ties the busier direction is the link's load; swapping the ends changes nothing")
  func bothDirections() throws {
    func links(_ from: String, _ to: String) throws -> [String: LinkResult] {
      let text = Self.ties.replacingOccurrences(of: "FROM", with: from).replacingOccurrences(of: "TO", with: to)
      let outcome = ScenarioLoader.load(text: text, file: "ties.yaml")
      let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
      return Dictionary(uniqueKeysWithValues: Planner.run(scenario).network.links.map { ($0.id, $0) })
    }
    let there = try links("s", "t")
    // Forward (from the link's 'from' end), reverse, busier — by hand.
    let expected: [String: (Double, Double, Double)] = [
      "s-B": (60, 40, 60), "B-X": (60, 40, 60), "X-t": (60, 40, 60),
      "s-C": (60, 80, 80), "C-D1": (30, 40, 40), "C-D2": (30, 40, 40), "D1-t": (30, 40, 40), "D2-t": (30, 40, 40),
    ]
    for (id, (forward, reverse, busier)) in expected {
      let link = try #require(there[id])
      #expect(approximately(link.forwardLoadMbps[0], forward, relative: 1e-12), "\(id) forward")
      #expect(approximately(link.reverseLoadMbps[0], reverse, relative: 1e-12), "\(id) reverse")
      #expect(approximately(link.loadMbps[0], busier, relative: 1e-12), "\(id)")
    }
    let back = try links("t", "s")
    for (id, link) in there {
      #expect(back[id]?.loadMbps == link.loadMbps, "\(id): the ends swapped")
      #expect(back[id]?.n1LoadMbps == link.n1LoadMbps, "\(id): N-1 with the ends swapped")
    }
  }
}

extension NetworkStageTests {
  /// A–S–B is two hops through the office S; A–X–Y–B three hops through the backbone.
  static let stub = """
    version: 1
    scenario: {name: stub, horizon: 2020..2020}
    tenants: [{id: a, kind: state}]
    network:
      nodes: [{id: A}, {id: S, transit: TRANSIT}, {id: B}, {id: X}, {id: Y}]
      links:
        - {id: A-S, from: A, to: S, capacity: 1 Gbit/s}
        - {id: S-B, from: S, to: B, capacity: 1 Gbit/s}
        - {id: A-X, from: A, to: X, capacity: 1 Gbit/s}
        - {id: X-Y, from: X, to: Y, capacity: 1 Gbit/s}
        - {id: Y-B, from: Y, to: B, capacity: 1 Gbit/s}
      demands:
        - {from: A, to: B, bandwidth: 100 Mbit/s}
        - {from: S, to: B, bandwidth: 10 Mbit/s}
    """

  @Test("a stub carries no transit: A–B takes the three-hop backbone, S still reaches B; losing X cuts A–B off instead of crossing S")
  func stubs() throws {
    func plan(_ transit: String) throws -> PlanResults {
      let outcome = ScenarioLoader.load(text: Self.stub.replacingOccurrences(of: "TRANSIT", with: transit), file: "stub.yaml")
      return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
    }
    let open = try plan("true")
    let links = { (plan: PlanResults) in Dictionary(uniqueKeysWithValues: plan.network.links.map { ($0.id, $0.loadMbps[0]) }) }
    // Through S: A–S carries A–B's 100, S–B 110.
    #expect(links(open)["A-S"] == 100 && links(open)["S-B"] == 110 && links(open)["X-Y"] == 0)
    let stub = try plan("false")
    #expect(links(stub)["A-S"] == 0 && links(stub)["S-B"] == 10 && links(stub)["X-Y"] == 100)
    let cuts = stub.network.disconnections.map { "\($0.from)→\($0.to) \($0.failure)" }
    #expect(cuts.contains("A→B node X") && cuts.contains("A→B link X-Y"), "\(cuts)")
    #expect(!open.network.disconnections.contains { $0.from == "A" && $0.to == "B" })
  }
}
