import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  /// A base scenario and a variant that changes one value through `extends`.
  func variantFolder() throws -> URL {
    let folder = try temporaryFolder()
    try FileManager.default.copyItem(
      atPath: RepositoryPaths.scenario("teaching-costs.yaml"), toPath: folder.appendingPathComponent("base.yaml").path)
    try """
      extends: base.yaml
      scenario: {name: cheaper energy}
      costs: {energy_price: 0.1 EUR/kWh}
      """.write(to: folder.appendingPathComponent("variant.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test("compare lists only what the merged scenarios differ in, each value with the file and line that set it")
  func compareResolved() throws {
    let folder = try variantFolder()
    let outcome = try dcplan(["compare", "base.yaml", "variant.yaml", "--format", "json"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try jsonObject(outcome.stdout)
    let assumptions = try #require(object["assumptions"] as? [[String: Any]])
    let paths = assumptions.compactMap { $0["path"] as? String }
    // Inherited values are no difference: only the name and the energy price.
    #expect(paths == ["scenario.name", "costs.energy_price"], "\(paths)")
    let energy = try #require(assumptions.first { $0["path"] as? String == "costs.energy_price" })
    // The base leaves it at its default (null), the variant sets it in its line 3.
    #expect((energy["values"] as? [Any])?.last as? String == "0.1 EUR/kWh")
    #expect((energy["values"] as? [Any])?.first is NSNull)
    #expect((energy["sources"] as? [Any])?.last as? String == "variant.yaml:3")
    let name = try #require(assumptions.first { $0["path"] as? String == "scenario.name" })
    #expect(((name["sources"] as? [Any])?.first as? String)?.hasPrefix("base.yaml:") == true)
  }

  @Test("resolve prints the merged scenario, which runs exactly as the variant; --sources names each value's file and line")
  func resolve() throws {
    let folder = try variantFolder()
    let merged = try dcplan(["resolve", "variant.yaml", "-o", "merged.yaml"], in: folder)
    #expect(merged.status == 0, "\(merged.stderr)")
    let text = try String(contentsOf: folder.appendingPathComponent("merged.yaml"), encoding: .utf8)
    #expect(!text.contains("extends"))
    let viaVariant = try dcplan(["run", "variant.yaml", "--format", "json"], in: folder)
    let viaMerged = try dcplan(["run", "merged.yaml", "--format", "json"], in: folder)
    #expect(viaVariant.status == 0 && viaMerged.status == 0)
    let (a, b) = (try jsonObject(viaVariant.stdout), try jsonObject(viaMerged.stdout))
    #expect((a["summary"] as? [String: Any])?["npv_eur"] as? Double == (b["summary"] as? [String: Any])?["npv_eur"] as? Double)
    let sources = try dcplan(["resolve", "variant.yaml", "--sources"], in: folder)
    #expect(sources.stdout.contains("costs.energy_price: 0.1 EUR/kWh  # variant.yaml:3"), "\(sources.stdout.prefix(400))")
    let missing = try dcplan(["resolve", "nowhere.yaml"], in: folder)
    #expect(missing.status != 0 && missing.stderr.contains("nowhere.yaml:1:1"))
  }
}

extension CLITests {
  @Test("compare --by-year: each year's total cost in both scenarios and its change; the energy price lowers only the energy-bearing figures")
  func compareByYear() throws {
    let folder = try variantFolder()
    let outcome = try dcplan(["compare", "base.yaml", "variant.yaml", "--by-year", "--format", "json"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try jsonObject(outcome.stdout)
    let rows = try #require(object["by_year"] as? [[String: Any]])
    let total = rows.filter { $0["figure"] as? String == "total_eur" }
    #expect(!total.isEmpty)
    for row in total {
      let values = try #require(row["values"] as? [Double])
      let deltas = try #require(row["deltas"] as? [Double])
      #expect(abs(deltas[1] - (values[1] - values[0])) < 1e-6 && deltas[0] == 0)
    }
    // Servers and racks do not depend on the energy price.
    for row in rows where ["servers", "racks"].contains(row["figure"] as? String ?? "") {
      #expect((row["deltas"] as? [Double])?.allSatisfy { $0 == 0 } == true)
    }
    let markdown = try dcplan(["compare", "base.yaml", "variant.yaml", "--by-year"], in: folder)
    #expect(markdown.stdout.contains("## Key figures by year"))
  }
}
