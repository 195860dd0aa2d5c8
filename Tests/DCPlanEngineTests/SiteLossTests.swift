@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// A shared site lost for good, unforeseen (docs/conventions.md, "Site loss"), checked against
/// plans worked by hand.
@Suite("site loss: re-planning around a shared site lost for good")
struct SiteLossTests {
  /// Two shared sites at 50 %, one tenant with 2,000 vCPU flat; 10 vCPU per server (no
  /// spares), 10 servers per rack: 10 racks at each site, 12 stand. Servers live 10 years,
  /// so the installed base is replaced by a tenth a year. dc-b is lost in 2022: dc-a carries
  /// 2,000 vCPU (20 racks) and orders its 10-rack hall then, ready 2024 (lead time 2 years).
  static func yaml(
    failover: String = "0 %", racks: Int = 12, loss: String = "2022", extra: String = "", hall2: Bool = false,
    shares: (a: String, b: String) = ("50 %", "50 %")
  ) -> String {
    """
    version: 1
    scenario: {name: site loss by hand, horizon: 2020..2024, discount_rate: 0 %, seed: 5}
    tenants: [{id: a, kind: state, joins_shared_dc: 2020}]
    workloads:
      - {id: apps, tenant: a, vcpu: 2000 vCPU}
    \(extra)
    sites:
      - id: dc-a
        kind: shared
        load_share: \(shares.a)
        capacity: {racks: \(racks), it_power: 1000 kW, cooling: 1000 kW}
        modules:
          - {name: hall, racks: 10, it_power: 1000 kW, cooling: 1000 kW, capex: 1 MEUR, lead_time: 2 years}
    \(hall2 ? "      - {name: hall 2, racks: 10, it_power: 1000 kW, cooling: 1000 kW, capex: 1 MEUR, lead_time: 1 year}" : "")
      - id: dc-b
        kind: shared
        load_share: \(shares.b)
        capacity: {racks: \(racks), it_power: 1000 kW, cooling: 1000 kW}
        modules: [{name: hall b, racks: 10, it_power: 1000 kW, cooling: 1000 kW, capex: 1 MEUR, lead_time: 2 years}]
    hardware:
      servers: [{id: host, cores: 10, ram: 1000 GiB, typical_power: 100 W, peak_power: 100 W, price: 1000 EUR, lifetime: 10 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 10000, spares_per_cluster: 0, failover_share: \(failover)}
    uncertainty:
      planning: {emergency_premium: 50 %}
    events:
      - {kind: site-loss, site: dc-b, year: \(loss)}
    """
  }

