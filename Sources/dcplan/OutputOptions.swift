import ArgumentParser
import DCPlanReports
import DCPlanScenarioFormat
import Foundation

/// The formats results are written in.
typealias OutputFormat = ResultsFormat

extension ResultsFormat: ExpressibleByArgument {}

extension CSVDialect: ExpressibleByArgument {}

/// `--format`, `-o/--output` and `--quiet`, shared by the commands that write results.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: markdown, csv or json.")
  var format: OutputFormat = .markdown

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "CSV dialect: plain (comma, decimal point) or excel-de (semicolon, decimal comma, UTF-8 with BOM) for a German spreadsheet.")
  var csvDialect: CSVDialect = .plain

  @Flag(help: "Print no warnings on standard error.")
  var quiet = false

  /// Writes `text` to the output file atomically, or to standard output.
  func emit(_ text: String) throws { try emit(bytes: Array(text.utf8)) }

  /// Writes `bytes` to the output file atomically, or to standard output.
  func emit(bytes: [UInt8]) throws {
    if let output {
      do {
        try AtomicFile.write(bytes: bytes, to: output)
      } catch {
        Console.error("dcplan: error: \(error)")
        throw ExitCode.failure
      }
    } else {
      FileHandle.standardOutput.write(Data(bytes))
    }
  }
}

/// Standard error, line by line.
enum Console {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Prints diagnostics; warnings only when not quiet. Returns whether any was an error.
  static func report(_ diagnostics: [Diagnostic], quiet: Bool) -> Bool {
    for diagnostic in diagnostics where diagnostic.severity == .error || !quiet {
      error(diagnostic.description)
    }
    return diagnostics.containsErrors
  }
}
