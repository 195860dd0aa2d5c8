import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Distributions written where a value stands.
@Suite("inline distributions")
struct InlineDistributionTests {
  static let source = """
    scenario: {name: Inline, horizon: 2020..2024, discount_rate: {distribution: uniform, min: 2 %, max: 4 %}}
    tenants: [{id: amt, kind: municipality, employees: 1000, joins_shared_dc: 2020}]
    workloads:
      - id: apps
        tenant: amt
        vcpu: 100 vCPU
        growth: {distribution: triangular, min: 4 %, mode: 8 %, max: 14 %}
    sites: [{id: dc, kind: shared}]
    policy: {cpu_overcommit: {distribution: discrete, values: [3, 4], probabilities: [40 %, 60 %]}}
    """

  @Test("the deterministic run takes the mode, midpoint or most probable value; each becomes an uncertain input")
  func baseline() throws {
    let outcome = ScenarioLoader.load(text: Self.source, file: "inline.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    #expect(approximately(scenario.workloads[0].vcpuGrowth.perYear, 0.08))
    #expect(approximately(scenario.workloads[0].storageGrowth.perYear, 0.08))
    #expect(approximately(scenario.info.discountRate.value, 0.03))
    #expect(scenario.policy.cpuOvercommit == 4)
    #expect(scenario.uncertainty.inputs.map(\.name) == ["scenario.discount_rate", "workloads[apps].growth", "policy.cpu_overcommit"])
    #expect(scenario.uncertainty.inputs[1].distribution == .triangular(min: 0.04, mode: 0.08, max: 0.14))
    #expect(scenario.uncertainty.inputs[1].element == "apps")
  }

  @Test("where no distribution may stand, the error says where it may")
  func refused() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state}]
      costs: {maintenance: 1️⃣{distribution: uniform, min: 5 %, max: 9 %}, space_cost_per_rack: 2️⃣{distribution: uniform, min: 1, max: 2}}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'costs.maintenance' cannot be uncertain; a distribution can stand for 'workloads[X].growth', 'workloads[X].storage_growth', 'tenants[X].employee_growth', 'scenario.discount_rate', 'policy.cpu_overcommit' or 'policy.target_utilisation' (others in 'uncertainty.inputs')"),
      at(source, "2️⃣", "'space_cost_per_rack' of section 'costs' cannot be a distribution here; give it a value and make it uncertain in 'uncertainty.inputs' (amounts with units take a factor)"),
    ])
  }
}
