import DCPlanModel

/// Puts a trial's draws into a copy of the scenario (docs/conventions.md, "Uncertainty"):
/// a value replaces the parameter, a factor multiplies it; draws are kept inside the
/// parameter's valid range (growth above −99 %, factors at least 0, PUE at least 1, shares in
/// 0…100 %, lead times and join delays rounded to whole years).
public enum Perturbation {
  /// `scenario` with the draws of `sampler`'s slots; a nil draw keeps the file's value.
  public static func apply(_ draws: [Double?], slots: [Sampler.Slot], to scenario: Scenario) -> Scenario {
    apply(draws, slots: slots, elements: elements(of: slots, in: scenario), to: scenario)
  }

  /// The same with each slot's elements found beforehand by ``elements(of:in:)`` (a Monte
  /// Carlo run finds them once for all its trials).
  static func apply(_ draws: [Double?], slots: [Sampler.Slot], elements: [[Int]], to scenario: Scenario) -> Scenario {
    var result = scenario
    let inputs = scenario.uncertainty.inputs
    for k in slots.indices where k < draws.count {
      guard let draw = draws[k] else { continue }
      apply(inputs[slots[k].input].target, draw, indices: elements[k], to: &result)
    }
    closeRoomsAfterDelayedMoves(slots, inputs, &result)
    return result
  }

  /// The same written into `scenario`, a copy of `base` that an earlier call perturbed with
  /// the same slots: the parameters those slots touch are first set back to `base`'s, then
  /// the draws applied. A Monte Carlo worker keeps one such copy, so a trial copies no arrays.
  static func apply(
    _ draws: [Double?], slots: [Sampler.Slot], elements: [[Int]], base: Scenario, into scenario: inout Scenario
  ) {
    let inputs = base.uncertainty.inputs
    for k in slots.indices { restore(inputs[slots[k].input].target, indices: elements[k], from: base, to: &scenario) }
    for k in slots.indices where k < draws.count {
      guard let draw = draws[k] else { continue }
      apply(inputs[slots[k].input].target, draw, indices: elements[k], to: &scenario)
    }
    closeRoomsAfterDelayedMoves(slots, inputs, &scenario)
  }

  /// Rooms that close after their tenants' move close after the drawn move.
  private static func closeRoomsAfterDelayedMoves(_ slots: [Sampler.Slot], _ inputs: [UncertainInput], _ scenario: inout Scenario) {
    guard slots.contains(where: { [.tenantJoinDelay, .tenantJoinYear].contains(inputs[$0.input].target) }) else { return }
    scenario.closeRoomsAfterMoves()
  }

  /// Sets every parameter that ``apply(_:_:indices:to:)`` may change for `target` back to `base`'s.
  private static func restore(_ target: ParameterTarget, indices: [Int], from base: Scenario, to s: inout Scenario) {
    switch target {
    case .workloadGrowth, .workloadStorageGrowth:
      for w in indices {
        s.workloads[w].vcpuGrowth = base.workloads[w].vcpuGrowth
        s.workloads[w].ramGrowth = base.workloads[w].ramGrowth
        s.workloads[w].storageGrowth = base.workloads[w].storageGrowth
      }
    case .workloadVCPU: for w in indices { s.workloads[w].vcpu = base.workloads[w].vcpu }
    case .workloadRAM: for w in indices { s.workloads[w].ram = base.workloads[w].ram }
    case .workloadStorage:
      for w in indices {
        s.workloads[w].storage = base.workloads[w].storage
        s.workloads[w].storageAccrualPerYear = base.workloads[w].storageAccrualPerYear
      }
    case .tenantEmployees, .tenantEmployeeGrowth: for t in indices { s.tenants[t].employees = base.tenants[t].employees }
    case .tenantJoinYear, .tenantJoinDelay:
      for t in indices { s.tenants[t].joinsSharedDataCentre = base.tenants[t].joinsSharedDataCentre }
    case .siteDecommissionYear: for i in indices { s.sites[i].decommissionYear = base.sites[i].decommissionYear }
    case .sitePUE: for i in indices { s.sites[i].pue = base.sites[i].pue }
    case .siteLeadTime:
      for i in indices {
        for m in s.sites[i].modules.indices { s.sites[i].modules[m].leadTimeYears = base.sites[i].modules[m].leadTimeYears }
      }
    case .serverPrice: for i in indices { s.hardware.servers[i].price = base.hardware.servers[i].price }
    case .storagePrice: for i in indices { s.hardware.storage[i].price = base.hardware.storage[i].price }
    case .energyPrice: s.costs.energyPricePerKWh = base.costs.energyPricePerKWh
    case .fteCost: s.costs.ftePerYear = base.costs.ftePerYear
    case .spaceCost: s.costs.spacePerRackYear = base.costs.spacePerRackYear
    case .licencePerCore: s.costs.licencePerCoreYear = base.costs.licencePerCoreYear
    case .discountRate: s.info.discountRate = base.info.discountRate
    case .cpuOvercommit: s.policy.cpuOvercommit = base.policy.cpuOvercommit
    case .targetUtilisation: s.policy.targetUtilisation = base.policy.targetUtilisation
    case .busyHour:
      s.network.perEmployeeMbps = base.network.perEmployeeMbps
      s.network.perEmployeeUpMbps = base.network.perEmployeeUpMbps
    case .erlangsPerPhone: if let erlangs = base.voice?.erlangsPerPhone { s.voice?.erlangsPerPhone = erlangs }
    }
  }

