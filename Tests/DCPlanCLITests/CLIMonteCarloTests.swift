import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  @Test("run --trials: bands and shortfall probabilities in one command, the same bytes for 1 and 2 threads")
  func monteCarlo() throws {
    let one = try dcplan(["run", "--trials", "40", "--seed", "5", "--threads", "1", "--format", "json"])
    let two = try dcplan(["run", "--trials", "40", "--seed", "5", "--threads", "2", "--format", "json"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout == two.stdout)
    let object = try jsonObject(one.stdout)
    let mc = try #require(object["montecarlo"] as? [String: Any])
    #expect(mc["trials"] as? Int == 40)
    let summary = try #require(mc["summary"] as? [String: Any])
    let npv = try #require(summary["npv_eur"] as? [String: Any])
    let p10 = try #require(npv["p10"] as? Double)
    let p50 = try #require(npv["p50"] as? Double)
    let p90 = try #require(npv["p90"] as? Double)
    #expect(p10 <= p50 && p50 <= p90)
    #expect((mc["tornado"] as? [Any])?.count == 7)
    let markdown = try dcplan(["run", "--trials", "40", "--table", "shortfall_probability"])
    #expect(markdown.stdout.contains("Probability of a shortfall by each year (%)"))
  }

  @Test("a gateway's contracted trunks: the warning in the plan, the resource 'trunks' in the trials' JSON")
  func trunkShortfall() throws {
    // The teaching voice scenario needs 42 channels in 2022 (worked by hand in the file).
    let text = try String(contentsOfFile: RepositoryPaths.scenario("teaching-voice.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "capex: 20000 EUR}]", with: "capex: 20000 EUR, trunks: 41}]")
      + "uncertainty:\n  inputs:\n    - {name: staff, path: \"tenants[*].employees\", distribution: normal, mean: 1, sd: 0.05}\n"
    let file = try temporaryFolder().appendingPathComponent("trunks.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let plan = try dcplan(["run", file.path, "--table", "warnings"])
    #expect(plan.status == 0, "\(plan.stderr)")
    #expect(plan.stdout.contains("gateway 'gw-a' needs 42 SIP channels in 2022"))
    let trials = try dcplan(["run", file.path, "--trials", "200", "--format", "json"])
    let mc = try #require(try jsonObject(trials.stdout)["montecarlo"] as? [String: Any])
    let rows = try #require(mc["shortfall_probability"] as? [[String: Any]])
    let trunks = try #require(rows.first { $0["resource"] as? String == "trunks" })
    #expect(trunks["subject"] as? String == "gw-a")
    // 41 channels carry 29.89 Erlang at 1 %: P(30 f > 29.89) for f ~ N(1, 0.05) is 0.53.
    let byYear = try #require(trunks["by_year"] as? [String: Double])
    #expect(byYear["2021"] == 0)
    #expect((0.3...0.7).contains(byYear["2022"] ?? -1), "\(byYear)")
  }

  @Test("--trials-csv writes one row per trial; it needs --trials; a scenario without uncertainty warns")
  func trialsCSV() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("trials.csv").path
    let outcome = try dcplan(["run", "--trials", "12", "--trials-csv", file, "--table", "summary"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let csv = try String(contentsOfFile: file, encoding: .utf8)
    let lines = csv.split(separator: "\n")
    #expect(lines.count == 13)
    #expect(lines.first?.hasPrefix("trial,compute-growth,storage-growth,workplaces,energy-price,server-price,land-join-delay,lead-time,npv_eur") == true)
    #expect(try dcplan(["run", "--trials-csv", file]).status == 64)
    #expect(try dcplan(["run", "--trials", "3", "--percentiles", "5,x"]).status == 64)
    let plain = try dcplan(["run", RepositoryPaths.scenario("teaching-capacity.yaml"), "--trials", "3", "--table", "summary"])
    #expect(plain.stderr.contains("no uncertain inputs"))
  }
}

extension CLITests {
  @Test("the progress bar shows on a terminal only: silent in a pipe and with --quiet")
  func progressBar() throws {
    let piped = try dcplan(["run", "--trials", "20", "--table", "summary"])
    #expect(!piped.stderr.contains("trials 20/20"))
    // `script` (util-linux, in every Debian) gives the command a terminal.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let sink = try temporaryFolder().appendingPathComponent("out.md").path
    let command = "\(RepositoryPaths.binary) run --trials 20 --table summary -o \(sink)"
    let text = try run("/usr/bin/script", ["-qc", command, "/dev/null"]).stdout
    #expect(text.contains("trials 20/20 [##############################] 100 %"))
    let quietText = try run("/usr/bin/script", ["-qc", command + " --quiet", "/dev/null"]).stdout
    #expect(!quietText.contains("trials 20/20"))
    // The network stage's single failures have their bar too.
    #expect(text.contains("single failures ") && text.contains("] 100 %"))
  }
}

extension CLITests {
  @Test("run --trials --forecasts P50,P90: the insurance table; a higher percentile costs more and is short in fewer trials")
  func insurance() throws {
    let run = try dcplan(["run", "--trials", "200", "--seed", "3", "--forecasts", "P50,P90", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let mc = try #require(try jsonObject(run.stdout)["montecarlo"] as? [String: Any])
    let rows = try #require(mc["insurance"] as? [[String: Any]])
    #expect(rows.map { $0["forecast"] as? String } == ["P50", "P90"])
    let npv = rows.compactMap { $0["mean_npv_eur"] as? Double }
    let short = rows.compactMap { $0["share_of_trials_short"] as? Double }
    #expect(npv.count == 2 && npv[1] > npv[0])
    #expect(short.count == 2 && short[1] <= short[0])
    let summary = try #require(mc["summary"] as? [String: Any])
    #expect(summary["unserved_vcpu_years"] != nil)
    #expect(try dcplan(["run", "--trials", "10", "--forecasts", "P150"]).status == 64)
    #expect(try dcplan(["run", "--forecasts", "P80"]).status == 64)
  }

  @Test("a malformed planning rule is located: forecast 'P150'")
  func planningRuleError() throws {
    let file = try temporaryFolder().appendingPathComponent("planning.yaml")
    try """
      extends: dcplan:default
      uncertainty:
        planning: {forecast: P150}
      """.write(to: file, atomically: true, encoding: .utf8)
    let run = try dcplan(["run", file.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("planning.yaml:3:") && run.stderr.contains("'P1' … 'P99'"), "\(run.stderr)")
  }
}
