import Synchronization
import Testing

import DCPlanModel

@Suite("workers")
struct WorkersTests {
  @Test("every worker runs exactly once", arguments: [0, 1, 2, 5])
  func eachOnce(_ count: Int) {
    let calls = Mutex([Int]())
    Workers.run(count) { worker in calls.withLock { $0.append(worker) } }
    #expect(calls.withLock { $0.sorted() } == Array(0..<count))
  }

  @Test("workers run at the same time: each waits for the other to have started")
  func concurrent() {
    let started = Atomic<Int>(0)
    let sawBoth = Atomic<Int>(0)
    Workers.run(2) { _ in
      started.add(1, ordering: .sequentiallyConsistent)
      // Run one after the other, the first would wait here forever; bounded so a failure ends.
      var spins = 0
      while started.load(ordering: .sequentiallyConsistent) < 2 && spins < 200_000_000 { spins += 1 }
      if started.load(ordering: .sequentiallyConsistent) == 2 { sawBoth.add(1, ordering: .sequentiallyConsistent) }
    }
    #expect(sawBoth.load(ordering: .sequentiallyConsistent) == 2)
  }
}
