import DCPlanJSON
import ArgumentParser
import DCPlanEngine
import DCPlanReports
import DCPlanScenarioFormat
import Dispatch
import Foundation

/// `dcplan sweep SCENARIO --set PATH=V1,V2,... [--set ...]`: the grid of every combination.
struct Sweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run every combination of the values given with --set; one row per variant with its values and key figures.",
    discussion: """
      Example: dcplan sweep base.yaml --set 'policy.classes[0].failover_share=50%,75%,100%' --set 'workloads[eakte].vcpu_growth=6%,8%'
      Variants are numbered with the first --set varying slowest; rows come in that order, each
      batch as soon as it is done (CSV, or JSON Lines with --format json).
      """
  )

  @Argument(help: "The scenario file (YAML or JSON); its values are the defaults of every variant.")
  var scenario: String

  @Option(name: .customLong("set"), help: "PATH=V1,V2,...: a scenario value by path and the values it takes (a value may not hold a comma).")
  var settings: [String] = []

  @Option(help: "Worker threads (results do not depend on it).")
  var threads = 2

  @Option(help: "Run part I of N (I from 0): variants I·count/N up to (I+1)·count/N; 'auto/N' takes I from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX. Join the parts with 'dcplan merge'.")
  var shard: String?

  @Option(help: "Append each variant that runs (its settings, the scenario, version, time) and all its tables to this SQLite database (docs/results-format.md, 'Results database').")
  var db: String?

  @OptionGroup var output: OutputOptions

  /// The parameters: each path and its values.
  private var grid: [(path: String, values: [String])]? {
    var grid: [(String, [String])] = []
    for setting in settings {
      guard let equals = setting.firstIndex(of: "=") else { return nil }
      let path = String(setting[..<equals]).trimmingCharacters(in: .whitespaces)
      let values = setting[setting.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard !path.isEmpty, !values.isEmpty, values.allSatisfy({ !$0.isEmpty }) else { return nil }
      grid.append((path, values))
    }
    return grid
  }

  func validate() throws {
    if output.format == .xlsx {
      throw ValidationError("a sweep streams one row per variant: use --format csv or json (a workbook of its CSV: dcplan run each variant)")
    }
    guard !settings.isEmpty else {
      throw ValidationError("give at least one --set PATH=V1,V2,... such as --set policy.failover_share=50%,100%")
    }
    for setting in settings {
      guard let equals = setting.firstIndex(of: "="), !setting[..<equals].trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ValidationError("--set '\(setting)' needs PATH=V1,V2,...: a path, '=', then the values, e.g. policy.failover_share=50%,100%")
      }
      let values = setting[setting.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
      if values.isEmpty || values.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
        throw ValidationError("--set '\(setting)' has an empty value; separate the values with single commas, e.g. 50%,75%,100%")
      }
    }
    guard let grid, !grid.isEmpty else {
      throw ValidationError("give at least one --set PATH=V1,V2,... such as --set policy.failover_share=50%,100%")
    }
    // Multiplied with overflow caught: a grid of many long lists is refused, not trapped on.
    var count = 1
    for parameter in grid {
      let (product, overflow) = count.multipliedReportingOverflow(by: parameter.values.count)
      guard !overflow, product <= 1_000_000 else {
        throw ValidationError("the grid has more than 1000000 variants (\(grid.map { String($0.values.count) }.joined(separator: " × "))); give fewer values")
      }
      count = product
    }
    if !(1...256).contains(threads) { throw ValidationError("--threads must lie in 1...256") }
    _ = try Shard.parse(shard)
  }

  @OptionGroup var input: InputOptions

  func run() throws {
    input.apply()
    guard let data = FileManager.default.contents(atPath: scenario) else {
      Console.error("\(scenario):1:1: error: the file cannot be read; check the path")
      throw ExitCode.failure
    }
    let text = String(decoding: data, as: UTF8.self)
    let base = ScenarioLoader.$threads.withValue(threads) { ScenarioLoader.load(path: scenario) }
    if Console.report(base.diagnostics, quiet: output.quiet) { throw ExitCode.failure }
    try OutputOptions.checkNoOverwrite(outputs: [("-o", output.output), ("--db", db)], inputs: base.files)
    let resolvedYAML = db == nil ? "" : Run.resolvedText(scenario)
    guard let grid, let baseScenario = base.scenario else { throw ExitCode.failure }
    // A path the scenario does not have is the command's error, not every variant's.
    for parameter in grid {
      // The files a scenario extends are merged before the settings go in: nothing to vary.
      if parameter.path.trimmingCharacters(in: .whitespaces).split(separator: ".").first == "extends" {
        throw ValidationError(
          "--set path '\(parameter.path)': 'extends' is merged before the settings are put in and cannot be swept; "
            + "compare the files with 'dcplan compare', or sweep each of them")
      }
      let probe = ScenarioLoader.load(text: text, file: scenario, settings: [(parameter.path, parameter.values[0])])
      if let unknown = probe.diagnostics.first(where: {
        $0.severity == .error && ($0.message.hasPrefix("unknown key") || $0.message.contains("no entry") || $0.position == .start)
      }) {
        throw ValidationError("--set path '\(parameter.path)': \(unknown.message)")
      }
    }
    // Parsed once (with what it extends); each variant puts its settings into the tree.
    let prepared: ScenarioLoader.Prepared
    switch ScenarioLoader.prepare(text: text, file: scenario) {
    case let .success(parsed): prepared = parsed
    case let .failure(failed):
      _ = Console.report(failed.outcome.diagnostics, quiet: output.quiet)
      throw ExitCode.failure
    }
    let tenants = baseScenario.tenants.map(\.id)
    let total = grid.reduce(1) { $0 * $1.values.count }
    let part = try Shard.parse(shard)
    let variants = Shard.range(part, of: total)
    // Variant v takes, for parameter p, value (v / stride_p) % count_p; the first varies slowest.
    @Sendable func values(of variant: Int) -> [String] {
      var rest = variant
      var chosen = [String](repeating: "", count: grid.count)
      for p in grid.indices.reversed() {
        chosen[p] = grid[p].values[rest % grid[p].values.count]
        rest /= grid[p].values.count
      }
      return chosen
    }
    let keys = KeyFigures.figures(Planner.run(baseScenario, threads: 1), tenants: tenants).map(\.key)
    let header = ["variant"] + grid.map(\.path) + keys + ["errors"]
    var lines: [String] = []
    let streaming = output.output == nil
    let jsonLines = output.format == .json
    let lineEnd = jsonLines ? "\n" : output.csvDialect.lineEnd
    func emit(_ line: String) {
      if streaming { OutputOptions.standardOutput(Array((line + lineEnd).utf8)) } else { lines.append(line) }
    }
    // A part of a sharded sweep says which run and part it is, for 'dcplan merge'.
    let format = jsonLines ? "json" : output.csvDialect == .plain ? "csv" : "csv excel-de"
    let stamp = part.map { part in
      ShardStamp(
        fingerprint: ShardStamp.fingerprint(
          ["sweep", format, DCPlan.version] + ShardStamp.contents(of: base.files) + grid.map { "\($0.path)=\($0.values.joined(separator: ","))" }),
        part: part.index, parts: part.count, rows: variants.count, kind: "sweep", format: format, version: DCPlan.version)
    }
    let preamble = jsonLines ? "" : output.csvDialect.preamble
    if let stamp { emit(preamble + stamp.headLine) }
    if !jsonLines { emit((stamp == nil ? preamble : "") + CSVRenderer.row(header.map(Cell.text), dialect: output.csvDialect)) }
    let progress = ProgressBar.make("variants", total: variants.count, quiet: output.quiet)
    var failed = 0
    // Every variant's key figures, to find parameters that changed nothing (a whole grid only).
    var allFigures = [[Double?]?](repeating: nil, count: part == nil ? variants.count : 0)
    let batch = max(1, threads * 4)
    var start = variants.lowerBound
    while start < variants.upperBound {
      let end = min(variants.upperBound, start + batch)
      let first = start
      var rows = [String](repeating: "", count: end - start)
      var failedRows = [String](repeating: "", count: end - start)
      var stored = [(run: DatabaseRun, tables: [Table])?](repeating: nil, count: db == nil ? 0 : end - start)
      var batchFigures = [[Double?]?](repeating: nil, count: end - start)
      batchFigures.withUnsafeMutableBufferPointer { figuresBuffer in
      rows.withUnsafeMutableBufferPointer { buffer in
       failedRows.withUnsafeMutableBufferPointer { failedBuffer in
       stored.withUnsafeMutableBufferPointer { storedBuffer in
        let slots = RowSlots(base: buffer.baseAddress)
        let failedSlots = RowSlots(base: failedBuffer.baseAddress)
        let storedSlots = DatabaseSlots(base: storedBuffer.baseAddress)
        let figureSlots = FigureSlots(base: figuresBuffer.baseAddress)
        DispatchQueue.concurrentPerform(iterations: end - start) { k in
          let variant = first + k
          let chosen = values(of: variant)
          // The variants run beside each other: each loads on its own thread.
          let outcome = ScenarioLoader.$threads.withValue(1) {
            ScenarioLoader.load(prepared, settings: Array(zip(grid.map(\.path), chosen)))
          }
          var figures: [Double?] = Array(repeating: nil, count: keys.count)
          var errors = ""
          if let loaded = outcome.scenario {
            let results = Planner.run(loaded, threads: 1)
            figures = KeyFigures.figures(results, tenants: tenants).map(\.value)
            figureSlots.base?[k] = figures
            if db != nil {
              let settings = zip(grid.map(\.path), chosen).map { "\($0)=\($1)" }.joined(separator: "; ")
              storedSlots.base?[k] = (
                DatabaseRun(
                  command: "sweep", scenarioFile: scenario, scenarioName: loaded.info.name, resolvedYAML: resolvedYAML,
                  version: DCPlan.version, variant: "\(variant): \(settings)", trials: 0, seed: String(loaded.info.seed)),
                ResultTables.tables(results))
            }
          } else {
            errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.message).joined(separator: " | ")
            // The first error, located, for standard error.
            failedSlots.base?[k] = "variant \(variant): " + (outcome.diagnostics.first { $0.severity == .error }?.description ?? errors)
          }
          slots.base?[k] = Self.row(variant, chosen, keys, figures, errors, json: jsonLines, paths: grid.map(\.path), dialect: output.csvDialect)
          progress?.advance()
        }
       }
       }
      }
      }
      if part == nil {
        for (k, figures) in batchFigures.enumerated() { allFigures[first - variants.lowerBound + k] = figures }
      }
      if let db {
        do {
          try ResultsDatabase.append(stored.compactMap { $0 }, to: db)
        } catch {
          Console.error("dcplan: error: \(error); variants \(first) to \(end - 1) are not in the database")
          throw ExitCode.failure
        }
      }
      for row in rows { emit(row) }
      for message in failedRows where !message.isEmpty {
        if failed < 20 { Console.error("dcplan: error: \(message)") }
        failed += 1
      }
      start = end
    }
    if let stamp { emit(stamp.tailLine) }
    if !streaming { try output.emit(lines.map { $0 + lineEnd }.joined()) }
    if part == nil, !output.quiet {
      for p in SweepEffects.ineffective(counts: grid.map(\.values.count), figures: allFigures) {
        Console.error(
          "dcplan: warning: --set '\(grid[p].path)': its \(grid[p].values.count) values gave the same key figures whatever the "
            + "other parameters were; check that the scenario reads this value (a class's own value overrides the policy's, "
            + "for instance)")
      }
    }
    if failed > 0 {
      Console.error("dcplan: error: \(failed) of \(variants.count) variants could not run; the column 'errors' says why")
      throw ExitCode.failure
    }
  }

  private static func row(
    _ variant: Int, _ chosen: [String], _ keys: [String], _ figures: [Double?], _ errors: String, json: Bool, paths: [String],
    dialect: CSVDialect
  ) -> String {
    if json {
      var members: [(String, JSONValue)] = [("variant", .integer(variant))]
      members.append(("parameters", .object(zip(paths, chosen).map { ($0, JSONValue.string($1)) })))
      members.append(("figures", .object(zip(keys, figures).map { ($0, $1.map(JSONValue.number) ?? .null) })))
      members.append(("errors", errors.isEmpty ? .null : .string(errors)))
      return JSONWriter.compact(.object(members))
    }
    let cells: [Cell] = [.integer(variant)] + chosen.map(Cell.text) + figures.map { $0.map(Cell.number) ?? .empty }
    return CSVRenderer.row(cells + [errors.isEmpty ? .empty : .text(errors)], dialect: dialect)
  }
}

/// Rows written by the workers at disjoint indices.
private struct RowSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<String>?
}



/// Each variant's key figures (nil when it failed), written by the workers at disjoint indices.
private struct FigureSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<[Double?]?>?
}

/// Each variant's run and tables for the results database, written by the workers at
/// disjoint indices.
private struct DatabaseSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<(run: DatabaseRun, tables: [Table])?>?
}
