extension Uncertainty {
  /// The lower Cholesky factor of the normal-score correlation matrix of the inputs that draw
  /// once, or nil if the correlations give no valid (positive definite) matrix.
  public func correlationFactor() -> [[Double]]? {
    let uncertainty = self
    let once = uncertainty.inputs.indices.filter { !uncertainty.inputs[$0].drawsPerElement }
    let position = Dictionary(once.enumerated().map { (uncertainty.inputs[$0.element].name, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let m = once.count
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    for i in 0..<m { matrix[i][i] = 1 }
    for correlation in uncertainty.correlations {
      guard let a = position[correlation.first], let b = position[correlation.second] else { continue }
      let r = 2 * sine(Double.pi * correlation.rank / 6)
      matrix[a][b] = r
      matrix[b][a] = r
    }
    var lower = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    for i in 0..<m {
      for j in 0...i {
        var sum = matrix[i][j]
        for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
        if i == j {
          guard sum > 1e-12 else { return nil }
          lower[i][i] = sum.squareRoot()
        } else {
          lower[i][j] = sum / lower[j][j]
        }
      }
    }
    return lower
  }
}
