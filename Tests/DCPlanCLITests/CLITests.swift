import DCPlanTestSupport
import Foundation
import Testing

/// Runs the built `dcplan` binary on files, as a planner would.
@Suite("command line", .serialized)
struct CLITests {
  struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  func dcplan(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
    try run(RepositoryPaths.binary, arguments, in: folder, environment: environment)
  }

  /// Runs `executable` with `arguments`, its environment extended by `environment`.
  func run(_ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dcplan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("run without a file runs the bundled default from any folder")
  func runDefault() throws {
    let folder = try temporaryFolder()
    let outcome = try dcplan(["run", "--format", "json"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let scenario = try #require(object["scenario"] as? [String: Any])
    #expect(scenario["name"] as? String == "Lower Saxony shared data centre")
    #expect(scenario["horizon"] as? [Int] == [2017, 2025])
    #expect((object["yearly"] as? [Any])?.count == 9)
  }

  @Test("markdown tables carry units in their headers")
  func markdown() throws {
    let outcome = try dcplan(["run", RepositoryPaths.scenario("teaching-demand.yaml"), "--table", "demand"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("| Year | vCPU | RAM (GiB) | Storage (TiB) |"))
    // 2021 totals by hand: 390.5 vCPU (shown rounded to 391), 1,658 GiB, 42.1 TiB
    #expect(outcome.stdout.contains("| 2021 | 391 | 1,658 | 42.1 |"))
  }

  @Test("validate reports every error as FILE:LINE:COLUMN and exits 1")
  func validateErrors() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("bad.yaml")
    try """
      scenario: {name: Bad, horizon: 2020..2022}
      tennants: []
      tenants:
        - {id: land, kind: stat}
      """.write(to: file, atomically: true, encoding: .utf8)
    let outcome = try dcplan(["validate", file.path])
    #expect(outcome.status == 1)
    #expect(outcome.stderr == """
      \(file.path):2:1: error: unknown key 'tennants' in the scenario file; did you mean 'tenants'?
      \(file.path):4:22: error: unknown kind 'stat' for tenant 'land'; did you mean 'state'?

      """)
    #expect(outcome.stdout.isEmpty)
  }

  @Test("validate says ok for good files and exits 0")
  func validateGood() throws {
    let path = RepositoryPaths.scenario("teaching-demand.yaml")
    let outcome = try dcplan(["validate", path])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "\(path): ok\n")
  }

  @Test("a failed run leaves no output file; a good one writes it whole")
  func atomicOutput() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("out.json")
    let bad = folder.appendingPathComponent("bad.yaml")
    try "scenario: [".write(to: bad, atomically: true, encoding: .utf8)
    let failed = try dcplan(["run", bad.path, "--format", "json", "-o", target.path])
    #expect(failed.status == 1)
    #expect(!FileManager.default.fileExists(atPath: target.path))
    let good = try dcplan(["run", "--format", "json", "-o", target.path])
    #expect(good.status == 0)
    let written = try Data(contentsOf: target)
    #expect((try? JSONSerialization.jsonObject(with: written)) != nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.yaml", "out.json"])
  }

  @Test("the same scenario gives the same bytes")
  func deterministic() throws {
    let first = try dcplan(["run", "--format", "json"])
    let second = try dcplan(["run", "--format", "json"])
    #expect(first.stdout == second.stdout)
  }

  @Test("schema prints a JSON Schema; a bad flag exits with the parser's code")
  func schemaAndFlags() throws {
    let schema = try dcplan(["schema"])
    #expect(schema.status == 0)
    #expect(schema.stdout.contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""))
    let badFlag = try dcplan(["run", "--format", "xml"])
    #expect(badFlag.status == 64)
    #expect(badFlag.stderr.contains("xml"))
    let missing = try dcplan(["run", "/nonexistent/x.yaml"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "/nonexistent/x.yaml:1:1: error: the file does not exist; check the path\n")
  }

  @Test("CSV sections have a header row each")
  func csv() throws {
    let outcome = try dcplan(["run", RepositoryPaths.scenario("teaching-demand.yaml"), "--format", "csv", "--table", "demand_by_site"])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.first == "site,year,workloads,vcpu,ram_gib,storage_tib")
    #expect(lines.count == 1 + 2 * 4)
  }
}

extension CLITests {
  @Test("generate writes a scenario that validates and runs, the same for the same seed")
  func generate() throws {
    let folder = try temporaryFolder()
    let first = folder.appendingPathComponent("a.yaml").path
    let second = folder.appendingPathComponent("b.yaml").path
    #expect(try dcplan(["generate", "--municipalities", "30", "--counties", "4", "--seed", "3", "-o", first]).status == 0)
    #expect(try dcplan(["generate", "--municipalities", "30", "--counties", "4", "--seed", "3", "-o", second]).status == 0)
    #expect(try String(contentsOfFile: first, encoding: .utf8) == String(contentsOfFile: second, encoding: .utf8))
    #expect(try dcplan(["validate", first]).status == 0)
    let run = try dcplan(["run", first, "--table", "links"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Links (the 20 most loaded; all with --all)"))
    #expect(try dcplan(["generate", "--counties", "1"]).status == 64)
  }
}

extension CLITests {
  @Test("calc erlang-b and voip-bandwidth print the published figures, as JSON too")
  func calc() throws {
    let trunks = try dcplan(["calc", "erlang-b", "--traffic", "10", "--blocking", "1%", "--format", "json"])
    #expect(trunks.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(trunks.stdout.utf8)) as? [String: Any])
    #expect(object["trunks"] as? Int == 18)
    let blocking = try dcplan(["calc", "erlang-b", "--traffic", "2", "--trunks", "2"])
    // B(2, 2) = 2 / 5
    #expect(blocking.stdout.contains("| Blocking | 0.4 |"))
    let bandwidth = try dcplan(["calc", "voip-bandwidth", "--codec", "G.729", "--ptime", "20", "--format", "json"])
    let figures = try #require(try JSONSerialization.jsonObject(with: Data(bandwidth.stdout.utf8)) as? [String: Any])
    #expect((figures["kbps"] as? Double).map { abs($0 - 31.2) < 1e-9 } == true)
    let npv = try dcplan(["calc", "npv", "--rate", "5%", "100", "105", "--format", "json"])
    let value = try #require(try JSONSerialization.jsonObject(with: Data(npv.stdout.utf8)) as? [String: Any])
    #expect((value["npv_eur"] as? Double).map { abs($0 - 200) < 1e-9 } == true)
    #expect(try dcplan(["calc", "erlang-b", "--traffic", "10"]).status == 64)
    #expect(try dcplan(["calc", "voip-bandwidth", "--codec", "G.999"]).status == 64)
  }
}

extension CLITests {
  @Test("calc availability: one part, and k-out-of-n with a shared crew")
  func calcAvailability() throws {
    // MTBF 999 h, MTTR 1 h: A = 0.999, 0.001 · 525,600 min = 525.6 min a year.
    let one = try dcplan(["calc", "availability", "--mtbf", "999", "--mttr", "1", "--format", "json"])
    let figures = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
    #expect((figures["availability"] as? Double).map { abs($0 - 0.999) < 1e-12 } == true)
    #expect((figures["downtime_min_per_year"] as? Double).map { abs($0 - 525.6) < 1e-9 } == true)
    // Exactly 99.9 % meets VK2 (99.9 %).
    #expect(figures["bsi_class"] as? String == "VK2")
    let shared = try dcplan(["calc", "availability", "--mtbf", "100", "--mttr", "1", "--n", "2", "--k", "1", "--crews", "1", "--format", "json"])
    let markov = try #require(try JSONSerialization.jsonObject(with: Data(shared.stdout.utf8)) as? [String: Any])
    // λ = 0.01, μ = 1: U = 2λ² / (μ² + 2λμ + 2λ²) = 0.0002 / 1.0202
    #expect((markov["unavailability"] as? Double).map { abs($0 - 0.0002 / 1.0202) < 1e-15 } == true)
    #expect(try dcplan(["calc", "availability", "--mtbf", "-1", "--mttr", "1"]).status == 64)
  }
}

extension CLITests {
  @Test("run --failure-trials adds the simulated downtime, the same bytes every time")
  func failureTrials() throws {
    let first = try dcplan(["run", "--failure-trials", "300", "--format", "json"])
    let second = try dcplan(["run", "--failure-trials", "300", "--format", "json"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    let rows = try #require(object["availability"] as? [[String: Any]])
    // Legacy-room years and twin-site years are both simulated.
    let legacy = try #require(rows.first { $0["site"] as? String == "hannover-legacy" })
    let simulated = try #require(legacy["simulated"] as? [String: Any])
    #expect(simulated["trials"] as? Int == 300)
    #expect(rows.allSatisfy { $0["simulated"] is [String: Any] })
  }
}

extension CLITests {
  @Test("-o onto a device writes to it and leaves the device in place")
  func outputToDevice() throws {
    let outcome = try dcplan(["run", "--table", "summary", "-o", "/dev/null"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
    #expect(type == .typeCharacterSpecial)
  }
}
