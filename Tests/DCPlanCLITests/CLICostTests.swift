import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("calc npv with --flows and calc annuity, figures worked by hand")
  func calcMoney() throws {
    // −100,000 + 60,000/1.1 + 60,000/1.21 = 4,132.2314; equivalent yearly: ÷ (1 + 1/1.1 + 1/1.21) = 2.7355372
    let npv = try jsonObject(try dcplan(["calc", "npv", "--rate", "10%", "--flows=-100000,60000,60000", "--format", "json"]).stdout)
    #expect((npv["npv_eur"] as? Double).map { abs($0 - 4_132.231405) < 1e-6 } == true)
    #expect((npv["equivalent_yearly_eur"] as? Double).map { abs($0 - 4_132.231405 / 2.735537190) < 1e-5 } == true)
    // 33,000 × 0.1 / (1 − 1.1^−10) = 5,370.598031 (python)
    let annuity = try jsonObject(try dcplan(["calc", "annuity", "--rate", "10%", "--amount", "33000", "--years", "10", "--format", "json"]).stdout)
    #expect((annuity["annuity_eur"] as? Double).map { abs($0 - 5_370.598031) < 1e-6 } == true)
    #expect(try dcplan(["calc", "npv", "--rate", "3%", "--flows", "1,x"]).status == 64)
    #expect(try dcplan(["calc", "npv", "--rate", "3%", "--flows", "1,2", "3"]).status == 64)
    #expect(try dcplan(["calc", "annuity", "--rate", "3%", "--amount", "1", "--years", "0"]).status == 64)
  }

  @Test("run --format json: tenants[] per year, their totals, budgets, capital, the ledger with whom each line serves")
  func costJSON() throws {
    let outcome = try dcplan(["run", RepositoryPaths.scenario("teaching-costs.yaml"), "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try jsonObject(outcome.stdout)
    let tenants = try #require(object["tenants"] as? [[String: Any]])
    #expect(tenants.count == 6)
    let a2021 = try #require(tenants.first { $0["id"] as? String == "a" && $0["year"] as? Int == 2021 })
    #expect((a2021["cost_eur"] as? Double).map { abs($0 - 52_000) < 1e-6 } == true)
    #expect((a2021["standalone_cost_eur"] as? Double).map { abs($0 - 77_000) < 1e-6 } == true)
    #expect((a2021["saving_eur"] as? Double).map { abs($0 - 25_000) < 1e-6 } == true)
    let totals = try #require(object["tenant_totals"] as? [[String: Any]])
    #expect((totals.first?["saving_npv_eur"] as? Double).map { abs($0 - 11_727.272727) < 1e-5 } == true)
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["tco_eur"] as? Double == 138_000)
    #expect(summary["allocation_method"] as? String == "shapley")
    // 165,000 alone − 129,818.18 together (hand-worked in the scenario).
    #expect((summary["sharing_saving_npv_eur"] as? Double).map { abs($0 - 35_181.818182) < 1e-5 } == true)
    let sharing = try #require(object["sharing"] as? [String: Any])
    #expect(sharing["shapley"] as? String == "exact")
    let budgets = try #require(object["budgets"] as? [[String: Any]])
    #expect(budgets.contains { $0["id"] as? String == "hardware" && ($0["headroom_eur"] as? Double) == -10_000 })
    // Against the status quo: Δ = c(N) − Σ c(i) = (33,000; −75,000), as worked in the scenario.
    let statusQuo = try #require(object["status_quo"] as? [[String: Any]])
    #expect(statusQuo.compactMap { $0["extra_eur"] as? Double }.map { $0.rounded() } == [33_000, -75_000])
    #expect(statusQuo.compactMap { $0["alone_eur"] as? Double }.map { $0.rounded() } == [15_000, 165_000])
    let lines = try #require(object["cost_lines"] as? [[String: Any]])
    #expect(lines.first { $0["site"] as? String == "room-b" }?["tenants"] as? [String] == ["b"])
    // Every total traces to the ledger: the lines add up to the yearly totals.
    let yearly = try #require(object["yearly"] as? [[String: Any]])
    for row in yearly {
      let year = try #require(row["year"] as? Int)
      let costs = try #require(row["costs"] as? [String: Any])
      let sum = lines.filter { $0["year"] as? Int == year }.reduce(0.0) { $0 + ($1["amount_eur"] as? Double ?? 0) }
      #expect(abs(sum - (costs["total_eur"] as? Double ?? -1)) < 1e-6)
    }
  }

  @Test("the status quo table as CSV: shared, alone, extra and its running sum by year")
  func statusQuoCSV() throws {
    let csv = try dcplan(["run", RepositoryPaths.scenario("teaching-costs.yaml"), "--format", "csv", "--table", "status_quo"])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains("year,shared_eur,alone_eur,extra_eur,extra_cumulative_eur"))
    #expect(csv.stdout.contains("2020,48000,15000,33000,33000"))
    #expect(csv.stdout.contains("2021,90000,165000,-75000,-42000"))
  }

  @Test("the ledger exports as CSV with its tenants and drivers; the tenants table prints in markdown")
  func ledgerCSV() throws {
    let csv = try dcplan(["run", RepositoryPaths.scenario("teaching-costs.yaml"), "--format", "csv", "--table", "cost_ledger"])
    #expect(csv.status == 0)
    #expect(csv.stdout.contains("year,site,category,type,amount_eur,tenants,driver"))
    #expect(csv.stdout.contains("2021,dc,servers,capex,80000,all,10 servers at 20 % volume discount × 8000 EUR"))
    let markdown = try dcplan(["run", RepositoryPaths.scenario("teaching-costs.yaml"), "--table", "tenants"])
    #expect(markdown.stdout.contains("| c | 21,273 | 33,000 | 11,727 | 35.5 | 14,776 | 25,964 | 21,273 | 0 |  |"))
  }
}

