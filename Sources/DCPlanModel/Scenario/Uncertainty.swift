/// Uncertain inputs and their correlations (docs/conventions.md, "Uncertainty").
public struct Uncertainty: Hashable, Sendable {
  /// The inputs drawn in every trial.
  public var inputs: [UncertainInput]
  /// Rank correlations between inputs that draw once per trial.
  public var correlations: [RankCorrelation]
  /// How the plan's orders are decided against the trials' demand.
  public var planning = PlanningRule()

  /// Uncertainty from its parts.
  public init(inputs: [UncertainInput], correlations: [RankCorrelation]) {
    self.inputs = inputs
    self.correlations = correlations
  }

  /// No uncertain input.
  public static let none = Uncertainty(inputs: [], correlations: [])
}

/// One uncertain input: a parameter of the scenario, drawn from a distribution in each trial.
public struct UncertainInput: Hashable, Sendable {
  /// How a draw changes the parameter.
  public enum Mode: String, Hashable, Sendable {
    /// The draw replaces the value (a growth rate, a share, a count of years).
    case value
    /// The draw multiplies the value (a price, a headcount, a PUE table).
    case factor
  }

  /// The name tables show (the path if none was given).
  public var name: String
  /// What it changes.
  public var target: ParameterTarget
  /// The element it changes: an id, or nil for every element (each with its own draw).
  public var element: String?
  /// The distribution of the draw.
  public var distribution: Distribution
  /// With `[*]`: one draw for every element (a common factor, `per: trial`) rather than one
  /// each (`per: element`, the default).
  public var perTrial: Bool

  /// An input from its parts.
  public init(name: String, target: ParameterTarget, element: String?, distribution: Distribution, perTrial: Bool = false) {
    self.name = name
    self.target = target
    self.element = element
    self.distribution = distribution
    self.perTrial = perTrial
  }

  /// Replace or multiply: the target's mode.
  public var mode: Mode { target.mode }

  /// Whether every element draws on its own (`[*]` in the path, `per: element`).
  public var drawsPerElement: Bool { element == nil && target.hasElements && !perTrial }
}

/// The parameters an uncertain input may change.
public enum ParameterTarget: String, Hashable, Sendable, CaseIterable {
  /// `workloads[X].growth`: vCPU growth, and RAM and storage growth where equal to it (value).
  case workloadGrowth = "workloads.growth"
  /// `workloads[X].storage_growth` (value).
  case workloadStorageGrowth = "workloads.storage_growth"
  /// `workloads[X].vcpu`, `.ram`, `.storage`: the base amounts (factor).
  case workloadVCPU = "workloads.vcpu"
  case workloadRAM = "workloads.ram"
  case workloadStorage = "workloads.storage"
  /// `tenants[X].employees` (factor).
  case tenantEmployees = "tenants.employees"
  /// `tenants[X].employee_growth` (value).
  case tenantEmployeeGrowth = "tenants.employee_growth"
  /// `tenants[X].joins_shared_dc`: the join year drawn, rounded (value: a year).
  case tenantJoinYear = "tenants.joins_shared_dc"
  /// `tenants[X].join_delay`: the join year shifted by the draw, rounded (value: years of delay).
  case tenantJoinDelay = "tenants.join_delay"
  /// `sites[X].decommission_year`: the closing year drawn, rounded (value: a year).
  case siteDecommissionYear = "sites.decommission_year"
  /// `sites[X].pue` (factor).
  case sitePUE = "sites.pue"
  /// `sites[X].lead_time`: every module's lead time, whole years (value).
  case siteLeadTime = "sites.lead_time"
  /// `hardware.servers[X].price`, `hardware.storage[X].price` (factor).
  case serverPrice = "hardware.servers.price"
  case storagePrice = "hardware.storage.price"
  /// `costs.energy_price`, `costs.fte_cost`, `costs.space_cost_per_rack`, `costs.licence_per_core` (factor).
  case energyPrice = "costs.energy_price"
  case fteCost = "costs.fte_cost"
  case spaceCost = "costs.space_cost_per_rack"
  case licencePerCore = "costs.licence_per_core"
  /// `scenario.discount_rate` (value).
  case discountRate = "scenario.discount_rate"
  /// `policy.cpu_overcommit` (value) and `policy.target_utilisation` (value).
  case cpuOvercommit = "policy.cpu_overcommit"
  case targetUtilisation = "policy.target_utilisation"
  /// `network.busy_hour_per_employee` (factor).
  case busyHour = "network.busy_hour_per_employee"
  /// `voice.erlangs_per_phone` (factor).
  case erlangsPerPhone = "voice.erlangs_per_phone"

