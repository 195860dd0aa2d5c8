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
  @Option(help: "Output format: markdown, csv, json or xlsx (an Excel workbook, one sheet per table; give -o).")
  var format: OutputFormat = .markdown

  @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "CSV dialect: plain (comma, decimal point) or excel-de (semicolon, decimal comma, UTF-8 with BOM) for a German spreadsheet.")
  var csvDialect: CSVDialect = .plain

  @Flag(help: "Print no warnings on standard error.")
  var quiet = false

  /// A workbook of `tables`, or the error that stops it.
  static func workbook(_ tables: [Table]) throws -> [UInt8] {
    do {
      return try XLSXRenderer.render(tables)
    } catch {
      Console.error("dcplan: error: \(error)")
      throw ExitCode.failure
    }
  }

  /// Writes `text` to the output file atomically, or to standard output.
  func emit(_ text: String) throws { try emit(bytes: Array(text.utf8)) }

  /// Writes `bytes` to the output file atomically, or to standard output.
  func emit(bytes: [UInt8]) throws { try emit(parts: [bytes]) }

  /// Writes the concatenation of `parts` to the output file atomically, or to standard output.
  func emit(parts: [[UInt8]]) throws {
    if let output {
      do {
        try AtomicFile.write(parts: parts, to: output)
      } catch {
        Console.error("dcplan: error: \(error)")
        throw ExitCode.failure
      }
    } else {
      do {
        try AtomicFile.writeStandardOutput(parts: parts)
      } catch {
        Console.error("dcplan: error: \(error)")
        Foundation.exit(1)
      }
    }
  }

  /// Writes `bytes` to standard output; a write error ends the run with status 1.
  static func standardOutput(_ bytes: [UInt8]) {
    do {
      try AtomicFile.writeStandardOutput(bytes)
    } catch {
      Console.error("dcplan: error: \(error)")
      Foundation.exit(1)
    }
  }

  /// Refuses (exit status 64, before any work) an output that would overwrite an input or
  /// another output: `outputs` are the files named for writing, `inputs` the files read.
  static func checkNoOverwrite(outputs: [(flag: String, path: String?)], inputs: [String]) throws {
    let named = outputs.compactMap { output in output.path.map { (output.flag, $0) } }
    for (flag, path) in named {
      if let input = inputs.first(where: { AtomicFile.sameFile($0, path) }) {
        throw ValidationError("\(flag) '\(path)' is the input '\(input)': writing it would replace the scenario; name another file")
      }
    }
    for (i, a) in named.enumerated() {
      for b in named[(i + 1)...] where AtomicFile.sameFile(a.1, b.1) {
        throw ValidationError("\(a.0) and \(b.0) name the same file '\(a.1)'; give each its own")
      }
    }
  }
}

/// Standard error, line by line.
enum Console {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// The most diagnostics printed: beyond, one line says how many more there are.
  static let diagnosticLimit = 200

  /// Prints diagnostics (at most ``diagnosticLimit``); warnings only when not quiet. Returns
  /// whether any was an error.
  static func report(_ diagnostics: [Diagnostic], quiet: Bool) -> Bool {
    let shown = diagnostics.filter { $0.severity == .error || !quiet }
    for diagnostic in shown.prefix(diagnosticLimit) { error(diagnostic.description) }
    if shown.count > diagnosticLimit {
      error("dcplan: \(shown.count - diagnosticLimit) more (\(shown.count) in all); fix the first ones and run again")
    }
    return diagnostics.containsErrors
  }
}

/// Options on how scenario files are read, shared by the commands that read them.
struct InputOptions: ParsableArguments {
  @Flag(help: "Let 'extends:' name files outside the scenario's folder and its subfolders (off: a scenario from elsewhere cannot make dcplan read and quote other files).")
  var extendsAnywhere = false

  @Option(help: "Read scenario files of up to this many MiB (default 64).")
  var maxInputMb = 64

  /// Sets the loader's rules for this run.
  func apply() {
    ScenarioLoader.extendsAnywhere = extendsAnywhere
    ScenarioLoader.maxInputBytes = max(1, min(maxInputMb, 1 << 20)) << 20
  }
}
