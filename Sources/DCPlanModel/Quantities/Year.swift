/// A calendar year: a point on the plan's time axis, not a span (see ``YearRange``).
public struct Year: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year's number, e.g. 2017.
  public let number: Int
  /// The year numbered `number`.
  public init(_ number: Int) { self.number = number }
  /// Orders by time.
  public static func < (lhs: Year, rhs: Year) -> Bool { lhs.number < rhs.number }
  /// The year `years` later (earlier when negative).
  public static func + (lhs: Year, years: Int) -> Year { Year(lhs.number + years) }
  /// The number of years from `rhs` to `lhs`.
  public static func - (lhs: Year, rhs: Year) -> Int { lhs.number - rhs.number }
  /// The year's number as text.
  public var description: String { String(number) }
}

/// The years a plan covers, first and last included (`2017..2025` is nine years).
public struct YearRange: Hashable, Sendable {
  /// The first year of the plan.
  public let first: Year
  /// The last year of the plan, included.
  public let last: Year

  /// A range, or nil when it ends before it starts.
  public init?(first: Year, last: Year) {
    guard last >= first else { return nil }
    self.first = first
    self.last = last
  }

  /// The one-year range of `year`.
  public static func single(_ year: Year) -> YearRange {
    YearRange(unchecked: year, year)
  }

  private init(unchecked first: Year, _ last: Year) {
    self.first = first
    self.last = last
  }

  /// The number of years, both ends included.
  public var count: Int { last - first + 1 }
  /// Every year of the range in order.
  public var years: [Year] { (first.number...last.number).map(Year.init) }
  /// Whether `year` lies in the range.
  public func contains(_ year: Year) -> Bool { year >= first && year <= last }
  /// The position of `year` in ``years``.
  public func index(of year: Year) -> Int { year - first }
}
