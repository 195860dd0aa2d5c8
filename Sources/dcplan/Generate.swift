import ArgumentParser
import DCPlanScenarioFormat

/// `dcplan generate`: a synthetic scenario of a given size, for scale tests.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a synthetic state-scale scenario: counties with meshed hubs, municipalities attached to them, twin sites.",
    discussion: "The same parameters and seed give the same file. Example: dcplan generate --municipalities 1000 --counties 37 --seed 7 -o state.yaml"
  )

  @Option(help: "Number of municipalities (tenants with a node each).")
  var municipalities = 400

  @Option(help: "Number of counties (hub nodes with a legacy room each), at least 2.")
  var counties = 37

  @Option(help: "Seed of the random draws.")
  var seed: UInt64 = 1

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    // What `run` carries: 20,000 municipalities take about 2 GB and half a minute (docs/benchmarks.md).
    guard (0...20_000).contains(municipalities) else { throw ValidationError("--municipalities must lie in 0...20000 (what dcplan run carries within about 2 GB)") }
    guard (2...1000).contains(counties) else { throw ValidationError("--counties must lie in 2...1000") }
  }

  func run() throws {
    var options = try OutputOptions.parse([])
    options.output = output
    try options.emit(ScenarioGenerator.yaml(.init(municipalities: municipalities, counties: counties, seed: seed)))
  }
}
