@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Server and storage types and staffing per site (docs/conventions.md, "Sizing", "Costs",
/// "Procurement tiers"), worked by hand.
@Suite("catalogues and staffing per site")
struct SiteCatalogueTests {
  /// The state's 640 vCPU at the shared site on 64-core hosts; a municipality's 20 vCPU in its
  /// own room on 8-core servers, with half an administrator. No overcommit, full use, no spares.
  static let yaml = """
    version: 1
    scenario: {name: catalogue per site, horizon: 2020..2022, discount_rate: 0 %}
    tenants:
      - {id: state, kind: state, joins_shared_dc: 2020}
      - {id: muni, kind: municipality, legacy_site: room}
    workloads:
      - {id: state-apps, tenant: state, vcpu: 640 vCPU}
      - {id: muni-apps, tenant: muni, vcpu: 20 vCPU}
    sites:
      - {id: dc, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - {id: room, kind: legacy, capacity: {racks: 1, it_power: 5 kW}, server_type: small, staffing: {min_fte: 0.5}}
    hardware:
      servers:
        - {id: big, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 20000 EUR, lifetime: 5 years, per_rack: 20}
        - {id: small, cores: 8, ram: 64 GiB, typical_power: 150 W, peak_power: 150 W, price: 3000 EUR, lifetime: 4 years, per_rack: 40}
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0, server_type: big}
    costs:
      maintenance: 10 %
      servers_per_fte: 40
      min_fte_per_site: 5
      fte_cost: 80000 EUR/year
    """

  static func load(_ text: String) throws -> Scenario {
    let outcome = ScenarioLoader.load(text: text, file: "catalogue.yaml")
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  @Test("the room sizes, powers, prices and staffs with its own types: 3 small servers, 0.45 kW, 900 EUR maintenance, 0.5 FTE")
  func byHand() throws {
    let results = Planner.run(try Self.load(Self.yaml))
    let room = try #require(results.sizing.first { $0.site == "room" })
    let dc = try #require(results.sizing.first { $0.site == "dc" })
    // ⌈20 / 8⌉ = 3 small servers; ⌈640 / 64⌉ = 10 big ones.
    #expect(room.servers == [3, 3, 3])
    #expect(dc.servers == [10, 10, 10])
    let facility = try #require(results.facility.first { $0.site == "room" })
    #expect(facility.racks == [1, 1, 1])
    #expect(facility.itPeakKW.allSatisfy { abs($0 - 0.45) < 1e-12 })
    func lines(_ site: String, _ category: CostCategory) -> [Double] {
      results.costs.lines.filter { $0.site == site && $0.category == category }.map(\.amountEUR)
    }
    // Maintenance on 3 × 3,000 EUR; the room's own minimum of half an operator; the shared
    // site keeps the costs' 5 FTE minimum.
    #expect(lines("room", .maintenance) == [900, 900, 900])
    #expect(lines("room", .staff) == [40_000, 40_000, 40_000])
    #expect(lines("dc", .staff) == [400_000, 400_000, 400_000])
    // Refresh over the small type's 4-year life: the installed base of 3 ages evenly, ⌊…⌋ one a
    // year is replaced; each at 3,000 EUR.
    #expect(!lines("room", .servers).isEmpty && lines("room", .servers).allSatisfy { $0.truncatingRemainder(dividingBy: 3_000) == 0 })
    // The tenant alone keeps its room and its types: its standalone cost is its room's lines.
    let muni = try #require(results.sharing.tenants.first { $0.tenant == "muni" })
    let roomTotal = results.costs.lines.filter { $0.site == "room" }.reduce(0) { $0 + $1.amountEUR }
    #expect(abs(NPV.value(muni.standaloneEUR, rate: 0) - roomTotal) < 1e-6)
  }

  @Test("the volume discount counts the units of each type: two sites buying 8 of one type reach the 10-unit tier, of two types they do not")
  func tiersPerType() throws {
    // Two shared sites at 50 %, 1,280 vCPU on 64-core hosts, each needing 10 a year from
    // 2021 with life 1 (all replaced yearly): 10 + 10 bought each year.
    func text(_ secondType: String) -> String {
      """
      version: 1
      scenario: {name: tiers, horizon: 2020..2021, discount_rate: 0 %}
      tenants: [{id: state, kind: state, joins_shared_dc: 2020}]
      workloads: [{id: apps, tenant: state, vcpu: 1280 vCPU}]
      sites:
        - {id: a, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
        - {id: b, kind: shared, capacity: {racks: 10, it_power: 100 kW}, server_type: \(secondType)}
      hardware:
        servers:
          - {id: big, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 20000 EUR, lifetime: 1 year, per_rack: 20}
          - {id: big-b, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 20000 EUR, lifetime: 1 year, per_rack: 20}
      policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0, failover_share: 0 %}
      costs:
        procurement_tiers: {servers: [{from: 15, discount: 10 %}]}
      """
    }
    let pooled = Planner.run(try Self.load(text("big")))
    let apart = Planner.run(try Self.load(text("big-b")))
    let bought = { (r: PlanResults) in r.costs.lines.filter { $0.category == .servers && $0.year == Year(2021) }.reduce(0) { $0 + $1.amountEUR } }
    // 20 of one type: 10 % off, 20 × 18,000; 10 + 10 of two types: list price.
    #expect(bought(pooled) == 20 * 18_000)
    #expect(bought(apart) == 20 * 20_000)
  }

  @Test("naming the policy's own types on every site changes nothing (random scenarios)", arguments: Array(UInt64(0)..<16))
  func explicitPolicyTypes(_ seed: UInt64) throws {
    var random = RandomScenario(seed: seed)
    let base = try #require(ScenarioLoader.load(text: random.yaml(.init(uncertainty: false)), file: "random-\(seed).yaml").scenario)
    var named = base
    for s in named.sites.indices {
      named.sites[s].serverType = CatalogueChoice.server(base)?.id
      named.sites[s].storageType = CatalogueChoice.storage(base)?.id
    }
    let (a, b) = (Planner.run(base), Planner.run(named))
    #expect(a.costs == b.costs, "seed \(seed)")
    #expect(a.sizing == b.sizing && a.facility == b.facility && a.stranded == b.stranded, "seed \(seed)")
    #expect(a.sharing.tenants.map(\.standaloneEUR) == b.sharing.tenants.map(\.standaloneEUR), "seed \(seed)")
  }

  @Test("smaller servers at a room never lower its server count, and raise it where the demand needs more than one big one")
  func smallerServers() throws {
    let scenario = try Self.load(Self.yaml)
    var big = scenario
    big.sites[1].serverType = nil
    let (withSmall, withBig) = (Planner.run(scenario), Planner.run(big))
    let servers = { (r: PlanResults) in r.sizing.first { $0.site == "room" }?.servers ?? [] }
    // 20 vCPU on one 64-core host, on three 8-core servers.
    #expect(servers(withBig) == [1, 1, 1])
    #expect(servers(withSmall) == [3, 3, 3])
  }
}

extension SiteCatalogueTests {
  @Test("falling prices: a server bought two years in at −10 % a year costs 8,100 EUR of 10,000; maintenance follows the year's price")
  func priceEscalation() throws {
    // 64 vCPU per server, need 10 → 10 → 20 servers: 10 bought in 2022 (growth), none
    // replaced (life 10 years, the installed base of 10 ages evenly: one a year from 2021).
    let text = """
      version: 1
      scenario: {name: prices, horizon: 2020..2022, discount_rate: 0 %}
      tenants: [{id: state, kind: state, joins_shared_dc: 2020}]
      workloads:
        - {id: apps, tenant: state, vcpu: 640 vCPU}
        - {id: more, tenant: state, vcpu: 640 vCPU, start_year: 2022}
      sites: [{id: dc, kind: shared, capacity: {racks: 10, it_power: 100 kW}}]
      hardware:
        servers:
          - {id: big, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 10000 EUR, price_escalation: -10 %, lifetime: 10 years, per_rack: 20}
      policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0}
      costs: {maintenance: 10 %}
      """
    let results = Planner.run(try Self.load(text))
    let bought = results.costs.lines.filter { $0.category == .servers && $0.year == Year(2022) }
    let fleet = try #require(results.fleets.first)
    let units = Double(fleet.servers.purchases[2])
    #expect(units >= 10)
    #expect(abs(bought.reduce(0) { $0 + $1.amountEUR } - units * 8_100) < 1e-6)
    // 2020: 10 servers × 10,000 × 10 %; 2022: 20 × 8,100 × 10 %.
    let maintenance = results.costs.lines.filter { $0.category == .maintenance }.map(\.amountEUR)
    #expect(maintenance.count == 3)
    #expect(abs(maintenance[0] - 10_000) < 1e-6 && abs(maintenance[2] - 16_200) < 1e-6, "\(maintenance)")
  }
}
