import CFuzzerDriver
import DCPlanEngine
import DCPlanJSON
import DCPlanReports
import DCPlanScenarioFormat
import Foundation
import Glibc

/// Structure-aware fuzzing of the whole program: the input chooses a bundled scenario and up
/// to eight of its values (by their paths, as `dcplan sweep --set` names them) and puts
/// extreme values there (0, negatives, 1e±300, NaN, infinities, huge and empty lists,
/// distributions with absurd spreads), keeping each value's unit. What loads runs through the
/// engine, a few Monte Carlo trials and the renderers: every path must end in a located error
/// or finite figures, never a trap or a hang.
@main
enum ExtremesFuzzer {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
  }
}

/// A scenario to mutate: its text, its value paths and each path's unit (the text after the
/// number where the value is a number with a unit).
private struct Base {
  let file: String
  let text: String
  let paths: [String]
  let units: [String]
  /// The text decoded once, as `dcplan sweep` does for its variants (``DecodeMemo``).
  let prepared: ScenarioLoader.Prepared?
}

private let bases: [Base] = {
  var texts: [(String, String)] = [("default.yaml", BundledScenarios.niedersachsen2025)]
  let folder = "Scenarios"
  for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where name.hasPrefix("teaching-") {
    if let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) { texts.append((name, text)) }
  }
  return texts.map { file, text in
    let outcome = ScenarioLoader.load(text: text, file: file)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let paths = outcome.sourceMap.positions.keys.filter { !$0.isEmpty && !$0.hasPrefix(".") }.sorted()
    let units = paths.map { path -> String in
      guard let position = outcome.sourceMap.positions[path], position.line - 1 < lines.count else { return "" }
      let line = lines[position.line - 1]
      let token = line.dropFirst(max(0, position.column - 1)).prefix { !",}]\n#".contains($0) }
      let unit = token.drop { "0123456789.-+e ".contains($0) }
      return unit.count < 20 && !unit.contains(":") && !unit.contains("{") && !unit.contains("[") ? String(unit) : ""
    }
    let prepared = try? ScenarioLoader.prepare(text: text, file: file).get()
    return Base(file: file, text: text, paths: paths, units: units, prepared: prepared)
  }
}()

private let numbers = ["0", "-1", "1e-300", "1e300", "-1e300", "1e15", "1e308", "nan", ".inf", "-.inf", "2200", "1900", "0.5"]
private let wholeValues = [
  "{distribution: normal, mean: 1, sd: 1e300}", "{distribution: uniform, min: 1e300, max: -1e300}",
  "{distribution: triangular, min: 0 %, mode: 50 %, max: 1e300 %}", "{distribution: log-normal, median: 1e300, sigma: 50}",
  "{distribution: pert, min: -1e300, mode: 0, max: 1e300}", "{distribution: discrete, values: [0, 1e300], probabilities: [50 %, 50 %]}",
  "[]", "{}", "[1e300, -1e300, nan]", "\"\"", "~", "{2017: 1e300, 2025: -1e300}", "{down: 1e300 Mbit/s, up: 0 Mbit/s}",
  "[" + Array(repeating: "1", count: 2_000).joined(separator: ", ") + "]",
]

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size >= 1, !bases.isEmpty else { return 0 }
  let base = bases[Int(data[0]) % bases.count]
  guard !base.paths.isEmpty else { return 0 }
  var settings: [(path: String, value: String)] = []
  var i = 1
  while i + 2 < size, settings.count < 8 {
    let p = (Int(data[i]) << 8 | Int(data[i + 1])) % base.paths.count
    let choice = Int(data[i + 2])
    let value = choice < 200
      ? numbers[choice % numbers.count] + (choice & 1 == 0 ? (base.units[p].isEmpty ? "" : " " + base.units[p]) : "")
      : wholeValues[choice % wholeValues.count]
    settings.append((base.paths[p], value))
    i += 3
  }
  let outcome = ScenarioLoader.load(text: base.text, file: base.file, settings: settings)
  // A sweep's variant (the base decoded once, the changed sections again) must be the same.
  if let prepared = base.prepared {
    let variant = ScenarioLoader.load(prepared, settings: settings)
    if variant.scenario != outcome.scenario || variant.diagnostics != outcome.diagnostics
      || variant.sourceMap.positions != outcome.sourceMap.positions
    {
      fatalError("a sweep variant differs from a whole load with the settings \(settings)")
    }
  }
  guard let scenario = outcome.scenario, scenario.workloads.count < 2_000, scenario.info.horizon.count < 100 else { return 0 }
  var results = Planner.run(scenario, threads: 1)
  // The single failures on two threads must give the same network figures.
  if scenario.network.links.count > 1, Planner.run(scenario, threads: 2).network != results.network {
    fatalError("the single failures on two threads differ from one thread")
  }
  if !scenario.uncertainty.inputs.isEmpty {
    let kept = MonteCarlo.analyse(scenario, trials: 3, seed: scenario.info.seed, threads: 1)
    // The same trials in chunks of one (a run larger than memory) must give the same figures.
    let chunked = MonteCarlo.analyse(scenario, trials: 3, seed: scenario.info.seed, threads: 1, chunk: 1)
    let same = zip(kept.summary, chunked.summary).allSatisfy { a, b in
      a.figure == b.figure && a.mean.bitPattern == b.mean.bitPattern && a.values.map(\.bitPattern) == b.values.map(\.bitPattern)
    }
    if !same || kept.yearly.map({ $0.map { $0.map(\.bitPattern) } }) != chunked.yearly.map({ $0.map { $0.map(\.bitPattern) } })
      || kept.firstShortfall != chunked.firstShortfall || kept.shortfallShare != chunked.shortfallShare
      || kept.tornado != chunked.tornado || kept.unservedSeen != chunked.unservedSeen
    {
      fatalError("a Monte Carlo run in chunks differs from the same trials kept in memory")
    }
    results.montecarlo = kept
  }
  _ = MarkdownRenderer.render(ResultTables.tables(results))
  _ = JSONWriter.write(ResultsJSON.value(results))
  return 0
}

/// libFuzzer's own driver refers to this symbol; it does the same as the callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  fuzzOne(data, size)
}
