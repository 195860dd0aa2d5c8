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
/// The arithmetic runs as matrix products through BLAS: the scale of every (workload,
/// resource) row for every year is one product `basis × headcount`; the running sum of the
/// accrual is a product with an upper-triangular matrix of ones; the sums per site are one
/// product `placement × demand` over all resources and years at once.
public enum DemandStage {
  /// Projects every workload of `scenario` over its horizon.
  public static func project(_ scenario: Scenario) -> DemandProjection {
    let horizon = scenario.info.horizon
    // The axis starts early enough to accrue storage from the earliest start year.
    let earliestStart = scenario.workloads.map(\.startYear).min() ?? horizon.first
    let axisFirst = min(horizon.first, earliestStart)
    let axis = (axisFirst.number...horizon.last.number).map(Year.init)
    let horizonOffset = horizon.first - axisFirst
    let yearCount = axis.count
    let workloadCount = scenario.workloads.count
    let tenantIndex = Dictionary(
      scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let tenantCount = scenario.tenants.count

    // headcount: (tenants + 1) × years; the last row is all ones for absolute figures.
    var headcount = Matrix(rows: tenantCount + 1, columns: yearCount)
    for (t, tenant) in scenario.tenants.enumerated() {
      for (y, year) in axis.enumerated() { headcount[t, y] = tenant.employees.employees(in: year) }
    }
    for y in 0..<yearCount { headcount[tenantCount, y] = 1 }

    // basis: (4 · workloads) × (tenants + 1); row 4w + r selects the scale of resource r.
    let resourceCount = 4  // vCPU, RAM, stored base, accrual
    var basis = Matrix(rows: resourceCount * workloadCount, columns: tenantCount + 1)
    var baseValues = [Double](repeating: 0, count: resourceCount * workloadCount)
    for (w, workload) in scenario.workloads.enumerated() {
      let owner = tenantIndex[workload.tenant] ?? tenantCount
      let amounts: [(Bool, Double)] = [
        (workload.vcpu.isPerEmployee, workload.vcpu.quantity.vcpu),
        (workload.ram.isPerEmployee, workload.ram.quantity.gibibytes),
        (workload.storage.isPerEmployee, workload.storage.quantity.tebibytes),
        (workload.storageAccrualPerYear.isPerEmployee, workload.storageAccrualPerYear.quantity.tebibytes),
      ]
      for (r, (perEmployee, value)) in amounts.enumerated() {
        basis[resourceCount * w + r, perEmployee ? owner : tenantCount] = 1
        baseValues[resourceCount * w + r] = value
      }
    }
    let scale = BLAS.product(basis, headcount)

    // Growth and activity, element by element; accruals go into their own matrix.
    var raw = Matrix(rows: 3 * workloadCount, columns: yearCount)  // vCPU, RAM, storage per workload
    var accrualPerYearTiB = Matrix(rows: workloadCount, columns: yearCount)
    for (w, workload) in scenario.workloads.enumerated() {
      let growth = [workload.vcpuGrowth, workload.ramGrowth, workload.storageGrowth]
      for (y, year) in axis.enumerated() where year >= workload.startYear {
        let elapsed = year - workload.baseYear
        for r in 0..<3 {
          let row = resourceCount * w + r
          raw[3 * w + r, y] = baseValues[row] * scale[row, y] * growth[r].factor(afterYears: elapsed)
        }
        let accrualRow = resourceCount * w + 3
        accrualPerYearTiB[w, y] = baseValues[accrualRow] * scale[accrualRow, y]
      }
    }
    // Running sum over years: accrued[w, y] = Σ_{t ≤ y} accrual[w, t].
    var upperOnes = Matrix(rows: yearCount, columns: yearCount)
    for i in 0..<yearCount { for j in i..<yearCount { upperOnes[i, j] = 1 } }
    let accruedTiB = BLAS.product(accrualPerYearTiB, upperOnes)

    // Demand over the horizon: rows (w, r), columns horizon years.
    let horizonYears = horizon.years
    let count = horizonYears.count
    var workloadRows: [WorkloadDemand] = []
    workloadRows.reserveCapacity(workloadCount)
    let sharedSites = scenario.sites.filter { $0.kind == .shared }
    for (w, workload) in scenario.workloads.enumerated() {
      var series = ResourceSeries(count: count)
      var placement = [String?](repeating: nil, count: count)
      let tenant = tenantIndex[workload.tenant].map { scenario.tenants[$0] }
      for (i, year) in horizonYears.enumerated() {
        let y = i + horizonOffset
        series.vcpu[i] = raw[3 * w, y]
        series.ramGiB[i] = raw[3 * w + 1, y]
        series.storageTiB[i] = raw[3 * w + 2, y] + accruedTiB[w, y]
        guard year >= workload.startYear, let tenant else { continue }
        if tenant.isInSharedDataCentre(in: year), !sharedSites.isEmpty {
          placement[i] = WorkloadDemand.sharedDataCentre
        } else if !tenant.isInSharedDataCentre(in: year) {
          placement[i] = tenant.legacySite
        }
      }
      workloadRows.append(WorkloadDemand(workload: workload.id, tenant: workload.tenant, demand: series, placement: placement))
    }

    let siteRows = sumPerSite(scenario.sites, workloadRows, yearCount: count)
    var totals = ResourceSeries(count: count)
    for row in workloadRows {
      for i in 0..<count {
        totals.vcpu[i] += row.demand.vcpu[i]
        totals.ramGiB[i] += row.demand.ramGiB[i]
        totals.storageTiB[i] += row.demand.storageTiB[i]
      }
    }
    return DemandProjection(years: horizonYears, workloads: workloadRows, sites: siteRows, totals: totals)
  }

  /// Sums per site as one product: placement (sites × 2·workloads) times demand
  /// (2·workloads × 3·years), where the first block of workload rows is the demand while at
  /// a legacy site and the second while in the shared data centre.
  private static func sumPerSite(_ sites: [Site], _ workloads: [WorkloadDemand], yearCount: Int) -> [SiteDemand] {
    let siteIndex = Dictionary(sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let w = workloads.count
    var placement = Matrix(rows: sites.count, columns: 2 * w)
    var demand = Matrix(rows: 2 * w, columns: 3 * yearCount)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: yearCount), count: sites.count)
    for (s, site) in sites.enumerated() where site.kind == .shared {
      for column in w..<(2 * w) { placement[s, column] = site.loadShare.value }
    }
    for (k, row) in workloads.enumerated() {
      for y in 0..<yearCount {
        guard let place = row.placement[y] else { continue }
        let block: Int
        if place == WorkloadDemand.sharedDataCentre {
          block = w + k
          for (s, site) in sites.enumerated() where site.kind == .shared { counts[s][y] += 1 }
        } else if let s = siteIndex[place] {
          block = k
          placement[s, k] = 1
          counts[s][y] += 1
        } else {
          continue
        }
        demand[block, y] = row.demand.vcpu[y]
        demand[block, yearCount + y] = row.demand.ramGiB[y]
        demand[block, 2 * yearCount + y] = row.demand.storageTiB[y]
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
