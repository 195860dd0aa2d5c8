/// The wide-area network that state and municipalities share: nodes, links with upgrade
/// steps, shared-risk groups, utilisation targets and demands (docs/conventions.md, "Network").
public struct Network: Hashable, Sendable {
  /// Places where sites and tenant locations attach.
  public var nodes: [NetworkNode]
  /// Full-duplex links between nodes; capacity is per direction.
  public var links: [NetworkLink]
  /// Links that fail together (one duct, one bridge).
  public var sharedRiskGroups: [SharedRiskGroup]
  /// Highest utilisation planned in normal operation.
  public var targetUtilisation: Fraction
  /// Highest utilisation accepted while one link, node or shared-risk group is down.
  public var failureUtilisation: Fraction
  /// Busy-hour bandwidth per employee between a tenant location and where its workloads run, in Mbit/s.
  public var perEmployeeMbps: YearValue
  /// The busy-hour rate per employee from a location towards where its workloads run, Mbit/s,
  /// when it differs from ``perEmployeeMbps`` (which is then the rate towards the location,
  /// "down"); nil: the same each way (docs/conventions.md, "Network").
  public var perEmployeeUpMbps: YearValue?
  /// Share of the stored data changed per day and replicated between shared sites; zero for none.
  public var replicationDailyChange: Fraction
  /// The time window replication must fit in each day.
  public var replicationWindow: Duration
  /// Node-to-node demands besides the derived ones.
  public var demands: [ExplicitDemand]
  /// The classes of access line offices attach with (docs/conventions.md, "Access lines").
  public var accessClasses: [AccessClass] = []
  /// Offices on access lines: those written in the scenario, then those of ``accessSitesFile``.
  public var accessSites: [AccessSite] = []
  /// A CSV table of offices (`id,node,tenant,employees,class`), as written (relative to the
  /// scenario file); the loader reads it into ``accessSites``.
  public var accessSitesFile: String?

  /// A network from its parts.
  public init(
    nodes: [NetworkNode], links: [NetworkLink], sharedRiskGroups: [SharedRiskGroup], targetUtilisation: Fraction,
    failureUtilisation: Fraction, perEmployeeMbps: YearValue, replicationDailyChange: Fraction,
    replicationWindow: Duration, demands: [ExplicitDemand]
  ) {
    self.nodes = nodes
    self.links = links
    self.sharedRiskGroups = sharedRiskGroups
    self.targetUtilisation = targetUtilisation
    self.failureUtilisation = failureUtilisation
    self.perEmployeeMbps = perEmployeeMbps
    self.replicationDailyChange = replicationDailyChange
    self.replicationWindow = replicationWindow
    self.demands = demands
  }

  /// No network: the plan has no network stage.
  public static let none = Network(
    nodes: [], links: [], sharedRiskGroups: [], targetUtilisation: .one, failureUtilisation: .one,
    perEmployeeMbps: .constant(0), replicationDailyChange: .zero, replicationWindow: .hours(24), demands: [])
}

/// A node of the network.
public struct NetworkNode: Hashable, Sendable, Identifiable {
  /// The id links, sites and tenants refer to.
  public var id: String
  /// A readable name.
  public var name: String
  /// Whether traffic between other nodes may pass through it; false: a stub (an access site
  /// that sends and receives but is no path for others).
  public var transit = true

  /// A node from its values.
  public init(id: String, name: String, transit: Bool = true) {
    self.id = id
    self.name = name
    self.transit = transit
  }
}

/// A full-duplex link: capacity per direction, a routing weight, a lease and upgrade steps.
public struct NetworkLink: Hashable, Sendable, Identifiable {
  /// The id tables and shared-risk groups refer to.
  public var id: String
  /// One end.
  public var from: String
  /// The other end.
  public var to: String
  /// Capacity per direction at the start of the plan.
  public var capacity: DataRate
  /// Route length, for propagation delay and as the default weight.
  public var lengthKm: Double
  /// Routing weight: shortest paths minimise the sum of weights.
  public var weight: Double
  /// Yearly lease at the start capacity (EUR per year).
  public var leasePerYear: Money
  /// Upgrade steps, in order of capacity.
  public var steps: [LinkStep]

