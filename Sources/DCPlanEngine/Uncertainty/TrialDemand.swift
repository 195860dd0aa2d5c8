import DCPlanModel

/// The demand stage for Monte Carlo trials, batched over workloads (docs/conventions.md,
/// "Uncertainty"; the formula is ``DemandStage``'s).
///
/// The per-site sums are all a trial needs, and all workloads of a tenant sit at one place a
/// year, so a trial sums each tenant's workloads and places the tenant sums. The workloads
/// are put once in an order where every *segment* (one tenant, one combination of
/// per-employee flags) is contiguous; a trial then keeps a growth factor per workload and
/// resource and, year by year, adds base × factor over each segment (a segmented sum in
/// SIMD lanes) and multiplies the factors by their yearly step. That is 2 operations per
/// workload, resource and year, against the 2 × sites of a dense product of the
/// (trials × workloads) growth-factor matrix with the workload-to-site matrix; no placement
/// strings and no per-workload rows are made.
///
/// Inputs on workloads (growth, storage growth, vCPU, RAM, storage factors) come in as the
/// trial's draws; everything on tenants (headcounts, their growth, join years) is read from
/// the trial's perturbed scenario.
final class TrialDemand: @unchecked Sendable {
  /// One contiguous run of workloads of one tenant with the same per-employee flags.
  struct Segment {
    /// Tenant index, or nil for a workload whose tenant is not listed (counted in totals only).
    let tenant: Int?
    let range: Range<Int>
    /// Per-employee flags: vCPU, RAM, storage, storage accrual.
    let perEmployee: (vcpu: Bool, ram: Bool, storage: Bool, accrual: Bool)
  }

  let years: [Year]
  private let axisFirst: Year
  private let axisCount: Int
  private let horizonOffset: Int
  private let segments: [Segment]
  /// Position of each scenario workload in the segment order.
  private let position: [Int]
  /// Per position: base amounts, accrual, growth rates, the years from the base year to the
  /// horizon's first year, the first axis index it runs in.
  private let baseVCPU: [Double]
  private let baseRAM: [Double]
  private let baseStorage: [Double]
  private let accrual: [Double]
  private let vcpuGrowth: [Double]
  private let ramGrowth: [Double]
  private let storageGrowth: [Double]
  private let elapsedAtFirst: [Int]
  private let startAxis: [Int]
  /// Positions starting in each horizon year (index 0: already running at the horizon's start).
  private let startingIn: [[Int]]
  /// Workloads running per tenant and horizon year (deterministic: start years are fixed).
  private let runningCount: [[Int]]
  private let hasAccrual: Bool
  private let workloadSlots: [(slot: Int, target: ParameterTarget, positions: [Int])]

  /// The kernel for `scenario`'s workloads and `sampler`'s slots on workloads.
  init(_ scenario: Scenario, sampler: Sampler) {
    let horizon = scenario.info.horizon
    years = horizon.years
    let earliestStart = scenario.workloads.lazy.map(\.startYear).min() ?? horizon.first
    axisFirst = min(horizon.first, earliestStart)
    axisCount = horizon.last - axisFirst + 1
    horizonOffset = horizon.first - axisFirst
    let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let workloads = scenario.workloads
    func key(_ w: Int) -> (Int, Int) {
      let workload = workloads[w]
      let flags = (workload.vcpu.isPerEmployee ? 1 : 0) | (workload.ram.isPerEmployee ? 2 : 0)
        | (workload.storage.isPerEmployee ? 4 : 0) | (workload.storageAccrualPerYear.isPerEmployee ? 8 : 0)
      return (tenantIndex[workload.tenant] ?? -1, flags)
    }
    let keys = workloads.indices.map(key)
    let order = workloads.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
    var position = [Int](repeating: 0, count: workloads.count)
    for (p, w) in order.enumerated() { position[w] = p }
    self.position = position
    var segments: [Segment] = []
    var start = 0
    while start < order.count {
      let k = keys[order[start]]
      var end = start + 1
      while end < order.count, keys[order[end]] == k { end += 1 }
      segments.append(Segment(
        tenant: k.0 >= 0 ? k.0 : nil, range: start..<end,
        perEmployee: (k.1 & 1 != 0, k.1 & 2 != 0, k.1 & 4 != 0, k.1 & 8 != 0)))
      start = end
    }
    self.segments = segments
    let sorted = order.map { workloads[$0] }
    baseVCPU = sorted.map { $0.vcpu.quantity.vcpu }
    baseRAM = sorted.map { $0.ram.quantity.gibibytes }
    baseStorage = sorted.map { $0.storage.quantity.tebibytes }
    accrual = sorted.map { $0.storageAccrualPerYear.quantity.tebibytes }
    hasAccrual = accrual.contains { $0 != 0 }
    vcpuGrowth = sorted.map(\.vcpuGrowth.perYear)
    ramGrowth = sorted.map(\.ramGrowth.perYear)
    storageGrowth = sorted.map(\.storageGrowth.perYear)
    elapsedAtFirst = sorted.map { horizon.first - $0.baseYear }
    let axisFirst = axisFirst
    startAxis = sorted.map { $0.startYear - axisFirst }
    var startingIn = [[Int]](repeating: [], count: years.count)
    var runningCount = [[Int]](repeating: [Int](repeating: 0, count: years.count), count: scenario.tenants.count)
    for (p, workload) in sorted.enumerated() {
      let index = max(0, workload.startYear - horizon.first)
      guard index < years.count else { continue }
      startingIn[index].append(p)
      if let t = tenantIndex[workload.tenant] { for y in index..<years.count { runningCount[t][y] += 1 } }
    }
    self.startingIn = startingIn
    self.runningCount = runningCount
    // The slots of inputs on workloads, with the positions each touches.
    let inputs = scenario.uncertainty.inputs
    var workloadSlots: [(Int, ParameterTarget, [Int])] = []
    for (s, slot) in sampler.slots.enumerated() {
      let input = inputs[slot.input]
      guard input.target.collection == "workloads" else { continue }
      let touched: [Int]
      if let element = slot.element {
        touched = [position[element]]
      } else if let id = input.element {
        touched = workloads.indices.filter { workloads[$0].id == id }.map { position[$0] }
      } else {
        touched = Array(0..<workloads.count)
      }
      workloadSlots.append((s, input.target, touched))
    }
    self.workloadSlots = workloadSlots
  }

