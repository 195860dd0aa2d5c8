import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: rates each way and one-way demands")
struct DirectionalRateErrorTests {
  @Test("{down, up} needs both, names its keys, and a one-way demand takes one rate")
  func errors() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2020}
      tenants: [{id: t, kind: state}]
      network:
        busy_hour_per_employee: 1️⃣{down: 1 Mbit/s, 2️⃣upp: 0.25 Mbit/s}
        nodes: [{id: a}, {id: b}]
        links: [{id: ab, from: a, to: b, capacity: 1 Gbit/s}]
        demands:
          - {from: a, to: b, bandwidth: {down: 10 Mbit/s, up: 2 Mbit/s}, 3️⃣one_way: true}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'busy_hour_per_employee' of section 'network' needs 'up'; add e.g. 'up: 0.15 Mbit/s'"),
      at(source, "2️⃣", "unknown key 'upp' in 'busy_hour_per_employee' of section 'network'; did you mean 'up'?"),
      at(source, "3️⃣", "demand 1 is one-way: give 'bandwidth' as one rate (from 'from' to 'to'), not '{down: …, up: …}'"),
    ])
  }
}
