import Numerics

/// Whether `actual` equals `expected` within a relative tolerance (default 1e-12: the hand
/// calculations in tests are exact in decimal, so only rounding in the last bits may differ).
public func approximately(_ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 1e-12) -> Bool {
  actual.isApproximatelyEqual(to: expected, absoluteTolerance: absolute, relativeTolerance: relative)
}

/// Whether two arrays agree element by element (see ``approximately(_:_:relative:absolute:)``).
public func approximately(_ actual: [Double], _ expected: [Double], relative: Double = 1e-12) -> Bool {
  actual.count == expected.count && zip(actual, expected).allSatisfy { approximately($0, $1, relative: relative) }
}
