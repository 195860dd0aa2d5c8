/// Electric power, kept in watts.
public struct Power: ScalarQuantity {
  /// Power is measured in watts.
  public static let dimension = Dimension.power
  /// Watts.
  public let baseUnits: Double
  /// A power from watts.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }
  /// `value` W.
  public static func watts(_ value: Double) -> Self { Self(baseUnits: value) }
  /// `value` kW.
  public static func kilowatts(_ value: Double) -> Self { Self(baseUnits: value * 1e3) }
  /// The power in W.
  public var watts: Double { baseUnits }
  /// The power in kW, the unit of power in results.
  public var kilowatts: Double { baseUnits / 1e3 }
}

/// Energy, kept in watt-seconds (joules).
public struct Energy: ScalarQuantity {
  /// Energy is power × time.
  public static let dimension = Dimension.energy
  /// Watt-seconds.
  public let baseUnits: Double
  /// An energy from watt-seconds.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }
  /// `value` kWh.
  public static func kilowattHours(_ value: Double) -> Self { Self(baseUnits: value * 3.6e6) }
  /// The energy in kWh.
  public var kilowattHours: Double { baseUnits / 3.6e6 }
  /// The energy in MWh, the unit of energy in results.
  public var megawattHours: Double { baseUnits / 3.6e9 }
}

/// A data rate, kept in bytes per second; planners write and read it in bit/s.
public struct DataRate: ScalarQuantity {
  /// A bandwidth is information per time.
  public static let dimension = Dimension.bandwidth
  /// Bytes per second.
  public let baseUnits: Double
  /// A rate from bytes per second.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }
  /// `value` Mbit/s (10^6 bit/s).
  public static func megabitsPerSecond(_ value: Double) -> Self { Self(baseUnits: value * 1e6 / 8) }
  /// The rate in Mbit/s, the unit of bandwidth in results.
  public var megabitsPerSecond: Double { baseUnits * 8 / 1e6 }
}

/// An amount of money in the scenario's currency (euros).
public struct Money: ScalarQuantity {
  /// Money is its own dimension.
  public static let dimension = Dimension.money
  /// Euros.
  public let baseUnits: Double
  /// An amount from euros.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }
  /// `value` EUR.
  public static func euros(_ value: Double) -> Self { Self(baseUnits: value) }
  /// The amount in EUR.
  public var euros: Double { baseUnits }
}

/// A span of time, kept in seconds. Not a point in time: see ``Year``.
public struct Duration: ScalarQuantity {
  /// Time is measured in seconds.
  public static let dimension = Dimension.duration
  /// Seconds.
  public let baseUnits: Double
  /// A span from seconds.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }
  /// `value` hours.
  public static func hours(_ value: Double) -> Self { Self(baseUnits: value * 3600) }
  /// `value` years of 365 days (docs/conventions.md, "Time").
  public static func years(_ value: Double) -> Self { Self(baseUnits: value * UnitTable.secondsPerYear) }
  /// The span in hours.
  public var hours: Double { baseUnits / 3600 }
  /// The span in years of 365 days.
  public var years: Double { baseUnits / UnitTable.secondsPerYear }
}
