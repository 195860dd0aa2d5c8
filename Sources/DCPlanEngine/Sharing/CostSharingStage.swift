import DCPlanModel

/// One tenant's share of the plan's costs under each method, what it would pay alone and
/// what it saves, per year (EUR, in the ledger's money).
public struct TenantCost: Hashable, Sendable {
  /// The tenant's id.
  public let tenant: String
  /// Its cost under the scenario's method (with the VAT charged on it that it cannot
  /// reclaim: ``vatOnChargeEUR``).
  public let costEUR: [Double]
  /// Its standalone cost: the engine on its own (data centre and voice) plus the same network share.
  public let standaloneEUR: [Double]
  /// Standalone minus cost.
  public var savingEUR: [Double] { zip(standaloneEUR, costEUR).map(-) }
  /// Its cost shared by weighted usage.
  public let usageEUR: [Double]
  /// Its cost shared by fixed keys; nil when not every tenant has a key.
  public let keysEUR: [Double]?
  /// Its Shapley value plus its network share; nil when not computed.
  public let shapleyEUR: [Double]?
  /// Its usage share of the network's lines (in every method's figure and in the standalone).
  public let networkEUR: [Double]
  /// The first year its standalone plan is short of space, power or cooling, if any.
  public let standaloneShortfallYear: Year?
  /// The VAT the shared plan's body charges it on its cost and it cannot reclaim (a taxable
  /// body; docs/conventions.md, "VAT"), in ``costEUR`` and every method's figure; zeros else.
  public var vatOnChargeEUR: [Double] = []
  /// Its share of the residual value credited in the last year (negative; split by usage,
  /// whatever the method), in ``costEUR``: no cash, so a budget leaves it out
  /// (docs/conventions.md, "Budget lines").
  public var residualCreditEUR: [Double] = []
  /// What it pays in cash per year: its cost without the residual value credit.
  public var cashEUR: [Double] {
    residualCreditEUR.isEmpty ? costEUR : costEUR.indices.map { costEUR[$0] - ($0 < residualCreditEUR.count ? residualCreditEUR[$0] : 0) }
  }
}

/// How the plan's costs are shared (docs/conventions.md, "Cost sharing").
public struct CostSharing: Hashable, Sendable {
  /// The method whose figures are each tenant's cost.
  public let method: CostAllocation.Method
  /// One entry per tenant, in scenario order.
  public let tenants: [TenantCost]
  /// How the Shapley values were found: nil (not computed), exact, or sampled orders.
  public let shapleySamples: Int?
  /// The largest standard error of a tenant's Shapley NPV (0 when exact), EUR.
  public let shapleyStandardErrorNPV: Double
  /// The coalition that would pay less alone than the method charges it, most of all
  /// (checked when every coalition's cost is known); nil if none.
  public let blockingCoalition: BlockingCoalition?

  /// The VAT charged to the tenants per year that they cannot reclaim (a taxable body), on
  /// top of the plan's costs: what the tenants pay together is the plan's costs plus this.
  public var vatOnChargesEUR: [Double] {
    guard let first = tenants.first?.vatOnChargeEUR, !first.isEmpty else { return [] }
    return tenants.dropFirst().reduce(first) { zip($0, $1.vatOnChargeEUR).map(+) }
  }

  /// Nothing to share.
  public static let empty = CostSharing(
    method: .usage, tenants: [], shapleySamples: nil, shapleyStandardErrorNPV: 0, blockingCoalition: nil)
}

/// A coalition charged more (NPV) than its own cost: the allocation is outside the core.
public struct BlockingCoalition: Hashable, Sendable {
  /// Its members.
  public let members: [String]
  /// What the method charges it minus what it would pay on its own (NPV, EUR).
  public let excessNPV: Double
}

/// The cost-sharing stage: splits the ledger among tenants by usage, by keys and by the
/// Shapley value of the cost game, and compares each share with the tenant's standalone cost.
public enum CostSharingStage {
  /// Coalitions up to this many tenants are always computed (and the Shapley value shown
  /// beside the chosen method); beyond, only when the method is Shapley.
  static let alwaysExactLimit = 10