extension CLITests {
  @Test("--csv-dialect excel-de: byte order mark, semicolons, decimal commas, CRLF; plain stays RFC 4180")
  func excelCSV() throws {
    let scenario = RepositoryPaths.scenario("teaching-capacity.yaml")
    let german = try dcplan(["run", scenario, "--format", "csv", "--csv-dialect", "excel-de", "--table", "costs"])
    #expect(german.status == 0)
    #expect(german.stdout.hasPrefix("\u{FEFF}year;modules_eur;servers_eur;energy_eur;"))
    // 2021: opex 62,307.2 EUR (worked by hand in the scenario), with a decimal comma.
    #expect(german.stdout.contains("\r\n2021;50000;0;6307,2"))
    #expect(german.stdout.contains(";62307,2;0;112307,2;112307,2\r\n"))
    // 2025: the residual value 285,333.33 (worked by hand in the scenario) before the total.
    #expect(german.stdout.contains(";285333,3333333334;-79830,08593733335;"))
    let plain = try dcplan(["run", scenario, "--format", "csv", "--table", "costs"])
    #expect(plain.stdout.hasPrefix("year,modules_eur,"))
    #expect(plain.stdout.contains("\n2021,50000,0,6307.2"))
    #expect(try dcplan(["run", scenario, "--format", "csv", "--csv-dialect", "excel"]).status == 64)
  }
}

extension CLITests {
  @Test("outputs never overwrite inputs or each other (exit 64); links keep, permissions stay; formulas in CSV text are neutralised")
  func safeOutputs() throws {
    let folder = try temporaryFolder()
    let scenario = folder.appendingPathComponent("s.yaml")
    let text = try String(contentsOfFile: RepositoryPaths.scenario("teaching-capacity.yaml"), encoding: .utf8)
    try text.write(to: scenario, atomically: true, encoding: .utf8)
    #expect(try dcplan(["run", scenario.path, "-o", scenario.path]).status == 64)
    #expect(try String(contentsOf: scenario, encoding: .utf8) == text)
    let out = folder.appendingPathComponent("out.md").path
    #expect(try dcplan(["run", scenario.path, "--trials", "2", "--trials-csv", out, "-o", out]).status == 64)
    // A child extending the scenario may not write over its base either.
    let child = folder.appendingPathComponent("child.yaml")
    try "extends: s.yaml\n".write(to: child, atomically: true, encoding: .utf8)
    #expect(try dcplan(["run", child.path, "-o", scenario.path]).status == 64)
    // An existing file keeps its permissions; a link keeps pointing at its target.
    #expect(try dcplan(["run", scenario.path, "-o", out]).status == 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
    let link = folder.appendingPathComponent("link.md").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "out.md")
    #expect(try dcplan(["run", scenario.path, "-o", link]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "out.md")
    #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
    #expect(try dcplan(["run", scenario.path, "-o", "/dev/full"]).status == 1)
    // A module named like a formula reaches CSV as text.
    let formula = folder.appendingPathComponent("formula.yaml")
    try text.replacingOccurrences(of: "name: hall A,", with: "name: \"=HYPERLINK(1)\",").write(to: formula, atomically: true, encoding: .utf8)
    let csv = try dcplan(["run", formula.path, "--format", "csv", "--table", "expansions"])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains("'=HYPERLINK(1)"), "\(csv.stdout)")
  }
}

extension CLITests {
  @Test("bounded input: a file above --max-input-mb is refused at 1:1; a 2 MB unit is named, not copied, in a located error")
  func boundedInput() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("long.yaml")
    try ("extends: dcplan:default\nworkloads:\n  - id: eakte\n    vcpu: 5 " + String(repeating: "v", count: 2_000_000) + "\n")
      .write(to: file, atomically: true, encoding: .utf8)
    let small = try dcplan(["run", file.path, "--max-input-mb", "1"])
    #expect(small.status == 1 && small.stderr.contains("long.yaml:1:1: error: the file is 1 MiB"), "\(small.stderr.prefix(300))")
    let run = try dcplan(["run", file.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("long.yaml:4:11: error: unknown unit"))
    #expect(run.stderr.contains("(2000000 characters)"))
    #expect(run.stderr.utf8.count < 2_000)
  }
}

extension CLITests {
  @Test("calc npv takes 0.0, 0 % and negative real rates: 100 + 100/0.99 = 201.0101 at −1 %")
  func calcRates() throws {
    for rate in ["0.0", "0 %", "0%"] {
      let run = try dcplan(["calc", "npv", "--rate", rate, "--flows", "100,100", "--format", "json"])
      #expect(run.status == 0, "\(rate): \(run.stderr)")
      #expect(try jsonObject(run.stdout)["npv_eur"] as? Double == 200, "\(rate)")
    }
    let negative = try dcplan(["calc", "npv", "--rate=-1%", "--flows", "100,100", "--format", "json"])
    #expect(((try jsonObject(negative.stdout))["npv_eur"] as? Double).map { abs($0 - 201.010101) < 1e-5 } == true)
    #expect(try dcplan(["calc", "npv", "--rate", "150%", "--flows", "1"]).status == 64)
  }
}
