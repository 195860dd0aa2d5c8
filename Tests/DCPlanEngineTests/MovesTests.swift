import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Rooms emptying at a move: refresh frozen before it, hardware stranded by it, the months both
/// run (docs/conventions.md, "Moves").
@Suite("moves: freeze before the move, stranded hardware, parallel running")
struct MovesTests {
  /// Worked by hand: 6 units installed (2 each with 1, 2, 3 years left), life 3, the room
  /// empties in year index 4.
  @Test("a one-year freeze keeps the two worn units instead of buying four; the move strands what is left")
  func freezeByHand() {
    let need = [6, 8, 10, 12, 0]
    let open = RefreshStage.flow(need: need, lifetime: 3, recordStranded: true)
    // Year 3 unfrozen: 2 worn, 8 stand, 12 needed: buy 4 (2 replacements).
    #expect(open.purchases == [0, 4, 4, 4, 0])
    #expect(open.stranded.map { [$0.retiredIndex, $0.boughtIndex, $0.units, $0.yearsLeft] } == [[4, 2, 4, 1], [4, 3, 4, 2]])
    let frozen = RefreshStage.flow(need: need, lifetime: 3, freezeYears: 1, recordStranded: true)
    // Year 3 frozen: the 2 worn units stay (past their life), only growth is bought: 2.
    #expect(frozen.purchases == [0, 4, 4, 2, 0])
    #expect(frozen.replacements == [0, 2, 2, 0, 0])
    #expect(frozen.beyondLife == [0, 0, 0, 2, 0])
    // Year 4: the kept 2 and the 4 of year 1 are worn; 4 of year 2 and 2 of year 3 are stranded.
    #expect(frozen.retirements == [0, 2, 2, 0, 12])
    #expect(frozen.stranded.map { [$0.retiredIndex, $0.boughtIndex, $0.units, $0.yearsLeft] } == [[4, 2, 4, 1], [4, 3, 2, 2]])
    // A room that never empties within the horizon is never frozen.
    #expect(RefreshStage.flow(need: [6, 8, 10, 12, 14], lifetime: 3, freezeYears: 2) == RefreshStage.flow(need: [6, 8, 10, 12, 14], lifetime: 3))
  }

  @Test("a longer freeze never buys more, and never strands more units bought in the plan (random rooms)", arguments: Array(UInt64(1)...40))
  func freezeMonotone(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let years = 3 + Int(random.next() % 10)
    let move = 1 + Int(random.next() % UInt64(years - 1))
    var need = (0..<years).map { _ in Int(random.next() % 200) }
    for y in move..<years { need[y] = 0 }
    let life = 1 + Int(random.next() % 7)
    var previous = RefreshStage.flow(need: need, lifetime: life, recordStranded: true)
    for freeze in 1...years {
      let flow = RefreshStage.flow(need: need, lifetime: life, freezeYears: freeze, recordStranded: true)
      #expect(flow.purchases.reduce(0, +) <= previous.purchases.reduce(0, +), "seed \(seed) freeze \(freeze) need \(need) life \(life)")
      let bought = { (f: FleetFlow) in f.stranded.filter { $0.boughtIndex >= 1 }.reduce(0) { $0 + $1.units } }
      #expect(bought(flow) <= bought(previous), "seed \(seed) freeze \(freeze) need \(need) life \(life)")
      // Conservation: what stands each year is what is needed.
      var standing = need[0]
      for y in 1..<years {
        standing += flow.purchases[y] - flow.retirements[y]
        #expect(standing == need[y], "seed \(seed) year \(y)")
      }
      previous = flow
    }
  }

  @Test("the default: hannover-legacy's 2018 purchases strand in 2019; a one-year freeze buys only the growth and costs less")
  func defaultFreeze() throws {
    var scenario = try #require(ScenarioLoader.load(text: BundledScenarios.niedersachsen2025, file: "default.yaml").scenario)
    let site = try #require(scenario.sites.firstIndex { $0.id == "hannover-legacy" })
    // The default freezes the room's last year; without the freeze it refreshes in 2018.
    #expect(scenario.sites[site].freezeBeforeMoveYears == 1)
    scenario.sites[site].freezeBeforeMoveYears = 0
    let plan = Planner.run(scenario)
    let warning = try #require(plan.warnings.first { $0.code == .hardwareStranded && $0.subject == "hannover-legacy" })
    #expect(warning.year == Year(2019))
    #expect(warning.message.contains("bought 2018"))
    var frozen = scenario
    frozen.sites[site].freezeBeforeMoveYears = 1
    let frozenPlan = Planner.run(frozen)
    let fleet = try #require(frozenPlan.fleets.first { $0.site == "hannover-legacy" })
    let sized = try #require(frozenPlan.sizing.first { $0.site == "hannover-legacy" })
    // Growth only: 2018's servers and storage units less 2017's.
    #expect(fleet.servers.purchases[1] == sized.servers[1] - sized.servers[0])
    #expect(fleet.storage.purchases[1] == sized.storageUnits[1] - sized.storageUnits[0])
    #expect(fleet.servers.purchases[1] < plan.fleets.first { $0.site == "hannover-legacy" }!.servers.purchases[1])
    func strandedInPlan(_ results: PlanResults) -> Double {
      results.stranded.filter { $0.site == "hannover-legacy" && $0.boughtYear != nil }.reduce(0) { $0 + $1.bookValueEUR }
    }
    #expect(strandedInPlan(frozenPlan) < strandedInPlan(plan))
    #expect(frozenPlan.costs.npvEUR < plan.costs.npvEUR)
    // The kept units pay maintenance past their life.
    #expect(frozenPlan.costs.lines.contains { $0.site == "hannover-legacy" && $0.year == Year(2018) && $0.driver.contains("kept past end of life") })
  }
}