  /// Shares the plan's costs; `threads` workers evaluate coalitions (results do not depend on it).
  public static func run(
    _ scenario: Scenario, demand: DemandProjection, voice: VoiceResults, costs: CostResults, threads: Int = 2
  ) -> (CostSharing, [PlanWarning]) {
    let tenants = scenario.tenants
    let years = demand.years
    guard !tenants.isEmpty, let first = years.first else { return (.empty, []) }
    let n = tenants.count
    let width = years.count
    let rate = scenario.info.discountRate.value
    let allocation = scenario.allocation
    let usage = UsageKey(scenario, demand: demand, voice: voice)
    let tenantIndex = Dictionary(tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let keys: [Double]? = tenants.allSatisfy { $0.costKey != nil } ? tenants.map { $0.costKey ?? 0 } : nil

    // Lines summed per group of tenants served and year, then each sum split once: usage and
    // keys, and the network's usage share.
    var groups: [(ids: [String], members: [Int])] = []
    // [group][3 · year + kind]: 0 the cost game's, 1 the network's, 2 common cost items'
    // (shared by usage outside the game, like the network; docs/conventions.md, "Cost items").
    var amounts: [[Double]] = []
    // [group][year]: the residual value lines among them (a credit, not cash).
    var residualAmounts: [[Double]] = []
    let commonPlaces = CostItems.commonPlaces(scenario)
    var lastGroup = -1
    for line in costs.lines {
      let g: Int
      if lastGroup >= 0, groups[lastGroup].ids == line.tenants {
        g = lastGroup
      } else if let found = groups.firstIndex(where: { $0.ids == line.tenants }) {
        g = found
      } else {
        let members = line.tenants.isEmpty ? Array(0..<n) : line.tenants.compactMap { tenantIndex[$0] }
        groups.append((line.tenants, members))
        amounts.append([Double](repeating: 0, count: 3 * width))
        residualAmounts.append([Double](repeating: 0, count: width))
        g = groups.count - 1
      }
      lastGroup = g
      let kind = line.category.isNetwork ? 1 : commonPlaces.contains(line.site) ? 2 : 0
      amounts[g][3 * (line.year - first) + kind] += line.amountEUR
      if line.category.isResidual { residualAmounts[g][line.year - first] += line.amountEUR }
    }
    var usageEUR = [[Double]](repeating: [Double](repeating: 0, count: width), count: n)
    var keysEUR = usageEUR
    var networkEUR = usageEUR
    // The network and the common items: each tenant's usage share, outside the cost game.
    var outsideGameEUR = usageEUR
    var residualEUR = usageEUR
    for (g, group) in groups.enumerated() where !group.members.isEmpty {
      let served = group.members
      let keyTotal = keys.map { keys in served.reduce(0) { $0 + keys[$1] } } ?? 0
      for y in 0..<width {
        let other = amounts[g][3 * y]
        let network = amounts[g][3 * y + 1]
        let common = amounts[g][3 * y + 2]
        guard other != 0 || network != 0 || common != 0 else { continue }
        let shares = usage.shares(of: served, year: y, weights: allocation)
        let residual = residualAmounts[g][y]
        for (t, share) in zip(served, shares) {
          residualEUR[t][y] += residual * share
          usageEUR[t][y] += (other + network + common) * share
          networkEUR[t][y] += network * share
          outsideGameEUR[t][y] += (network + common) * share
        }
        if let keys {
          for t in served {
            keysEUR[t][y] += (other + network + common) * (keyTotal > 0 ? keys[t] / keyTotal : 1 / Double(served.count))
          }
        }
      }
    }

    // The cost game, in the shared plan's money (docs/conventions.md, "VAT"): standalone
    // costs always; Shapley when small enough or asked for.
    let shared = scenario.inSharedPlanMoney()
    let game = CostGame(shared, voice: voice, years: years, demand: demand)
    // Each tenant alone pays in its own money: where that differs from the shared plan's, its
    // standalone cost comes from the game in the other money.
    let sharedGross = shared.costs.vat?.pricesIncludeVAT == true
    let vatApplies = (scenario.costs.vat?.rate ?? 0) > 0
    let aloneInOtherMoney = Set(tenants.indices.filter { t in vatApplies && !tenants[t].reclaimsVAT != sharedGross })
    let otherGame = aloneInOtherMoney.isEmpty
      ? nil
      : CostGame(sharedGross ? scenario : scenario.withVATOnPrices(), voice: voice, years: years, demand: demand)
    func standalone(_ t: Int) -> (eur: [Double], shortfall: Year?) {
      let source = aloneInOtherMoney.contains(t) ? otherGame ?? game : game
      return (source.standaloneEUR[t], source.standaloneShortfall[t])
    }
    var shapley: [[Double]]?
    var samples: Int?
    var standardError = 0.0
    var table: [Double]?
    // The table of every coalition's yearly costs is kept whole: at most 2^25 numbers (256 MB).
    let tableFits = n <= Shapley.exactLimit && (1 << n) * width <= 1 << 25
    if tableFits, n <= alwaysExactLimit || allocation.method == .shapley {
      let coalitions = Shapley.table(game, threads: threads)
      table = coalitions
      shapley = Shapley.values(table: coalitions, players: n, width: width)
      samples = 0
    } else if allocation.method == .shapley {
      let estimate = Shapley.sampled(
        game, samples: allocation.shapleySamples, seed: scenario.info.seed, rate: rate, threads: threads)
      shapley = estimate.values
      samples = allocation.shapleySamples
      standardError = estimate.standardErrorNPV.max() ?? 0
    }
    let shapleyEUR = shapley.map { values in
      values.indices.map { t in zip(values[t], outsideGameEUR[t]).map(+) }
    }

    var results: [TenantCost] = []
    // What the method charges each tenant within the game, before any VAT on the charge.
    var chargedInGame: [Double] = []
    for (t, tenant) in tenants.enumerated() {
      let chosen: [Double]
      switch allocation.method {
      case .usage: chosen = usageEUR[t]
      case .keys: chosen = keys != nil ? keysEUR[t] : usageEUR[t]
      case .shapley: chosen = shapleyEUR?[t] ?? usageEUR[t]
      }
      chargedInGame.append(NPV.value(zip(chosen, outsideGameEUR[t]).map(-), rate: rate))
      // A taxable body charges VAT on the whole charge (the network's share too); alone, the
      // network's share is charged alike.
      let factor = scenario.chargeFactor(tenant: t)
      func charged(_ eur: [Double]) -> [Double] { factor == 1 ? eur : eur.map { $0 * factor } }
      let alone = standalone(t)
      var cost = TenantCost(
        tenant: tenant.id, costEUR: charged(chosen), standaloneEUR: zip(alone.eur, charged(outsideGameEUR[t])).map(+),
        usageEUR: charged(usageEUR[t]), keysEUR: keys != nil ? charged(keysEUR[t]) : nil, shapleyEUR: shapleyEUR.map { charged($0[t]) },
        networkEUR: charged(networkEUR[t]), standaloneShortfallYear: alone.shortfall)
      cost.vatOnChargeEUR = chosen.map { $0 * (factor - 1) }
      cost.residualCreditEUR = charged(residualEUR[t])
      results.append(cost)
    }

    var warnings: [PlanWarning] = []
    let method = allocation.method.rawValue
    let hint = allocation.method == .shapley
      ? "the shared plan costs it more than going alone: weigh the availability the shared sites add (table 'availability') against the extra cost"
      : "it gains nothing from joining: change the keys or weights, or use 'shapley'"
    for result in results {
      let cost = NPV.value(result.costEUR, rate: rate)
      let alone = NPV.value(result.standaloneEUR, rate: rate)
      if cost > alone + 1e-9 * max(1, abs(alone)) + 0.005 {
        warnings.append(PlanWarning(
          code: .tenantPaysMoreThanAlone, year: nil, subject: result.tenant,
          message: "tenant '\(result.tenant)' pays \(eur(cost)) EUR (NPV) under '\(method)' sharing but "
            + "\(eur(alone)) EUR alone; \(hint)"))
      }
      if let year = result.standaloneShortfallYear {
        let hasRoom = tenants.first { $0.id == result.tenant }?.legacySite != nil
        let advice = hasRoom
          ? "its standalone cost does not include building more: give its legacy site modules to make the comparison fair"
          : "alone it runs on the shared sites' design (it has no legacy site), whose modules do not come in time for it: "
            + "see the shared plan's 'shortfall-*' warnings"
        warnings.append(PlanWarning(
          code: .standaloneShortfall, year: year, subject: result.tenant,
          message: "tenant '\(result.tenant)' alone would be short of space, power or cooling from \(year); \(advice)"))
      }
    }
    let total = NPV.value(costs.totalEUR, rate: rate)
    let aloneTotal = results.reduce(0) { $0 + NPV.value($1.standaloneEUR, rate: rate) }
    if total > aloneTotal + 0.005 {
      warnings.append(PlanWarning(
        code: .sharingCostsMore, year: nil, subject: nil,
        message: "the shared plan costs \(eur(total)) EUR (NPV) but all tenants alone \(eur(aloneTotal)) EUR; "
          + "sharing saves nothing in this scenario"))
    }
    var blocking: BlockingCoalition?
    if let table, n > 2 {
      // What the method charges each tenant within the game: the network and common items aside.
      blocking = worstBlocking(table: table, players: n, width: width, rate: rate, charged: chargedInGame, ids: tenants.map(\.id))
      if let blocking {
        warnings.append(PlanWarning(
          code: .allocationOutsideCore, year: nil, subject: nil,
          message: "under '\(method)' sharing, tenants \(blocking.members.map { "'\($0)'" }.joined(separator: ", ")) together "
            + "pay \(eur(blocking.excessNPV)) EUR (NPV) more than \(blocking.members.count == 1 ? "it would alone" : "they would on their own"); \(allocation.method == .shapley ? "no split keeps every group in: the shared plan costs more than they save together" : "use 'shapley' or change the keys")"))
      }
    }
    return (
      CostSharing(
        method: allocation.method, tenants: results, shapleySamples: samples, shapleyStandardErrorNPV: standardError,
        blockingCoalition: blocking),
      warnings
    )
  }

  /// The coalition (1 ≤ size < n: a single tenant charged more than alone blocks too) most
  /// overcharged against its own cost, if any is.
  static func worstBlocking(table: [Double], players n: Int, width: Int, rate: Double, charged: [Double], ids: [String])
    -> BlockingCoalition?
  {
    var worst: (mask: Int, excess: Double)?
    let everyone = (1 << n) - 1
    for mask in 1..<everyone {
      var own = 0.0
      var factor = 1.0
      for y in 0..<width {
        own += table[mask * width + y] / factor
        factor *= 1 + rate
      }
      var sum = 0.0
      for i in 0..<n where mask & (1 << i) != 0 { sum += charged[i] }
      let excess = sum - own
      if excess > 1e-9 * max(1, abs(own)) + 0.005, excess > (worst?.excess ?? 0) { worst = (mask, excess) }
    }
    return worst.map { worst in
      BlockingCoalition(members: (0..<n).filter { worst.mask & (1 << $0) != 0 }.map { ids[$0] }, excessNPV: worst.excess)
    }
  }

  private static func eur(_ value: Double) -> String { NumberText.euros(value) }
}

/// Each tenant's usage per year (placed vCPU, RAM, storage; busy-hour bandwidth of its
/// locations, data and voice) and its weighted share among a group of tenants.
struct UsageKey {
  /// `[resource][tenant · years + year]`, resources vCPU, RAM, storage, bandwidth.
  private var amounts: [[Double]]
  private let years: Int

