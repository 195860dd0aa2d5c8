import ArgumentParser
import DCPlanScenarioFormat

/// `dcplan validate SCENARIO...`: checks files, reports every problem, writes nothing.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check scenario files and report every problem as FILE:LINE:COLUMN: error: MESSAGE."
  )

  @Argument(help: "Scenario files (YAML or JSON).")
  var scenarios: [String]

  @Flag(help: "Print no warnings and no 'ok' lines.")
  var quiet = false

  func validate() throws {
    if scenarios.isEmpty { throw ValidationError("name at least one scenario file") }
  }

  @OptionGroup var input: InputOptions

  func run() throws {
    input.apply()
    var anyError = false
    for file in scenarios {
      let outcome = ScenarioLoader.load(path: file)
      let failed = Console.report(outcome.diagnostics, quiet: quiet)
      anyError = anyError || failed
      if !failed && !quiet { print("\(file): ok") }
    }
    if anyError { throw ExitCode.failure }
    ProcessEnd.succeeded()
  }
}
