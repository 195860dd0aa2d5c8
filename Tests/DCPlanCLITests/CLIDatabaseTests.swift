import DCPlanTestSupport
import Foundation
import Testing

/// `--db FILE`: runs and their tables appended to SQLite, queried with the `sqlite3` shell.
extension CLITests {
  /// The rows `sql` returns, each as its '|'-separated fields.
  func query(_ database: URL, _ sql: String) throws -> [String] {
    let outcome = try run("/usr/bin/sqlite3", [database.path, sql])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return outcome.stdout.split(separator: "\n").map(String.init)
  }

  @Test("run --db twice: two runs, their tables by run_id, the resolved scenario with its SHA-256, the column catalogue")
  func database() throws {
    let folder = try temporaryFolder()
    let database = folder.appendingPathComponent("results.sqlite")
    let scenario = RepositoryPaths.scenario("teaching-costs.yaml")
    #expect(try dcplan(["run", scenario, "--db", database.path, "--quiet"]).status == 0)
    #expect(try dcplan(["run", "--db", database.path, "--quiet"]).status == 0)
    #expect(try query(database, "SELECT run_id, command, scenario_file, trials FROM runs ORDER BY run_id")
      == ["1|run|\(scenario)|0", "2|run|dcplan:default|0"])
    // The tenants table as in the scenario's hand-worked figures: each saves 11,727.27 (NPV).
    #expect(try query(database, "SELECT tenant, round(saving_npv_eur, 2) FROM tenants WHERE run_id = 1 ORDER BY row_number")
      == ["a|11727.27", "b|11727.27", "c|11727.27"])
    // The ledger adds up to the summary's TCO (138,000 EUR).
    #expect(try query(database, "SELECT round(sum(amount_eur), 2) FROM cost_ledger WHERE run_id = 1") == ["138000.0"])
    #expect(try query(database, "SELECT title FROM result_columns WHERE table_id = 'tenants' AND column_id = 'saving_npv_eur'")
      == ["Saving"])
    // The stored digest is the SHA-256 of the stored resolved scenario (checked by Python's hashlib).
    let check = try run("/usr/bin/python3", ["-c", """
      import hashlib, sqlite3, sys
      rows = sqlite3.connect(sys.argv[1]).execute('SELECT resolved_yaml, scenario_sha256 FROM runs').fetchall()
      print(all(hashlib.sha256(text.encode()).hexdigest() == digest for text, digest in rows), len(rows))
      """, database.path])
    #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "True 2", "\(check.stderr)")
  }

  @Test("trials beyond --max-trial-memory-gb run in chunks: the same trials CSV, summary and database rows as a run kept in memory")
  func trialMemory() throws {
    let folder = try temporaryFolder()
    func run(_ name: String, _ extra: [String]) throws -> (json: [String: Any], csv: String, database: URL) {
      let csv = folder.appendingPathComponent("\(name).csv")
      let database = folder.appendingPathComponent("\(name).sqlite")
      let outcome = try dcplan(
        ["run", "--trials", "2100", "--format", "json", "--trials-csv", csv.path, "--db", database.path, "--quiet"] + extra)
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
      return (try #require(json["montecarlo"] as? [String: Any]), try String(contentsOf: csv, encoding: .utf8), database)
    }
    let kept = try run("kept", [])
    // 2,100 trials of about 2.8 KB in 1 kB: chunks of the fewest trials (1,024), run twice.
    let chunked = try run("chunked", ["--max-trial-memory-gb", "0.000001"])
    #expect(kept.json["passes"] as? Int == 1)
    #expect(chunked.json["passes"] as? Int == 2)
    #expect(kept.csv == chunked.csv, "every trial's row, in order, the same bytes")
    #expect(kept.csv.split(separator: "\n").count == 2101)
    for key in ["summary", "yearly", "shortfall_probability", "tornado"] {
      #expect(NSDictionary(dictionary: ["v": kept.json[key] as Any]) == NSDictionary(dictionary: ["v": chunked.json[key] as Any]), "\(key)")
    }
    // The database holds every trial both ways (the chunked run replays them for it).
    let sql = "SELECT count(*), round(sum(npv_eur), 2), count(first_shortfall_year) FROM trials"
    #expect(try query(kept.database, sql) == query(chunked.database, sql))
    #expect(try query(chunked.database, "SELECT count(*) FROM trials").first == "2100")
    // Without uncertain inputs one pass settles every figure; the database still gets every trial.
    let plain = folder.appendingPathComponent("plain.sqlite")
    let outcome = try dcplan([
      "run", RepositoryPaths.scenario("teaching-costs.yaml"), "--trials", "1100", "--max-trial-memory-gb", "0.000001",
      "--db", plain.path, "--format", "json", "--quiet",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("\"passes\": 1"))
    #expect(try query(plain, "SELECT count(*), count(DISTINCT npv_eur) FROM trials") == ["1100|1"])
  }

  @Test("two sweeps writing one database at once: every variant in it, integrity intact; a database that cannot be written leaves the run failed")
  func databaseConcurrentWriters() throws {
    let folder = try temporaryFolder()
    let database = folder.appendingPathComponent("shared.sqlite")
    let base = RepositoryPaths.scenario("teaching-costs.yaml")
    func sweep(_ rates: String) -> Process {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: RepositoryPaths.binary)
      process.arguments = ["sweep", base, "--set", "scenario.discount_rate=\(rates)", "--db", database.path, "--quiet"]
      process.standardOutput = FileHandle.nullDevice
      return process
    }
    let first = sweep("1 %,2 %,3 %,4 %,5 %,6 %")
    let second = sweep("7 %,8 %,9 %,10 %,11 %,12 %")
    try first.run()
    try second.run()
    first.waitUntilExit()
    second.waitUntilExit()
    #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
    #expect(try query(database, "SELECT count(*), count(DISTINCT variant) FROM runs WHERE command = 'sweep'") == ["12|12"])
    #expect(try query(database, "SELECT count(DISTINCT run_id) FROM tenants") == ["12"])
    #expect(try query(database, "PRAGMA integrity_check") == ["ok"])
    // A folder is no database: the run fails with the reason and exit 1.
    let failed = try dcplan(["run", base, "--db", folder.path, "--quiet"])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("results database") && failed.stderr.contains("unchanged"), "\(failed.stderr)")
  }
}
