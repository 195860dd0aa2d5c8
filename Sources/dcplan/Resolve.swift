import ArgumentParser
import DCPlanScenarioFormat
import Foundation

/// `dcplan resolve SCENARIO`: the scenario with everything it extends merged in, as the
/// loader reads it (docs/scenario-format.md, "Variants").
struct Resolve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve",
    abstract: "Print a scenario with everything it extends merged in (YAML), or each value with the file and line that set it.",
    discussion: "Example: dcplan resolve variant.yaml --sources"
  )

  @Argument(help: "The scenario file.")
  var scenario: String

  @Flag(help: "List every value as 'path: value  # file:line' instead of the merged YAML.")
  var sources = false

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    input.apply()
    try OutputOptions.checkNoOverwrite(outputs: [("-o", output)], inputs: [scenario])
    let (resolved, diagnostics) = ScenarioLoader.resolve(path: scenario)
    _ = Console.report(diagnostics, quiet: false)
    guard let resolved else { throw ExitCode.failure }
    let text: String
    if sources {
      text = resolved.leaves.map { leaf in
        "\(leaf.path): \(leaf.value)  # \(leaf.file == "" ? scenario : leaf.file):\(leaf.line)"
      }.joined(separator: "\n") + "\n"
    } else {
      text = resolved.yaml()
    }
    var options = OutputOptions()
    options.output = output
    try options.emit(text)
  }
}
