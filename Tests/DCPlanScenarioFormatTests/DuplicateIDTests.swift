import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: duplicate id")
struct DuplicateIDTests {
  @Test("a second entry with the same id points back to the first")
  func duplicate() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state}
        - {id: 1️⃣land, kind: municipality}
      sites:
        - {id: a, kind: legacy}
        - {id: 2️⃣a, kind: legacy}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "duplicate tenant id 'land'; the first is on line 3; give each tenant its own id"),
      at(source, "2️⃣", "duplicate site id 'a'; the first is on line 6; give each site its own id"),
    ])
  }

  @Test("a missing required key names the key and an example")
  func missingKey() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - 1️⃣id: land
      """)
    #expect(errorLines(source) == [at(source, "1️⃣", "tenant 'land' needs 'kind'; add e.g. 'kind: state'")])
  }
}
