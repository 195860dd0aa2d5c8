import DCPlanJSON
import ArgumentParser
import DCPlanEngine
import DCPlanReports
import DCPlanScenarioFormat
import Foundation

/// `dcplan compare A B [C...]`: key figures side by side, with deltas against the first.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare scenarios: key figures side by side with changes against the first, and the assumptions that differ.",
    discussion: "Example: dcplan compare base.yaml variant.yaml --format csv"
  )

  @Argument(help: "Two or more scenario files; the first is the reference.")
  var scenarios: [String]

  @Option(help: "Worker threads for loading and the cost game (results do not depend on it).")
  var threads = 2

  @Flag(help: "Add the key figures year by year (costs, servers, racks, IT power, energy) with each change against the first.")
  var byYear = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if scenarios.count < 2 { throw ValidationError("name at least two scenario files to compare") }
    if !(1...256).contains(threads) { throw ValidationError("--threads must lie in 1...256") }
  }

  @OptionGroup var input: InputOptions

  func run() throws {
    input.apply()
    var resolved: [ResolvedScenario] = []
    var results: [PlanResults] = []
    var failed = false
    for file in scenarios {
      let outcome = ScenarioLoader.$threads.withValue(threads) { ScenarioLoader.load(path: file) }
      failed = Console.report(outcome.diagnostics, quiet: output.quiet) || failed
      try OutputOptions.checkNoOverwrite(outputs: [("-o", output.output)], inputs: [file] + outcome.files)
      if let scenario = outcome.scenario, let merged = ScenarioLoader.resolve(path: file).scenario {
        resolved.append(merged)
        results.append(Planner.run(scenario, threads: threads))
      }
    }
    guard !failed, results.count == scenarios.count else { throw ExitCode.failure }
    let labels = scenarios.map { URL(fileURLWithPath: $0).lastPathComponent }
    // The scenarios as merged: a value a variant inherits through 'extends' is no difference.
    let assumptions = ScenarioDifferences.assumptions(resolved).map {
      Comparison.Assumption(path: $0.path, values: $0.values, sources: $0.sources)
    }
    let comparison = Comparison(labels: labels, assumptions: assumptions, results: results)
    let yearly = byYear ? YearlyComparison(labels: labels, results: results) : nil
    var tables = [comparison.figuresTable()]
    if let yearly { tables.append(yearly.table()) }
    tables.append(comparison.assumptionsTable())
    switch output.format {
    case .markdown: try output.emit(MarkdownRenderer.render(tables, heading: "Comparison"))
    case .csv: try output.emit(CSVRenderer.render(tables, dialect: output.csvDialect))
    case .xlsx: try output.emit(bytes: OutputOptions.workbook(tables))
    case .json:
      var json = comparison.json()
      if let yearly, case let .object(members) = json { json = .object(members + [("by_year", yearly.json())]) }
      try output.emit(JSONWriter.write(json))
    }
    ProcessEnd.succeeded()
  }
}