  init(_ scenario: Scenario, demand: DemandProjection, voice: VoiceResults) {
    let count = demand.years.count
    years = count
    let n = scenario.tenants.count
    let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    amounts = [[Double]](repeating: [Double](repeating: 0, count: n * count), count: 4)
    // Placed vCPU, RAM and storage: the tenants' sums the plan places.
    let placed = DemandStage.TenantSums(scenario, demand)
    for t in placed.sums.indices {
      for r in 0..<3 { for y in 0..<count { amounts[r][t * count + y] = placed.total(tenant: t, resource: r, year: y, years: count) } }
    }
    if !scenario.network.nodes.isEmpty {
      for (t, tenant) in scenario.tenants.enumerated() {
        for location in tenant.locations {
          for (y, year) in demand.years.enumerated() {
            // The busier direction: what the links are sized for.
            let down = scenario.network.perEmployeeMbps.value(in: year)
            let perEmployee = scenario.network.perEmployeeUpMbps.map { max(down, $0.value(in: year)) } ?? down
            amounts[3][t * count + y] += tenant.employees.employees(in: year) * location.share.value * perEmployee
          }
        }
      }
      let first = demand.years.first ?? Year(0)
      for location in voice.locations {
        guard let t = tenantIndex[location.tenant] else { continue }
        let y = location.year - first
        if y >= 0, y < count { amounts[3][t * count + y] += location.mbps }
      }
    }
  }

  /// The shares of `group` in year `y`: Σ_r w_r · x_{i,r} / Σ_{j ∈ group} x_{j,r}, over the
  /// resources the group uses, divided by the sum of their weights; equal shares if it uses none.
  func shares(of group: [Int], year y: Int, weights: CostAllocation) -> [Double] {
    let w = [weights.vcpuWeight, weights.ramWeight, weights.storageWeight, weights.bandwidthWeight]
    var result = [Double](repeating: 0, count: group.count)
    var weightSum = 0.0
    for r in 0..<4 where w[r] > 0 {
      var total = 0.0
      for t in group { total += amounts[r][t * years + y] }
      guard total > 0 else { continue }
      weightSum += w[r]
      for (k, t) in group.enumerated() { result[k] += w[r] * amounts[r][t * years + y] / total }
    }
    guard weightSum > 0 else { return [Double](repeating: 1 / Double(group.count), count: group.count) }
    return result.map { $0 / weightSum }
  }
}