  /// The collection the path indexes (`workloads`, `tenants`, `sites`, ...), if any.
  public var collection: String? {
    let parts = rawValue.split(separator: ".")
    switch self {
    case .serverPrice: return "hardware.servers"
    case .storagePrice: return "hardware.storage"
    default: return ["workloads", "tenants", "sites"].contains(String(parts[0])) ? String(parts[0]) : nil
    }
  }

  /// Whether the path names an element (`workloads[X]...`).
  public var hasElements: Bool { collection != nil }

  /// The key after the element (`growth`).
  public var key: String { String(rawValue.split(separator: ".").last ?? "") }

  /// The mode the target is drawn in: a factor for amounts with units, a value otherwise.
  public var mode: UncertainInput.Mode {
    switch self {
    case .workloadGrowth, .workloadStorageGrowth, .tenantEmployeeGrowth, .tenantJoinYear, .tenantJoinDelay,
      .siteDecommissionYear, .siteLeadTime, .discountRate, .cpuOvercommit, .targetUtilisation:
      return .value
    default:
      return .factor
    }
  }

  /// The workload parameter it draws, or nil for a target elsewhere in the scenario. The
  /// switch lists every target: a new one does not compile until it says whether it is on
  /// workloads (the Monte Carlo's demand kernel takes those; docs/conventions.md, "Uncertainty").
  public var workloadParameter: WorkloadParameter? {
    switch self {
    case .workloadGrowth: return .growth
    case .workloadStorageGrowth: return .storageGrowth
    case .workloadVCPU: return .vcpu
    case .workloadRAM: return .ram
    case .workloadStorage: return .storage
    case .tenantEmployees, .tenantEmployeeGrowth, .tenantJoinYear, .tenantJoinDelay, .siteDecommissionYear, .sitePUE,
      .siteLeadTime, .serverPrice, .storagePrice,
      .energyPrice, .fteCost, .spaceCost, .licencePerCore, .discountRate, .cpuOvercommit, .targetUtilisation, .busyHour,
      .erlangsPerPhone:
      return nil
    }
  }

  /// The path as written, with `X` for the element: `workloads[X].growth`.
  public var pattern: String {
    guard let collection else { return rawValue }
    return "\(collection)[X].\(key)"
  }
}

/// The parameters of a workload an uncertain input may draw.
public enum WorkloadParameter: Hashable, Sendable, CaseIterable {
  /// The vCPU growth, and the RAM and storage growth that equal it (a value).
  case growth
  /// The storage growth alone (a value).
  case storageGrowth
  /// The base vCPU (a factor).
  case vcpu
  /// The base RAM (a factor).
  case ram
  /// The base storage and its yearly accrual (a factor).
  case storage
}

/// A probability distribution of one draw.
public enum Distribution: Hashable, Sendable {
  /// Normal with mean and standard deviation.
  case normal(mean: Double, sd: Double)
  /// Log-normal: exp of a normal with mean ln(median) and standard deviation sigma.
  case logNormal(median: Double, sigma: Double)
  /// Triangular on min … max with the given mode.
  case triangular(min: Double, mode: Double, max: Double)
  /// Uniform on min … max.
  case uniform(min: Double, max: Double)
  /// PERT (beta with shape 4): min, mode, max.
  case pert(min: Double, mode: Double, max: Double)
  /// Values with their probabilities (summing to 1).
  case discrete(values: [Double], probabilities: [Double])
}

/// A rank (Spearman) correlation between two inputs that draw once per trial.
public struct RankCorrelation: Hashable, Sendable {
  /// The inputs' names.
  public var first: String
  public var second: String
  /// Spearman's ρ, −1 … 1.
  public var rank: Double

  /// A correlation from its parts.
  public init(first: String, second: String, rank: Double) {
    self.first = first
    self.second = second
    self.rank = rank
  }
}

