@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Hardware generations: performance by year of purchase (docs/conventions.md, "Hardware
/// generations"), worked by hand and checked as properties on random scenarios.
@Suite("hardware generations")
struct HardwareGenerationTests {
  /// 640 vCPU and 400 TiB, constant, at one shared site; no overcommit, full use, no spares,
  /// one copy. Servers of 32 cores at 400 W (500 W peak), from 2021 of 64 cores at 600 W (its
  /// peak in proportion: 750 W); storage of 100 TiB at 1 kW, from 2020 of 200 TiB.
  static func yaml(generations: Bool) -> String {
    """
    version: 1
    scenario: {name: generations, horizon: 2017..2024, discount_rate: 0 %}
    tenants: [{id: state, kind: state, joins_shared_dc: 2017}]
    workloads: [{id: apps, tenant: state, vcpu: 640 vCPU, ram: 640 GiB, storage: 400 TiB}]
    sites: [{id: dc, kind: shared, capacity: {racks: 20, it_power: 200 kW}}]
    hardware:
      servers:
        - {id: host, cores: 32, ram: 2048 GiB, typical_power: 400 W, peak_power: 500 W, price: 10000 EUR, lifetime: 4 years,
           per_rack: 20\(generations ? ", generations: [{from: 2021, cores: 64, typical_power: 600 W}]" : "")}
      storage:
        - {id: array, usable: 100 TiB, typical_power: 1 kW, peak_power: 1 kW, price: 50000 EUR, lifetime: 2 years,
           per_rack: 4\(generations ? ", generations: [{from: 2020, usable: 200 TiB}]" : "")}
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, storage_target_utilisation: 100 %, cluster_size: 1000,
             spares_per_cluster: 0, storage_copies: 1}
    costs:
      licence_per_core: 100 EUR/year
    """
  }

  static func run(_ text: String) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: text, file: "generations.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  @Test("servers bought from 2021 carry twice the cores: the fleet falls from 20 to 10 as the old wear out, cores licensed as they stand")
  func serversByHand() throws {
    let results = try Self.run(Self.yaml(generations: true))
    let sized = try #require(results.sizing.first)
    let fleet = try #require(results.fleets.first)
    // The installed base of 20 (640 / 32) wears out 5 a year (lives 1…4 left). Until 2020, 5
    // of 32 cores are bought a year. 2021: 15 old servers meet 15/20 of the need; a 64-core
    // server meets 1/10: ⌈0.25 × 10⌉ = 3. 2022: 10 old (0.5) + 3 new (0.3): 2 more. 2023: 5
    // old (0.25) + 5 new (0.5): ⌈2.5⌉ = 3. 2024: 8 new (0.8): 2 more, 10 in all.
    #expect(fleet.servers.purchases == [0, 5, 5, 5, 3, 2, 3, 2])
    #expect(sized.servers == [20, 20, 20, 20, 18, 15, 13, 10])
    // Cores in service: 15 × 32 + 3 × 64 = 672 in 2021, 10 × 32 + 5 × 64 = 640 in 2022, …
    #expect(sized.serverCores == [640, 640, 640, 640, 672, 640, 672, 640])
    let licences = results.costs.lines.filter { $0.category == .licences }.map(\.amountEUR)
    #expect(licences == [64_000, 64_000, 64_000, 64_000, 67_200, 64_000, 67_200, 64_000])
    // The year's generation sizes the working servers: 640 / 64 from 2021.
    #expect(sized.workingServers == [20, 20, 20, 20, 10, 10, 10, 10])
    // Power generation by generation: 2021 draws 15 × 0.4 + 3 × 0.6 kW for the servers and
    // 2 × 1 kW for the storage; at peak 15 × 0.5 + 3 × 0.75 + 2.
    let facility = try #require(results.facility.first)
    let itKW: [Double] = [12, 12, 12, 11, 9.8, 9, 8.8, 8]
    let peakKW: [Double] = [14, 14, 14, 13, 11.75, 10.75, 10.5, 9.5]
    #expect(zip(facility.itKW, itKW).allSatisfy { abs($0 - $1) < 1e-9 }, "\(facility.itKW)")
    #expect(zip(facility.itPeakKW, peakKW).allSatisfy { abs($0 - $1) < 1e-9 }, "\(facility.itPeakKW)")
  }

  @Test("storage units of 200 TiB from 2020: four units of 100 TiB give way to two")
  func storageByHand() throws {
    let results = try Self.run(Self.yaml(generations: true))
    let sized = try #require(results.sizing.first)
    let fleet = try #require(results.fleets.first)
    // 4 units (400 / 100) with lives 1 and 2 left. 2018, 2019: 2 worn, 2 bought. 2020: 2 old
    // meet 0.5; a new unit meets 1/2: 1 bought. 2021: the 2019 pair wears out; the new one
    // meets 0.5: 1 more. 2022: the 2020 unit wears out: 1 more; and so on.
    #expect(fleet.storage.purchases == [0, 2, 2, 1, 1, 1, 1, 1])
    #expect(sized.storageUnits == [4, 4, 4, 3, 2, 2, 2, 2])
  }

  @Test("without generations every server has 32 cores: 20 a year, 5 replaced a year")
  func withoutGenerations() throws {
    let results = try Self.run(Self.yaml(generations: false))
    #expect(results.sizing.first?.servers == Array(repeating: 20, count: 8))
    #expect(results.fleets.first?.servers.purchases == [0, 5, 5, 5, 5, 5, 5, 5])
    #expect(results.sizing.first?.serverCores == Array(repeating: 640, count: 8))
  }

  /// Random scenarios with a generation added to every type.
  static func withGeneration(
    _ seed: UInt64, coresFactor: Int, usableFactor: Double, powerFactor: Double
  ) throws -> (base: Scenario, changed: Scenario, from: Year) {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: false, network: false))
    let base = try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario)
    let horizon = base.info.horizon
    let from = horizon.first + random.integer(1...max(1, horizon.count - 1))
    var changed = base
    for i in changed.hardware.servers.indices {
      let type = changed.hardware.servers[i]
      changed.hardware.servers[i].generations = [
        ServerGeneration(
          fromYear: from, cores: type.cores * coresFactor, ram: type.ram * Double(coresFactor),
          typicalPower: type.typicalPower * powerFactor, peakPower: type.peakPower * powerFactor)
      ]
    }
    for i in changed.hardware.storage.indices {
      let type = changed.hardware.storage[i]
      changed.hardware.storage[i].generations = [StorageGeneration(
        fromYear: from, usable: type.usable * usableFactor, typicalPower: type.typicalPower * powerFactor,
        peakPower: type.peakPower * powerFactor)]
    }
    return (base, changed, from)
  }

  @Test("a generation with the type's own figures changes nothing (random scenarios)", arguments: Array(UInt64(0)..<24))
  func sameFiguresChangeNothing(_ seed: UInt64) throws {
    let (base, changed, _) = try Self.withGeneration(seed, coresFactor: 1, usableFactor: 1, powerFactor: 1)
    let before = Planner.run(base)
    let after = Planner.run(changed)
    for (a, b) in zip(before.sizing, after.sizing) {
      #expect(a.servers == b.servers && a.storageUnits == b.storageUnits && a.serverCores == b.serverCores, "seed \(seed)")
      #expect(a.workingServers == b.workingServers && a.pools == b.pools, "seed \(seed)")
    }
    #expect(before.fleets == after.fleets, "seed \(seed)")
    #expect(before.facility == after.facility, "seed \(seed)")
    #expect(before.costs.lines == after.costs.lines, "seed \(seed)")
    #expect(before.sharing.tenants.map(\.standaloneEUR) == after.sharing.tenants.map(\.standaloneEUR), "seed \(seed)")
  }

  @Test("a better generation changes nothing before its year, never leaves a need unmet, and the refresh buys what the fleet counts (random scenarios)",
        arguments: Array(UInt64(0)..<24))
  func betterGeneration(_ seed: UInt64) throws {
    let (base, changed, from) = try Self.withGeneration(seed, coresFactor: 2, usableFactor: 1.5, powerFactor: 1.3)
    let before = Planner.run(base)
    let after = Planner.run(changed)
    let cut = base.info.horizon.index(of: from)
    for (a, b) in zip(before.sizing, after.sizing) {
      #expect(a.servers[..<cut] == b.servers[..<cut], "seed \(seed) \(a.site)")
      #expect(a.storageUnits[..<cut] == b.storageUnits[..<cut], "seed \(seed) \(a.site)")
      #expect(a.serverCores[..<cut] == b.serverCores[..<cut], "seed \(seed) \(a.site)")
      // From the generation's year on, a site with a need keeps servers, never more than the
      // servers of the old generation alone.
      for y in cut..<a.servers.count where a.servers[y] > 0 {
        #expect(b.servers[y] > 0, "seed \(seed) \(a.site) year \(y)")
        #expect(b.servers[y] <= a.servers[y], "seed \(seed) \(a.site) year \(y): \(b.servers[y]) > \(a.servers[y])")
      }
    }
    for (sized, fleet) in zip(after.sizing, after.fleets) {
      // The refresh's units in service are the sizing's count, year by year.
      var inService = sized.servers.first ?? 0
      for y in sized.servers.indices.dropFirst() {
        inService += fleet.servers.purchases[y] - fleet.servers.retirements[y]
        #expect(inService == sized.servers[y], "seed \(seed) \(sized.site) year \(y)")
      }
    }
    // Costs before the generation's year stand, but for modules: a hall is ordered its lead
    // time ahead of the need it meets, and fewer later servers may need it later.
    func early(_ results: PlanResults) -> [CostLine] { results.costs.lines.filter { $0.year < from && $0.category != .modules } }
    #expect(early(before) == early(after), "seed \(seed)")
  }
}
