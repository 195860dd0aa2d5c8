import DCPlanModel

/// The link upgrade plan (docs/conventions.md, "Link upgrades"): per link and year the capacity
/// needed is max(load ÷ target, N-1 load ÷ failure target); when the step standing or ordered
/// is not enough, the first step in the link's list that is (the largest if none is) is
/// ordered, ready that year and ordered its lead time before, never before the first year.
struct LinkUpgradePlan {
  /// Capacity standing per link and year, Mbit/s.
  var standing: Matrix
  /// The upgrades, by link then year.
  var upgrades: [LinkUpgrade]
  /// Per link, the step (1-based) that becomes ready in each year, or nil (empty when not kept).
  var stepReady: [[Int?]]
  /// Per link, whether a step is left after the last one ordered.
  var hasStepLeft: [Bool]

  /// Plans every link's upgrades for `load` and `n1Load`; `keepSteps` keeps ``stepReady``.
  /// `committed` upgrades (per link, ordered already) stand from their ready years; new orders
  /// are placed as `orders` allows (docs/conventions.md, "Planning under uncertainty").
  init(
    _ network: Network, load: Matrix, n1Load: Matrix, years: [Year], keepSteps: Bool, committed: [[LinkUpgrade]] = [],
    orders: OrderRule = .any
  ) {
    let yearCount = years.count
    let linkCount = network.links.count
    let first = years.first ?? Year(0)
    standing = Matrix(rows: linkCount, columns: yearCount)
    upgrades = []
    stepReady = []
    hasStepLeft = []
    for (l, link) in network.links.enumerated() {
      for y in 0..<yearCount { standing[l, y] = link.capacity.megabitsPerSecond }
      var ready = [Int?](repeating: nil, count: keepSteps ? yearCount : 0)
      var chosen = -1  // index of the last step ordered
      for upgrade in l < committed.count ? committed[l] : [] {
        upgrades.append(upgrade)
        chosen = max(chosen, upgrade.step - 1)
        let readyIndex = upgrade.readyYear - first
        if readyIndex < yearCount {
          if keepSteps, readyIndex >= 0 { ready[readyIndex] = upgrade.step }
          for later in max(0, readyIndex)..<yearCount { standing[l, later] = upgrade.capacityMbps }
        }
      }
      let earliestOrder: Year?
      switch orders {
      case .any: earliestOrder = first
      case let .from(year): earliestOrder = max(first, year)
      case .none: earliestOrder = nil
      }
      for (y, year) in years.enumerated() {
        guard let earliestOrder else { break }
        let required = max(load[l, y] / network.targetUtilisation.value, n1Load[l, y] / network.failureUtilisation.value)
        let ordered = chosen >= 0 ? link.steps[chosen].capacity.megabitsPerSecond : link.capacity.megabitsPerSecond
        guard required > ordered * (1 + 1e-12), chosen + 1 < link.steps.count else { continue }
        let fitting = link.steps.indices.dropFirst(chosen + 1).first { link.steps[$0].capacity.megabitsPerSecond >= required }
        let k = fitting ?? (link.steps.count - 1)
        let step = link.steps[k]
        let readyYear = max(year, earliestOrder + step.leadTimeYears)
        upgrades.append(
          LinkUpgrade(link: link.id, step: k + 1, capacityMbps: step.capacity.megabitsPerSecond,
                      orderYear: readyYear + (-step.leadTimeYears), readyYear: readyYear, capex: step.capex,
                      leasePerYear: step.leasePerYear))
        chosen = k
        let readyIndex = readyYear - first
        if readyIndex < yearCount {
          if keepSteps { ready[readyIndex] = k + 1 }
          for later in readyIndex..<yearCount { standing[l, later] = step.capacity.megabitsPerSecond }
        }
      }
      if keepSteps { stepReady.append(ready) }
      hasStepLeft.append(chosen + 1 < link.steps.count)
    }
  }
}
