/// What a site's building offers: rack positions, IT power and cooling.
public struct FacilityCapacity: Hashable, Sendable {
  /// Rack positions.
  public var racks: Int
  /// IT power the electrical chain (UPS, distribution) can deliver.
  public var itPower: Power
  /// Heat the cooling can remove, in electrical-equivalent kW.
  public var cooling: Power

  /// A capacity from its values.
  public init(racks: Int, itPower: Power, cooling: Power) {
    self.racks = racks
    self.itPower = itPower
    self.cooling = cooling
  }

  /// Nothing built.
  public static let none = FacilityCapacity(racks: 0, itPower: .zero, cooling: .zero)

  /// The sum of two capacities.
  public static func + (lhs: FacilityCapacity, rhs: FacilityCapacity) -> FacilityCapacity {
    FacilityCapacity(racks: lhs.racks + rhs.racks, itPower: lhs.itPower + rhs.itPower, cooling: lhs.cooling + rhs.cooling)
  }
}

/// A building module a site can add: capacity, cost and how long it takes.
public struct BuildModule: Hashable, Sendable {
  /// A name for tables ("hall 2").
  public var name: String
  /// What it adds.
  public var capacity: FacilityCapacity
  /// What it costs to build.
  public var capex: Money
  /// Years from order to operation.
  public var leadTimeYears: Int
  /// The year it is ready if fixed (built or under construction); nil lets the plan choose.
  public var fixedReadyYear: Year?

  /// A module from its values.
  public init(name: String, capacity: FacilityCapacity, capex: Money, leadTimeYears: Int, fixedReadyYear: Year?) {
    self.name = name
    self.capacity = capacity
    self.capex = capex
    self.leadTimeYears = leadTimeYears
    self.fixedReadyYear = fixedReadyYear
  }
}
