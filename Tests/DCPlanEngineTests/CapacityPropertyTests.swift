import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Properties that must hold for any scenario, on the bundled scenarios and variations.
@Suite("capacity properties")
struct CapacityPropertyTests {
  static let scenarios = ["teaching-capacity.yaml", "niedersachsen-2025.yaml"]

  private func load(_ name: String) throws -> Scenario {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario(name))
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  private func scaled(_ scenario: Scenario, by factor: Double) -> Scenario {
    var copy = scenario
    copy.workloads = scenario.workloads.map { workload in
      var w = workload
      w.vcpu = scale(w.vcpu, factor)
      w.ram = scale(w.ram, factor)
      w.storage = scale(w.storage, factor)
      w.storageAccrualPerYear = scale(w.storageAccrualPerYear, factor)
      return w
    }
    return copy
  }

  private func scale<Q: ScalarQuantity>(_ amount: Amount<Q>, _ factor: Double) -> Amount<Q> {
    switch amount {
    case let .absolute(q): return .absolute(q * factor)
    case let .perEmployee(q): return .perEmployee(q * factor)
    }
  }

  @Test("more demand never gives fewer servers, storage units or racks (random scenarios, random factors)",
        arguments: Array(UInt64(0)..<40))
  func monotone(_ seed: UInt64) throws {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: false, network: false))
    let base = try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario)
    let factor = random.uniform(1...3)
    let before = Planner.run(base)
    let after = Planner.run(scaled(base, by: factor))
    for (a, b) in zip(before.sizing, after.sizing) {
      for y in a.servers.indices {
        #expect(b.servers[y] >= a.servers[y], "seed \(seed): \(a.site) year \(y) ×\(factor)")
        #expect(b.storageUnits[y] >= a.storageUnits[y], "seed \(seed): \(a.site) year \(y) ×\(factor)")
      }
    }
    for (a, b) in zip(before.facility, after.facility) {
      for y in a.racks.indices { #expect(b.racks[y] >= a.racks[y], "seed \(seed): \(a.site) year \(y) ×\(factor)") }
    }
  }

  @Test("energy equals typical IT power × PUE × 8,760 h", arguments: scenarios)
  func energy(_ name: String) throws {
    let results = Planner.run(try load(name))
    for site in results.facility {
      for y in site.energyMWh.indices {
        #expect(approximately(site.energyMWh[y], site.itKW[y] * site.pue[y] * 8760 / 1000, relative: 1e-12))
      }
    }
  }

  @Test("installed units never fall short of the need, and the yearly totals are ledger sums", arguments: scenarios)
  func fleetAndLedger(_ name: String) throws {
    let results = Planner.run(try load(name))
    for (sized, fleet) in zip(results.sizing, results.fleets) {
      // Units in service after purchases = need, since purchases only fill the gap.
      for y in sized.servers.indices.dropFirst() {
        #expect(fleet.servers.purchases[y] <= sized.servers[y])
        #expect(fleet.servers.purchases[y] >= sized.servers[y] - sized.servers[y - 1])
      }
    }
    let total = results.costs.lines.reduce(0) { $0 + $1.amountEUR }
    #expect(approximately(total, results.costs.totalEUR.reduce(0, +), relative: 1e-12))
  }

  @Test("the default scenario's plan: legacy rooms empty once closed, twins carry the same, no shortfall")
  func defaultPlan() throws {
    let results = Planner.run(try load("niedersachsen-2025.yaml"))
    #expect(results.firstShortfallYear == nil)
    // Capacity, network and voice hold; what the plan shows on purpose: VK3 targets missed in
    // the legacy rooms before the move, the KDO room's fire and a ransomware attack taking
    // services down, twins 29 km apart (not BSI-georedundant), and the cost game's verdicts
    // (the small municipalities pay a little more than alone; the three municipal data centres
    // together would pay less than Shapley charges them; hardware bought before a move and
    // stranded by it; legacy PBXs still running after ISDN's end, as the migration lags it).
    let shown: Set<WarningCode> = [
      .availabilityBelowTarget, .siteOutageLosesService, .tenantPaysMoreThanAlone, .sharingCostsMore, .allocationOutsideCore,
      .twinsNotGeoredundant, .hardwareStranded, .pbxAfterISDNEnd,
    ]
    #expect(results.warnings.allSatisfy { shown.contains($0.code) }, "\(results.warnings.map(\.message))")
    let scenario = try load("niedersachsen-2025.yaml")
    for (site, needs) in zip(scenario.sites, results.facility) {
      for (y, year) in results.demand.years.enumerated() where !site.isOperating(in: year) {
        #expect(needs.racks[y] == 0, "\(site.id) \(year)")
      }
    }
    #expect(results.sizing[0].servers == results.sizing[1].servers)
    // The Land joins in 2019: the shared sites run from then on.
    #expect(results.sizing[0].servers[1] == 0 && results.sizing[0].servers[2] > 0)
  }
}
