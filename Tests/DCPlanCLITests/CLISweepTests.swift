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
    // Every row is written; a variant that cannot run makes the exit status 1 and says so.
    let bad = try dcplan(["sweep", base, "--set", "scenario.discount_rate=5 %,5 kg"])
    #expect(bad.status == 1)
    #expect(bad.stdout.contains("needs a percentage; found '5 kg'"))
    #expect(bad.stderr.contains("1 of 2 variants could not run"))
    #expect(try dcplan(["sweep", base]).status == 64)
    // A path the scenario does not have, and a --set without values, are the command's errors.
    let typo = try dcplan(["sweep", base, "--set", "costs.maintenanse=5%,10%"])
    #expect(typo.status == 64 && typo.stderr.contains("did you mean 'maintenance'"), "\(typo.stderr)")
    let bare = try dcplan(["sweep", base, "--set", "costs.maintenance"])
    #expect(bare.status == 64 && bare.stderr.contains("needs PATH=V1,V2"), "\(bare.stderr)")
    // 'extends' is merged before settings go in: sweeping it would change nothing.
    let extends = try dcplan(["sweep", base, "--set", "extends=dcplan:default,other.yaml"])
    #expect(extends.status == 64 && extends.stderr.contains("cannot be swept"), "\(extends.stderr)")
  }
}

extension CLITests {
  @Test("shards of a sweep merged in any order are byte for byte the unsharded sweep; auto takes the array index")
  func shardsAndMerge() throws {
    let folder = try temporaryFolder()
    let base = RepositoryPaths.scenario("teaching-costs.yaml")
    let grid = ["--set", "costs.procurement_tiers.servers[0].discount=5 %,10 %,20 %", "--set", "scenario.discount_rate=3 %,5 %,10 %"]
    for dialect in ["plain", "excel-de"] {
      let whole = try dcplan(["sweep", base] + grid + ["--format", "csv", "--csv-dialect", dialect]).stdout
      var parts: [String] = []
      for i in [3, 0, 2, 1] {
        let part = folder.appendingPathComponent("\(dialect)-\(i).csv").path
        #expect(try dcplan(["sweep", base] + grid + ["--csv-dialect", dialect, "--shard", "\(i)/4", "-o", part]).status == 0)
        parts.append(part)
      }
      let merged = try dcplan(["merge"] + parts)
      #expect(merged.status == 0, "\(merged.stderr)")
      #expect(merged.stdout == whole, "\(dialect)")
    }
    let wholeJSON = try dcplan(["sweep", base] + grid + ["--format", "json"]).stdout
    var jsonParts: [String] = []
    for i in 0..<3 {
      let part = folder.appendingPathComponent("part-\(i).jsonl").path
      let variables = i == 1 ? ["JOB_COMPLETION_INDEX": "1"] : ["SLURM_ARRAY_TASK_ID": String(i)]
      #expect(try dcplan(["sweep", base] + grid + ["--format", "json", "--shard", "auto/3", "-o", part], environment: variables).status == 0)
      jsonParts.append(part)
    }
    #expect(try dcplan(["merge"] + jsonParts.reversed()).stdout == wholeJSON)
    // A shard given twice, or one left out in the middle.
    let twice = try dcplan(["merge", jsonParts[0], jsonParts[0], jsonParts[1], jsonParts[2]])
    #expect(twice.status == 1 && twice.stderr.contains("merge each part once"), "\(twice.stderr)")
    let gap = try dcplan(["merge", jsonParts[0], jsonParts[2]])
    #expect(gap.status == 1 && gap.stderr.contains("part 1 of 3 is missing"), "\(gap.stderr)")
    // A part cut mid-row, one with a row of more fields, one of another grid, one in another format.
    var csvParts: [String] = []
    for i in 0..<3 {
      let part = folder.appendingPathComponent("part-\(i).csv").path
      #expect(try dcplan(["sweep", base] + grid + ["--shard", "\(i)/3", "-o", part]).status == 0)
      csvParts.append(part)
    }
    let partText = try String(contentsOfFile: csvParts[1], encoding: .utf8)
    let cut = folder.appendingPathComponent("cut.csv").path
    try String(partText.prefix(partText.count / 2)).write(toFile: cut, atomically: true, encoding: .utf8)
    let truncated = try dcplan(["merge", csvParts[0], cut, csvParts[2]])
    #expect(truncated.status == 1 && truncated.stderr.contains("cut off"), "\(truncated.stderr)")
    let mixed = try dcplan(["merge", csvParts[0], jsonParts[1], csvParts[2]])
    #expect(mixed.status == 1 && mixed.stderr.contains("all in one format"), "\(mixed.stderr)")
    let foreign = folder.appendingPathComponent("foreign.csv").path
    #expect(try dcplan(["sweep", base, "--set", "costs.maintenance=1%,2%,3%", "--shard", "1/3", "-o", foreign]).status == 0)
    let other = try dcplan(["merge", csvParts[0], foreign, csvParts[2]])
    #expect(other.status == 1 && other.stderr.contains("another run"), "\(other.stderr)")
    let lines = partText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let widened = folder.appendingPathComponent("wide.csv").path
    try (lines.prefix(2) + [lines[2] + ",extra"] + lines.dropFirst(3)).joined(separator: "\n")
      .write(toFile: widened, atomically: true, encoding: .utf8)
    let wide = try dcplan(["merge", csvParts[0], widened, csvParts[2]])
    #expect(wide.status == 1 && wide.stderr.contains("fields"), "\(wide.stderr)")
    #expect(try dcplan(["sweep", base] + grid + ["--shard", "4/4"]).status == 64)
  }
}

