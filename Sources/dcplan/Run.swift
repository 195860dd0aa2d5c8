import DCPlanJSON
import ArgumentParser
import DCPlanEngine
import DCPlanModel
import DCPlanReports
import DCPlanScenarioFormat

/// `dcplan run [SCENARIO]`: runs a scenario, or the bundled default without one.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a scenario and print its year-by-year tables.",
    discussion: "Without SCENARIO the bundled default runs (Lower Saxony 2017-2025); it works from any folder."
  )

  @Argument(help: "The scenario file (YAML or JSON). Omit it to run the bundled default scenario.")
  var scenario: String?

  @Option(help: "Print only this table: \(ResultTables.ids.joined(separator: ", ")).")
  var table: String?

  @Flag(help: "Markdown: print every link and the detail tables too (demand per workload, the cost ledger).")
  var all = false

  @Option(help: "Simulate failures and repairs for this many years per service and year (needs a components section).")
  var failureTrials = 0

  @Option(help: "Monte Carlo: run this many trials over the scenario's uncertain inputs (section 'uncertainty').")
  var trials = 0

  @Option(help: "Seed of the trials' draws (default: the scenario's seed); the same seed gives the same bytes.")
  var seed: UInt64?

  @Option(help: "Worker threads for loading, single failures, trials and the cost game (results do not depend on it).")
  var threads = 2

  @Option(help: "Percentiles to report, comma-separated.")
  var percentiles = "10,50,90"

  @Option(help: "The most memory the trials' figures may take, in GB (default 4); more trials run in chunks that fit, twice over, with the same figures (rank correlations to within their bins).")
  var maxTrialMemoryGb: Double = 4

  @Option(help: "Write every trial's draws and summary figures to this CSV file (atomically).")
  var trialsCsv: String?

  @Option(help: "With --trials: also realise the same trials against orders planned on each of these demand percentiles, e.g. P50,P80,P90 (table 'insurance': what a higher percentile costs and what shortfall it saves).")
  var forecasts: String?

  @Option(help: "With --trials and --trials-csv: run part I of N of the trials (auto/N from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX) and write only their rows; 'dcplan merge' joins the parts into the whole --trials-csv.")
  var shard: String?

  @Option(help: "Append the run (scenario, its SHA-256 and resolved inputs, version, time) and all its tables to this SQLite database (created if missing; docs/results-format.md, 'Results database').")
  var db: String?

  @OptionGroup var output: OutputOptions

  /// The forecast percentiles of `--forecasts`, as quantiles, or nil when malformed.
  private var forecastQuantiles: [Double]? {
    guard let forecasts else { return [] }
    let values = forecasts.split(separator: ",").map { PlanningRule.Forecast.quantile(String($0)) }
    guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
    return values.compactMap { $0 }
  }

  /// The percentiles asked for.
  private var percentileValues: [Double]? {
    let values = percentiles.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.allSatisfy({ $0.map { (0...100).contains($0) } ?? false }) else { return nil }
    return values.compactMap { $0 }
  }

  func validate() throws {
    if !(0...10_000_000).contains(failureTrials) { throw ValidationError("--failure-trials must lie in 0...10000000") }
    // Every trial's figures are kept for the percentiles: the memory they need is checked in run().
    if !(0...1_000_000).contains(trials) { throw ValidationError("--trials must lie in 0...1000000") }
    if !(1...256).contains(threads) { throw ValidationError("--threads must lie in 1...256") }
    if !(maxTrialMemoryGb > 0 && maxTrialMemoryGb <= 1e6) { throw ValidationError("--max-trial-memory-gb must lie in 0...1000000 (exclusive of 0)") }
    if percentileValues == nil { throw ValidationError("--percentiles must be numbers from 0 to 100 separated by commas, such as '5,50,95'") }
    if trialsCsv != nil, trials == 0 { throw ValidationError("--trials-csv needs --trials N") }
    if forecasts != nil, trials == 0 { throw ValidationError("--forecasts needs --trials N") }
    if forecastQuantiles == nil { throw ValidationError("--forecasts takes percentiles P1 … P99 separated by commas, e.g. P50,P80,P90") }
    if shard != nil, trialsCsv == nil { throw ValidationError("--shard needs --trials N and --trials-csv FILE") }
    _ = try Shard.parse(shard)
    if let table, !ResultTables.ids.contains(table) {
      throw ValidationError("unknown table '\(table)'; use one of \(ResultTables.ids.joined(separator: ", "))")
    }
  }

  @OptionGroup var input: InputOptions

  func run() throws {
    input.apply()
    let outcome: LoadOutcome
    if let scenario {
      outcome = ScenarioLoader.$threads.withValue(threads) { ScenarioLoader.load(path: scenario) }
    } else {
      outcome = ScenarioLoader.load(text: BundledScenarios.niedersachsen2025, file: BundledScenarios.niedersachsen2025Name)
    }
    let failed = Console.report(outcome.diagnostics, quiet: output.quiet)
    guard !failed, let loaded = outcome.scenario else { throw ExitCode.failure }
    try OutputOptions.checkNoOverwrite(
      outputs: [("-o", output.output), ("--trials-csv", trialsCsv), ("--db", db)], inputs: scenario == nil ? [] : outcome.files)
    let quiet = output.quiet
    // Trials whose figures do not fit in the memory allowed run in chunks, twice or more
    // (docs/conventions.md, "Runs larger than memory").
    let memoryBudget = maxTrialMemoryGb * 1e9
    let names = loaded.uncertainty.inputs.map(\.name)
    var trialsSample: Table?
    if let part = try Shard.parse(shard), let trialsCsv {
      // A part of the trials: only their rows, numbered as in the whole run.
      let range = Shard.range(part, of: trials)
      let format = output.csvDialect == .plain ? "csv" : "csv excel-de"
      let stamp = ShardStamp(
        fingerprint: ShardStamp.fingerprint(
          ["trials", format, DCPlan.version, "\(trials)", "\(seed ?? loaded.info.seed)"]
            + (scenario == nil ? [BundledScenarios.niedersachsen2025] : ShardStamp.contents(of: outcome.files))),
        part: part.index, parts: part.count, rows: range.count, kind: "trials", format: format, version: DCPlan.version)
      do {
        let writer = try TrialsCSVWriter(trialsCsv, names: names, dialect: output.csvDialect, stamp: stamp)
        try MonteCarlo.runInChunks(
          loaded, trials: range, seed: seed ?? loaded.info.seed, threads: threads,
          chunk: MonteCarlo.trialsPerChunk(loaded, memoryBudgetBytes: memoryBudget),
          progress: ProgressBar.make("trials", total: range.count, quiet: output.quiet)
        ) { first, draws, outcomes in
          try writer.append(firstTrial: first, draws: draws, outcomes: outcomes)
        }
        try writer.commit()
      } catch {
        Console.error("dcplan: error: \(error)")
        throw ExitCode.failure
      }
      return
    }
    var results = Planner.run(
      loaded, failureTrials: failureTrials, threads: threads,
      failureProgress: { total in ProgressBar.make("single failures", total: total, quiet: quiet) })
    if trials > 0 {
      if loaded.uncertainty.inputs.isEmpty, !output.quiet {
        Console.error("dcplan: warning: the scenario has no uncertain inputs (section 'uncertainty'); every trial equals the baseline")
      }
      let passes = MonteCarlo.passes(loaded, trials: trials, memoryBudgetBytes: memoryBudget)
      let progress = ProgressBar.make(passes > 1 ? "trials (\(passes) passes)" : "trials", total: passes * trials, quiet: quiet)
      let montecarlo: MonteCarloResults
      do {
        let writer = try trialsCsv.map { try TrialsCSVWriter($0, names: names, dialect: output.csvDialect) }
        montecarlo = try MonteCarlo.analyse(
          loaded, trials: trials, seed: seed ?? loaded.info.seed, percentiles: percentileValues ?? [10, 50, 90], threads: threads,
          progress: progress, memoryBudgetBytes: memoryBudget
        ) { first, draws, outcomes in
          try writer?.append(firstTrial: first, draws: draws, outcomes: outcomes)
          if first == 0, db != nil {
            // A sample of the trials table's rows, for its column types in the database.
            let sample = draws.prefix(1024).count
            trialsSample = ResultTables.trialsTable(
              names: names, draws: Array(draws.prefix(sample)), outcomes: Array(outcomes.prefix(sample)), firstTrial: 0)
          }
        }
        try writer?.commit()
      } catch {
        Console.error("dcplan: error: \(error)")
        throw ExitCode.failure
      }
      results.montecarlo = montecarlo
      if let quantiles = forecastQuantiles, !quantiles.isEmpty {
        results.montecarlo?.insurance = MonteCarlo.insurance(
          loaded, trials: trials, seed: seed ?? loaded.info.seed, quantiles: quantiles, threads: threads,
          chunk: MonteCarlo.trialsPerChunk(loaded, memoryBudgetBytes: memoryBudget))
      }
    }
    if let figure = results.firstNonFiniteFigure {
      Console.error("dcplan: error: \(figure) is not a finite number: the scenario's amounts drive it out of range; "
        + "check the inputs it is computed from (docs/conventions.md) and lower the largest")
      throw ExitCode.failure
    }
    if let db {
      var tables = ResultTables.tables(results)
      var streamed: ResultsDatabase.RowStream?
      if let montecarlo = results.montecarlo {
        if montecarlo.trialsKept {
          tables.append(ResultTables.trialsTable(montecarlo))
        } else if let trialsSample {
          // The trials were not kept: their rows are run again, a chunk at a time.
          let (scenario, seed, threads) = (loaded, seed ?? loaded.info.seed, threads)
          let chunk = MonteCarlo.trialsPerChunk(loaded, memoryBudgetBytes: memoryBudget)
          streamed = ResultsDatabase.RowStream(table: trialsSample) { emit in
            try MonteCarlo.runInChunks(scenario, trials: 0..<trials, seed: seed, threads: threads, chunk: chunk) { first, draws, outcomes in
              let table = ResultTables.trialsTable(names: names, draws: Array(draws), outcomes: Array(outcomes), firstTrial: first)
              for row in table.rows { try emit(row) }
            }
          }
        }
      }
      let run = DatabaseRun(
        command: trials > 0 ? "run --trials \(trials)" : "run", scenarioFile: scenario ?? "dcplan:default",
        scenarioName: loaded.info.name, resolvedYAML: Self.resolvedText(scenario), version: DCPlan.version, variant: nil,
        trials: trials, seed: String(seed ?? loaded.info.seed))
      do {
        try ResultsDatabase.append([(run, tables)], streamed: streamed, to: db)
      } catch {
        Console.error("dcplan: error: \(error); the database is unchanged")
        throw ExitCode.failure
      }
    }
    try output.emit(parts: ResultsDocument.renderParts(
      results, format: output.format, selection: .init(table: table, all: all, dialect: output.csvDialect), threads: threads))
    ProcessEnd.succeeded()
  }

  /// The scenario as resolved (everything it extends merged in), for the results database.
  static func resolvedText(_ scenario: String?) -> String {
    guard let scenario else { return BundledScenarios.niedersachsen2025 }
    return ScenarioLoader.resolve(path: scenario).scenario?.yaml() ?? ""
  }
}
