/// A quantity stored as one `Double` in a base unit of its ``Dimension``.
///
/// Each conforming type exposes named constructors and accessors in the units a planner
/// uses (`InformationSize.gibibytes(2)`, `size.tebibytes`); `init(baseUnits:)` is the one
/// documented boundary where the loader turns a parsed quantity into a typed value.
public protocol ScalarQuantity: Hashable, Comparable, Sendable {
  /// The dimension every value of this type has.
  static var dimension: Dimension { get }
  /// The value in base units (see ``Dimension``).
  var baseUnits: Double { get }
  /// A value from a number in base units (see ``Dimension``).
  init(baseUnits: Double)
}

extension ScalarQuantity {
  /// Orders by size.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.baseUnits < rhs.baseUnits }
  /// The sum of two values of one quantity.
  public static func + (lhs: Self, rhs: Self) -> Self { Self(baseUnits: lhs.baseUnits + rhs.baseUnits) }
  /// The difference of two values of one quantity.
  public static func - (lhs: Self, rhs: Self) -> Self { Self(baseUnits: lhs.baseUnits - rhs.baseUnits) }
  /// The value scaled by a plain number.
  public static func * (lhs: Self, rhs: Double) -> Self { Self(baseUnits: lhs.baseUnits * rhs) }
  /// The ratio of two values of one quantity, a plain number.
  public static func / (lhs: Self, rhs: Self) -> Double { lhs.baseUnits / rhs.baseUnits }
  /// Zero of this quantity.
  public static var zero: Self { Self(baseUnits: 0) }
}