  /// For each of `count` slots, whether it is applied here rather than to the scenario.
  func handledSlots(count: Int) -> [Bool] {
    var mask = [Bool](repeating: false, count: count)
    for entry in workloadSlots where entry.slot < count { mask[entry.slot] = true }
    return mask
  }

  /// A worker's buffers, reused from trial to trial.
  final class Scratch {
    var growth: [[Double]]  // vCPU, RAM, storage steps (1 + g)
    var scale: [[Double]]  // factors on vCPU, RAM, storage
    var factor: [[Double]]  // running growth factors
    var effective: [[Double]]  // base × scale for started workloads, else 0

    init(count: Int) {
      let zeros = [Double](repeating: 0, count: count)
      growth = [zeros, zeros, zeros]
      scale = [zeros, zeros, zeros]
      factor = [zeros, zeros, zeros]
      effective = [zeros, zeros, zeros]
    }
  }

  func makeScratch() -> Scratch { Scratch(count: baseVCPU.count) }

  /// The demand of one trial: `draws` are the trial's draws (every slot), `scenario` the
  /// trial's perturbed scenario (tenants' headcounts and join years).
  func project(_ scenario: Scenario, draws: [Double], scratch: Scratch) -> DemandProjection {
    let count = years.count
    let n = baseVCPU.count
    // Growth rates and factors per position, the file's values with the trial's draws put in
    // in input order (Perturbation's rules: growth also sets RAM and storage growth that
    // equalled the vCPU growth).
    scratch.growth[0] = vcpuGrowth
    scratch.growth[1] = ramGrowth
    scratch.growth[2] = storageGrowth
    for r in 0..<3 { for i in 0..<n { scratch.scale[r][i] = 1 } }
    for (slot, target, positions) in workloadSlots {
      let draw = draws[slot]
      let growth = max(-0.99, draw)
      let factor = max(0, draw)
      switch target {
      case .workloadGrowth:
        for p in positions {
          let old = scratch.growth[0][p]
          scratch.growth[0][p] = growth
          if scratch.growth[1][p] == old { scratch.growth[1][p] = growth }
          if scratch.growth[2][p] == old { scratch.growth[2][p] = growth }
        }
      case .workloadStorageGrowth: for p in positions { scratch.growth[2][p] = growth }
      case .workloadVCPU: for p in positions { scratch.scale[0][p] *= factor }
      case .workloadRAM: for p in positions { scratch.scale[1][p] *= factor }
      default: for p in positions { scratch.scale[2][p] *= factor }
      }
    }
    let bases = [baseVCPU, baseRAM, baseStorage]
    for r in 0..<3 {
      for i in 0..<n {
        let g = scratch.growth[r][i]
        scratch.factor[r][i] = pow1p(g, elapsedAtFirst[i])
        scratch.growth[r][i] = 1 + g
        scratch.effective[r][i] = 0
      }
    }
    // Segment sums per resource and horizon year.
    let segmentCount = segments.count
    var sums = [Double](repeating: 0, count: segmentCount * 3 * count)
    for y in 0..<count {
      for p in startingIn[y] {
        for r in 0..<3 { scratch.effective[r][p] = bases[r][p] * scratch.scale[r][p] }
      }
      for r in 0..<3 {
        scratch.effective[r].withUnsafeBufferPointer { base in
          scratch.factor[r].withUnsafeMutableBufferPointer { factor in
            scratch.growth[r].withUnsafeBufferPointer { step in
              for (s, segment) in segments.enumerated() {
                sums[(s * 3 + r) * count + y] = Self.sumAndStep(base, factor, step, segment.range)
              }
            }
          }
        }
      }
    }
    // Tenant sums: per-employee segments scaled by the tenant's headcount that year.
    let tenants = scenario.tenants
    let tenantCount = tenants.count
    let headcount = tenants.map { tenant in (0..<axisCount).map { tenant.employees.employees(in: axisFirst + $0) } }
    var tenantTotals = [[Double]](repeating: [Double](repeating: 0, count: 3 * count), count: tenantCount)
    var totals = ResourceSeries(count: count)
    for (s, segment) in segments.enumerated() {
      let flags = [segment.perEmployee.vcpu, segment.perEmployee.ram, segment.perEmployee.storage]
      for r in 0..<3 {
        for y in 0..<count {
          var value = sums[(s * 3 + r) * count + y]
          if flags[r], let t = segment.tenant { value *= headcount[t][y + horizonOffset] }
          if let t = segment.tenant { tenantTotals[t][r * count + y] += value }
          Self.add(value, to: &totals, resource: r, year: y)
        }
      }
      // Accrued storage: each workload's yearly accrual from its start year, retained.
      guard hasAccrual else { continue }
      var accrualFrom = [Double](repeating: 0, count: axisCount)
      for p in segment.range where accrual[p] != 0 && startAxis[p] < axisCount {
        accrualFrom[max(0, startAxis[p])] += accrual[p] * scratch.scale[2][p]
      }
      var rate = 0.0
      var accrued = 0.0
      for a in 0..<axisCount {
        rate += accrualFrom[a]
        let perEmployee = segment.perEmployee.accrual
        accrued += rate * (perEmployee ? segment.tenant.map { headcount[$0][a] } ?? 1 : 1)
        let y = a - horizonOffset
        guard y >= 0 else { continue }
        if let t = segment.tenant { tenantTotals[t][2 * count + y] += accrued }
        totals.storageTiB[y] += accrued
      }
    }
    // Place each tenant's sums: at its legacy site until it joins, then the shared sites.
    let hasSharedSite = scenario.sites.contains { $0.kind == .shared }
    let zero = [Double](repeating: 0, count: 3 * count)
    var legacy = [[Double]](repeating: zero, count: tenantCount)
    var shared = legacy
    let zeroCounts = [Int](repeating: 0, count: count)
    var legacyCounts = [[Int]](repeating: zeroCounts, count: tenantCount)
    var sharedCounts = legacyCounts
    for (t, tenant) in tenants.enumerated() {
      for (y, year) in years.enumerated() {
        let joined = tenant.isInSharedDataCentre(in: year)
        if joined && !hasSharedSite { continue }
        if !joined && tenant.legacySite == nil { continue }
        for r in 0..<3 {
          if joined { shared[t][r * count + y] = tenantTotals[t][r * count + y] } else { legacy[t][r * count + y] = tenantTotals[t][r * count + y] }
        }
        if joined { sharedCounts[t][y] = runningCount[t][y] } else { legacyCounts[t][y] = runningCount[t][y] }
      }
    }
    let sites = DemandStage.sumPerSite(scenario, legacy: (legacy, legacyCounts), shared: (shared, sharedCounts), yearCount: count)
    return DemandProjection(
      years: years, workloadIDs: [], workloadTenants: [], vcpu: [], ramGiB: [], storageTiB: [], placement: [], sites: sites,
      totals: totals)
  }

