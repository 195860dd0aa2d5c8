import Foundation

/// The end of a command that has written all its output.
///
/// A run of a state's network builds tens of thousands of objects (the scenario, routes,
/// result rows, megabytes of output); freeing them one by one when `run()` returns took 6 to
/// 10 ms of a 140 ms run (docs/benchmarks.md, "Session 12"). A command whose output is written
/// ends the process here instead, as compilers do: the kernel takes the memory back at once.
/// Standard output and error are flushed first; nothing else is pending at that point (files
/// are written atomically before, worker threads have joined).
enum ProcessEnd {
  /// Ends the process with status 0 without freeing what the command built.
  static func succeeded() -> Never {
    fflush(nil)
    exit(0)
  }
}
