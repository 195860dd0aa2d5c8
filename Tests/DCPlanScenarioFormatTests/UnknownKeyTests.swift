import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: unknown key")
struct UnknownKeyTests {
  @Test("a misspelt key suggests the nearest valid key")
  func didYouMean() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      1️⃣tennants:
        - id: land
          kind: state
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown key 'tennants' in the scenario file; did you mean 'tenants'?"),
      "1:1: the scenario file needs 'tenants'; add e.g. 'tenants: [{id: land, kind: state}]'",
    ].sorted())
  }

  @Test("a key far from every valid one lists the valid keys")
  func listsKeys() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - id: land
          kind: state
          1️⃣budget: 5 MEUR
          2️⃣employes: 100
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown key 'budget' in tenant 'land'; known keys: 'id', 'name', 'kind', 'employees', 'employee_growth', 'employees_base_year', 'joins_shared_dc', 'legacy_site', 'node', 'locations', 'cost_key', 'standalone', 'standalone_twin', 'migration' and 'reclaims_vat'"),
      at(source, "2️⃣", "unknown key 'employes' in tenant 'land'; did you mean 'employees'?"),
    ])
  }
}
