/// Exact order statistics of columns of figures too many to keep, found by going over them
/// again: after a first pass has counted them into ``BinnedColumns``, each wanted rank lies
/// in a known bin at a known place; a further pass keeps only the values of those bins and
/// picks the rank from them (a bin with more values than `capacity` is split into equal
/// parts by value and counted again, one pass more). The answer is the value a full sort
/// would give (docs/conventions.md, "Uncertainty": "Runs larger than memory").
struct OrderStatisticSearch {
  /// The values a window may keep in one pass before it is split instead.
  let capacity: Int
  /// Parts a window too full to keep is split into.
  static let parts = 256

  /// Where the values of a window are: a bin of a column, narrowed by splits.
  struct Window: Hashable {
    let column: Int
    let bin: Int
    /// Each split: the window's least and greatest value then, and the part kept.
    var splits: [Split] = []
  }

  struct Split: Hashable {
    let low: Double
    let high: Double
    let part: Int
  }

  /// A window still open: its values' count, least and greatest, and the ranks (0-based
  /// within the window) wanted from it.
  private struct Open {
    let count: Int
    let low: Double
    let high: Double
    var wanted: [(rank: Int, key: Key)]
    /// This pass: the values kept, or the parts' counts, least and greatest values.
    var values: [Double] = []
    var partCounts: [Int] = []
    var partLeast: [Double] = []
    var partGreatest: [Double] = []
  }

  /// A wanted order statistic: column and 0-based rank among all its values.
  struct Key: Hashable {
    let column: Int
    let rank: Int
  }

  private var open: [Window: Open] = [:]
  /// Per column, the open windows of that column (for ``observe(_:_:bins:)``).
  private var windowsByColumn: [[Window]]
  private(set) var found: [Key: Double] = [:]

  /// The search for the 0-based ranks `wanted[c]` of each column `c` of `bins` (counted in
  /// full): ranks in a bin of equal values are found at once.
  init(bins: BinnedColumns, wanted: [[Int]], capacity: Int) {
    self.capacity = max(1, capacity)
    windowsByColumn = Array(repeating: [], count: wanted.count)
    for (column, ranks) in wanted.enumerated() {
      let counts = Array(bins.counts(column))
      for rank in Set(ranks).sorted() {
        var before = 0
        var bin = 0
        while bin < counts.count, before + counts[bin] <= rank {
          before += counts[bin]
          bin += 1
        }
        guard bin < counts.count else { continue }
        let (low, high) = bins.span(column, bin)
        let key = Key(column: column, rank: rank)
        if !(low < high) {
          found[key] = low
        } else {
          add(Window(column: column, bin: bin), count: counts[bin], low: low, high: high, rank: rank - before, key: key)
        }
      }
    }
  }

  private mutating func add(_ window: Window, count: Int, low: Double, high: Double, rank: Int, key: Key) {
    if open[window] == nil {
      open[window] = Open(count: count, low: low, high: high, wanted: [])
      windowsByColumn[window.column].append(window)
    }
    open[window]!.wanted.append((rank, key))
  }

  /// Whether every wanted order statistic is found.
  var isDone: Bool { open.isEmpty }

  /// Whether column `column` has an open window (its values are wanted in the next pass).
  func wants(_ column: Int) -> Bool { !windowsByColumn[column].isEmpty }

  /// Prepares a pass: windows up to `capacity` values keep them, larger ones count parts.
  mutating func beginPass() {
    for (window, state) in open {
      var state = state
      if state.count <= capacity {
        state.values = []
        state.values.reserveCapacity(state.count)
      } else {
        state.partCounts = Array(repeating: 0, count: Self.parts)
        state.partLeast = Array(repeating: .infinity, count: Self.parts)
        state.partGreatest = Array(repeating: -.infinity, count: Self.parts)
      }
      open[window] = state
    }
  }

  /// The part of `low ... high` that `value` (within it) falls in.
  static func part(_ value: Double, low: Double, high: Double) -> Int {
    // An infinite end: its ties in the end parts, the finite values between.
    if !low.isFinite || !high.isFinite { return value == low ? 0 : value == high ? parts - 1 : parts / 2 }
    // Halved so that the span of two finite values never overflows.
    let place = (value / 2 - low / 2) / (high / 2 - low / 2)
    // (A value that is not a number goes to the first part: the engine's figures are finite.)
    guard place > 0 else { return 0 }
    guard place < 1 else { return parts - 1 }
    return min(parts - 1, Int((place * Double(parts)).rounded(.down)))
  }

  /// Takes `value` of column `column` in this pass.
  mutating func observe(_ column: Int, _ value: Double, bins: BinnedColumns) {
    let windows = windowsByColumn[column]
    guard !windows.isEmpty else { return }
    let bin = bins.bin(column, value)
    for window in windows where window.bin == bin {
      guard window.splits.allSatisfy({ Self.part(value, low: $0.low, high: $0.high) == $0.part }) else { continue }
      var state = open[window]!
      open[window] = nil  // keeps the arrays uniquely referenced while they grow
      if state.count <= capacity {
        state.values.append(value)
      } else {
        let p = Self.part(value, low: state.low, high: state.high)
        state.partCounts[p] += 1
        if value < state.partLeast[p] { state.partLeast[p] = value }
        if value > state.partGreatest[p] { state.partGreatest[p] = value }
      }
      open[window] = state
    }
  }

  /// Ends a pass: windows that kept their values give their ranks; split ones open the part
  /// each wanted rank lies in.
  mutating func endPass() {
    let ended = open
    open = [:]
    windowsByColumn = windowsByColumn.map { _ in [] }
    for (window, state) in ended {
      if state.count <= capacity {
        let sorted = state.values.sorted()
        for (rank, key) in state.wanted where rank < sorted.count { found[key] = sorted[rank] }
        continue
      }
      for (rank, key) in state.wanted {
        var before = 0
        var part = 0
        while part < Self.parts, before + state.partCounts[part] <= rank {
          before += state.partCounts[part]
          part += 1
        }
        guard part < Self.parts else { continue }
        let (low, high) = (state.partLeast[part], state.partGreatest[part])
        if !(low < high) {
          found[key] = low
        } else {
          var narrower = window
          narrower.splits.append(Split(low: state.low, high: state.high, part: part))
          add(narrower, count: state.partCounts[part], low: low, high: high, rank: rank - before, key: key)
        }
      }
    }
  }
}
