import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Budget lines as public budget law keeps them (docs/conventions.md, "Budget lines"):
/// double budgets, carried money, commitment appropriations, a body's own budget and the
/// extra cost against the status quo, against figures worked by hand.
@Suite("budget law: double budgets, carried money, commitments, bodies, status quo")
struct BudgetLawTests {
  /// One tenant with 100 vCPU at a shared site whose hall (3 MEUR, ready 2023, ordered 2020
  /// with a 3-year lead time) is paid 1 MEUR a year in 2020, 2021 and 2022. Servers cost
  /// nothing, so the ledger holds the hall and, in 2024, its residual value (23/25 of 3 MEUR).
  static func yaml(budget: String, extraSites: String = "", tenants: String = "", workloads: String = "") -> String {
    """
    version: 1
    scenario: {name: budget law by hand, horizon: 2020..2024, discount_rate: 0 %, seed: 1}
    tenants:
      - {id: a, kind: state, joins_shared_dc: 2020}
    \(tenants)
    workloads:
      - {id: apps, tenant: a, vcpu: 100 vCPU}
    \(workloads)
    sites:
      - id: dc
        kind: shared
        capacity: {racks: 10, it_power: 100 kW, cooling: 100 kW}
        modules:
          - {name: hall, racks: 10, it_power: 100 kW, cooling: 100 kW, capex: 3 MEUR, lead_time: 3 years, ready_year: 2023}
    \(extraSites)
    hardware:
      servers: [{id: host, cores: 10, ram: 1000 GiB, typical_power: 100 W, peak_power: 100 W, price: 0 EUR, lifetime: 10 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0}
    costs:
      budget:
    \(budget)
    """
  }

  static let buildBudget = """
        - id: build
          categories: [modules]
          amount: {2020: 1.2 MEUR, 2021: 0.9 MEUR, 2022: 0.9 MEUR, 2023: 0.5 MEUR, 2024: 0.5 MEUR}
          double_budgets: [2020, 2022]
    """

  static func run(_ text: String) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: text, file: "budget.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  @Test("double budgets 2020/21 and 2022/23: 0.2 M carried into 2021, none across periods, an overrun of 0.1 M in 2022")
  func doubleBudgets() throws {
    let results = try Self.run(Self.yaml(budget: Self.buildBudget))
    let line = try #require(results.budgets.first)
    #expect(approximately(line.spentEUR, [1e6, 1e6, 1e6, 0, 0]))
    // 2020: 1.2 − 1.0 = 0.2 carried into 2021 (same period); 2021 leaves 0.1, but 2022 opens
    // a new period; 2022 overruns by 0.1, and an overrun is never carried.
    #expect(approximately(line.carriedInEUR, [0, 2e5, 0, 0, 0]))
    #expect(approximately(line.headroomEUR, [2e5, 1e5, -1e5, 5e5, 5e5]))
    #expect(line.periods.map { "\($0.lowerBound)-\($0.upperBound)" } == ["2020-2021", "2020-2021", "2022-2023", "2022-2023", "2024-2024"])
    #expect(results.warnings.filter { $0.code == .budgetOverrun }.map(\.year) == [Year(2022)])
  }

  @Test("carry_over: 2021's 0.1 M covers 2022 exactly, and 2023's unspent 0.5 M reaches 2024")
  func carryOver() throws {
    let results = try Self.run(Self.yaml(budget: Self.buildBudget + "\n      carry_over: true"))
    let line = try #require(results.budgets.first)
    #expect(approximately(line.carriedInEUR, [0, 2e5, 1e5, 0, 5e5]))
    #expect(approximately(line.headroomEUR, [2e5, 1e5, 0, 5e5, 1e6]))
    #expect(!results.warnings.contains { $0.code == .budgetOverrun })
  }

  @Test("the hall ordered in 2020 binds its 2021 and 2022 payments: 2 MEUR, 0.5 M over a 1.5 M commitment appropriation")
  func commitments() throws {
    let results = try Self.run(Self.yaml(budget: Self.buildBudget + "\n      commitment_appropriation: 1.5 MEUR"))
    let commitment = try #require(results.commitments.first)
    #expect(results.commitments.count == 1)
    #expect(commitment.year == Year(2020) && commitment.category == .modules && commitment.site == "dc")
    #expect(commitment.paymentYears == Year(2021)...Year(2022))
    #expect(approximately(commitment.amountEUR, 2e6))
    let line = try #require(results.budgets.first)
    #expect(approximately(line.commitmentsEUR, [2e6, 0, 0, 0, 0]))
    let warnings = results.warnings.filter { $0.code == .commitmentsOverAppropriation }
    #expect(warnings.map(\.year) == [Year(2020)])
    let message = warnings.first?.message ?? ""
    #expect(message.contains("500,000 EUR more than its commitment appropriation of 1,500,000 EUR"), "\(message)")
    // A line paying only for servers counts no module commitment.
    let servers = try Self.run(Self.yaml(budget: """
          - {id: hw, categories: [servers], amount: 1 MEUR, commitment_appropriation: 0 EUR}
      """))
    #expect(approximately(try #require(servers.budgets.first).commitmentsEUR, [0, 0, 0, 0, 0]))
    #expect(!servers.warnings.contains { $0.code == .commitmentsOverAppropriation })
  }

