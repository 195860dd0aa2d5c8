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
/// All workloads of a tenant sit at the same place in a year, so the sums per site are the
/// tenants' sums placed by ``Placement`` (legacy site until the join, then each shared site's
/// load share).
///
/// - Complexity: O(workloads × years) plus O(tenants × shared sites × years) to place.
public enum DemandStage {
  /// Projects every workload of `scenario` over its horizon.
  public static func project(_ scenario: Scenario) -> DemandProjection {
    projectWithTenantSums(scenario).projection
  }

  /// Each tenant's demand summed over its workloads in the years they have a site, per
  /// redundancy class (``RedundancyClasses``): `sums[tenant][(class · 3 + resource) · years +
  /// year]`, resources vCPU, RAM, storage; and its running workloads per year: what
  /// ``Placement`` puts into sites.
  struct TenantSums: Sendable {
    let sums: [[Double]]
    let running: [[Int]]
    /// Redundancy classes (at least 1).
    let classCount: Int

    init(sums: [[Double]], running: [[Int]], classCount: Int) {
      self.sums = sums
      self.running = running
      self.classCount = classCount
    }

    /// The sums read back from a projection's per-workload rows (the workloads with a site).
    init(_ scenario: Scenario, _ demand: DemandProjection) {
      let count = demand.years.count
      let classes = RedundancyClasses(scenario)
      let width = 3 * classes.count * count
      let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
      var sums = [[Double]](repeating: [Double](repeating: 0, count: width), count: scenario.tenants.count)
      var running = [[Int]](repeating: [Int](repeating: 0, count: count), count: scenario.tenants.count)
      for w in demand.workloadIDs.indices {
        guard let t = tenantIndex[demand.workloadTenants[w]] else { continue }
        let base = 3 * (w < classes.workloadClass.count ? classes.workloadClass[w] : 0) * count
        for y in 0..<count where demand.placement[w * count + y] != nil {
          let i = w * count + y
          running[t][y] += 1
          sums[t][base + y] += demand.vcpu[i]
          sums[t][base + count + y] += demand.ramGiB[i]
          sums[t][base + 2 * count + y] += demand.storageTiB[i]
        }
      }
      self.sums = sums
      self.running = running
      classCount = classes.count
    }

    /// Tenant `t`'s resource `r` (vCPU, RAM, storage) in year index `y`, over every class.
    func total(tenant t: Int, resource r: Int, year y: Int, years count: Int) -> Double {
      var sum = 0.0
      for c in 0..<classCount { sum += sums[t][(c * 3 + r) * count + y] }
      return sum
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
    let placement = Placement(scenario, years: horizonYears)
    // Each tenant's place per horizon year, as the projection names it.
    let placeNames: [[String?]] = tenants.indices.map { t in
      (0..<count).map { y in
        switch placement.place(tenant: t, year: y) {
        case .nowhere: return nil
        case let .legacy(site): return scenario.sites[site].id
        case .shared: return WorkloadDemand.sharedDataCentre
        }
      }
    }
    var totals = ResourceSeries(count: count)
    let classes = RedundancyClasses(scenario)
    // Tenant sums: [tenant][(class · 3 + resource) · count + year], in the years the tenant has a site.
    var tenantSums = [[Double]](repeating: [Double](repeating: 0, count: 3 * classes.count * count), count: tenants.count)
    var running = [[Int]](repeating: [Int](repeating: 0, count: count), count: tenants.count)
    let workloadCount = scenario.workloads.count
    var vcpu = [Double](repeating: 0, count: workloadCount * count)
    var ram = vcpu
    var storage = vcpu
    var workloadPlacement = [String?](repeating: nil, count: workloadCount * count)
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
        guard let owner, i + horizonOffset >= startIndex, let place = placeNames[owner][i] else { continue }
        workloadPlacement[row + i] = place
        running[owner][i] += 1
        let base = 3 * classes.workloadClass[w] * count
        tenantSums[owner][base + i] += vcpu[row + i]
        tenantSums[owner][base + count + i] += ram[row + i]
        tenantSums[owner][base + 2 * count + i] += storage[row + i]
      }
    }
    let sums = TenantSums(sums: tenantSums, running: running, classCount: classes.count)
    var projection = DemandProjection(
      years: horizonYears, workloadIDs: scenario.workloads.map(\.id), workloadTenants: scenario.workloads.map(\.tenant),
      vcpu: vcpu, ramGiB: ram, storageTiB: storage, placement: workloadPlacement,
      sites: siteDemand(scenario, placement, sums), totals: totals)
    projection.sharedByClass = sharedDemand(placement, sums)
    projection.tenantTotals = [Double](repeating: 0, count: scenario.tenants.count * 3 * count)
    for t in scenario.tenants.indices {
      for r in 0..<3 { for y in 0..<count { projection.tenantTotals[(t * 3 + r) * count + y] = sums.total(tenant: t, resource: r, year: y, years: count) } }
    }
    return (projection, sums)
  }

  /// The demand placed in the shared data centre per class and year, over its sites.
  static func sharedDemand(_ placement: Placement, _ tenants: TenantSums) -> [ResourceSeries] {
    let count = placement.yearCount
    let width = 3 * tenants.classCount
    var total = [Double](repeating: 0, count: width * count)
    total.withUnsafeMutableBufferPointer { total in
      for t in tenants.sums.indices {
        tenants.sums[t].withUnsafeBufferPointer { placement.addShared(tenant: t, $0, resources: width, into: total) }
      }
    }
    return (0..<tenants.classCount).map { c in
      var series = ResourceSeries(count: 0)
      series.vcpu = Array(total[(c * 3 * count)..<((c * 3 + 1) * count)])
      series.ramGiB = Array(total[((c * 3 + 1) * count)..<((c * 3 + 2) * count)])
      series.storageTiB = Array(total[((c * 3 + 2) * count)..<((c * 3 + 3) * count)])
      return series
    }
  }

  /// Each site's demand and running workloads per year: the tenants' sums placed, per class
  /// and in all.
  static func siteDemand(_ scenario: Scenario, _ placement: Placement, _ tenants: TenantSums) -> [SiteDemand] {
    let count = placement.yearCount
    let classCount = tenants.classCount
    let width = 3 * classCount
    let perSite = placement.perSite(tenants.sums, resources: width)
    var counts = [Int](repeating: 0, count: scenario.sites.count * count)
    for t in tenants.running.indices { placement.addCounts(tenant: t, tenants.running[t], into: &counts) }
    return scenario.sites.enumerated().map { s, site in
      var byClass = [ResourceSeries](repeating: ResourceSeries(count: count), count: classCount)
      var series = ResourceSeries(count: count)
      for c in 0..<classCount {
        let base = (s * width + c * 3) * count
        for y in 0..<count {
          byClass[c].vcpu[y] = perSite[base + y]
          byClass[c].ramGiB[y] = perSite[base + count + y]
          byClass[c].storageTiB[y] = perSite[base + 2 * count + y]
          series.vcpu[y] += byClass[c].vcpu[y]
          series.ramGiB[y] += byClass[c].ramGiB[y]
          series.storageTiB[y] += byClass[c].storageTiB[y]
        }
      }
      return SiteDemand(
        site: site.id, demand: series, byClass: byClass, workloadCount: Array(counts[(s * count)..<((s + 1) * count)]))
    }
  }
}
