import COpenBLAS

/// The BLAS and LAPACK calls dcplan makes, wrapped for ``Matrix``.
///
/// OpenBLAS runs single-threaded here: dcplan parallelises above it, and OpenBLAS's
/// busy-waiting threads slow everything else down on a small machine
/// (../shared/PLATFORM.md). Results are then independent of the thread count. The library is
/// loaded at the first call, and put on the calling thread alone there
/// (Sources/COpenBLAS/LazyOpenBLAS.c).
public enum BLAS {
  /// `C = alpha · A · B + beta · C` (dgemm).
  ///
  /// - Complexity: O(A.rows × A.columns × B.columns).
  public static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix, alpha: Double = 1, beta: Double = 0) {
    precondition(a.columns == b.rows && c.rows == a.rows && c.columns == b.columns, "shapes do not match")
    if a.rows == 0 || b.columns == 0 { return }
    if a.columns == 0 {
      for index in c.storage.indices { c.storage[index] *= beta }
      return
    }
    let m = Int32(a.rows)
    let n = Int32(b.columns)
    let k = Int32(a.columns)
    a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeBufferPointer { pb in
        c.storage.withUnsafeMutableBufferPointer { pc in
          cblas_dgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, alpha, pa.baseAddress, k, pb.baseAddress, n, beta,
            pc.baseAddress, n)
        }
      }
    }
  }

  /// The product `A · B` (dgemm).
  public static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    multiply(a, b, into: &c)
    return c
  }

  /// Solves `A · X = B` for square `A` by LU with partial pivoting (LAPACK dgesv).
  ///
  /// - Returns: X, or nil when A is singular (dgesv's `info > 0`).
  public static func solve(_ a: Matrix, _ b: Matrix) -> Matrix? {
    precondition(a.rows == a.columns && b.rows == a.rows, "shapes do not match")
    var n = Int32(a.rows)
    var nrhs = Int32(b.columns)
    if n == 0 { return b }
    // LAPACK is column-major: transpose in, transpose out.
    var columnMajorA = a.transposedStorage()
    var columnMajorB = b.transposedStorage()
    var pivots = [Int32](repeating: 0, count: a.rows)
    var lda = n
    var ldb = n
    var info: Int32 = 0
    dgesv_(&n, &nrhs, &columnMajorA, &lda, &pivots, &columnMajorB, &ldb, &info)
    guard info == 0 else { return nil }
    return Matrix(columnMajor: columnMajorB, rows: b.rows, columns: b.columns)
  }

  /// The least-squares solution of the overdetermined `A · x ≈ b` (LAPACK dgels, QR).
  ///
  /// - Returns: x with `A.columns` entries per column of b, or nil if A lacks full rank.
  public static func leastSquares(_ a: Matrix, _ b: Matrix) -> Matrix? {
    precondition(b.rows == a.rows && a.rows >= a.columns, "shapes do not match")
    var m = Int32(a.rows)
    var n = Int32(a.columns)
    var nrhs = Int32(b.columns)
    var columnMajorA = a.transposedStorage()
    var columnMajorB = b.transposedStorage()
    var lda = m
    var ldb = m
    var info: Int32 = 0
    var trans = CChar(UInt8(ascii: "N"))
    var workSize = 0.0
    var query: Int32 = -1
    dgels_(&trans, &m, &n, &nrhs, &columnMajorA, &lda, &columnMajorB, &ldb, &workSize, &query, &info, 1)
    guard info == 0 else { return nil }
    var lwork = Int32(max(1, Int(workSize)))
    var work = [Double](repeating: 0, count: Int(lwork))
    dgels_(&trans, &m, &n, &nrhs, &columnMajorA, &lda, &columnMajorB, &ldb, &work, &lwork, &info, 1)
    guard info == 0 else { return nil }
    var x = Matrix(rows: a.columns, columns: b.columns)
    for column in 0..<b.columns {
      for row in 0..<a.columns {
        x[row, column] = columnMajorB[column * a.rows + row]
      }
    }
    return x
  }
}

extension Matrix {
  fileprivate func transposedStorage() -> [Double] {
    var out = [Double](repeating: 0, count: storage.count)
    for i in 0..<rows {
      for j in 0..<columns {
        out[j * rows + i] = storage[i * columns + j]
      }
    }
    return out
  }

  fileprivate init(columnMajor: [Double], rows: Int, columns: Int) {
    self.init(rows: rows, columns: columns)
    for i in 0..<rows {
      for j in 0..<columns {
        self[i, j] = columnMajor[j * rows + i]
      }
    }
  }
}