extension Distribution {
  /// The value the deterministic run uses for a distribution written where a value stands:
  /// the mode of a triangular or PERT, the mean of a normal, the median of a log-normal, the
  /// midpoint of a uniform, the most probable value of a discrete one (the first on a tie).
  public var baseline: Double {
    switch self {
    case let .normal(mean, _): return mean
    case let .logNormal(median, _): return median
    case let .triangular(_, mode, _), let .pert(_, mode, _): return mode
    case let .uniform(low, high): return (low + high) / 2
    case let .discrete(values, probabilities):
      var best = 0
      for i in probabilities.indices where probabilities[i] > probabilities[best] { best = i }
      return values.indices.contains(best) ? values[best] : 0
    }
  }
}

/// How orders (modules, link upgrades) are decided when demand is uncertain
/// (docs/conventions.md, "Planning under uncertainty"): on a forecast, in their order years,
/// and revised at reviews with what has been observed; each trial then realises its own demand
/// against them.
public struct PlanningRule: Hashable, Sendable {
  /// The demand the orders are planned on.
  public enum Forecast: Hashable, Sendable {
    /// The scenario's own demand (the deterministic run).
    case deterministic
    /// Per site, class, resource and year, this quantile (0…1) of the trials' demand.
    case percentile(Double)

    /// The quantile of a percentile written `P1` … `P99` (`p80` too), or nil.
    public static func quantile(_ text: String) -> Double? {
      let trimmed = String(text.filter { $0 != " " }).uppercased()
      guard trimmed.hasPrefix("P"), let n = Int(trimmed.dropFirst()), (1...99).contains(n) else { return nil }
      return Double(n) / 100
    }
  }

  /// The forecast the orders are planned on.
  public var forecast = Forecast.deterministic
  /// Whether each trial plans on its own future instead (perfect foresight, for comparison).
  public var perfectForesight = false
  /// Years between reviews; nil: the forecast's orders stand for the whole horizon.
  public var reviewEveryYears: Int?
  /// The premium on hardware bought beyond the forecast plan's purchases of the year.
  public var emergencyPremium = 0.0

  /// Orders on the deterministic forecast, no reviews, no premium.
  public init() {}
}

extension ParameterTarget {
  /// The values a draw may take, and how the range reads in a message; nil: any.
  public var validRange: (range: ClosedRange<Double>, words: String)? {
    switch mode {
    case .factor: return (0...1e6, "factors from 0 to 10^6")
    case .value:
      switch self {
      case .workloadGrowth, .workloadStorageGrowth, .tenantEmployeeGrowth:
        return (-0.99...10, "growth rates from −99 % to 1000 %")
      case .tenantJoinYear, .siteDecommissionYear: return (1900...2300, "years such as 2021")
      case .tenantJoinDelay: return (-100...100, "whole years of delay from −100 to 100")
      case .siteLeadTime: return (0...100, "lead times of 0 to 100 years")
      case .discountRate: return (0...1, "rates from 0 to 100 %")
      case .targetUtilisation: return (0.01...1, "utilisations from 1 to 100 %")
      case .cpuOvercommit: return (0.01...Double.greatestFiniteMagnitude, "overcommits of 0.01 or more")
      default: return nil
      }
    }
  }
}

extension Distribution {
  /// z of the standard normal's 1 − 10⁻⁶ quantile: unbounded distributions are checked on
  /// their central 1 − 2·10⁻⁶ (docs/conventions.md, "Uncertainty").
  static let tailZ = 4.753424308817087

  /// The range the draws fall in: the support of a bounded distribution, the 10⁻⁶ and
  /// 1 − 10⁻⁶ quantiles of a normal or log-normal one.
  public var drawRange: ClosedRange<Double> {
    switch self {
    case let .normal(mean, sd): return (mean - Self.tailZ * sd)...(mean + Self.tailZ * sd)
    case let .logNormal(median, sigma): return (median * exponential(-Self.tailZ * sigma))...(median * exponential(Self.tailZ * sigma))
    case let .triangular(low, _, high), let .uniform(low, high), let .pert(low, _, high): return min(low, high)...max(low, high)
    case let .discrete(values, _): return (values.min() ?? 0)...(values.max() ?? 0)
    }
  }
}