  private static func add(_ value: Double, to totals: inout ResourceSeries, resource: Int, year y: Int) {
    switch resource {
    case 0: totals.vcpu[y] += value
    case 1: totals.ramGiB[y] += value
    default: totals.storageTiB[y] += value
    }
  }

  /// Σ base[i] · factor[i] over `range`, then factor[i] *= step[i]; four lanes at a time.
  @inline(__always)
  private static func sumAndStep(
    _ base: UnsafeBufferPointer<Double>, _ factor: UnsafeMutableBufferPointer<Double>, _ step: UnsafeBufferPointer<Double>,
    _ range: Range<Int>
  ) -> Double {
    guard let b = base.baseAddress, let f = factor.baseAddress, let s = step.baseAddress else { return 0 }
    var lanes = SIMD4<Double>.zero
    var i = range.lowerBound
    while i + 4 <= range.upperBound {
      let fi = UnsafeRawPointer(f + i).loadUnaligned(as: SIMD4<Double>.self)
      let bi = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD4<Double>.self)
      let si = UnsafeRawPointer(s + i).loadUnaligned(as: SIMD4<Double>.self)
      lanes += bi * fi
      UnsafeMutableRawPointer(f + i).storeBytes(of: fi * si, as: SIMD4<Double>.self)
      i += 4
    }
    var sum = lanes.sum()
    while i < range.upperBound {
      sum += b[i] * f[i]
      f[i] *= s[i]
      i += 1
    }
    return sum
  }
}