extension CLITests {
  @Test("Monte Carlo shards: each writes its trials' rows; merged they are the whole --trials-csv byte for byte")
  func trialShards() throws {
    let folder = try temporaryFolder()
    let whole = folder.appendingPathComponent("whole.csv").path
    #expect(try dcplan(["run", "--trials", "11", "--trials-csv", whole, "--table", "summary"]).status == 0)
    var parts: [String] = []
    for i in [2, 0, 3, 1] {
      let part = folder.appendingPathComponent("part-\(i).csv").path
      let outcome = try dcplan(["run", "--trials", "11", "--trials-csv", part, "--shard", "auto/4"], environment: ["SLURM_ARRAY_TASK_ID": String(i)])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      parts.append(part)
    }
    let merged = try dcplan(["merge"] + parts)
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == (try String(contentsOfFile: whole, encoding: .utf8)))
    #expect(try dcplan(["run", "--trials", "11", "--shard", "0/2"]).status == 64)
  }
}

extension CLITests {
  @Test("sweep: a parameter the scenario never reads is named on standard error; one that matters is not; --quiet says nothing")
  func sweepIneffectiveParameter() throws {
    // The default gives every workload a class with its own failover share, so the policy's
    // is never read (Scenarios/niedersachsen-2025.yaml, 'policy.classes'); the discount rate is.
    let base = RepositoryPaths.scenario("niedersachsen-2025.yaml")
    let grid = ["--set", "policy.failover_share=50 %,100 %", "--set", "scenario.discount_rate=1 %,3 %"]
    let swept = try dcplan(["sweep", base] + grid + ["--format", "csv"])
    #expect(swept.status == 0, "\(swept.stderr)")
    #expect(swept.stderr.contains("--set 'policy.failover_share': its 2 values gave the same key figures"), "\(swept.stderr)")
    #expect(!swept.stderr.contains("--set 'scenario.discount_rate'"))
    // The rows say the same: variants 0 and 2 (50 % and 100 % at 1 %) are equal but for the value.
    let rows = swept.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.count == 5 && rows[1].dropFirst(2) == rows[3].dropFirst(2) && rows[1][3] != rows[2][3])
    #expect(try dcplan(["sweep", base] + grid + ["--format", "csv", "--quiet"]).stderr.isEmpty)
    // The class's own share does matter.
    let classes = try dcplan(["sweep", base, "--set", "policy.classes[0].failover_share=50 %,100 %", "--format", "csv"])
    #expect(classes.status == 0 && !classes.stderr.contains("gave the same key figures"), "\(classes.stderr)")
  }
}
