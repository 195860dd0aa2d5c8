import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Errors in the network section, at their positions.
@Suite("errors in the network section")
struct NetworkErrorTests {
  @Test("unknown nodes and links suggest near ones; steps must grow; a link joins two nodes")
  func references() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state, node: 1️⃣hanover}]
      sites: [{id: dc, kind: shared, node: 2️⃣celle}]
      network:
        nodes: [{id: hannover}, {id: oldenburg}]
        links:
          - id: H-OL
            from: hannover
            to: oldenburg
            capacity: 1 Gbit/s
            steps: [{capacity: 10 Gbit/s}, {capacity: 3️⃣5 Gbit/s}]
          - {id: OL-OL, from: oldenburg, to: 4️⃣oldenburg, capacity: 1 Gbit/s}
        shared_risk_groups: [{id: duct, links: [H-OL, 5️⃣H-HB]}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown node 'hanover'; did you mean 'hannover'?"),
      at(source, "2️⃣", "unknown node 'celle'; known nodes: 'hannover' and 'oldenburg'"),
      at(source, "3️⃣", "step 2 of link 'H-OL' gives 5000 Mbit/s, not more than the 10000 Mbit/s before it; list steps in order of growing capacity"),
      at(source, "4️⃣", "link 'OL-OL' starts and ends at node 'oldenburg'; a link joins two different nodes"),
      at(source, "5️⃣", "unknown link 'H-HB'; known links: 'H-OL' and 'OL-OL'"),
    ])
  }

  @Test("a network that falls apart is an error at the first node of the smaller part")
  func disconnected() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state}]
      network:
        nodes: [{id: a}, {id: b}, {id: 1️⃣c}]
        links: [{id: a-b, from: a, to: b, capacity: 1 Gbit/s}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "the network falls apart into 2 parts: node 'c' cannot reach node 'a'; add a link between them")
    ])
  }

  @Test("a bandwidth in the wrong unit, and location shares that do not add up")
  func units() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - id: land
          kind: state
          locations: 1️⃣[{node: a, share: 60 %}, {node: b, share: 30 %}]
      network:
        busy_hour_per_employee: 2️⃣0.2 MB
        nodes: [{id: a}, {id: b}]
        links: [{id: a-b, from: a, to: b, capacity: 3️⃣1 GB}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "the 'share' of the locations of tenant 'land' must be given for all and add up to 100 %; they add up to 90 %"),
      at(source, "2️⃣", "'busy_hour_per_employee' of section 'network' needs a bandwidth; found '0.2 MB' (a storage size); write e.g. '0.15 Mbit/s'"),
      at(source, "3️⃣", "'capacity' of link 'a-b' needs a bandwidth; found '1 GB' (a storage size); write e.g. '10 Gbit/s'"),
    ])
  }
}
