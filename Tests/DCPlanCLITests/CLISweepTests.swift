import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  @Test("sweep: the grid in order, the first --set slowest, NPVs worked by hand; JSON Lines; a bad value is the variant's error")
  func sweep() throws {
    let base = RepositoryPaths.scenario("teaching-costs.yaml")
    let arguments = ["sweep", base, "--set", "costs.procurement_tiers.servers[0].discount=10 %,20 %", "--set", "scenario.discount_rate=5 %,10 %"]
    let csv = try dcplan(arguments)
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.count == 5)
    #expect(rows[0].prefix(4).joined(separator: ",") == "variant,costs.procurement_tiers.servers[0].discount,scenario.discount_rate,npv_eur")
    // NPV = 2020 costs + 2021 costs / (1 + r): 48,000 + 100,000 / 1.05 with 10 % off, ... (teaching-costs.yaml).
    let expected = [48_000 + 100_000 / 1.05, 48_000 + 100_000 / 1.1, 48_000 + 90_000 / 1.05, 48_000 + 90_000 / 1.1]
    for (k, npv) in expected.enumerated() {
      #expect(rows[k + 1][0] == Substring(String(k)))
      #expect(Double(rows[k + 1][3]).map { abs($0 - npv) < 1e-6 } == true, "variant \(k)")
    }
    #expect(rows[1][1] == "10 %" && rows[1][2] == "5 %" && rows[2][2] == "10 %" && rows[3][1] == "20 %")
    // The same bytes on one thread.
    #expect(try dcplan(arguments + ["--threads", "1"]).stdout == csv.stdout)
    let lines = try dcplan(arguments + ["--format", "json"]).stdout.split(separator: "\n")
    #expect(lines.count == 4)
    let last = try jsonObject(String(lines[3]))
    #expect(last["variant"] as? Int == 3)
    #expect(((last["figures"] as? [String: Any])?["npv_eur"] as? Double).map { abs($0 - 129_818.181818) < 1e-5 } == true)
    let bad = try dcplan(["sweep", base, "--set", "scenario.discount_rate=5 %,5 kg"])
    #expect(bad.status == 0)
    #expect(bad.stdout.contains("needs a percentage; found '5 kg'"))
    #expect(try dcplan(["sweep", base]).status == 64)
  }
}
