/// A share of a whole in `0...1`: utilisation, a discount rate, a load share.
/// Written `3 %` in a scenario file, stored as 0.03.
public struct Fraction: Hashable, Comparable, Sendable {
  /// The share as a number in `0...1`.
  public let value: Double

  /// A fraction, or nil when `value` lies outside `0...1` or is not finite.
  public init?(_ value: Double) {
    guard value.isFinite, (0...1).contains(value) else { return nil }
    self.value = value
  }

  /// The share in percent.
  public var percent: Double { value * 100 }
  /// Nothing.
  public static let zero = Fraction(unchecked: 0)
  /// The whole.
  public static let one = Fraction(unchecked: 1)

  private init(unchecked value: Double) { self.value = value }

  /// Orders by size.
  public static func < (lhs: Fraction, rhs: Fraction) -> Bool { lhs.value < rhs.value }
}

/// A yearly rate of change, compounding: `8 %` a year means ×1.08 each year.
/// Negative rates shrink; a rate of -100 % or below is impossible.
public struct GrowthRate: Hashable, Sendable {
  /// The rate per year as a number greater than -1 (0.08 for 8 %).
  public let perYear: Double

  /// A rate, or nil when `perYear` is -1 or less or not finite.
  public init?(perYear: Double) {
    guard perYear.isFinite, perYear > -1 else { return nil }
    self.perYear = perYear
  }

  /// No change.
  public static let zero = GrowthRate(unchecked: 0)

  private init(unchecked value: Double) { perYear = value }

  /// The factor after `years` years of compounding, `(1 + rate)^years`.
  public func factor(afterYears years: Int) -> Double {
    pow1p(perYear, years)
  }
}

/// `(1 + x)^n` for an integer `n`, by repeated squaring (exact for small `n`); growth
/// factors, and in the availability stage the chance that n parts are all up (x = −U).
@inlinable
public func pow1p(_ x: Double, _ n: Int) -> Double {
  var base = 1 + x
  var exponent = n.magnitude
  var result = 1.0
  while exponent > 0 {
    if exponent & 1 == 1 { result *= base }
    base *= base
    exponent >>= 1
  }
  return n >= 0 ? result : 1 / result
}
