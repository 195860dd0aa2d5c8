import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Errors in the voice section, at their positions.
@Suite("errors in the voice section")
struct VoiceErrorTests {
  static let head = """
    scenario: {name: Test, horizon: 2020..2022}
    tenants: [{id: land, kind: state, node: a}]
    network:
      nodes: [{id: a}, {id: b}]
      links: [{id: a-b, from: a, to: b, capacity: 1 Gbit/s}]

    """

  @Test("an unknown gateway node, a packetisation that is not offered, a codec misspelt")
  func values() {
    let source = MarkedSource(Self.head + """
      voice:
        codec: 1️⃣G.711a
        packetisation: 2️⃣25 ms
        gateways: [{id: gw, node: 3️⃣zz}]
        tenants: [{tenant: 4️⃣lnad, phones: 0.8 phone/employee}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown codec 'G.711a' for section 'voice'; did you mean 'G.711'?"),
      at(source, "2️⃣", "'packetisation' of section 'voice' must be 10, 20, 30 or 40 ms"),
      at(source, "3️⃣", "unknown node 'zz'; known nodes: 'a' and 'b'"),
      at(source, "4️⃣", "unknown tenant 'lnad'; did you mean 'land'?"),
    ])
  }

  @Test("contracted trunks: a whole number of channels, read into the gateway")
  func trunks() throws {
    let source = MarkedSource(Self.head + """
      voice:
        gateways: [{id: gw, node: a, trunks: 1️⃣-5}, {id: gw2, node: b, trunks: 2️⃣12.5}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'trunks' of gateway 'gw' must lie in 0...10000000; found -5"),
      at(source, "2️⃣", "'trunks' of gateway 'gw2' must be a whole number; found '12.5'; write e.g. 'trunks: 1200'"),
    ])
    let good = ScenarioLoader.load(text: Self.head + """
      voice:
        gateways: [{id: gw, node: a, trunks: 1200}, {id: gw2, node: b}]
      """, file: "good.yaml")
    #expect(good.scenario?.voice?.gateways.map(\.trunks) == [1200, nil])
  }

  @Test("calls without a holding time, and voice without a network")
  func missing() {
    let source = MarkedSource(Self.head + """
      voice:
        1️⃣calls_per_hour: 2
        gateways: [{id: gw, node: a}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'calls_per_hour' and 'holding_time' go together; add 'holding_time'")
    ])
    let noNetwork = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state}]
      voice:
        1️⃣gateways: [{id: gw, node: a}]
      """)
    #expect(errorLines(noNetwork) == [
      at(noNetwork, "1️⃣", "voice needs a 'network' with nodes to route calls to its gateways; add a network section")
    ])
  }
}
