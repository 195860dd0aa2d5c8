import ArgumentParser
import DCPlanEngine
import DCPlanReports
import DCPlanScenarioFormat
import Foundation

/// `dcplan report SCENARIO [--compare B...] -o report.html`: one self-contained HTML file.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one self-contained HTML report (SVG charts and tables, no script, no network needed to view).",
    discussion: "Example: dcplan report scenario.yaml --compare variant.yaml --trials 500 -o report.html"
  )

  @Argument(help: "The scenario file.")
  var scenario: String

  @Option(parsing: .upToNextOption, help: "Scenarios to compare with it (key figures side by side).")
  var compare: [String] = []

  @Option(help: "Monte Carlo trials for the cost bands (needs an 'uncertainty' section).")
  var trials = 0

  @Option(help: "Worker threads (results do not depend on it).")
  var threads = 2

  @Option(help: "The most memory the trials' figures may take, in GB (default 4); more trials run in chunks that fit, twice over, with the same figures (rank correlations to within their bins).")
  var maxTrialMemoryGb: Double = 4

  @Option(name: [.customShort("o"), .long], help: "The HTML file to write (atomically).")
  var output: String

  @Flag(help: "Print no warnings on standard error.")
  var quiet = false

  func validate() throws {
    if !(0...1_000_000).contains(trials) { throw ValidationError("--trials must lie in 0...1000000") }
    if !(1...256).contains(threads) { throw ValidationError("--threads must lie in 1...256") }
    if !(maxTrialMemoryGb > 0 && maxTrialMemoryGb <= 1e6) { throw ValidationError("--max-trial-memory-gb must lie in 0...1000000 (exclusive of 0)") }
  }

  @OptionGroup var input: InputOptions

  func run() throws {
    input.apply()
    var resolved: [ResolvedScenario] = []
    var all: [PlanResults] = []
    var failed = false
    try OutputOptions.checkNoOverwrite(outputs: [("-o", output)], inputs: [scenario] + compare)
    for file in [scenario] + compare {
      let outcome = ScenarioLoader.$threads.withValue(threads) { ScenarioLoader.load(path: file) }
      failed = Console.report(outcome.diagnostics, quiet: quiet) || failed
      try OutputOptions.checkNoOverwrite(outputs: [("-o", output)], inputs: outcome.files)
      guard let loaded = outcome.scenario, let merged = ScenarioLoader.resolve(path: file).scenario else { continue }
      resolved.append(merged)
      var results = Planner.run(loaded, threads: threads)
      if all.isEmpty, trials > 0 {
        if loaded.uncertainty.inputs.isEmpty, !quiet {
          Console.error("dcplan: warning: the scenario has no uncertain inputs (section 'uncertainty'); every trial equals the baseline")
        }
        // Trials beyond --max-trial-memory-gb of figures run in chunks, twice or more
        // (docs/conventions.md, "Runs larger than memory").
        let budget = maxTrialMemoryGb * 1e9
        let passes = MonteCarlo.passes(loaded, trials: trials, memoryBudgetBytes: budget)
        results.montecarlo = MonteCarlo.analyse(
          loaded, trials: trials, seed: loaded.info.seed, threads: threads,
          progress: ProgressBar.make(passes > 1 ? "trials (\(passes) passes)" : "trials", total: passes * trials, quiet: quiet),
          memoryBudgetBytes: budget)
      }
      all.append(results)
    }
    guard !failed, let main = all.first, all.count == 1 + compare.count else { throw ExitCode.failure }
    for (label, results) in zip([scenario] + compare, all) {
      if let figure = results.firstNonFiniteFigure {
        Console.error("dcplan: error: \(label): \(figure) is not a finite number: the scenario's amounts drive it out of range; "
          + "check the inputs it is computed from and lower the largest")
        throw ExitCode.failure
      }
    }

    let labels = ([scenario] + compare).map { URL(fileURLWithPath: $0).lastPathComponent }
    // The scenarios as merged: a value a variant inherits through 'extends' is no difference.
    let assumptions = ScenarioDifferences.assumptions(resolved).map {
      Comparison.Assumption(path: $0.path, values: $0.values, sources: $0.sources)
    }
    let comparison = compare.isEmpty ? nil : Comparison(labels: labels, assumptions: assumptions, results: all)
    do {
      let yearly = compare.isEmpty ? nil : YearlyComparison(labels: labels, results: all)
      try AtomicFile.write(HTMLReport.render(main, comparison: comparison, yearly: yearly), to: output)
    } catch {
      Console.error("dcplan: error: \(error)")
      throw ExitCode.failure
    }
    ProcessEnd.succeeded()
  }
}
