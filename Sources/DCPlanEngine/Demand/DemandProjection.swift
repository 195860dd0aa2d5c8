import DCPlanModel

/// The demand stage's result: what every workload needs in every year of the horizon,
/// where it runs, and the sums per site and per year.
///
/// Per-workload figures are kept in flat row-major buffers (workload × year), which is what
/// the later stages and the Monte Carlo read; ``workloads`` gives them row by row.
public struct DemandProjection: Hashable, Sendable {
  /// The years of the horizon, in order; every per-year array is indexed like this one.
  public internal(set) var years: [Year]
  /// Workload ids, in scenario order.
  public let workloadIDs: [String]
  /// The owning tenant of each workload.
  public let workloadTenants: [String]
  /// vCPU, workload-major: entry `w · years.count + y`.
  public let vcpu: [Double]
  /// RAM in GiB, laid out like ``vcpu``.
  public let ramGiB: [Double]
  /// Stored data in TiB, laid out like ``vcpu``.
  public let storageTiB: [Double]
  /// Where each workload runs per year, laid out like ``vcpu``: a site id, ``WorkloadDemand/sharedDataCentre``,
  /// or nil (not started, or no site).
  public let placement: [String?]
  /// One row per site, in scenario order.
  public internal(set) var sites: [SiteDemand]
  /// The demand placed in the shared data centre per redundancy class and year, over all its
  /// sites (what each class's failover share applies to).
  public internal(set) var sharedByClass: [ResourceSeries] = []
  /// The sums over all workloads per year, placed or not.
  public internal(set) var totals: ResourceSeries
  /// Each tenant's placed demand over every class, `(tenant · 3 + resource) · years + year`,
  /// resources vCPU, RAM (GiB), storage (TiB), tenants in scenario order.
  public internal(set) var tenantTotals: [Double] = []

  /// Tenant `t`'s placed resource `r` (0 vCPU, 1 RAM, 2 storage) in year index `y`.
  public func tenantTotal(tenant t: Int, resource r: Int, year y: Int) -> Double {
    let i = (t * 3 + r) * years.count + y
    return i < tenantTotals.count ? tenantTotals[i] : 0
  }

  /// The workloads row by row, in scenario order.
  public var workloads: [WorkloadDemand] {
    workloadIDs.indices.map(workload(at:))
  }

  /// The row of the workload at `index`.
  public func workload(at index: Int) -> WorkloadDemand {
    let range = (index * years.count)..<((index + 1) * years.count)
    var series = ResourceSeries(count: 0)
    series.vcpu = Array(vcpu[range])
    series.ramGiB = Array(ramGiB[range])
    series.storageTiB = Array(storageTiB[range])
    return WorkloadDemand(
      workload: workloadIDs[index], tenant: workloadTenants[index], demand: series, placement: Array(placement[range]))
  }
}

/// Compute, memory and storage per year, in result units (vCPU, GiB, TiB).
public struct ResourceSeries: Hashable, Sendable {
  /// vCPU per year.
  public var vcpu: [Double]
  /// RAM in GiB per year.
  public var ramGiB: [Double]
  /// Stored data in TiB per year (base grown plus accrued).
  public var storageTiB: [Double]

  /// A series of `count` zero years.
  public init(count: Int) {
    vcpu = Array(repeating: 0, count: count)
    ramGiB = vcpu
    storageTiB = vcpu
  }
}

/// One workload's demand over the horizon.
public struct WorkloadDemand: Hashable, Sendable {
  /// The workload's id.
  public let workload: String
  /// The owning tenant's id.
  public let tenant: String
  /// Demand per year.
  public let demand: ResourceSeries
  /// The site it runs at per year: a site id, or nil when it has no site that year (the
  /// tenant has not joined and has no legacy site) or has not started. For the shared data
  /// centre the value is ``sharedDataCentre``.
  public let placement: [String?]

  /// The placement that stands for "the shared data centre, split by load share".
  public static let sharedDataCentre = "shared"
}

/// One site's summed demand over the horizon.
public struct SiteDemand: Hashable, Sendable {
  /// The site's id.
  public let site: String
  /// Demand per year (for a shared site, its load share of the shared demand).
  public internal(set) var demand: ResourceSeries
  /// The same per redundancy class (docs/conventions.md, "Redundancy per availability
  /// class"): class 0 is the policy's own, then `policy.classes` in order.
  public internal(set) var byClass: [ResourceSeries]
  /// Number of workloads running there per year (shared workloads count at every shared site).
  public internal(set) var workloadCount: [Int]
}