  /// The elements (workloads, tenants, sites, types) each slot's draw goes to.
  static func elements(of slots: [Sampler.Slot], in scenario: Scenario) -> [[Int]] {
    let inputs = scenario.uncertainty.inputs
    return slots.map { slot in
      let input = inputs[slot.input]
      if let element = slot.element { return [element] }
      if let id = input.element { return elementIndices(input.target, id: id, in: scenario) }
      return input.target.hasElements ? Array(0..<Sampler.elementCount(input.target, scenario)) : []
    }
  }

  private static func elementIndices(_ target: ParameterTarget, id: String, in scenario: Scenario) -> [Int] {
    switch target.collection {
    case "workloads": return scenario.workloads.indices.filter { scenario.workloads[$0].id == id }
    case "tenants": return scenario.tenants.indices.filter { scenario.tenants[$0].id == id }
    case "sites": return scenario.sites.indices.filter { scenario.sites[$0].id == id }
    case "hardware.servers": return scenario.hardware.servers.indices.filter { scenario.hardware.servers[$0].id == id }
    default: return scenario.hardware.storage.indices.filter { scenario.hardware.storage[$0].id == id }
    }
  }

  /// Puts one draw into `s` for `target` at `indices`: every rule through ``DrawRules``, the
  /// workload targets through ``apply(_:_:toWorkload:)`` (what the batched trials apply too).
  // swiftlint:disable:next cyclomatic_complexity
  private static func apply(_ target: ParameterTarget, _ draw: Double, indices: [Int], to s: inout Scenario) {
    if let parameter = target.workloadParameter {
      for w in indices { apply(parameter, draw, toWorkload: &s.workloads[w]) }
      return
    }
    let factor = DrawRules.factor(draw)
    switch target {
    case .workloadGrowth, .workloadStorageGrowth, .workloadVCPU, .workloadRAM, .workloadStorage:
      return  // applied above
    case .tenantEmployees:
      for t in indices { s.tenants[t].employees = s.tenants[t].employees.scaled(by: factor) }
    case .tenantEmployeeGrowth:
      let growth = GrowthRate(perYear: DrawRules.growth(draw)) ?? .zero
      for t in indices {
        if case let .compounding(base, baseYear, _) = s.tenants[t].employees {
          s.tenants[t].employees = .compounding(base: base, baseYear: baseYear, growth: growth)
        }
      }
    case .tenantJoinYear:
      let year = Year(DrawRules.years(draw))
      for t in indices { s.tenants[t].joinsSharedDataCentre = year }
    case .tenantJoinDelay:
      let years = DrawRules.years(draw)
      for t in indices { s.tenants[t].joinsSharedDataCentre = s.tenants[t].joinsSharedDataCentre.map { $0 + years } }
    case .siteDecommissionYear:
      let year = Year(DrawRules.years(draw))
      for i in indices { s.sites[i].decommissionYear = year }
    case .sitePUE:
      for i in indices { s.sites[i].pue = s.sites[i].pue.mapped { DrawRules.pue($0, factor: draw) } }
    case .siteLeadTime:
      let years = DrawRules.leadTime(draw)
      // Modules with a fixed ready year stand already (or are under way): their lead time is history.
      for i in indices {
        for m in s.sites[i].modules.indices where s.sites[i].modules[m].fixedReadyYear == nil {
          s.sites[i].modules[m].leadTimeYears = years
        }
      }
    case .serverPrice:
      for i in indices { s.hardware.servers[i].price = Money(baseUnits: s.hardware.servers[i].price.baseUnits * factor) }
    case .storagePrice:
      for i in indices { s.hardware.storage[i].price = Money(baseUnits: s.hardware.storage[i].price.baseUnits * factor) }
    case .energyPrice: s.costs.energyPricePerKWh = s.costs.energyPricePerKWh.mapped { $0 * factor }
    case .fteCost: s.costs.ftePerYear = s.costs.ftePerYear.mapped { $0 * factor }
    case .spaceCost: s.costs.spacePerRackYear = s.costs.spacePerRackYear.mapped { $0 * factor }
    case .licencePerCore: s.costs.licencePerCoreYear = s.costs.licencePerCoreYear.mapped { $0 * factor }
    case .discountRate: s.info.discountRate = Fraction(DrawRules.share(draw)) ?? s.info.discountRate
    case .cpuOvercommit: s.policy.cpuOvercommit = DrawRules.overcommit(draw)
    case .targetUtilisation: s.policy.targetUtilisation = Fraction(DrawRules.utilisation(draw)) ?? s.policy.targetUtilisation
    case .busyHour:
      s.network.perEmployeeMbps = s.network.perEmployeeMbps.mapped { $0 * factor }
      s.network.perEmployeeUpMbps = s.network.perEmployeeUpMbps?.mapped { $0 * factor }
    case .erlangsPerPhone: s.voice?.erlangsPerPhone *= factor
    }
  }

