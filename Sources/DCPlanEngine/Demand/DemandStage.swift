import DCPlanModel

/// The demand stage: for every workload and year its vCPU, RAM and storage, and where it runs.
///
/// For workload w and year y, with resource r and `g` its yearly growth:
///
///     demand_r(w, y) = base_r(w) · scale_r(w, y) · (1 + g_r)^(y − baseYear(w))
///     storage(w, y)  = demand_storage(w, y) + Σ_{t = start(w)}^{y} accrual(w) · scale_acc(w, t)
///
/// where `scale` is the tenant's employees in year y for a per-employee figure and 1
/// for an absolute one, and demand is zero before `start(w)`. The accrual does not grow by
/// `g`: it is the data added each year and retained (docs/conventions.md, "Demand").
///
/// All workloads of a tenant sit at the same place in a year, so the sums per site are one
/// matrix product through BLAS: placement (sites × 2·tenants: the legacy site of each
/// tenant, and each shared site's load share) times the tenants' demand (2·tenants ×
/// 3·years: while at the legacy site, while in the shared data centre).
///
/// - Complexity: O(workloads × years) plus the product, O(sites × tenants × years).
public enum DemandStage {
  /// Projects every workload of `scenario` over its horizon.
  public static func project(_ scenario: Scenario) -> DemandProjection {
    projectWithTenantSums(scenario).projection
  }

  /// Each tenant's demand summed over its workloads (`[tenant][resource · years + year]`,
  /// resources vCPU, RAM, storage): while at its legacy site, and while in the shared data centre.
  struct TenantSums {
    let legacy: [[Double]]
    let shared: [[Double]]

    init(legacy: [[Double]], shared: [[Double]]) {
      self.legacy = legacy
      self.shared = shared
    }

    /// The sums read back from a projection's per-workload rows and placements.
    init(_ scenario: Scenario, _ demand: DemandProjection) {
      let count = demand.years.count
      let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
      var legacy = [[Double]](repeating: [Double](repeating: 0, count: 3 * count), count: scenario.tenants.count)
      var shared = legacy
      for w in demand.workloadIDs.indices {
        guard let t = tenantIndex[demand.workloadTenants[w]] else { continue }
        for y in 0..<count {
          guard let place = demand.placement[w * count + y] else { continue }
          let i = w * count + y
          if place == WorkloadDemand.sharedDataCentre {
            shared[t][y] += demand.vcpu[i]
            shared[t][count + y] += demand.ramGiB[i]
            shared[t][2 * count + y] += demand.storageTiB[i]
          } else {
            legacy[t][y] += demand.vcpu[i]
            legacy[t][count + y] += demand.ramGiB[i]
            legacy[t][2 * count + y] += demand.storageTiB[i]
          }
        }
      }
      self.legacy = legacy
      self.shared = shared
    }
  }

