import Synchronization

/// Counts finished work items from any thread and tells an observer, at most `every` items
/// apart, how many are done; the observer prints a progress bar (the engine never prints).
public final class WorkProgress: Sendable {
  private let done = Atomic<Int>(0)
  /// The number of items in all.
  public let total: Int
  private let every: Int
  private let observer: @Sendable (Int, Int) -> Void

  /// A counter of `total` items reporting to `observer(done, total)`.
  public init(total: Int, every: Int = 1, observer: @escaping @Sendable (Int, Int) -> Void) {
    self.total = total
    self.every = max(1, every)
    self.observer = observer
  }

  /// One more item finished.
  public func advance() {
    let now = done.add(1, ordering: .relaxed).newValue
    if now % every == 0 || now == total { observer(now, total) }
  }
}
