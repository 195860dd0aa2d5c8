import DCPlanModel

/// The entries of one list and how to decode each, for ``ScenarioDecoder/list(_:_:_:eachOnItsOwn:)``.
struct EntryStretch<T> {
  let items: [Node]
  /// The list's dotted path (`network.demands`).
  let prefix: String
  let spec: SectionSpec
  let entry: @Sendable (ScenarioDecoder, MappingReader, Int) -> T?

  /// The entries in `range` decoded with `decoder` (its context collects what they report).
  func decode(_ range: Range<Int>, with decoder: ScenarioDecoder) -> [T] {
    var result: [T] = []
    result.reserveCapacity(range.count)
    for index in range {
      guard
        let reader = MappingReader(
          items[index], spec: spec, path: "\(prefix)[\(index)]", label: "\(spec.name) \(index + 1)", context: decoder.context)
      else { continue }
      if let value = entry(decoder, reader, index) { result.append(value) }
    }
    return result
  }
}

/// One result slot per worker, each written by its worker alone, read after all have joined.
/// (The slots are raw memory: an array's elements set from two threads would be two
/// simultaneous accesses to the array.)
final class WorkerResults<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Sets worker `worker`'s result (each worker sets only its own slot).
  func set(_ worker: Int, _ value: Value) { slots[worker] = value }

  /// The results in worker order (call after the workers have joined).
  var values: [Value] { slots.map { $0! } }
}

/// A value handed to worker threads that only read it while the caller waits for them.
struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
