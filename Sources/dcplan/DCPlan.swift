import ArgumentParser
#if canImport(Glibc)
  import Glibc
#endif

/// The `dcplan` command: thin wiring of the library's stages; each subcommand loads,
/// runs, renders and maps the outcome to an exit status.
@main
struct DCPlan: ParsableCommand {
  /// dcplan's version, also in every shard's fingerprint.
  static let version = "0.1.0"

  static func main() {
    // A closed pipe is a write error reported with exit status 1, not a silent death.
    signal(SIGPIPE, SIG_IGN)
    main(nil)
  }

  static let configuration = CommandConfiguration(
    commandName: "dcplan",
    abstract: "Plan and simulate a data centre and wide-area network shared by public bodies.",
    discussion: """
      Without a scenario file, 'dcplan run' runs the bundled default scenario
      (Lower Saxony, "Digitale Verwaltung 2025", 2017-2025). Errors in a scenario are printed
      as FILE:LINE:COLUMN: error: MESSAGE, every one of them, and the exit status is 1.
      """,
    version: DCPlan.version,
    subcommands: [Run.self, Compare.self, Sweep.self, Merge.self, Report.self, Validate.self, Resolve.self, Schema.self, Generate.self, Calc.self],
    defaultSubcommand: nil
  )
}
