/// The hardware catalogue: the server and storage types the plan may buy.
public struct HardwareCatalogue: Hashable, Sendable {
  /// Server types, in catalogue order.
  public var servers: [ServerType]
  /// Storage unit types, in catalogue order.
  public var storage: [StorageType]

  /// A catalogue from its types.
  public init(servers: [ServerType], storage: [StorageType]) {
    self.servers = servers
    self.storage = storage
  }

  /// No hardware: a plan with this catalogue sizes demand only.
  public static let empty = HardwareCatalogue(servers: [], storage: [])
}

/// What one server of a type offers, draws, costs and how long it serves.
public struct ServerType: Hashable, Sendable, Identifiable {
  /// The id the policy refers to.
  public var id: String
  /// Physical cores per server.
  public var cores: Int
  /// Memory per server.
  public var ram: InformationSize
  /// Power drawn at typical load (for energy).
  public var typicalPower: Power
  /// Power drawn at peak load (for the power and cooling capacity check).
  public var peakPower: Power
  /// Purchase price per server in the first year of the horizon.
  public var price: Money
  /// Yearly change of the purchase price (negative: falling), from the first year of the
  /// horizon (docs/conventions.md, "Costs").
  public var priceEscalation: GrowthRate = .zero
  /// Years in service before it is replaced.
  public var lifetimeYears: Int
  /// Servers that fit in one rack.
  public var perRack: Int
  /// Later generations of the type: servers bought from a generation's year on have its
  /// cores, RAM and power (ascending by year; empty: every server has ``cores`` and ``ram``;
  /// docs/conventions.md, "Hardware generations").
  public var generations: [ServerGeneration] = []

  /// A server type from its values.
  public init(
    id: String, cores: Int, ram: InformationSize, typicalPower: Power, peakPower: Power, price: Money,
    lifetimeYears: Int, perRack: Int
  ) {
    self.id = id
    self.cores = cores
    self.ram = ram
    self.typicalPower = typicalPower
    self.peakPower = peakPower
    self.price = price
    self.lifetimeYears = lifetimeYears
    self.perRack = perRack
  }
}

/// What one storage unit of a type offers, draws, costs and how long it serves.
public struct StorageType: Hashable, Sendable, Identifiable {
  /// The id the policy refers to.
  public var id: String
  /// Usable capacity per unit (after its internal RAID), before the policy's copies.
  public var usable: InformationSize
  /// Power drawn at typical load.
  public var typicalPower: Power
  /// Power drawn at peak load.
  public var peakPower: Power
  /// Purchase price per unit in the first year of the horizon.
  public var price: Money
  /// Yearly change of the purchase price (negative: falling), from the first year of the
  /// horizon (docs/conventions.md, "Costs").
  public var priceEscalation: GrowthRate = .zero
  /// Years in service before it is replaced.
  public var lifetimeYears: Int
  /// Units that fit in one rack.
  public var perRack: Int
  /// Later generations of the type: units bought from a generation's year on hold its usable
  /// capacity and draw its power (ascending by year; empty: every unit holds ``usable``; docs/conventions.md,
  /// "Hardware generations").
  public var generations: [StorageGeneration] = []

  /// A storage type from its values.
  public init(
    id: String, usable: InformationSize, typicalPower: Power, peakPower: Power, price: Money, lifetimeYears: Int,
    perRack: Int
  ) {
    self.id = id
    self.usable = usable
    self.typicalPower = typicalPower
    self.peakPower = peakPower
    self.price = price
    self.lifetimeYears = lifetimeYears
    self.perRack = perRack
  }
}

/// A later generation of a server type: what servers bought from `fromYear` on offer.
public struct ServerGeneration: Hashable, Sendable {
  /// The first year of purchase with these figures.
  public var fromYear: Year
  /// Physical cores per server.
  public var cores: Int
  /// Memory per server.
  public var ram: InformationSize
  /// Power drawn at typical and at peak load.
  public var typicalPower: Power
  public var peakPower: Power

  /// A generation from its values.
  public init(fromYear: Year, cores: Int, ram: InformationSize, typicalPower: Power, peakPower: Power) {
    self.fromYear = fromYear
    self.cores = cores
    self.ram = ram
    self.typicalPower = typicalPower
    self.peakPower = peakPower
  }
}

/// A later generation of a storage type: what units bought from `fromYear` on hold.
public struct StorageGeneration: Hashable, Sendable {
  /// The first year of purchase with this capacity.
  public var fromYear: Year
  /// Usable capacity per unit, before the policy's copies.
  public var usable: InformationSize
  /// Power drawn at typical and at peak load.
  public var typicalPower: Power
  public var peakPower: Power

  /// A generation from its values.
  public init(fromYear: Year, usable: InformationSize, typicalPower: Power, peakPower: Power) {
    self.fromYear = fromYear
    self.usable = usable
    self.typicalPower = typicalPower
    self.peakPower = peakPower
  }
}