  /// Puts one draw of a workload parameter into `workload` (``TrialDemand`` applies the same
  /// rules to its arrays): growth rates through ``DrawRules/setGrowth(_:vcpu:ram:storage:)``
  /// and ``DrawRules/growth(_:)``, factors through ``DrawRules/factor(_:)``.
  static func apply(_ parameter: WorkloadParameter, _ draw: Double, toWorkload workload: inout Workload) {
    switch parameter {
    case .growth:
      var vcpu = workload.vcpuGrowth.perYear
      var ram = workload.ramGrowth.perYear
      var storage = workload.storageGrowth.perYear
      DrawRules.setGrowth(draw, vcpu: &vcpu, ram: &ram, storage: &storage)
      workload.vcpuGrowth = GrowthRate(perYear: vcpu) ?? .zero
      workload.ramGrowth = GrowthRate(perYear: ram) ?? .zero
      workload.storageGrowth = GrowthRate(perYear: storage) ?? .zero
    case .storageGrowth:
      workload.storageGrowth = GrowthRate(perYear: DrawRules.growth(draw)) ?? .zero
    case .vcpu:
      workload.vcpu = workload.vcpu.scaled(by: DrawRules.factor(draw))
    case .ram:
      workload.ram = workload.ram.scaled(by: DrawRules.factor(draw))
    case .storage:
      workload.storage = workload.storage.scaled(by: DrawRules.factor(draw))
      workload.storageAccrualPerYear = workload.storageAccrualPerYear.scaled(by: DrawRules.factor(draw))
    }
  }
}

extension YearValue {
  /// Every value passed through `transform` (an escalating value's base; a table's points).
  func mapped(_ transform: (Double) -> Double) -> YearValue {
    switch self {
    case let .constant(value): return .constant(transform(value))
    case let .escalating(value, baseYear, rate): return .escalating(value: transform(value), baseYear: baseYear, rate: rate)
    case let .table(series):
      return YearSeries(series.points.map { ($0.year, transform($0.value)) }).map(YearValue.table) ?? self
    }
  }
}

extension Headcount {
  /// The headcount times `factor`.
  func scaled(by factor: Double) -> Headcount {
    switch self {
    case let .compounding(base, baseYear, growth): return .compounding(base: base * factor, baseYear: baseYear, growth: growth)
    case let .table(series): return YearSeries(series.points.map { ($0.year, $0.value * factor) }).map(Headcount.table) ?? self
    }
  }
}

extension Amount {
  /// The amount times `factor`.
  func scaled(by factor: Double) -> Amount {
    switch self {
    case let .absolute(value): return .absolute(Quantity(baseUnits: value.baseUnits * factor))
    case let .perEmployee(value): return .perEmployee(Quantity(baseUnits: value.baseUnits * factor))
    }
  }
}
