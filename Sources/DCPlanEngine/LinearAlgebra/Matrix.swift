/// A dense matrix of `Double`s in row-major order: the one boundary where typed
/// quantities become raw numbers for BLAS and LAPACK (name buffers with their unit).
public struct Matrix: Hashable, Sendable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The entries, row after row: entry (i, j) is `storage[i * columns + j]`.
  public var storage: [Double]

  /// A matrix of zeros.
  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    storage = Array(repeating: 0, count: rows * columns)
  }

  /// A matrix from nested rows; all rows must have the same length.
  public init(_ rowValues: [[Double]]) {
    rows = rowValues.count
    columns = rowValues.first?.count ?? 0
    storage = rowValues.flatMap { $0 }
    precondition(storage.count == rows * columns, "rows of unequal length")
  }

  /// Entry (row, column).
  public subscript(row: Int, column: Int) -> Double {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// One row as an array.
  public func row(_ index: Int) -> ArraySlice<Double> {
    storage[(index * columns)..<((index + 1) * columns)]
  }
}
