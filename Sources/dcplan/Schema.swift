import DCPlanJSON
import ArgumentParser
import DCPlanScenarioFormat

/// `dcplan schema`: the JSON Schema of the scenario format, or its Markdown reference.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of the scenario format (for editors), or its reference as Markdown.",
    discussion: "With VS Code's YAML plugin: dcplan schema -o dcplan.schema.json, then add the line '# yaml-language-server: $schema=dcplan.schema.json' at the top of a scenario."
  )

  enum Format: String, ExpressibleByArgument {
    case json, markdown
  }

  @Option(help: "json (the JSON Schema) or markdown (docs/scenario-format.md).")
  var format: Format = .json

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let text = format == .json ? JSONWriter.write(JSONSchemaGenerator.schema()) : FormatReference.markdown()
    var options = try OutputOptions.parse([])
    options.output = output
    try options.emit(text)
  }
}