  /// A link from its values.
  public init(
    id: String, from: String, to: String, capacity: DataRate, lengthKm: Double, weight: Double, leasePerYear: Money,
    steps: [LinkStep]
  ) {
    self.id = id
    self.from = from
    self.to = to
    self.capacity = capacity
    self.lengthKm = lengthKm
    self.weight = weight
    self.leasePerYear = leasePerYear
    self.steps = steps
  }
}

/// One upgrade a link can take: the capacity it gives, what it costs once and per year, and
/// how long it takes.
public struct LinkStep: Hashable, Sendable {
  /// Capacity per direction after the upgrade.
  public var capacity: DataRate
  /// One-off cost of the upgrade.
  public var capex: Money
  /// Yearly lease at this capacity (replaces the previous lease).
  public var leasePerYear: Money
  /// Years from order to operation.
  public var leadTimeYears: Int

  /// A step from its values.
  public init(capacity: DataRate, capex: Money, leasePerYear: Money, leadTimeYears: Int) {
    self.capacity = capacity
    self.capex = capex
    self.leasePerYear = leasePerYear
    self.leadTimeYears = leadTimeYears
  }
}

/// Links that fail together.
public struct SharedRiskGroup: Hashable, Sendable, Identifiable {
  /// The group's id, named in failure tables.
  public var id: String
  /// Ids of the links in the group.
  public var links: [String]

  /// A group from its values.
  public init(id: String, links: [String]) {
    self.id = id
    self.links = links
  }
}

/// A demand between two nodes besides the derived ones: the same rate in each direction, or
/// one rate each way (docs/conventions.md, "Network").
public struct ExplicitDemand: Hashable, Sendable {
  /// One end.
  public var from: String
  /// The other end.
  public var to: String
  /// Busy-hour rate from `from` to `to` in each year, Mbit/s.
  public var mbps: YearValue
  /// Busy-hour rate from `to` back to `from`, Mbit/s; nil: the same as ``mbps``; 0: one-way.
  public var reverseMbps: YearValue?

  /// A demand from its values.
  public init(from: String, to: String, mbps: YearValue, reverseMbps: YearValue? = nil) {
    self.from = from
    self.to = to
    self.mbps = mbps
    self.reverseMbps = reverseMbps
  }
}

/// Where a tenant's employees work: a node and the share of the employees there.
public struct TenantLocation: Hashable, Sendable {
  /// The node.
  public var node: String
  /// The share of the tenant's employees at this location.
  public var share: Fraction

  /// A location from its values.
  public init(node: String, share: Fraction) {
    self.node = node
    self.share = share
  }
}

/// A class of access line (docs/conventions.md, "Access lines"): its bandwidth per direction,
/// its price per line, whether an office has two, and the class it is upgraded to.
public struct AccessClass: Hashable, Sendable {
  public var id: String
  /// Bandwidth per direction, Mbit/s.
  public var mbps: Double
  /// Price of one line per year, EUR.
  public var pricePerYearEUR: Double
  /// Two lines per office (to two nodes, or two routes), each of the class's bandwidth.
  public var dualHomed: Bool
  /// The class an office moves to when its busy-hour rate exceeds the target utilisation.
  public var upgradeTo: String?

  /// A class from its values.
  public init(id: String, mbps: Double, pricePerYearEUR: Double, dualHomed: Bool, upgradeTo: String?) {
    self.id = id
    self.mbps = mbps
    self.pricePerYearEUR = pricePerYearEUR
    self.dualHomed = dualHomed
    self.upgradeTo = upgradeTo
  }
}

/// An office on an access line: where it attaches, whose it is, how many work there (in the
/// horizon's first year) and the class it starts with.
public struct AccessSite: Hashable, Sendable {
  public var id: String
  public var node: String
  public var tenant: String
  public var employees: Double
  public var accessClass: String

  /// An office from its values.
  public init(id: String, node: String, tenant: String, employees: Double, accessClass: String) {
    self.id = id
    self.node = node
    self.tenant = tenant
    self.employees = employees
    self.accessClass = accessClass
  }
}
