import CKernels
import DCPlanModel

/// The demand stage for Monte Carlo trials, batched over workloads (docs/conventions.md,
/// "Uncertainty"; the formula is ``DemandStage``'s).
///
/// The per-site sums are all a trial needs, and all workloads of a tenant sit at one place a
/// year, so a trial sums each tenant's workloads and places the tenant sums. The workloads
/// are put once in an order where every *segment* (one tenant, one combination of
/// per-employee flags, one start year) is contiguous. A trial takes four workloads at a time
/// into vector lanes (`dcplan_segment_sums` in CKernels), starts their growth factors in the segment's start year and, year by
/// year, adds base × factor into that year's lanes and multiplies the factors by their
/// yearly step: 2 operations per workload, resource and year, with the factors in registers
/// (one pass over memory per trial), against 2 × sites operations of a dense product of the
/// (trials × workloads) growth-factor matrix with the workload-to-site matrix. No placement
/// strings and no per-workload rows are made. Resources that no input touches are summed once,
/// when the kernel is made.
///
/// Inputs on workloads (growth, storage growth, vCPU, RAM, storage factors) come in as the
/// trial's draws; everything on tenants (headcounts, their growth, join years) is read from
/// the trial's perturbed scenario.
struct TrialDemand: Sendable {
  /// One contiguous run of workloads of one tenant with the same per-employee flags and start year.
  struct Segment {
    /// Tenant index, or nil for a workload whose tenant is not listed (counted in totals only).
    let tenant: Int?
    /// The workloads' redundancy class (``RedundancyClasses``).
    let redundancyClass: Int
    let range: Range<Int>
    /// The horizon index of the first year its workloads run (0: already running at the start).
    let firstYear: Int
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
  /// first horizon year it runs in, the first axis index it runs in.
  private let baseVCPU: [Double]
  private let baseRAM: [Double]
  private let baseStorage: [Double]
  private let accrual: [Double]
  private let vcpuGrowth: [Double]
  private let ramGrowth: [Double]
  private let storageGrowth: [Double]
  private let elapsedAtStart: [Int]
  private let startAxis: [Int]
  /// Workloads running per tenant and horizon year (deterministic: start years are fixed).
  private let runningCount: [[Int]]
  /// Where tenants run (the plan's ``Placement``); a trial reads its join years again.
  private let placement: Placement
  /// Redundancy classes (``RedundancyClasses``; at least 1).
  private let classCount: Int
  private let hasAccrual: Bool
  private let workloadSlots: [WorkloadSlots]
  /// The growth group each resource follows: 0 its vCPU growth, 1 its own RAM growth, 2 its
  /// own storage growth (RAM or storage growth equal to the vCPU growth for every workload,
  /// and never drawn apart from it, shares group 0 and its factors).
  private let group: [Int]
  /// Whether a resource's sums change from trial to trial (an input touches its growth or scale).
  private let varies: [Bool]
  /// Whether an input scales a resource.
  private let scaled: [Bool]
  /// Per segment: whether every workload's growth factor is 1 in its first year.
  private let startsAtBase: [Bool]
  /// The segment sums of the resources that do not vary, worked out once.
  private var fixedSums: [Double]

  /// An input on workloads: one slot for all its positions, or (per element) one slot each.
  struct WorkloadSlots {
    let input: Int
    let parameter: WorkloadParameter
    let firstSlot: Int
    let perElement: Bool
    let positions: [Int]

