import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  @Test("--format xlsx writes one sheet per table whose every cell equals the same run's CSV, read back by an independent reader")
  func workbook() throws {
    let folder = try temporaryFolder()
    for scenario in ["teaching-network.yaml", "niedersachsen-2025.yaml"] {
      let book = folder.appendingPathComponent("plan.xlsx").path
      let csv = folder.appendingPathComponent("plan.csv").path
      let path = RepositoryPaths.scenario(scenario)
      let written = try dcplan(["run", path, "--format", "xlsx", "-o", book])
      #expect(written.status == 0, "\(written.stderr)")
      #expect(try dcplan(["run", path, "--format", "csv", "-o", csv]).status == 0)
      let reader = RepositoryPaths.root.appendingPathComponent("Scripts/reference/xlsx_readback.py").path
      let check = try run("/usr/bin/env", ["python3", reader, book, csv])
      #expect(check.stdout == "ok\n", "\(scenario): \(check.stdout) \(check.stderr)")
    }
    // A sweep streams rows: no workbook.
    let sweep = try dcplan(["sweep", RepositoryPaths.scenario("teaching-network.yaml"), "--set", "policy.failover_share=50%", "--format", "xlsx"])
    #expect(sweep.status != 0 && sweep.stderr.contains("csv or json"))
  }
}
