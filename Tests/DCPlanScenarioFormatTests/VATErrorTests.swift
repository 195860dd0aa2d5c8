import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: VAT")
struct VATErrorTests {
  @Test("a VAT rate above 100 % and an unknown treatment are located errors")
  func errors() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2020}
      tenants: [{id: t, kind: state, reclaims_vat: 2️⃣yes please}]
      costs:
        vat: {rate: 1️⃣190 %, cooperative: 3️⃣taxed}
      """)
    let lines = errorLines(source)
    #expect(lines.contains { $0.hasPrefix(at(source, "1️⃣", "'rate' of 'vat' of section 'costs'")) }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix(at(source, "2️⃣", "")) && $0.contains("reclaims_vat") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix(at(source, "3️⃣", "")) && $0.contains("taxable") }, "\(lines)")
  }
}