/// A room that empties in 2021, worked by hand: parallel running and the migration project.
@Suite("moves by hand: parallel running and migration")
struct MoveCostsByHandTests {
  static let yaml = """
    version: 1
    scenario: {name: moves, horizon: 2020..2022, discount_rate: 0 %}
    tenants:
      - id: a
        kind: municipality
        joins_shared_dc: 2021
        legacy_site: room
        migration: {fixed: 10000 EUR, per_vcpu: 100 EUR, per_tib: 1000 EUR, staff_days: 5}
    workloads:
      - {id: apps, tenant: a, vcpu: 80 vCPU, storage: 2 TiB}
    sites:
      - {id: dc, kind: shared, capacity: {racks: 4, it_power: 20 kW, cooling: 20 kW}}
      - {id: room, kind: legacy, capacity: {racks: 4, it_power: 20 kW, cooling: 20 kW}, parallel_running: 6 months}
    hardware:
      servers: [{id: host, cores: 10, ram: 1000 GiB, typical_power: 100 W, peak_power: 100 W, price: 10000 EUR, lifetime: 5 years, per_rack: 40}]
      storage: [{id: array, usable: 100 TiB, typical_power: 100 W, peak_power: 100 W, price: 0 EUR, lifetime: 5 years, per_rack: 4}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 100, spares_per_cluster: 2}
    costs:
      maintenance: 10 %
      servers_per_fte: 10
      fte_cost: 80000 EUR/year
      residual_value: false
    """

  let scenario: Scenario
  let results: PlanResults

  init() throws {
    let outcome = ScenarioLoader.load(text: Self.yaml, file: "moves.yaml")
    scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    results = Planner.run(scenario)
  }

  @Test("6 months of the room's 2020 running cost (maintenance 10,000 + one FTE 80,000) for all of its load: 45,000 in 2021")
  func parallelRunning() throws {
    // 80 vCPU on 10-core hosts, no overcommit: 8 working + 2 spares = 10 servers in the room in 2020.
    #expect(results.sizing.first { $0.site == "room" }?.servers == [10, 0, 0])
    let lines = results.costs.lines.filter { $0.category == .parallelRunning }
    #expect(lines.count == 1)
    let line = try #require(lines.first)
    #expect(line.year == Year(2021) && line.site == "room")
    #expect(approximately(line.amountEUR, 0.5 * (10_000 + 80_000)))
  }

  @Test("migration in the join year: 10,000 + 80 vCPU × 100 + 2 TiB × 1,000 + 5 days × 80,000 / 200 = 22,000")
  func migration() throws {
    let lines = results.costs.lines.filter { $0.category == .migration }
    #expect(lines.count == 1)
    let line = try #require(lines.first)
    #expect(line.year == Year(2021) && line.tenants == ["a"])
    #expect(approximately(line.amountEUR, 22_000))
    #expect(line.driver == "move of 'a': 10000 EUR fixed + 80 vCPU × 100 EUR + 2 TiB × 1000 EUR + 5 staff days × 400 EUR")
  }

  @Test("alone, the tenant keeps its room: no migration, no parallel running; in the plan it pays both")
  func costGame() throws {
    var plain = scenario
    plain.tenants[0].migration = nil
    plain.sites[1].parallelRunningMonths = 0
    let before = Planner.run(plain)
    let tenant = try #require(results.sharing.tenants.first)
    let plainTenant = try #require(before.sharing.tenants.first)
    #expect(approximately(tenant.standaloneEUR, plainTenant.standaloneEUR))
    #expect(approximately(tenant.costEUR[1] - plainTenant.costEUR[1], 22_000 + 45_000))
  }

  @Test("bad input is located: 18 months of parallel running, a freeze on a shared site, a negative migration amount")
  func badInput() {
    func errors(_ text: String) -> [String] {
      ScenarioLoader.load(text: text, file: "moves.yaml").diagnostics.filter { $0.severity == .error }.map(\.description)
    }
    let long = errors(Self.yaml.replacingOccurrences(of: "parallel_running: 6 months", with: "parallel_running: 18 months"))
    #expect(long.contains { $0.hasPrefix("moves.yaml:13:") && $0.contains("between 0 and 12 months") }, "\(long)")
    let shared = errors(Self.yaml.replacingOccurrences(
      of: "{id: dc, kind: shared, capacity:", with: "{id: dc, kind: shared, freeze_before_move: 1 year, capacity:"))
    #expect(shared.contains { $0.hasPrefix("moves.yaml:12:") && $0.contains("is for legacy rooms") }, "\(shared)")
    let negative = errors(Self.yaml.replacingOccurrences(of: "fixed: 10000 EUR", with: "fixed: -10000 EUR"))
    #expect(negative.contains { $0.hasPrefix("moves.yaml:8:") && $0.contains("must not be negative") }, "\(negative)")
  }
}
