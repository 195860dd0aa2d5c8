import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  @Test("compare: a variant with a smaller volume discount costs 10,000 EUR more in 2021, 9,090.91 as NPV; the changed value is listed")
  func compare() throws {
    let folder = try temporaryFolder()
    let base = RepositoryPaths.scenario("teaching-costs.yaml")
    let text = try String(contentsOfFile: base, encoding: .utf8)
    let variant = folder.appendingPathComponent("smaller-discount.yaml")
    try text.replacingOccurrences(of: "servers: [{from: 10, discount: 20 %}]", with: "servers: [{from: 10, discount: 10 %}]")
      .write(to: variant, atomically: true, encoding: .utf8)
    let outcome = try dcplan(["compare", base, variant.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try jsonObject(outcome.stdout)
    #expect(object["scenarios"] as? [String] == ["teaching-costs.yaml", "smaller-discount.yaml"])
    let figures = try #require(object["figures"] as? [[String: Any]])
    let npv = try #require(figures.first { $0["figure"] as? String == "npv_eur" })
    let deltas = try #require(npv["deltas"] as? [Any])
    // 10 servers × 10,000 EUR × 10 % more in 2021, discounted once at 10 %.
    #expect((deltas.last as? Double).map { abs($0 - 9_090.909091) < 1e-5 } == true)
    let assumptions = try #require(object["assumptions"] as? [[String: Any]])
    #expect(assumptions.count == 1)
    #expect(assumptions.first?["path"] as? String == "costs.procurement_tiers.servers[0].discount")
    #expect(assumptions.first?["values"] as? [String] == ["20 %", "10 %"])
    let markdown = try dcplan(["compare", base, variant.path])
    #expect(markdown.stdout.contains("| NPV (EUR) | 129,818 | 138,909 | 9,091 | 7.0 |"))
    #expect(try dcplan(["compare", base]).status == 64)
    #expect(try dcplan(["compare", base, folder.appendingPathComponent("missing.yaml").path]).status == 1)
  }
}
