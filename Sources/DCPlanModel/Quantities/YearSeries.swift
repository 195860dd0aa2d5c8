/// A value given for some years, read for any year: linear between the given years and held
/// flat before the first and after the last (docs/conventions.md, "Per-year tables").
public struct YearSeries: Hashable, Sendable {
  /// The given points, sorted by year, at least one.
  public let points: [(year: Year, value: Double)]

  /// A series from points in any order; nil when there are none or a year repeats.
  public init?(_ points: [(year: Year, value: Double)]) {
    let sorted = points.sorted { $0.year < $1.year }
    guard !sorted.isEmpty else { return nil }
    for index in sorted.indices.dropFirst() where sorted[index].year == sorted[index - 1].year {
      return nil
    }
    self.points = sorted
  }

  /// The value in `year`.
  public func value(in year: Year) -> Double {
    guard let first = points.first, let last = points.last else { return 0 }
    if year <= first.year { return first.value }
    if year >= last.year { return last.value }
    // Binary search for the last point at or before `year`.
    var low = 0
    var high = points.count - 1
    while high - low > 1 {
      let mid = (low + high) / 2
      if points[mid].year <= year { low = mid } else { high = mid }
    }
    let a = points[low]
    let b = points[high]
    let t = Double(year - a.year) / Double(b.year - a.year)
    return a.value + (b.value - a.value) * t
  }

  /// Equal when the same values stand at the same years.
  public static func == (lhs: YearSeries, rhs: YearSeries) -> Bool {
    lhs.points.elementsEqual(rhs.points) { $0.year == $1.year && $0.value == $1.value }
  }

  /// Hashes the points.
  public func hash(into hasher: inout Hasher) {
    for point in points {
      hasher.combine(point.year)
      hasher.combine(point.value)
    }
  }
}
