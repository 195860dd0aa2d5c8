/// Histograms of many columns of figures, each over bins whose edges are quantiles of a
/// sample of the column (its first chunk of trials): the count, least and greatest value of
/// every bin. A Monte Carlo run whose figures do not fit in memory counts its trials into
/// these as they come and finds its order statistics and ranks from them
/// (docs/conventions.md, "Uncertainty": "Runs larger than memory").
///
/// Column c's bins are bins `firstBin[c] ..< firstBin[c + 1]` of flat arrays: bin 0 of a
/// column holds the values below its first edge, bin j the values in `edge[j − 1] ..< edge[j]`,
/// the last bin those at or above the last edge.
struct BinnedColumns {
  /// Per column, its bins' lower edges (ascending, distinct), one fewer than its bins: column
  /// c's edges are `edges[firstBin[c] − c ..< firstBin[c + 1] − c − 1]`.
  private let edges: [Double]
  /// Where each column's bins start, and one more entry for the end.
  private let firstBin: [Int]
  /// Per bin: how many values, the least and the greatest, and how many equal the least and
  /// the greatest (ties at a bin's ends get their exact mean rank).
  private var count: [Int]
  private var lowest: [Double]
  private var highest: [Double]
  private var atLowest: [Int]
  private var atHighest: [Int]
  /// Per bin: how many values of its column lie in the bins before it (after ``finish()``).
  private var before: [Int] = []

  /// Bins for each column from its sample `samples[c]`: at most `binCount` bins, their edges
  /// the sample's values at ranks i · count / binCount.
  init(samples: [[Double]], binCount: Int) {
    var edges: [Double] = []
    var firstBin = [0]
    for sample in samples {
      let sorted = sample.sorted()
      let bins = max(1, min(binCount, sorted.count))
      var last: Double?
      for i in 0..<(sorted.isEmpty ? 0 : bins) {
        let value = sorted[i * sorted.count / bins]
        if last.map({ $0 < value }) ?? true {
          edges.append(value)
          last = value
        }
      }
      firstBin.append(edges.count + firstBin.count)
    }
    self.edges = edges
    self.firstBin = firstBin
    let total = firstBin.last ?? 0
    count = Array(repeating: 0, count: total)
    lowest = Array(repeating: .infinity, count: total)
    highest = Array(repeating: -.infinity, count: total)
    atLowest = count
    atHighest = count
  }

  /// Column `column`'s bins as counts (for the order statistics).
  func counts(_ column: Int) -> ArraySlice<Int> { count[firstBin[column]..<firstBin[column + 1]] }

  /// The least and greatest value of bin `bin` (numbered within its column).
  func span(_ column: Int, _ bin: Int) -> (least: Double, greatest: Double) {
    (lowest[firstBin[column] + bin], highest[firstBin[column] + bin])
  }

  /// The bin of `value` in column `column` (numbered within its column): the number of the
  /// column's edges at or below it.
  func bin(_ column: Int, _ value: Double) -> Int {
    let start = firstBin[column] - column
    let end = firstBin[column + 1] - column - 1
    return edges.withUnsafeBufferPointer { edges in
      var (low, high) = (start, end)
      while low < high {
        let mid = (low + high) / 2
        if edges[mid] <= value { low = mid + 1 } else { high = mid }
      }
      return low - start
    }
  }

  /// Counts `value` into column `column`.
  mutating func add(_ column: Int, _ value: Double) {
    let b = firstBin[column] + bin(column, value)
    count[b] += 1
    if value < lowest[b] {
      lowest[b] = value
      atLowest[b] = 1
    } else if value == lowest[b] {
      atLowest[b] += 1
    }
    if value > highest[b] {
      highest[b] = value
      atHighest[b] = 1
    } else if value == highest[b] {
      atHighest[b] += 1
    }
  }

  /// Sums the counts up, for ``rank(_:_:)``, once every value is in.
  mutating func finish() {
    before = Array(repeating: 0, count: count.count)
    for column in 0..<(firstBin.count - 1) {
      var sum = 0
      for b in firstBin[column]..<firstBin[column + 1] {
        before[b] = sum
        sum += count[b]
      }
    }
  }

  /// The 1-based rank of `value` (one of the values counted) among column `column`'s
  /// values, exact up to its bin: values tied at a bin's least or greatest value (or over a
  /// whole bin) get their exact mean rank, as in ``Statistics/ranks(_:)``; a value between
  /// them gets a rank interpolated linearly between the first and last rank left in the bin
  /// by its place between the least and greatest value.
  func rank(_ column: Int, _ value: Double) -> Double {
    let b = firstBin[column] + bin(column, value)
    let first = Double(before[b] + 1)
    let last = first + Double(count[b] - 1)
    let (low, high) = (lowest[b], highest[b])
    guard count[b] > 1 else { return first }
    guard high > low else { return (first + last) / 2 }
    if value <= low { return first + Double(atLowest[b] - 1) / 2 }
    if value >= high { return last - Double(atHighest[b] - 1) / 2 }
    // The values strictly between the ends hold ranks first + lows … last − highs.
    let (inner, innerLast) = (first + Double(atLowest[b]), last - Double(atHighest[b]))
    let place = min(1, max(0, (value / 2 - low / 2) / (high / 2 - low / 2)))
    return inner + (innerLast - inner) * place
  }
}
