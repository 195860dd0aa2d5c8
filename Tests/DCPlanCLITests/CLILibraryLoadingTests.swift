import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  /// The shared libraries the dynamic loader opened during a run, as `LD_DEBUG=files` lists them.
  func librariesOpened(_ arguments: [String], in folder: URL) throws -> (outcome: Outcome, opened: Set<String>) {
    let outcome = try dcplan(arguments, in: folder, environment: ["LD_DEBUG": "files"])
    let names = outcome.stderr.split(separator: "\n").compactMap { line -> String? in
      guard let range = line.range(of: "file=") else { return nil }
      return String(line[range.upperBound...].prefix { $0 != " " && $0 != ";" })
    }
    return (outcome, Set(names))
  }

  @Test("OpenBLAS, SQLite and libxlsxwriter are opened only by a run that uses them, and then work")
  func librariesOnDemand() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func opened(_ set: Set<String>, _ stem: String) -> Bool { set.contains { $0.hasPrefix(stem) } }

    // A demand forecast needs none of them.
    let plain = try librariesOpened(["run", RepositoryPaths.scenario("teaching-demand.yaml"), "-o", "a.md"], in: folder)
    #expect(plain.outcome.status == 0, "\(plain.outcome.stderr.suffix(500))")
    #expect(opened(plain.opened, "libswiftCore"), "LD_DEBUG lists the libraries loaded at start")
    for stem in ["libopenblas", "libsqlite3", "libxlsxwriter"] {
      #expect(!opened(plain.opened, stem), "\(stem) opened by a run that does not use it")
    }

    // The default scenario's Markov availability multiplies matrices; a workbook and a
    // database open their libraries, and what they write reads back.
    let book = try librariesOpened(["run", "--format", "xlsx", "-o", "plan.xlsx", "--db", "r.sqlite"], in: folder)
    #expect(book.outcome.status == 0, "\(book.outcome.stderr.suffix(500))")
    for stem in ["libopenblas", "libsqlite3", "libxlsxwriter"] {
      #expect(opened(book.opened, stem), "\(stem) not opened by a run that uses it")
    }
    let workbook = try Data(contentsOf: folder.appendingPathComponent("plan.xlsx"))
    #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]), "an .xlsx is a zip archive")
    let count = try run("/usr/bin/env", ["sqlite3", folder.appendingPathComponent("r.sqlite").path, "SELECT count(*) FROM runs"])
    #expect(count.stdout == "1\n", "\(count.stderr)")
  }
}
