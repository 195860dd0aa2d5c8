import DCPlanModel
import DCPlanTestSupport
import Testing

/// Unit conversions against their definitions (IEC 80000-13 for binary prefixes, SI for
/// decimal ones), worked by hand in each case.
@Suite("quantity parser")
struct QuantityParserTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let text: String
    let baseValue: Double
    let dimension: Dimension
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    // 10 Gbit/s = 10 × 10^9 bit/s = 1.25 × 10^9 byte/s
    Case(text: "10 Gbit/s", baseValue: 1.25e9, dimension: .bandwidth),
    Case(text: "100 Mbps", baseValue: 12.5e6, dimension: .bandwidth),
    // 250 kW = 250,000 W
    Case(text: "250 kW", baseValue: 250_000, dimension: .power),
    // 1.5 PiB = 1.5 × 2^50 bytes = 1,688,849,860,263,936 bytes
    Case(text: "1.5 PiB", baseValue: 1_688_849_860_263_936, dimension: .information),
    // 1.5 PB = 1.5 × 10^15 bytes: decimal, not binary
    Case(text: "1.5 PB", baseValue: 1.5e15, dimension: .information),
    // 3 % = 0.03
    Case(text: "3 %", baseValue: 0.03, dimension: .dimensionless),
    // 8 h = 28,800 s
    Case(text: "8 h", baseValue: 28_800, dimension: .duration),
    // 4.2 ct/kWh = 0.042 EUR per 3.6 × 10^6 W·s = 1.1666… × 10^-8 EUR/(W·s)
    Case(text: "4.2 ct/kWh", baseValue: 0.042 / 3.6e6, dimension: .energyPrice),
    // 1200 EUR/month = 1200 EUR per (31,536,000 s / 12) = 14,400 EUR per 31,536,000 s
    Case(text: "1200 EUR/month", baseValue: 14_400 / 31_536_000, dimension: .moneyRate),
    // 2 GiB/employee/year = 2 × 2^30 bytes per employee per 31,536,000 s
    Case(text: "2 GiB/employee/year", baseValue: 2_147_483_648 / 31_536_000, dimension: Dimension.information.perEmployee.perTime),
    Case(text: "3.4 MEUR", baseValue: 3_400_000, dimension: .money),
    Case(text: "12 km", baseValue: 12_000, dimension: .length),
    Case(text: "0.05 vCPU/employee", baseValue: 0.05, dimension: Dimension.vcpuCount.perEmployee),
    Case(text: "  -2.5e3 W ", baseValue: -2500, dimension: .power),
    Case(text: "1.35", baseValue: 1.35, dimension: .dimensionless),
    Case(text: "1_000 GiB", baseValue: 1000 * 1_073_741_824, dimension: .information),
  ]

  @Test("a quantity converts to base units", arguments: cases)
  func converts(_ testCase: Case) throws {
    let parsed = try QuantityParser.parse(testCase.text).get()
    #expect(parsed.dimension == testCase.dimension)
    #expect(approximately(parsed.baseValue, testCase.baseValue))
  }

  @Test("bits and bytes differ by eight")
  func bitsAndBytes() throws {
    let bits = try QuantityParser.parse("8 Gbit").get()
    let bytes = try QuantityParser.parse("1 GB").get()
    #expect(bits.baseValue == bytes.baseValue)
  }

  @Test("a misspelt unit is reported with the nearest known one")
  func unknownUnit() {
    #expect(QuantityParser.parse("10 GiBs") == .failure(.unknownUnit("GiBs", suggestion: "GiB")))
    #expect(QuantityParser.parse("10 gbit/s") == .failure(.unknownUnit("gbit", suggestion: "Gbit")))
  }

  @Test("text that is no number is reported")
  func notANumber() {
    #expect(QuantityParser.parse("GiB 10") == .failure(.missingNumber))
    #expect(QuantityParser.parse("   ") == .failure(.empty))
    #expect(QuantityParser.parse("1,5 kW") == .failure(.decimalComma))
  }

  @Test("white space around the number, the unit and each '/' term: ASCII, tabs, newlines and Unicode's no-break and em spaces")
  func whiteSpace() {
    // Each the same 2 GiB per employee per year (2 × 2^30 bytes / 31,536,000 s).
    let expected = QuantityParser.parse("2 GiB/employee/year")
    #expect((try? expected.get())?.baseValue == 2_147_483_648 / 31_536_000)
    for text in [
      "\t2 GiB / employee / year\n", "2\u{00A0}GiB/employee/year", "\u{00A0}2 GiB/employee/year\u{2003}", "2 GiB/\u{2003}employee\u{00A0}/year",
      "\r\n 2\tGiB/employee/year \u{000B}", "2 GiB /employee/ year",
    ] {
      #expect(QuantityParser.parse(text) == expected, "\(text.debugDescription)")
    }
    #expect(QuantityParser.parse("\u{00A0}\u{2003} \t") == .failure(.empty))
    #expect(QuantityParser.parse("1_000\u{00A0}kW") == QuantityParser.parse("1000 kW"))
    // A '/' with nothing after it is an empty unit, not a number divided by nothing.
    #expect(QuantityParser.parse("5 GiB/") == .failure(.unknownUnit("", suggestion: nil)) || QuantityParser.parse("5 GiB/").isFailure)
  }

  @Test("a dimension has the planner's name in messages")
  func dimensionNames() {
    #expect(Dimension.bandwidth.descriptionWithArticle == "a bandwidth")
    #expect(Dimension.energyPrice.descriptionWithArticle == "an energy price")
    #expect(Dimension.information.perEmployee.descriptionWithArticle == "a storage size per employee")
    #expect(Dimension.vcpuCount.perTime.descriptionWithArticle == "a vCPU count per year")
  }
}

