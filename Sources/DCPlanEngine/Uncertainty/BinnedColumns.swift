/// Histograms of many columns of figures, each over bins whose edges are quantiles of a
/// sample of the column (its first chunk of trials): the count, least and greatest value of
/// every bin. A Monte Carlo run whose figures do not fit in memory counts its trials into
/// these as they come and finds its order statistics and ranks from them
/// (docs/conventions.md, "Uncertainty": "Runs larger than memory").
struct BinnedColumns {
  /// Per column, the bins' lower edges, ascending and distinct: bin 0 holds the values below
  /// `edges[0]`, bin j the values in `edges[j − 1] ..< edges[j]`, the last bin those at or
  /// above the last edge.
  let edges: [[Double]]
  /// Per column and bin: how many values, the least and the greatest, and how many equal
  /// the least and the greatest (ties at a bin's ends get their exact mean rank).
  private(set) var counts: [[Int]]
  private(set) var least: [[Double]]
  private(set) var greatest: [[Double]]
  private(set) var atLeast: [[Int]]
  private(set) var atGreatest: [[Int]]
  /// Per column and bin: how many values lie in the bins before it (after ``finish()``).
  private(set) var before: [[Int]] = []

  /// Bins for each column from its sample `samples[c]`: at most `binCount` bins, their edges
  /// the sample's values at ranks i · count / binCount.
  init(samples: [[Double]], binCount: Int) {
    edges = samples.map { sample in
      let sorted = sample.sorted()
      guard !sorted.isEmpty else { return [] }
      let bins = max(1, min(binCount, sorted.count))
      var edges: [Double] = []
      edges.reserveCapacity(bins)
      for i in 0..<bins {
        let value = sorted[i * sorted.count / bins]
        if edges.last.map({ $0 < value }) ?? true { edges.append(value) }
      }
      return edges
    }
    counts = edges.map { [Int](repeating: 0, count: $0.count + 1) }
    least = edges.map { [Double](repeating: .infinity, count: $0.count + 1) }
    greatest = edges.map { [Double](repeating: -.infinity, count: $0.count + 1) }
    atLeast = counts
    atGreatest = counts
  }

  /// The bin of `value` in column `column`: the number of edges at or below it.
  func bin(_ column: Int, _ value: Double) -> Int {
    edges[column].withUnsafeBufferPointer { edges in
      var (low, high) = (0, edges.count)
      while low < high {
        let mid = (low + high) / 2
        if edges[mid] <= value { low = mid + 1 } else { high = mid }
      }
      return low
    }
  }

  /// Counts `value` into column `column`.
  mutating func add(_ column: Int, _ value: Double) {
    let b = bin(column, value)
    counts[column][b] += 1
    if value < least[column][b] {
      least[column][b] = value
      atLeast[column][b] = 1
    } else if value == least[column][b] {
      atLeast[column][b] += 1
    }
    if value > greatest[column][b] {
      greatest[column][b] = value
      atGreatest[column][b] = 1
    } else if value == greatest[column][b] {
      atGreatest[column][b] += 1
    }
  }

  /// Sums the counts up, for ``rank(_:_:)``, once every value is in.
  mutating func finish() {
    before = counts.map { counts in
      var sum = 0
      return counts.map { count in
        defer { sum += count }
        return sum
      }
    }
  }

  /// The 1-based rank of `value` (one of the values counted) among column `column`'s
  /// values, exact up to its bin: values tied at a bin's least or greatest value (or over a
  /// whole bin) get their exact mean rank, as in ``Statistics/ranks(_:)``; a value between
  /// them gets a rank interpolated linearly between the first and last rank left in the bin
  /// by its place between the least and greatest value.
  func rank(_ column: Int, _ value: Double) -> Double {
    let b = bin(column, value)
    let count = counts[column][b]
    let first = Double(before[column][b] + 1)
    let last = first + Double(count - 1)
    let (low, high) = (least[column][b], greatest[column][b])
    guard count > 1 else { return first }
    guard high > low else { return (first + last) / 2 }
    let (lows, highs) = (Double(atLeast[column][b]), Double(atGreatest[column][b]))
    if value <= low { return first + (lows - 1) / 2 }
    if value >= high { return last - (highs - 1) / 2 }
    // The values strictly between the ends hold ranks first + lows … last − highs.
    let (inner, innerLast) = (first + lows, last - highs)
    let place = min(1, max(0, (value / 2 - low / 2) / (high / 2 - low / 2)))
    return inner + (innerLast - inner) * place
  }
}