  /// The projection and the tenant sums the per-site sums are made of.
  static func projectWithTenantSums(_ scenario: Scenario) -> (projection: DemandProjection, sums: TenantSums) {
    let horizon = scenario.info.horizon
    let horizonYears = horizon.years
    let count = horizonYears.count
    // The axis starts early enough to accrue storage from the earliest start year.
    let earliestStart = scenario.workloads.lazy.map(\.startYear).min() ?? horizon.first
    let axisFirst = min(horizon.first, earliestStart)
    let axisCount = horizon.last - axisFirst + 1
    let horizonOffset = horizon.first - axisFirst
    let tenants = scenario.tenants
    let tenantIndex = Dictionary(tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let headcount = tenants.map { tenant in
      (0..<axisCount).map { tenant.employees.employees(in: axisFirst + $0) }
    }
    let ones = [Double](repeating: 1, count: axisCount)
    let hasSharedSite = scenario.sites.contains { $0.kind == .shared }
    // Each tenant's placement per horizon year.
    let tenantPlacement: [[String?]] = tenants.map { tenant in
      horizonYears.map { year in
        if tenant.isInSharedDataCentre(in: year) { return hasSharedSite ? WorkloadDemand.sharedDataCentre : nil }
        return tenant.legacySite
      }
    }
    let tenantIsShared: [[Bool]] = tenantPlacement.map { $0.map { $0 == WorkloadDemand.sharedDataCentre } }
    var totals = ResourceSeries(count: count)
    // Tenant sums: [tenant][resource · count + year], while at the legacy site or shared.
    var legacyDemand = [[Double]](repeating: [Double](repeating: 0, count: 3 * count), count: tenants.count)
    var sharedDemand = legacyDemand
    var legacyCounts = [[Int]](repeating: [Int](repeating: 0, count: count), count: tenants.count)
    var sharedCounts = legacyCounts
    let workloadCount = scenario.workloads.count
    var vcpu = [Double](repeating: 0, count: workloadCount * count)
    var ram = vcpu
    var storage = vcpu
    var placement = [String?](repeating: nil, count: workloadCount * count)
    for (w, workload) in scenario.workloads.enumerated() {
      let owner = tenantIndex[workload.tenant]
      let employees = owner.map { headcount[$0] } ?? ones
      let row = w * count
      let startIndex = workload.startYear - axisFirst
      let vcpuScale = workload.vcpu.isPerEmployee ? employees : ones
      let ramScale = workload.ram.isPerEmployee ? employees : ones
      let storageScale = workload.storage.isPerEmployee ? employees : ones
      let accrualScale = workload.storageAccrualPerYear.isPerEmployee ? employees : ones
      let accrual = workload.storageAccrualPerYear.quantity.tebibytes
      let baseVCPU = workload.vcpu.quantity.vcpu
      let baseRAM = workload.ram.quantity.gibibytes
      let baseStorage = workload.storage.quantity.tebibytes
      // Growth factors from the first year computed on, then one multiplication a year.
      let first = max(0, startIndex)
      let firstElapsed = (axisFirst + first) - workload.baseYear
      var vcpuFactor = workload.vcpuGrowth.factor(afterYears: firstElapsed)
      var ramFactor = workload.ramGrowth.factor(afterYears: firstElapsed)
      var storageFactor = workload.storageGrowth.factor(afterYears: firstElapsed)
      let vcpuStep = 1 + workload.vcpuGrowth.perYear
      let ramStep = 1 + workload.ramGrowth.perYear
      let storageStep = 1 + workload.storageGrowth.perYear
      var accrued = 0.0
      for a in first..<max(first, axisCount) {
        // Accrual summed from the start year on the whole axis, read over the horizon.
        accrued += accrual * accrualScale[a]
        let i = a - horizonOffset
        if i >= 0 {
          vcpu[row + i] = baseVCPU * vcpuScale[a] * vcpuFactor
          ram[row + i] = baseRAM * ramScale[a] * ramFactor
          storage[row + i] = baseStorage * storageScale[a] * storageFactor + accrued
        }
        vcpuFactor *= vcpuStep
        ramFactor *= ramStep
        storageFactor *= storageStep
      }
      for i in 0..<count {
        totals.vcpu[i] += vcpu[row + i]
        totals.ramGiB[i] += ram[row + i]
        totals.storageTiB[i] += storage[row + i]
        guard let owner, i + horizonOffset >= startIndex, let place = tenantPlacement[owner][i] else { continue }
        placement[row + i] = place
        if tenantIsShared[owner][i] {
          sharedCounts[owner][i] += 1
          sharedDemand[owner][i] += vcpu[row + i]
          sharedDemand[owner][count + i] += ram[row + i]
          sharedDemand[owner][2 * count + i] += storage[row + i]
        } else {
          legacyCounts[owner][i] += 1
          legacyDemand[owner][i] += vcpu[row + i]
          legacyDemand[owner][count + i] += ram[row + i]
          legacyDemand[owner][2 * count + i] += storage[row + i]
        }
      }
    }
    let sites = sumPerSite(scenario, legacy: (legacyDemand, legacyCounts), shared: (sharedDemand, sharedCounts), yearCount: count)
    let projection = DemandProjection(
      years: horizonYears, workloadIDs: scenario.workloads.map(\.id), workloadTenants: scenario.workloads.map(\.tenant),
      vcpu: vcpu, ramGiB: ram, storageTiB: storage, placement: placement, sites: sites, totals: totals)
    return (projection, TenantSums(legacy: legacyDemand, shared: sharedDemand))
  }

  /// Sums per site as one product: placement (sites × 2·tenants) times the tenants' demand
  /// (2·tenants × 3·years), the first block of tenant rows while at their legacy site, the
  /// second while in the shared data centre.
  static func sumPerSite(
    _ scenario: Scenario, legacy: ([[Double]], [[Int]]), shared: ([[Double]], [[Int]]),
    yearCount: Int
  ) -> [SiteDemand] {
    let sites = scenario.sites
    let tenantCount = scenario.tenants.count
    let siteIndex = Dictionary(sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    var placement = Matrix(rows: sites.count, columns: 2 * tenantCount)
    var demand = Matrix(rows: 2 * tenantCount, columns: 3 * yearCount)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: yearCount), count: sites.count)
    let sharedIndices = sites.indices.filter { sites[$0].kind == .shared }
    for (t, tenant) in scenario.tenants.enumerated() {
      if let legacySite = tenant.legacySite, let s = siteIndex[legacySite] {
        placement[s, t] = 1
        for y in 0..<yearCount { counts[s][y] += legacy.1[t][y] }
      }
      for s in sharedIndices {
        placement[s, tenantCount + t] = sites[s].loadShare.value
        for y in 0..<yearCount { counts[s][y] += shared.1[t][y] }
      }
      for column in 0..<(3 * yearCount) {
        demand[t, column] = legacy.0[t][column]
        demand[tenantCount + t, column] = shared.0[t][column]
      }
    }
    let perSite = BLAS.product(placement, demand)
    return sites.enumerated().map { s, site in
      var series = ResourceSeries(count: yearCount)
      for y in 0..<yearCount {
        series.vcpu[y] = perSite[s, y]
        series.ramGiB[y] = perSite[s, yearCount + y]
        series.storageTiB[y] = perSite[s, 2 * yearCount + y]
      }
      return SiteDemand(site: site.id, demand: series, workloadCount: counts[s])
    }
  }
}