  static func load(_ text: String) throws -> Scenario {
    let outcome = ScenarioLoader.load(text: text, file: "loss.yaml")
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  @Test("the survivor is short for its hall's lead time: 2022 and 2023, 800 vCPU unserved each; 90 servers at the premium; 45,000 EUR lost")
  func byHand() throws {
    let results = Planner.run(try Self.load(Self.yaml()))
    // The hall is ordered in the loss year and stands after its 2-year lead time.
    let built = results.expansion.expansions.filter { !$0.isFixed }.map { "\($0.site) \($0.module) \($0.orderYear)→\($0.readyYear)" }
    #expect(built == ["dc-a hall 2022→2024"])
    let short = Set(results.warnings.filter { $0.code == .shortfallSpace }.compactMap(\.year))
    #expect(short == [Year(2022), Year(2023)])
    // dc-a hosts 12 of its 20 racks' worth: 12/20 of 2,000 vCPU; 800 unserved in each of two years.
    #expect(abs(SummaryFigure.unservedVCPUYears.value(results) - 1_600) < 1e-9)
    // Bought in 2022: dc-a 100 more servers and its 10 replacements; the plan before the loss
    // bought 10 replacements at each site: 110 − 20 = 90 beyond, at 50 % of 1,000 EUR.
    let premium = results.costs.lines.filter { $0.year == Year(2022) && $0.driver.contains("beyond the plan before the site loss") }
    #expect(premium.count == 1)
    #expect(abs(premium.reduce(0) { $0 + $1.amountEUR } - 45_000) < 1e-6)
    // dc-b's 100 servers leave in 2022: 10 each of the installed base with 1…8 years of 10
    // left, and 10 bought 2021 with 9 left: 1,000 EUR × (1 + … + 9) = 45,000 EUR.
    #expect(abs(results.stranded.filter { $0.site == "dc-b" }.reduce(0) { $0 + $1.bookValueEUR } - 45_000) < 1e-6)
    // No running cost at the lost site from 2022, and no stranded-hardware warning for it.
    #expect(!results.costs.lines.contains { $0.site == "dc-b" && $0.year >= Year(2022) })
    #expect(!results.warnings.contains { $0.code == .hardwareStranded })
    let lost = try #require(results.warnings.first { $0.code == .siteLost })
    #expect(lost.year == Year(2022) && lost.subject == "dc-b")
    #expect(lost.message.contains("'dc-a' (100 %)") && lost.message.contains("'hall' at 'dc-a' (ready 2024)"))
    #expect(lost.message.contains("45,000 EUR"))
  }

  @Test("orders placed before the loss stand and are paid; the lost site's module keeps no residual value")
  func ordersBeforeStand() throws {
    // A second workload from 2023 (1,000 vCPU) needs 15 racks at each site: the plan orders
    // both halls in 2021. dc-b is lost in 2023, the year its hall stands: dc-a needs 30 racks,
    // has 22 and orders 'hall 2' (lead time 1): short in 2023 only, by 8 of 30 racks.
    let text = Self.yaml(loss: "2023", extra: "  - {id: new, tenant: a, vcpu: 1000 vCPU, start_year: 2023}", hall2: true)
    let results = Planner.run(try Self.load(text))
    let built = results.expansion.expansions.filter { !$0.isFixed }.map { "\($0.site) \($0.module) \($0.orderYear)→\($0.readyYear)" }
    #expect(built.sorted() == ["dc-a hall 2 2023→2024", "dc-a hall 2021→2023", "dc-b hall b 2021→2023"])
    #expect(abs(SummaryFigure.unservedVCPUYears.value(results) - 3_000 * 8 / 30) < 1e-9)
    // hall b: 1 MEUR spent in 2021–2022, nothing back at the horizon's end.
    let hallB = results.costs.lines.filter { $0.site == "dc-b" && $0.driver.contains("hall b") }
    let spent: Double = hallB.filter { $0.amountEUR > 0 }.reduce(0) { $0 + $1.amountEUR }
    #expect(abs(spent - 1_000_000) < 1e-6)
    #expect(!hallB.contains { $0.amountEUR < 0 })
    #expect(results.costs.lines.contains { $0.site == "dc-a" && $0.amountEUR < 0 && $0.driver.contains("'hall 2'") })
  }

  @Test("twins sized for failover lose nothing when one is lost: no order, no shortfall, no premium")
  func failoverSized() throws {
    // With failover_share 100 % each site is sized for the whole 2,000 vCPU: 20 racks, standing.
    let results = Planner.run(try Self.load(Self.yaml(failover: "100 %", racks: 20)))
    #expect(results.expansion.expansions.filter { !$0.isFixed }.isEmpty)
    #expect(results.firstShortfallYear == nil)
    #expect(SummaryFigure.unservedVCPUYears.value(results) == 0)
    // The servers for the whole load stand at dc-a already: nothing is bought beyond the plan.
    #expect(!results.costs.lines.contains { $0.driver.contains("beyond the plan before the site loss") })
  }

  @Test("a lone tenant on the shared design alone meets the same loss: its standalone cost is the plan's")
  func gameMeetsTheLoss() throws {
    let results = Planner.run(try Self.load(Self.yaml()))
    let tenant = try #require(results.sharing.tenants.first)
    #expect(abs(NPV.value(tenant.standaloneEUR, rate: 0) - results.costs.npvEUR) < 1e-6 * results.costs.npvEUR)
    #expect(tenant.standaloneShortfallYear == Year(2022))
  }

  @Test("trials with no drawn input realise the plan; a clairvoyant trial foresees the loss and is never short")
  func trials() throws {
    let scenario = try Self.load(Self.yaml())
    let plan = Planner.run(scenario)
    let mc = MonteCarlo.analyse(scenario, trials: 4, seed: 5)
    for outcome in mc.outcomes {
      #expect(abs(outcome.npvEUR - plan.costs.npvEUR) < 1e-6 * plan.costs.npvEUR)
      #expect(abs(outcome.unservedVCPUYears - 1_600) < 1e-9)
      #expect(outcome.firstShortfallYear == Year(2022))
    }
    // Perfect foresight: the plan sees the loss from the start and orders the hall in 2020
    // for 2022; it pays no premium but writes the hall off two years longer: 1 MEUR × (1 −
    // 22/25) against 1 MEUR × (1 − 24/25) + 45,000 EUR, 35,000 EUR more.
    let clairvoyant = MonteCarlo.trial(scenario)
    #expect(clairvoyant.firstShortfallYear == nil)
    #expect(clairvoyant.unservedVCPUYears == 0)
    #expect(abs(clairvoyant.npvEUR - plan.costs.npvEUR - 35_000) < 1e-6)
  }

  @Test("placement by hand: a lost site's share passes to the survivors in proportion to theirs")
  func shares() throws {
    var scenario = try Self.load(Self.yaml(loss: "2023"))
    let years = (2020...2024).map(Year.init)
    // Three sites at 50 / 30 / 20 %: the 50 % site lost leaves 60 / 40.
    scenario.sites[0].loadShare = Fraction(0.5) ?? .zero
    scenario.sites[1].loadShare = Fraction(0.3) ?? .zero
    var third = scenario.sites[1]
    third.id = "dc-c"
    third.loadShare = Fraction(0.2) ?? .zero
    third.lossYear = nil
    scenario.sites.append(third)
    scenario.sites[1].lossYear = nil
    scenario.sites[0].lossYear = Year(2023)
    let placed = Placement.sharedSites(scenario, years: years)
    #expect(placed.map { $0.shares[0] } == [0.5, 0.3, 0.2])
    #expect(placed.map { $0.shares[2] } == [0.5, 0.3, 0.2])
    #expect(placed.map { $0.shares[3] }.map { ($0 * 1e12).rounded() / 1e12 } == [0, 0.6, 0.4])
    #expect(placed.map { $0.running[4] } == [false, true, true])
    // A cold standby at 0 % takes everything when the only site carrying load is lost.
    scenario.sites[1].loadShare = .zero
    scenario.sites[2].loadShare = .zero
    scenario.sites[0].loadShare = Fraction(1) ?? .zero
    let standby = Placement.sharedSites(scenario, years: years)
    #expect(standby.map { $0.shares[3] } == [0, 0.5, 0.5])
  }
}

extension SiteLossTests {
  @Test("on random scenarios a loss moves load and changes nothing before its year", arguments: Array(UInt64(0)..<24))
  func conservation(_ seed: UInt64) throws {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: false))
    let base = try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario)
    guard let lost = base.sites.firstIndex(where: { $0.id == "shared1" }) else { return }
    let years = base.info.horizon.years
    guard years.count >= 3 else { return }
    var scenario = base
    let y = 1 + Int(seed % UInt64(years.count - 1))
    scenario.sites[lost].lossYear = years[y]
    let before = Planner.run(base)
    let after = Planner.run(scenario)
    let shared = { (r: PlanResults, k: Int) in
      r.demand.sites.filter { $0.site.hasPrefix("shared") }.reduce(0.0) { $0 + $1.demand.vcpu[k] }
    }
    for k in years.indices {
      // The shared data centre's load is the same; the lost site carries none of it from y.
      #expect(abs(shared(before, k) - shared(after, k)) <= 1e-9 * max(1, shared(before, k)), "seed \(seed) year \(k)")
      if k >= y { #expect(after.demand.sites.first { $0.site == "shared1" }?.demand.vcpu[k] == 0) }
      // Years before the loss cost the same: nothing was known of it.
      if k < y {
        #expect(abs(before.costs.capexEUR[k] - after.costs.capexEUR[k]) <= 1e-6 * max(1, before.costs.capexEUR[k]), "seed \(seed) capex \(k)")
        #expect(abs(before.costs.opexEUR[k] - after.costs.opexEUR[k]) <= 1e-6 * max(1, before.costs.opexEUR[k]), "seed \(seed) opex \(k)")
      }
    }
    #expect(after.warnings.contains { $0.code == .siteLost && $0.subject == "shared1" })
  }

  @Test("a load share by year moves the shared load between sites as the table says, linear between its years")
  func shareByYear() throws {
    let text = Self.yaml(shares: ("{2020: 50 %, 2024: 90 %}", "{2020: 50 %, 2024: 10 %}"))
      .replacingOccurrences(of: "  - {kind: site-loss, site: dc-b, year: 2022}", with: "")
      .replacingOccurrences(of: "events:", with: "")
    let results = Planner.run(try Self.load(text))
    let a = try #require(results.demand.sites.first { $0.site == "dc-a" })
    // 50 %, 60 %, 70 %, 80 %, 90 % of 2,000 vCPU.
    #expect(a.demand.vcpu == [1_000, 1_200, 1_400, 1_600, 1_800])
    #expect(!results.warnings.contains { $0.code == .siteLost })
  }
}
