import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Errors in the uncertainty section, at their positions.
@Suite("errors in uncertainty")
struct UncertaintyErrorTests {
  @Test("an unknown parameter, an unknown element, a missing parameter, min above max, a correlation with an element input")
  func errors() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state}]
      workloads: [{id: eakte, tenant: land, vcpu: 10 vCPU}]
      uncertainty:
        inputs:
          - {name: g, path: 1️⃣'workloads[*].growht', distribution: normal, mean: 8 %, sd: 2 %}
          - {name: h, path: 2️⃣'workloads[eakt].growth', distribution: normal, mean: 8 %, sd: 2 %}
          - 3️⃣{name: e, path: costs.energy_price, distribution: log-normal, median: 1}
          - {name: p, path: costs.fte_cost, distribution: uniform, min: 1.2, max: 4️⃣0.8}
          - {name: w, path: 'workloads[*].vcpu', distribution: pert, min: 0.8, mode: 1, max: 1.5}
          - {name: s, path: scenario.discount_rate, distribution: triangular, min: 1 %, mode: 3 %, max: 5 %}
        correlations:
          - {between: [s, 5️⃣w], rank: 0.5}
          - {between: [s, 6️⃣x], rank: 0.5}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'path' of uncertain input 1 names no parameter that can be uncertain: 'workloads[*].growht'; did you mean 'workloads[X].growth'?"),
      at(source, "2️⃣", "'path' of uncertain input 2: no entry of 'workloads' has the id 'eakt'; did you mean 'eakte'?"),
      at(source, "3️⃣", "a log-normal distribution needs 'sigma' in uncertain input 3; add e.g. 'sigma: 0.2'"),
      at(source, "4️⃣", "'min' must be below 'max' in uncertain input 4"),
      at(source, "5️⃣", "input 'w' draws once per element ('[*]'); correlate inputs that draw once per trial"),
      at(source, "6️⃣", "unknown uncertain input 'x' in correlation 2; did you mean 'w'?"),
    ])
  }
}
