import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// The standalone option against the shared plan's service level (docs/conventions.md, "Cost
/// sharing"): a single room misses what the twins reach, a second room of its own meets it.
@Suite("like for like")
struct LikeForLikeTests {
  /// Twin shared sites and one municipality's room; its VK3 service of 30 vCPU (3 servers of
  /// 10 cores in a cluster of 4 with 1 spare). Infrastructure: power 1e-3, cooling and site
  /// 1e-4 each; servers u = 0.001.
  static func scenario(twin: Bool) -> String {
    """
    scenario: {name: Alone, horizon: 2020..2020}
    tenants:
      - {id: state, kind: state, joins_shared_dc: 2020}
      - {id: town, kind: municipality, joins_shared_dc: 2020, legacy_site: room\(twin ? ", standalone_twin: second" : "")}
    sites:
      - {id: a, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - {id: b, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - {id: room, kind: legacy, capacity: {racks: 10, it_power: 100 kW}}
      - {id: second, kind: legacy, capacity: {racks: 10, it_power: 100 kW}}
    workloads:
      - {id: registry, tenant: state, vcpu: 30 vCPU, availability_target: VK3}
      - {id: permits, tenant: town, vcpu: 30 vCPU, availability_target: VK3}
    hardware:
      servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 100 W, peak_power: 100 W, price: 1000 EUR, lifetime: 5 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1}
    costs: {servers_per_fte: 10, min_fte_per_site: 1, fte_cost: 100000 EUR/year}
    components:
      server: {mtbf: 999 h, mttr: 1 h}
      power: {mtbf: 999 h, mttr: 1 h}
      cooling: {mtbf: 9999 h, mttr: 1 h}
      site: {mtbf: 9999 h, mttr: 1 h}
      repair_crews: 4
      failover_time: 0 min
      failover_success: 100 %
    """
  }

  static func run(twin: Bool) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: scenario(twin: twin), file: "alone.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics.map(\.description))"))
  }

  @Test("alone in one room the service misses VK3 that the twins meet: the gap in minutes a year")
  func aloneMisses() throws {
    let results = try Self.run(twin: false)
    let town = try #require(results.likeForLike.first { $0.tenant == "town" })
    // Alone: power 1e-3 (1/(999 + 1)), cooling 1e-4, site 1e-4 in series, and one cluster of 4
    // needing 3 (5.992003e-6): A = (1 − 1e-3)(1 − 1e-4)²(1 − 5.992003e-6) = 0.998794...; the
    // gap to 99.99 % is (0.9999 − A) × 525,600 minutes.
    let alone = (1 - 1e-3) * (1 - 1e-4) * (1 - 1e-4) * (1 - 5.992003e-6)
    #expect(town.meetsTargets == false)
    #expect(approximately(town.shortfallMinutesPerYear, (0.9999 - alone) * 525_600, relative: 1e-6))
    #expect(results.warnings.contains { $0.code == .aloneMissesTarget && $0.subject == "town" })
    // The state's alone option is the shared design on its own: like for like.
    #expect(results.likeForLike.first { $0.tenant == "state" }?.meetsTargets == true)
    // The room the plan does not use stays out of the plan's tables.
    #expect(results.sizing.map(\.site) == ["a", "b", "room", "second"])
  }

  @Test("with a second room of its own, alone meets the same class and pays for the second room")
  func secondRoom() throws {
    let single = try Self.run(twin: false)
    let paired = try Self.run(twin: true)
    let town = try #require(paired.likeForLike.first { $0.tenant == "town" })
    #expect(town.meetsTargets == true)
    #expect(!paired.warnings.contains { $0.code == .aloneMissesTarget })
    #expect(paired.sizing.map(\.site) == ["a", "b", "room"])
    // Alone with a pair of rooms: each sized for all 30 vCPU (3 working + 1 spare); the second
    // room's 4 servers stand in the first year, so they are installed base (no capex), but its
    // staff seat is one more FTE: 100,000 EUR (min_fte_per_site 1; 4 servers ÷ 10 per FTE).
    let alone = try #require(single.sharing.tenants.first { $0.tenant == "town" }).standaloneEUR[0]
    let pair = try #require(paired.sharing.tenants.first { $0.tenant == "town" }).standaloneEUR[0]
    #expect(approximately(pair - alone, 100_000, relative: 1e-9))
  }
}