  @Test("a rent contract of 6 years from 2020 binds 5 more years' rent, beyond the horizon too")
  func rentCommitment() throws {
    // 4 racks at 500 EUR a month: 24,000 EUR a year; the site carries load from 2020.
    let results = try Self.run(Self.yaml(
      budget: "      - {id: all, amount: 10 MEUR}",
      extraSites: """
          - id: colo
            kind: shared
            capacity: {racks: 4, it_power: 20 kW, cooling: 20 kW}
            in_operation_since: 2020
            rent: {per_rack: 500 EUR/month, term: 6 years}
        """))
    let rent = try #require(results.commitments.first { $0.category == .rent })
    #expect(rent.year == Year(2020) && rent.site == "colo")
    #expect(rent.paymentYears == Year(2021)...Year(2025))
    #expect(approximately(rent.amountEUR, 5 * 24_000))
  }

  @Test("a link upgrade ordered in 2020 for 2023 (3 years' lead time) binds its 2021 and 2022 payments: 200 kEUR")
  func linkUpgradeCommitment() throws {
    let text = """
      version: 1
      scenario: {name: link commitment, horizon: 2020..2024, discount_rate: 0 %}
      tenants: [{id: a, kind: state, employees: 1000, node: B, joins_shared_dc: 2020}]
      sites: [{id: dc, kind: shared, node: A}]
      network:
        busy_hour_per_employee: 1 Mbit/s
        nodes: [{id: A}, {id: B}]
        links:
          - {id: A-B, from: A, to: B, capacity: 100 Mbit/s, steps: [{capacity: 10 Gbit/s, capex: 300 kEUR, lead_time: 3 years}]}
      """
    let results = try Self.run(text)
    let upgrade = try #require(results.commitments.first { $0.category == .linkUpgrades })
    #expect(upgrade.year == Year(2020) && upgrade.site == "A-B" && upgrade.what == "link upgrade to step 1 ordered")
    #expect(upgrade.paymentYears == Year(2021)...Year(2022))
    #expect(approximately(upgrade.amountEUR, 200_000))
  }

  @Test("a tenant's budget pays its charge in cash: the residual credit of 2024 is not in it")
  func tenantBody() throws {
    let results = try Self.run(Self.yaml(budget: "      - {id: land, body: a, amount: 1.1 MEUR}"))
    let line = try #require(results.budgets.first)
    #expect(line.body == "a")
    // The only tenant pays everything; 2024's ledger total is −2.76 MEUR (23/25 of the hall's
    // 3 MEUR left), but its budget pays no cash that year.
    #expect(approximately(results.costs.totalEUR, [1e6, 1e6, 1e6, 0, -2.76e6]))
    #expect(approximately(line.spentEUR, [1e6, 1e6, 1e6, 0, 0]))
    #expect(approximately(line.headroomEUR, [1e5, 1e5, 1e5, 1.1e6, 1.1e6]))
  }

  @Test("status quo: the extra costs per year are shared minus alone, and their NPV is minus the summed saving")
  func statusQuo() throws {
    let results = try Self.run(Self.yaml(
      budget: "      - {id: all, amount: 10 MEUR}",
      extraSites: """
          - {id: room-b, kind: legacy, capacity: {racks: 2, it_power: 10 kW, cooling: 10 kW}}
        """,
      tenants: "  - {id: b, kind: municipality, joins_shared_dc: 2022, legacy_site: room-b}",
      workloads: "  - {id: b-apps, tenant: b, vcpu: 30 vCPU}"))
    let rows = StatusQuo.rows(results)
    #expect(rows.count == 5)
    let alone = results.sharing.tenants.reduce([Double](repeating: 0, count: 5)) { zip($0, $1.standaloneEUR).map(+) }
    #expect(approximately(rows.map(\.aloneEUR), alone))
    #expect(approximately(rows.map(\.sharedEUR), results.costs.totalEUR))
    let saving = results.sharing.tenants.reduce(0) { $0 + NPV.value($1.savingEUR, rate: 0) }
    #expect(approximately(rows.reduce(0) { $0 + $1.extraEUR }, -saving, relative: 1e-9))
  }
}
