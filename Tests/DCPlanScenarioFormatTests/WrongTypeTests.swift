import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: wrong type")
struct WrongTypeTests {
  @Test("a section that must be a list, given a word")
  func listExpected() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: 1️⃣land
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'tenants' must be a list of entries, each starting with '- '; found 'land'")
    ])
  }

  @Test("a value that must be single, given a list; a number, given a word")
  func scalarExpected() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022, seed: 1️⃣lucky}
      tenants:
        - id: land
          kind: state
          employees: 2️⃣[1, 2]
          joins_shared_dc: 3️⃣next year
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'seed' of section 'scenario' must be a whole number; found 'lucky'; write e.g. 'seed: 2016'"),
      at(source, "2️⃣", "'employees' of tenant 'land' must be a number or a table from year to number; found a list"),
      at(source, "3️⃣", "'joins_shared_dc' of tenant 'land' must be a year such as 2019; found 'next year'"),
    ])
  }

  @Test("an entry that must be a mapping, given a word; a kind outside its list")
  func mappingExpected() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - 1️⃣land
        - id: stadt
          kind: 2️⃣city
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "tenant 1 must be a mapping of keys to values; found 'land'"),
      at(source, "2️⃣", "unknown kind 'city' for tenant 'stadt'; use 'state', 'municipality' or 'municipal-data-centre'"),
    ])
  }
}
