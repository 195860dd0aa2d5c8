/// A whole planning scenario, resolved: every quantity typed, every reference checked.
///
/// Built by the I/O layer from a scenario file; the engine takes it as it is and never
/// reads a file. Later sections (hardware, policy, network, voice, components, costs,
/// uncertainty, events) join as their stages land.
public struct Scenario: Hashable, Sendable {
  /// Name, horizon, currency, discount rate and seed.
  public var info: ScenarioInfo
  /// The public bodies that share the data centre and network.
  public var tenants: [Tenant]
  /// The IT services whose demand the plan must carry.
  public var workloads: [Workload]
  /// The data-centre sites, shared and legacy.
  public var sites: [Site]
  /// The server and storage types the plan may buy.
  public var hardware: HardwareCatalogue
  /// How demand becomes hardware.
  public var policy: SizingPolicy
  /// Prices for energy, maintenance, staff and space.
  public var costs: CostInputs
  /// The wide-area network.
  public var network: Network
  /// Telephony on the network, if the scenario models it.
  public var voice: Voice?
  /// Failure and repair figures, if the scenario asks for availability.
  public var components: Components?
  /// Site outages to play through.
  public var siteOutages: [SiteOutage]
  /// How costs are shared among tenants.
  public var allocation: CostAllocation
  /// Uncertain inputs for Monte Carlo trials.
  public var uncertainty: Uncertainty = .none
  /// Warnings a planner has examined and accepts, each with its reason (docs/results-format.md,
  /// "warnings"): still raised and counted, shown apart.
  public var acceptedWarnings: [AcceptedWarning] = []

  /// A scenario from its sections.
  public init(
    info: ScenarioInfo, tenants: [Tenant], workloads: [Workload], sites: [Site], hardware: HardwareCatalogue = .empty,
    policy: SizingPolicy = .standard, costs: CostInputs = .none, network: Network = .none, voice: Voice? = nil,
    components: Components? = nil, siteOutages: [SiteOutage] = [], allocation: CostAllocation = .standard
  ) {
    self.info = info
    self.tenants = tenants
    self.workloads = workloads
    self.sites = sites
    self.hardware = hardware
    self.policy = policy
    self.costs = costs
    self.network = network
    self.voice = voice
    self.components = components
    self.siteOutages = siteOutages
    self.allocation = allocation
  }
}

/// Whether a discount rate includes inflation (nominal) or not (real).
public enum DiscountRateBasis: String, Hashable, Sendable, CaseIterable {
  case nominal
  case real
}

/// The `scenario` section: what the plan is and over which years it runs.
public struct ScenarioInfo: Hashable, Sendable {
  /// A short name for tables and reports.
  public var name: String
  /// Free text for the reader of a report.
  public var description: String
  /// The years the plan covers, both ends included.
  public var horizon: YearRange
  /// The currency of every amount of money (ISO 4217 code; only EUR so far).
  public var currency: String
  /// The yearly discount rate for net present values.
  public var discountRate: Fraction
  /// Whether the discount rate is a nominal or a real rate, as the scenario states it; nil: not
  /// stated, read as the ledger's money basis (docs/conventions.md, "Money basis").
  public var discountRateBasis: DiscountRateBasis?
  /// The seed for every random draw of the run.
  public var seed: UInt64

  /// The section from its values.
  public init(
    name: String, description: String, horizon: YearRange, currency: String,
    discountRate: Fraction, seed: UInt64
  ) {
    self.name = name
    self.description = description
    self.horizon = horizon
    self.currency = currency
    self.discountRate = discountRate
    self.seed = seed
  }
}

/// A warning a planner accepts: its code, optionally its subject and year, and why.
public struct AcceptedWarning: Hashable, Sendable {
  public var code: String
  /// The site, link, tenant, … it concerns; nil: every subject.
  public var subject: String?
  /// The year; nil: every year.
  public var year: Year?
  public var reason: String

  /// An acceptance from its values.
  public init(code: String, subject: String?, year: Year?, reason: String) {
    self.code = code
    self.subject = subject
    self.year = year
    self.reason = reason
  }
}
