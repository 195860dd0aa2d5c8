import CFuzzerDriver
import DCPlanEngine
import DCPlanJSON
import DCPlanReports
import DCPlanScenarioFormat
import Glibc

/// Feeds arbitrary bytes to the scenario loader: the whole load stage (UTF-8 check, alias
/// scan, YAML parse, decode, validation) must return diagnostics, never trap or hang.
/// Scenarios that load also run through the engine and the renderers.
@main
enum LoaderFuzzer {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
  }
}

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let outcome = ScenarioLoader.load(bytes: bytes, file: "fuzz.yaml")
  if let scenario = outcome.scenario, scenario.workloads.count < 1000, scenario.info.horizon.count < 200 {
    let results = Planner.run(scenario)
    _ = MarkdownRenderer.render(ResultTables.tables(results))
    _ = JSONWriter.write(ResultsJSON.value(results))
  }
  return 0
}

/// libFuzzer's own driver refers to this symbol; it does the same as the callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  fuzzOne(data, size)
}
