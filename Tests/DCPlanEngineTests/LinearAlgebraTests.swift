import DCPlanEngine
import DCPlanTestSupport
import Testing

@Suite("BLAS and LAPACK through OpenBLAS")
struct LinearAlgebraTests {
  @Test("dgemm multiplies a 2×3 by a 3×2 matrix as worked by hand")
  func gemm() {
    // [1 2 3]   [7  8]   [1·7+2·9+3·11  1·8+2·10+3·12]   [ 58  64]
    // [4 5 6] · [9 10] = [4·7+5·9+6·11  4·8+5·10+6·12] = [139 154]
    //           [11 12]
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    let b = Matrix([[7, 8], [9, 10], [11, 12]])
    #expect(BLAS.product(a, b) == Matrix([[58, 64], [139, 154]]))
  }

  @Test("dgesv solves a 3×3 system as worked by hand")
  func solve() throws {
    //  2x +  y -  z =   8
    // -3x -  y + 2z = -11
    // -2x +  y + 2z =  -3     → x = 2, y = 3, z = -1 (substitution by hand)
    let a = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
    let b = Matrix([[8], [-11], [-3]])
    let x = try #require(BLAS.solve(a, b))
    #expect(approximately(x.storage, [2, 3, -1]))
    #expect(BLAS.solve(Matrix([[1, 2], [2, 4]]), Matrix([[1], [2]])) == nil)
  }

  @Test("dgels fits a least-squares line as the normal equations give it")
  func leastSquares() throws {
    // Points (0,1), (1,3), (2,4), (3,8): with Σx=6, Σx²=14, Σy=16, Σxy=35, n=4
    // slope = (4·35 − 6·16)/(4·14 − 36) = 44/20 = 2.2; intercept = (16 − 2.2·6)/4 = 0.7
    let a = Matrix([[1, 0], [1, 1], [1, 2], [1, 3]])
    let y = Matrix([[1], [3], [4], [8]])
    let fit = try #require(BLAS.leastSquares(a, y))
    #expect(approximately(fit.storage, [0.7, 2.2]))
  }
}
