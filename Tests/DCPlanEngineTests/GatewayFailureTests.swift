import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Voice with a gateway down, against the Erlang B table at 1 % (5 Erlang: 11 trunks; 10: 18;
/// 15: 24; ITU-T E.501 / any published Erlang B table).
@Suite("voice with a gateway down")
struct GatewayFailureTests {
  /// Two tenants, each at its own gateway's node: 100 and 50 phones at 0.1 Erlang, all calls
  /// external: 10 Erlang at gw-a, 5 at gw-b; each other's backup.
  static let yaml = """
    version: 1
    scenario: {name: gateways, horizon: 2021..2021}
    tenants:
      - {id: a, kind: municipality, employees: 100, joins_shared_dc: 2021, node: A}
      - {id: b, kind: municipality, employees: 50, joins_shared_dc: 2021, node: B}
    sites: [{id: dc, kind: shared, node: A}]
    network:
      nodes: [{id: A}, {id: B}]
      links: [{id: A-B, from: A, to: B, capacity: 10 Gbit/s}]
    voice:
      erlangs_per_phone: 0.1
      phones_per_employee: 1
      external_share: 100 %
      grade_of_service: 1 %
      gateways: [{id: gw-a, node: A}, {id: gw-b, node: B}]
      convergence_year: 2021

    """

  static func plan(_ extra: String = "") throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: yaml + extra, file: "gateways.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  @Test("sized for normal traffic (18 and 11 trunks), losing gw-a puts 15 Erlang on gw-b's 11 trunks: warned with the blocking")
  func warned() throws {
    let plan = try Self.plan()
    #expect(plan.voice.gateways.map(\.trunks) == [18, 11])
    let warnings = plan.warnings.filter { $0.code == .voiceGatewayN1 }
    #expect(warnings.map(\.subject) == ["gw-a", "gw-b"])
    // 15 Erlang on 11 trunks block about a third of the calls.
    #expect(ErlangB.blocking(traffic: 15, trunks: 11) > 0.3)
    #expect(warnings.first?.message.contains("carries 15 Erlang on 11 trunks") == true, "\(warnings.first?.message ?? "")")
  }

  @Test("sized for a gateway failure, each carries the other's calls: 24 trunks each (15 Erlang), no warning")
  func sized() throws {
    let plan = try Self.plan("  size_for_gateway_failure: true\n")
    #expect(plan.voice.gateways.map(\.trunks) == [24, 24])
    #expect(!plan.warnings.contains { $0.code == .voiceGatewayN1 })
  }
}
