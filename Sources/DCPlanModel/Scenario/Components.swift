/// How often parts fail and how long repair takes, for the availability stage
/// (docs/conventions.md, "Service availability").
public struct Components: Hashable, Sendable {
  /// One compute server.
  public var server: Reliability
  /// One storage unit.
  public var storageUnit: Reliability
  /// One network link.
  public var link: Reliability
  /// One network node.
  public var node: Reliability
  /// A site's power chain as one block, when given; else UPS in series with the mains feed
  /// and the generators in parallel.
  public var power: Reliability?
  /// The UPS (batteries and inverters) of a site, as one block.
  public var ups: Reliability
  /// The generators of a site, as one block (failing to start or to run).
  public var generator: Reliability
  /// The utility feed (mains) of a site.
  public var mains: Reliability
  /// A site's cooling, as one block.
  public var cooling: Reliability
  /// A whole site (fire, flood, a cyber attack): its loss and rebuild or recovery.
  public var site: Reliability
  /// Repair crews per site, shared by the servers of a cluster.
  public var repairCrews: Int
  /// Time a successful failover to the twin site takes, hours.
  public var failoverHours: Double
  /// Probability that a failover to the twin site succeeds on its own.
  public var failoverSuccess: Fraction
  /// Time to switch over by hand when the automatic failover failed, hours.
  public var manualSwitchHours: Double
  /// Events that take several sites down together (a regional power failure, a flood, a
  /// shared carrier): common causes between twins.
  public var commonCauses: [CommonCause] = []

  /// Components from their values.
  public init(
    server: Reliability, storageUnit: Reliability, link: Reliability, node: Reliability, power: Reliability?,
    ups: Reliability, generator: Reliability, mains: Reliability, cooling: Reliability, site: Reliability, repairCrews: Int,
    failoverHours: Double, failoverSuccess: Fraction, manualSwitchHours: Double
  ) {
    self.server = server
    self.storageUnit = storageUnit
    self.link = link
    self.node = node
    self.power = power
    self.ups = ups
    self.generator = generator
    self.mains = mains
    self.cooling = cooling
    self.site = site
    self.repairCrews = repairCrews
    self.failoverHours = failoverHours
    self.failoverSuccess = failoverSuccess
    self.manualSwitchHours = manualSwitchHours
  }
}

/// A part's mean time between failures and mean time to repair.
public struct Reliability: Hashable, Sendable {
  /// Mean time between failures, hours.
  public var mtbfHours: Double
  /// Mean time to repair, hours.
  public var mttrHours: Double

  /// A reliability from its values.
  public init(mtbfHours: Double, mttrHours: Double) {
    self.mtbfHours = mtbfHours
    self.mttrHours = mttrHours
  }

  /// Failures per hour.
  public var failureRate: Double { 1 / mtbfHours }
  /// Repairs per hour.
  public var repairRate: Double { 1 / mttrHours }
  /// Steady-state unavailability, MTTR / (MTBF + MTTR).
  public var unavailability: Double { mttrHours / (mtbfHours + mttrHours) }
}

/// An event that takes several sites down together (docs/conventions.md, "Service
/// availability"): a regional power failure longer than the generators' fuel, a flood of a
/// river valley, a carrier both sites depend on. It is a part of its own, in series with
/// every service whose sites it all takes down, and part of each site it takes down otherwise.
public struct CommonCause: Hashable, Sendable {
  /// A name for tables.
  public var name: String
  /// The sites it takes down together.
  public var sites: [String]
  /// How often it happens and how long it lasts.
  public var reliability: Reliability

  /// A common cause from its values.
  public init(name: String, sites: [String], reliability: Reliability) {
    self.name = name
    self.sites = sites
    self.reliability = reliability
  }
}
