import ArgumentParser
import DCPlanEngine
import DCPlanIO

/// `dcplan run [SCENARIO]`: runs a scenario, or the bundled default without one.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
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

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if !(0...10_000_000).contains(failureTrials) { throw ValidationError("--failure-trials must lie in 0...10000000") }
    if let table, !ResultTables.ids.contains(table) {
      throw ValidationError("unknown table '\(table)'; use one of \(ResultTables.ids.joined(separator: ", "))")
    }
  }

  func run() throws {
    let outcome: LoadOutcome
    if let scenario {
      outcome = ScenarioLoader.load(path: scenario)
    } else {
      outcome = ScenarioLoader.load(text: BundledScenarios.niedersachsen2025, file: BundledScenarios.niedersachsen2025Name)
    }
    let failed = Console.report(outcome.diagnostics, quiet: output.quiet)
    guard !failed, let loaded = outcome.scenario else { throw ExitCode.failure }
    let results = Planner.run(loaded, failureTrials: failureTrials)
    // Markdown shows the most loaded links unless --all; CSV and JSON carry them all.
    var tables = ResultTables.tables(results, allLinks: all || output.format != .markdown)
    if let table {
      tables = tables.filter { $0.id == table }
    } else if output.format == .markdown && !all {
      tables = tables.filter { !ResultTables.detailIDs.contains($0.id) }
    }
    switch output.format {
    case .markdown:
      let info = results.info
      try output.emit(MarkdownRenderer.render(tables, heading: "\(info.name), \(info.horizon.first)–\(info.horizon.last)"))
    case .csv:
      try output.emit(CSVRenderer.render(tables))
    case .json:
      try output.emit(JSONWriter.write(ResultsJSON.value(results)))
    }
  }
}