extension Result {
  /// Whether this is a failure.
  var isFailure: Bool {
    if case .failure = self { return true }
    return false
  }
}

extension QuantityParserTests {
  /// The bytes-only reading of the common form (`1089.4 Mbit/s`) must give what the full
  /// parser gives. A trailing tab is white space to the full parser but sends any text past
  /// the quick reading, so each text is parsed both ways and the results compared: value bit
  /// for bit, dimension, and the same error.
  @Test("the quick reading of plain quantities equals the full parser's, on 20,000 random texts")
  func quickReadingEqualsFullParser() {
    var random = SplitMix64(seed: 2016)
    func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    let numbers = ["0", "1", "12", "1089.4", "0.30", ".5", "5.", "-3", "+7.25", "1.2.3", ".", "-", "", "1e3", "2E-2", "1_000", "120"]
    let units = ["Mbit", "s", "Gbit", "kW", "EUR", "month", "employee", "year", "%", "PiB", "h", "ct", "kWh", "Mbps", "xyz", "", "E"]
    let spaces = ["", " ", "  "]
    var compared = 0
    var quick = 0
    for _ in 0..<20_000 {
      var text = pick(spaces) + pick(numbers) + pick(spaces)
      let terms = Int(random.next() % 4)
      for t in 0..<terms { text += (t > 0 ? pick(spaces) + "/" + pick(spaces) : "") + pick(units) }
      if random.next() % 10 == 0 { text += pick(["/", ",5", " ,", "/ "]) }
      text += pick(spaces)
      let direct = QuantityParser.parse(text)
      let full = QuantityParser.parse(text + "\t")
      compared += 1
      switch (direct, full) {
      case let (.success(a), .success(b)):
        quick += 1
        #expect(a.baseValue.bitPattern == b.baseValue.bitPattern && a.dimension == b.dimension, "'\(text)'")
      case let (.failure(a), .failure(b)):
        #expect(a == b, "'\(text)'")
      default:
        Issue.record("'\(text)': \(direct) against \(full)")
      }
    }
    #expect(compared == 20_000 && quick > 2_000, "\(quick) of \(compared) read")
  }
}
