#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a job on a fixed number of workers, each on a thread of its own: worker 0 on the
/// caller's thread, the others on threads started for the call and joined before it returns.
///
/// The engine's parallel loops give each worker a fixed share of the work (trial t to worker
/// t mod workers), so they need exactly `workers` threads and nothing between them. Dispatch's
/// `concurrentPerform` also serves them, but on Linux an idle Dispatch thread polls for work
/// with `sched_yield` while the workers run, taking a share of the two cores (measured: about
/// 8 % of the samples of a 10,000-trial run).
public enum Workers {
  /// Calls `body(w)` for every w in `0 ..< count`, concurrently, and returns when all have.
  /// A thread that cannot be started runs its worker on the caller's thread instead.
  public static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
    guard count > 1 else {
      if count == 1 { body(0) }
      return
    }
    withoutActuallyEscaping(body) { body in
      var threads: [pthread_t] = []
      var inline: [Int] = []
      for worker in 1..<count {
        let job = Unmanaged.passRetained(Job(worker: worker, body: body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
          guard let raw else { return nil }
          let job = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue()
          job.body(job.worker)
          return nil
        }, job)
        if started == 0 {
          threads.append(thread)
        } else {
          Unmanaged<Job>.fromOpaque(job).release()
          inline.append(worker)
        }
      }
      body(0)
      for worker in inline { body(worker) }
      for thread in threads { pthread_join(thread, nil) }
    }
  }

  /// One worker's call, handed to its thread.
  private final class Job: @unchecked Sendable {
    let worker: Int
    let body: @Sendable (Int) -> Void

    init(worker: Int, body: @escaping @Sendable (Int) -> Void) {
      self.worker = worker
      self.body = body
    }
  }
}
