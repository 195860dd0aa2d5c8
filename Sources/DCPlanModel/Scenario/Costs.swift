/// Prices for the cost stage: energy, maintenance, staff and space.
public struct CostInputs: Hashable, Sendable {
  /// Energy price per kWh in each year (EUR per kWh), escalation applied.
  public var energyPricePerKWh: YearValue
  /// Yearly maintenance as a share of the purchase value of the hardware in service.
  public var maintenanceShare: Fraction
  /// Servers one full-time operator looks after.
  public var serversPerFTE: Double
  /// Cost of one full-time operator per year (EUR), escalation applied.
  public var ftePerYear: YearValue
  /// Cost of one rack position per year (EUR), escalation applied.
  public var spacePerRackYear: YearValue

  /// Cost inputs from their values.
  public init(
    energyPricePerKWh: YearValue, maintenanceShare: Fraction, serversPerFTE: Double, ftePerYear: YearValue,
    spacePerRackYear: YearValue
  ) {
    self.energyPricePerKWh = energyPricePerKWh
    self.maintenanceShare = maintenanceShare
    self.serversPerFTE = serversPerFTE
    self.ftePerYear = ftePerYear
    self.spacePerRackYear = spacePerRackYear
  }

  /// No costs at all: a plan with these inputs prices hardware and modules only.
  public static let none = CostInputs(
    energyPricePerKWh: .constant(0), maintenanceShare: .zero, serversPerFTE: 0, ftePerYear: .constant(0),
    spacePerRackYear: .constant(0))
}

/// A number that may change by year: constant, compounding from a base year, or a table.
public enum YearValue: Hashable, Sendable {
  /// The same every year.
  case constant(Double)
  /// `value` in `baseYear`, changing by `rate` a year (before and after).
  case escalating(value: Double, baseYear: Year, rate: GrowthRate)
  /// Given for some years, linear between, flat beyond (``YearSeries``).
  case table(YearSeries)

  /// The value in `year`.
  public func value(in year: Year) -> Double {
    switch self {
    case let .constant(value): return value
    case let .escalating(value, baseYear, rate): return value * rate.factor(afterYears: year - baseYear)
    case let .table(series): return series.value(in: year)
    }
  }
}
