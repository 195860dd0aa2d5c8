extension Array {
  /// Makes the array `count` long, every element `value`, in its own storage when that is
  /// already the right size and not shared: a Monte Carlo worker's stage results are rewritten
  /// trial after trial without allocating.
  mutating func reset(count: Int, to value: Element) {
    guard self.count == count else {
      self = Array(repeating: value, count: count)
      return
    }
    withUnsafeMutableBufferPointer { buffer in
      for i in buffer.indices { buffer[i] = value }
    }
  }
}
