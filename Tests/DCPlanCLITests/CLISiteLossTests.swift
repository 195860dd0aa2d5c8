import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  @Test("run on a file that loses Hildesheim in 2022: the survivor's shortfall, the unserved demand and the site-lost warning; a typo is located")
  func siteLoss() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("loss.yaml")
    let base = RepositoryPaths.scenario("niedersachsen-2025.yaml")
    try """
      extends: \(base)
      scenario: {name: Hildesheim lost in 2022}
      # Three times the Land's users, so that one site alone falls short.
      tenants:
        - {id: land, employees: 100000}
      events:
        - {kind: site-loss, site: dc-hildesheim, year: 2022}
      """.write(to: file, atomically: true, encoding: .utf8)
    let outcome = try dcplan(["run", file.path, "--format", "json", "--extends-anywhere"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try jsonObject(outcome.stdout)
    let summary = try #require(object["summary"] as? [String: Any])
    #expect((summary["unserved_vcpu_years"] as? Double ?? 0) > 0)
    #expect((summary["first_shortfall_year"] as? Int).map { $0 >= 2022 } == true)
    let warnings = try #require(object["warnings"] as? [[String: Any]])
    let lost = try #require(warnings.first { $0["code"] as? String == "site-lost" })
    #expect(lost["subject"] as? String == "dc-hildesheim" && lost["year"] as? Int == 2022)
    #expect((lost["message"] as? String)?.contains("'dc-hannover' (100 %)") == true)
    // The lost site's demand is zero from 2022 on; Hannover's is the whole shared load.
    let sites = try #require(object["demand_by_site"] as? [[String: Any]])
    let hildesheim = sites.filter { $0["site"] as? String == "dc-hildesheim" && ($0["year"] as? Int ?? 0) >= 2022 }
    #expect(!hildesheim.isEmpty && hildesheim.allSatisfy { (($0["demand"] as? [String: Any])?["vcpu"] as? Double) == 0 })

    try """
      extends: \(base)
      events:
        - {kind: site-loss, site: dc-hildeshiem, year: 2022}
      """.write(to: file, atomically: true, encoding: .utf8)
    let typo = try dcplan(["run", file.path, "--extends-anywhere"])
    #expect(typo.status != 0)
    #expect(typo.stderr.contains("loss.yaml:3:") && typo.stderr.contains("did you mean 'dc-hildesheim'?"), "\(typo.stderr)")
  }
}
