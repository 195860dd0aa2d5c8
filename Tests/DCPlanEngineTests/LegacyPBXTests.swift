@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

/// Legacy telephony costed per PBX and per trunk channel, and ISDN's end
/// (docs/conventions.md, "Voice costs"), on the teaching voice scenario: 500 phones at the
/// town hall, 0.1 Erlang each, 60 % external, 1 % blocking, all migrated in 2022.
@Suite("legacy PBXs: maintenance per PBX, ISDN trunks by Erlang B, ISDN's end")
struct LegacyPBXTests {
  static func run(isdnEnd: Int) throws -> PlanResults {
    var text = try String(contentsOfFile: RepositoryPaths.scenario("teaching-voice.yaml"), encoding: .utf8)
    text = text.replacingOccurrences(
      of: "  ip_phone_price: 120 EUR\n",
      with: "  ip_phone_price: 120 EUR\n  legacy_pbxs: {phones_per_pbx: 200, maintenance: 3000 EUR/year, isdn_channel_cost: 20 EUR/month, isdn_end: \(isdnEnd)}\n")
    let outcome = ScenarioLoader.load(text: text, file: "voice.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    #expect(scenario.voice?.legacyPBXs != nil)
    return Planner.run(scenario)
  }

  static func legacy(_ results: PlanResults, _ year: Int) -> [CostLine] {
    results.costs.lines.filter { $0.category == .voiceLegacy && $0.year == Year(year) }
  }

  @Test("2021: 3 PBXs of 166.7 phones, 10 Erlang each: 18 ISDN channels each (published Erlang B table: 18 carry 10.44 E at 1 %, 17 only 9.65 E)")
  func byHand() throws {
    let results = try Self.run(isdnEnd: 2025)
    let lines = Self.legacy(results, 2021)
    // Per phone as before: 500 × 360 EUR; per PBX 3 × 3,000; 54 channels × 240 EUR.
    #expect(lines.map(\.amountEUR).sorted() == [9_000, 12_960, 180_000])
    #expect(lines.contains { $0.driver.contains("54 ISDN trunk channels") })
    // Every phone migrated in 2022: no legacy line.
    #expect(Self.legacy(results, 2022).isEmpty)
    // The separate network keeps all 500 phones on the PBXs in both years.
    #expect(results.voiceSeparateEUR.map { $0.rounded() } == [201_960, 201_960])
    #expect(!results.warnings.contains { $0.code == .pbxAfterISDNEnd })
  }

  @Test("ISDN ending in 2021: the PBXs' 54 channels cost SIP's 120 EUR a year, and a warning says 500 phones on 3 PBXs")
  func isdnEnd() throws {
    let results = try Self.run(isdnEnd: 2021)
    #expect(Self.legacy(results, 2021).map(\.amountEUR).sorted() == [6_480, 9_000, 180_000])
    let warning = try #require(results.warnings.first { $0.code == .pbxAfterISDNEnd })
    #expect(warning.year == Year(2021))
    #expect(warning.message.contains("500 phones on 3 legacy PBXs"))
  }

  @Test("more phones per PBX never need more trunk channels in total (pooling), and never cost more maintenance")
  func poolingNeverHurts() {
    guard let voice = try? #require(ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-voice.yaml")).scenario?.voice)
    else { return }
    for phones in stride(from: 10.0, through: 3_000, by: 137) {
      var previous: LegacyPBXYear?
      for perPBX in [20.0, 50, 100, 250, 1_000, 5_000] {
        let pbx = LegacyPBXs(phonesPerPBX: perPBX, maintenancePerPBXYear: .constant(1), isdnChannelYear: .constant(1), isdnEndYear: nil)
        let year = LegacyPBXYear(pbx, voice, unmigrated: phones, year: Year(2021))
        if let previous {
          #expect(year.channels <= previous.channels, "\(phones) phones, \(perPBX) per PBX")
          #expect(year.pbxs <= previous.pbxs)
        }
        previous = year
      }
    }
  }
}
