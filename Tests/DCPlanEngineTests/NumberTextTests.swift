@testable import DCPlanEngine
import Testing

/// Amounts written into warnings, against the tables' own form.
@Suite("numbers in messages")
struct NumberTextTests {
  @Test("money in messages: whole euros grouped by thousands as the tables write them, cents below 100 EUR")
  func moneyInMessages() {
    #expect(NumberText.euros(66_401_269.09) == "66,401,269")
    #expect(NumberText.euros(-19_427_430.5) == "-19,427,431")
    #expect(NumberText.euros(100) == "100" && NumberText.euros(999_999.5) == "1,000,000")
    #expect(NumberText.euros(0.4) == "0.4" && NumberText.euros(-42.125) == "-42.13" && NumberText.euros(0) == "0")
    #expect(NumberText.euros(1e17) == "1e+17" && NumberText.euros(.infinity) == "∞")
  }
}