    /// The slots it draws into.
    var slots: Range<Int> { firstSlot..<(firstSlot + (perElement ? positions.count : 1)) }
  }

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
    let classes = RedundancyClasses(scenario)
    classCount = classes.count
    func key(_ w: Int) -> (Int, Int, Int, Int) {
      let workload = workloads[w]
      let flags = (workload.vcpu.isPerEmployee ? 1 : 0) | (workload.ram.isPerEmployee ? 2 : 0)
        | (workload.storage.isPerEmployee ? 4 : 0) | (workload.storageAccrualPerYear.isPerEmployee ? 8 : 0)
      return (tenantIndex[workload.tenant] ?? -1, classes.workloadClass[w], flags, max(0, workload.startYear - horizon.first))
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
        tenant: k.0 >= 0 ? k.0 : nil, redundancyClass: k.1, range: start..<end, firstYear: k.3,
        perEmployee: (k.2 & 1 != 0, k.2 & 2 != 0, k.2 & 4 != 0, k.2 & 8 != 0)))
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
    elapsedAtStart = sorted.map { horizon.first + max(0, $0.startYear - horizon.first) - $0.baseYear }
    let axisFirst = axisFirst
    startAxis = sorted.map { $0.startYear - axisFirst }
    var runningCount = [[Int]](repeating: [Int](repeating: 0, count: years.count), count: scenario.tenants.count)
    for workload in sorted {
      let index = max(0, workload.startYear - horizon.first)
      guard index < years.count else { continue }
      if let t = tenantIndex[workload.tenant] { for y in index..<years.count { runningCount[t][y] += 1 } }
    }
    self.runningCount = runningCount
    placement = Placement(scenario, years: years)
    // The inputs on workloads: the slots they draw into and the positions each slot touches
    // (a per-element input: slot `first + e` touches the position of workload e).
    let inputs = scenario.uncertainty.inputs
    var workloadSlots: [WorkloadSlots] = []
    for (s, slot) in sampler.slots.enumerated() {
      let input = inputs[slot.input]
      guard let parameter = input.target.workloadParameter else { continue }
      if slot.element != nil {
        if let last = workloadSlots.last, last.perElement, last.input == slot.input, last.slots.contains(s) { continue }
        let count = sampler.slots[s...].prefix { $0.input == slot.input }.count
        workloadSlots.append(WorkloadSlots(
          input: slot.input, parameter: parameter, firstSlot: s, perElement: true, positions: (0..<count).map { position[$0] }))
      } else {
        let touched = input.element.map { id in workloads.indices.filter { workloads[$0].id == id } } ?? Array(workloads.indices)
        workloadSlots.append(WorkloadSlots(
          input: slot.input, parameter: parameter, firstSlot: s, perElement: false, positions: touched.map { position[$0] }))
      }
    }
    self.workloadSlots = workloadSlots
    let drawn = Set(workloadSlots.map(\.parameter))
    let growthDrawn = drawn.contains(.growth)
    let ramShares = ramGrowth == vcpuGrowth
    let storageShares = storageGrowth == vcpuGrowth && !drawn.contains(.storageGrowth)
    group = [0, ramShares ? 0 : 1, storageShares ? 0 : 2]
    let scaled = [drawn.contains(.vcpu), drawn.contains(.ram), drawn.contains(.storage)]
    self.scaled = scaled
    let (vcpuGrowth, ramGrowth, storageGrowth) = (vcpuGrowth, ramGrowth, storageGrowth)
    varies = [
      growthDrawn || scaled[0],
      scaled[1] || (growthDrawn && vcpuGrowth.indices.contains { ramGrowth[$0] == vcpuGrowth[$0] }),
      scaled[2] || drawn.contains(.storageGrowth)
        || (growthDrawn && vcpuGrowth.indices.contains { storageGrowth[$0] == vcpuGrowth[$0] }),
    ]
    let elapsedAtStart = elapsedAtStart
    startsAtBase = segments.map { segment in segment.range.allSatisfy { elapsedAtStart[$0] == 0 } }
    fixedSums = []
    var scratch = makeScratch()
    sums(draws: [], scratch: &scratch, only: varies.map { !$0 }, useDraws: false)
    fixedSums = scratch.sums
  }

  /// For each of `count` slots, whether it is applied here rather than to the scenario.
  func handledSlots(count: Int) -> [Bool] {
    var mask = [Bool](repeating: false, count: count)
    for entry in workloadSlots { for s in entry.slots where s < count { mask[s] = true } }
    return mask
  }

  /// A worker's buffers, reused from trial to trial.
  struct Scratch {
    /// Growth steps (1 + g) per group (vCPU, RAM, storage growth) and position, group-major.
    var step: [Double]
    /// Factors on the base amounts per resource and position, resource-major.
    var scale: [Double]
    /// One segment's first-year growth factors.
    var initial: [Double]
    /// Per year: the four lanes of two resources' sums (CKernels).
    var lanes: [Double]
    /// Segment sums, `(segment · 3 + r) · years + y`.
    var sums: [Double]
    /// Per tenant and year of the growth axis: its headcount.
    var headcount: [Double] = []
    /// Per tenant, resource and year: its sums (`(tenant · 3 + r) · years + y`).
    var tenantTotals: [Double] = []
    /// Per year of the growth axis: the accrual that starts then.
    var accrualFrom: [Double] = []
    /// Per site, resource and year: the placed sums; and per site and year the workloads running.
    var perSite: [Double] = []
    var counts: [Int] = []
    /// The trial's placement (its join years).
    var placement: Placement?
    /// The demand in the shared data centre, `(class · 3 + r) · years + y`.
    var shared: [Double] = []

    init(count: Int, segments: Int, years: Int) {
      step = [Double](repeating: 0, count: 3 * count)
      scale = step
      initial = [Double](repeating: 1, count: count)
      lanes = [Double](repeating: 0, count: 8 * years)
      sums = [Double](repeating: 0, count: segments * 3 * years)
    }
  }

  func makeScratch() -> Scratch { Scratch(count: baseVCPU.count, segments: segments.count, years: years.count) }

  /// The base amounts of resource `r` (vCPU, RAM, storage) per position.
  private func base(_ r: Int) -> [Double] { r == 0 ? baseVCPU : r == 1 ? baseRAM : baseStorage }

  /// The file's growth of group `g` (vCPU, RAM, storage growth) per position.
  private func fileGrowth(_ g: Int) -> [Double] { g == 0 ? vcpuGrowth : g == 1 ? ramGrowth : storageGrowth }

  /// The segment sums (`(segment · 3 + r) · years + y`) of the resources in `only`, with the
  /// trial's `draws` put in (none with `useDraws` false); the others are left at 0.
  private func sums(draws: [Double], scratch: inout Scratch, only: [Bool], useDraws: Bool) {
    let count = years.count
    let n = baseVCPU.count
    // Three flags each, kept in the bits of one integer (no array per trial).
    let usedGroupBits = (0..<3).reduce(0) { bits, g in (0..<3).contains { only[$0] && group[$0] == g } ? bits | 1 << g : bits }
    let scaleBits = (0..<3).reduce(0) { bits, r in useDraws && scaled[r] && only[r] ? bits | 1 << r : bits }
    @inline(__always) func usedGroups(_ g: Int) -> Bool { usedGroupBits & 1 << g != 0 }
    @inline(__always) func usesScale(_ r: Int) -> Bool { scaleBits & 1 << r != 0 }
    scratch.step.withUnsafeMutableBufferPointer { step in
      scratch.scale.withUnsafeMutableBufferPointer { scale in
        // The file's growth, then the trial's draws in input order (Perturbation's rules:
        // growth also sets the RAM and storage growth that equalled the vCPU growth).
        for g in 0..<3 where usedGroups(g) || (g == 0 && useDraws) {
          fileGrowth(g).withUnsafeBufferPointer { growth in for i in 0..<n { step[g * n + i] = growth[i] } }
        }
        for r in 0..<3 where usesScale(r) { for i in 0..<n { scale[r * n + i] = 1 } }
        if useDraws {
          for entry in workloadSlots {
            // The draw of position k of this input.
            @inline(__always) func draw(_ k: Int) -> Double { draws[entry.perElement ? entry.firstSlot + k : entry.firstSlot] }
            // The rules of ``DrawRules``, as ``Perturbation`` applies them to a workload; the
            // switch is exhaustive, so a new workload parameter must be handled here too.
            switch entry.parameter {
            case .growth:
              // A resource whose growth is not a group of its own follows the vCPU growth.
              let ramGroup = usedGroups(1)
              let storageGroup = usedGroups(2)
              for (k, p) in entry.positions.enumerated() {
                var ram = ramGroup ? step[n + p] : step[p]
                var storage = storageGroup ? step[2 * n + p] : step[p]
                DrawRules.setGrowth(draw(k), vcpu: &step[p], ram: &ram, storage: &storage)
                if ramGroup { step[n + p] = ram }
                if storageGroup { step[2 * n + p] = storage }
              }
            case .storageGrowth:
              if usedGroups(2) { for (k, p) in entry.positions.enumerated() { step[2 * n + p] = DrawRules.growth(draw(k)) } }
            case .vcpu:
              if usesScale(0) { for (k, p) in entry.positions.enumerated() { scale[p] *= DrawRules.factor(draw(k)) } }
            case .ram:
              if usesScale(1) { for (k, p) in entry.positions.enumerated() { scale[n + p] *= DrawRules.factor(draw(k)) } }
            case .storage:
              if usesScale(2) { for (k, p) in entry.positions.enumerated() { scale[2 * n + p] *= DrawRules.factor(draw(k)) } }
            }
          }
        }
      }
    }
    for i in scratch.sums.indices { scratch.sums[i] = 0 }
    scratch.step.withUnsafeMutableBufferPointer { step in
      scratch.scale.withUnsafeBufferPointer { scale in
        scratch.initial.withUnsafeMutableBufferPointer { initial in
          scratch.lanes.withUnsafeMutableBufferPointer { lanes in
            scratch.sums.withUnsafeMutableBufferPointer { out in
              for g in 0..<3 where usedGroups(g) {
                // The resources of this group, two per kernel call.
                let resourceBits = (0..<3).reduce(0) { bits, r in only[r] && group[r] == g ? bits | 1 << r : bits }
                for (s, segment) in segments.enumerated() {
                  let lower = segment.range.lowerBound
                  let stepStart = step.baseAddress! + g * n + lower
                  // First-year factors (1 + g)^(first year − base year), then the steps 1 + g.
                  var first: UnsafePointer<Double>?
                  if !startsAtBase[s] {
                    for k in 0..<segment.range.count { initial[k] = pow1p(stepStart[k], elapsedAtStart[lower + k]) }
                    first = UnsafePointer(initial.baseAddress!)
                  }
                  for k in 0..<segment.range.count { stepStart[k] += 1 }
                  var remaining = resourceBits
                  while remaining != 0 {
                    let a = remaining.trailingZeroBitCount
                    remaining &= remaining - 1
                    let b: Int? = remaining == 0 ? nil : remaining.trailingZeroBitCount
                    if b != nil { remaining &= remaining - 1 }
                    base(a).withUnsafeBufferPointer { baseA in
                      base(b ?? a).withUnsafeBufferPointer { baseB in
                        dcplan_segment_sums(
                          baseA.baseAddress! + lower, b.map { _ in baseB.baseAddress! + lower },
                          usesScale(a) ? scale.baseAddress! + a * n + lower : nil,
                          b.flatMap { usesScale($0) ? scale.baseAddress! + $0 * n + lower : nil },
                          first, UnsafePointer(stepStart), segment.range.count, segment.firstYear, count, lanes.baseAddress!,
                          out.baseAddress! + (s * 3 + a) * count, b.map { out.baseAddress! + (s * 3 + $0) * count })
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The demand of one trial: `draws` are the trial's draws (every slot), `scenario` the
  /// trial's perturbed scenario (tenants' headcounts and join years).
  func project(_ scenario: Scenario, draws: [Double], scratch: inout Scratch) -> DemandProjection {
    var projection = DemandProjection(
      years: years, workloadIDs: [], workloadTenants: [], vcpu: [], ramGiB: [], storageTiB: [], placement: [], sites: [],
      totals: ResourceSeries(count: 0))
    project(scenario, draws: draws, scratch: &scratch, into: &projection)
    return projection
  }

  /// The same into `projection` (a worker's from its previous trial): its per-site and total
  /// series are rewritten in place where they fit, and the work arrays are `scratch`'s.
  func project(_ scenario: Scenario, draws: [Double], scratch: inout Scratch, into projection: inout DemandProjection) {
    let count = years.count
    let n = baseVCPU.count
    sums(draws: draws, scratch: &scratch, only: varies, useDraws: true)
    for r in 0..<3 where !varies[r] {
      for s in segments.indices { for y in 0..<count { scratch.sums[(s * 3 + r) * count + y] = fixedSums[(s * 3 + r) * count + y] } }
    }
    let storageScaled = scaled[2]
    // Tenant sums (`(tenant · 3 + r) · years + y`): per-employee segments scaled by the
    // tenant's headcount that year (`tenant · axis + a`).
    let tenants = scenario.tenants
    let tenantCount = tenants.count
    let axis = axisCount
    scratch.headcount.reset(count: tenantCount * axis, to: 1)
    for t in tenants.indices {
      for a in 0..<axis { scratch.headcount[t * axis + a] = tenants[t].employees.employees(in: axisFirst + a) }
    }
    // Tenant sums per class: `((tenant · classes + class) · 3 + r) · years + y`.
    let width = 3 * classCount
    scratch.tenantTotals.reset(count: tenantCount * width * count, to: 0)
    if projection.years != years { projection.years = years }
    projection.totals.vcpu.reset(count: count, to: 0)
    projection.totals.ramGiB.reset(count: count, to: 0)
    projection.totals.storageTiB.reset(count: count, to: 0)
    scratch.accrualFrom.reset(count: axis, to: 0)
    for (s, segment) in segments.enumerated() {
      for r in 0..<3 {
        let perEmployee = r == 0 ? segment.perEmployee.vcpu : r == 1 ? segment.perEmployee.ram : segment.perEmployee.storage
        for y in 0..<count {
          var value = scratch.sums[(s * 3 + r) * count + y]
          if perEmployee, let t = segment.tenant { value *= scratch.headcount[t * axis + y + horizonOffset] }
          if let t = segment.tenant { scratch.tenantTotals[((t * classCount + segment.redundancyClass) * 3 + r) * count + y] += value }
          Self.add(value, to: &projection.totals, resource: r, year: y)
        }
      }
      // Accrued storage: each workload's yearly accrual from its start year, retained.
      guard hasAccrual else { continue }
      for a in 0..<axis { scratch.accrualFrom[a] = 0 }
      for p in segment.range where accrual[p] != 0 && startAxis[p] < axis {
        scratch.accrualFrom[max(0, startAxis[p])] += accrual[p] * (storageScaled ? scratch.scale[2 * n + p] : 1)
      }
      var rate = 0.0
      var accrued = 0.0
      for a in 0..<axis {
        rate += scratch.accrualFrom[a]
        let perEmployee = segment.perEmployee.accrual
        accrued += rate * (perEmployee ? segment.tenant.map { scratch.headcount[$0 * axis + a] } ?? 1 : 1)
        let y = a - horizonOffset
        guard y >= 0 else { continue }
        if let t = segment.tenant { scratch.tenantTotals[((t * classCount + segment.redundancyClass) * 3 + 2) * count + y] += accrued }
        projection.totals.storageTiB[y] += accrued
      }
    }
    // Place each tenant's sums with the trial's join years (``Placement``, as the plan does).
    let siteCount = scenario.sites.count
    scratch.perSite.reset(count: siteCount * width * count, to: 0)
    scratch.counts.reset(count: siteCount * count, to: 0)
    if scratch.placement == nil { scratch.placement = placement }
    scratch.placement?.rejoin(scenario, years: years)
    if let trialPlacement = scratch.placement {
      scratch.tenantTotals.withUnsafeBufferPointer { totals in
        scratch.perSite.withUnsafeMutableBufferPointer { perSite in
          for t in tenants.indices {
            let sums = UnsafeBufferPointer(rebasing: totals[(t * width * count)..<((t + 1) * width * count)])
            trialPlacement.add(tenant: t, sums, resources: width, into: perSite)
          }
        }
      }
      for t in tenants.indices { trialPlacement.addCounts(tenant: t, runningCount[t], into: &scratch.counts) }
      scratch.shared.reset(count: width * count, to: 0)
      scratch.tenantTotals.withUnsafeBufferPointer { totals in
        scratch.shared.withUnsafeMutableBufferPointer { shared in
          for t in tenants.indices {
            let sums = UnsafeBufferPointer(rebasing: totals[(t * width * count)..<((t + 1) * width * count)])
            trialPlacement.addShared(tenant: t, sums, resources: width, into: shared)
          }
        }
      }
    }
    if projection.sharedByClass.count != classCount {
      projection.sharedByClass = [ResourceSeries](repeating: ResourceSeries(count: count), count: classCount)
    }
    for c in 0..<classCount {
      projection.sharedByClass[c].vcpu.reset(count: count, to: 0)
      projection.sharedByClass[c].ramGiB.reset(count: count, to: 0)
      projection.sharedByClass[c].storageTiB.reset(count: count, to: 0)
      for y in 0..<count where (c * 3 + 3) * count <= scratch.shared.count {
        projection.sharedByClass[c].vcpu[y] = scratch.shared[(c * 3) * count + y]
        projection.sharedByClass[c].ramGiB[y] = scratch.shared[(c * 3 + 1) * count + y]
        projection.sharedByClass[c].storageTiB[y] = scratch.shared[(c * 3 + 2) * count + y]
      }
    }
    // Each tenant's placed sums over its classes, as the plan's.
    projection.tenantTotals.reset(count: tenants.count * 3 * count, to: 0)
    if let trialPlacement = scratch.placement {
      for t in tenants.indices {
        for y in 0..<count where trialPlacement.place(tenant: t, year: y) != .nowhere && runningCount[t][y] > 0 {
          for c in 0..<classCount {
            for r in 0..<3 { projection.tenantTotals[(t * 3 + r) * count + y] += scratch.tenantTotals[((t * classCount + c) * 3 + r) * count + y] }
          }
        }
      }
    }
    if projection.sites.count != siteCount || projection.sites.indices.contains(where: { projection.sites[$0].site != scenario.sites[$0].id }) {
      projection.sites = scenario.sites.map {
        SiteDemand(
          site: $0.id, demand: ResourceSeries(count: 0), byClass: [ResourceSeries](repeating: ResourceSeries(count: 0), count: classCount),
          workloadCount: [])
      }
    }
    // Per class as placed, and the site's sums over the classes (in class order, as the plan's).
    for s in 0..<siteCount {
      projection.sites[s].demand.vcpu.reset(count: count, to: 0)
      projection.sites[s].demand.ramGiB.reset(count: count, to: 0)
      projection.sites[s].demand.storageTiB.reset(count: count, to: 0)
      projection.sites[s].workloadCount.reset(count: count, to: 0)
      for c in 0..<classCount {
        let base = (s * width + c * 3) * count
        projection.sites[s].byClass[c].vcpu.reset(count: count, to: 0)
        projection.sites[s].byClass[c].ramGiB.reset(count: count, to: 0)
        projection.sites[s].byClass[c].storageTiB.reset(count: count, to: 0)
        for y in 0..<count {
          projection.sites[s].byClass[c].vcpu[y] = scratch.perSite[base + y]
          projection.sites[s].byClass[c].ramGiB[y] = scratch.perSite[base + count + y]
          projection.sites[s].byClass[c].storageTiB[y] = scratch.perSite[base + 2 * count + y]
          projection.sites[s].demand.vcpu[y] += scratch.perSite[base + y]
          projection.sites[s].demand.ramGiB[y] += scratch.perSite[base + count + y]
          projection.sites[s].demand.storageTiB[y] += scratch.perSite[base + 2 * count + y]
        }
      }
      for y in 0..<count { projection.sites[s].workloadCount[y] = scratch.counts[s * count + y] }
    }
  }

  private static func add(_ value: Double, to totals: inout ResourceSeries, resource: Int, year y: Int) {
    switch resource {
    case 0: totals.vcpu[y] += value
    case 1: totals.ramGiB[y] += value
    default: totals.storageTiB[y] += value
    }
  }
}
