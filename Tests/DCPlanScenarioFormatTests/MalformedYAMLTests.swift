import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: malformed YAML")
struct MalformedYAMLTests {
  @Test("an unclosed bracket is reported where the parser gives up")
  func unclosedBracket() {
    let source = MarkedSource("""
      scenario:
        name: Test
        horizon: [2020, 2021
      tenants1️⃣: []
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "malformed YAML: did not find expected ',' or ']' while parsing a flow sequence; check the indentation, quotes and brackets here")
    ])
  }

  @Test("a key indented out of line is reported after the key")
  func badIndentation() {
    let source = MarkedSource("""
      scenario:
        name: Test
         horizon1️⃣: 2020..2022
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "malformed YAML: mapping values are not allowed in this context; check the indentation, quotes and brackets here")
    ])
  }

  @Test("a key given twice in one mapping is reported at its first occurrence")
  func duplicateKey() {
    let source = MarkedSource("""
      scenario:
        name: Test
        horizon: 2020..2022
      1️⃣tenants: []
      tenants: []
      """)
    #expect(errorLines(source) == [at(source, "1️⃣", "key 'tenants' appears more than once in this mapping; keep one")])
  }
}
