import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// A provider's service (IaaS) priced per vCPU, GiB of RAM and TiB stored
/// (docs/conventions.md, "Rented sites"), against charges worked by hand.
@Suite("a provider's service priced per vCPU, RAM and TiB")
struct ProviderServiceTests {
  /// A city's workload (640 vCPU, 2,560 GiB, 10 TiB) at a provider until it moves into the
  /// shared data centre in 2023; 20 EUR per vCPU, 2 EUR per GiB and 50 EUR per TiB a month;
  /// two copies of every TiB. A year's charge: 640 × 240 + 2,560 × 24 + 20 × 600 = 227,040.
  static func yaml(_ rent: String, costs: String = "{energy_price: 0.2 EUR/kWh, maintenance: 10 %, fte_cost: 80000 EUR/year, servers_per_fte: 5, space_cost_per_rack: 5000 EUR/year}") -> String {
    """
    version: 1
    scenario: {name: provider, horizon: 2020..2025, discount_rate: 0 %}
    tenants:
      - {id: city, kind: municipality, legacy_site: cloud, joins_shared_dc: 2023}
    workloads: [{id: w, tenant: city, vcpu: 640 vCPU, ram: 2560 GiB, storage: 10 TiB}]
    sites:
      - {id: dc, kind: shared, capacity: {racks: 10, it_power: 100 kW, cooling: 100 kW}}
      - id: cloud
        kind: legacy
        closes_after_move: true
        rent: \(rent)
    hardware:
      servers: [{id: big, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 20000 EUR, lifetime: 5 years, per_rack: 10}]
      storage: [{id: array, usable: 100 TiB, typical_power: 300 W, peak_power: 300 W, price: 50000 EUR, lifetime: 5 years, per_rack: 4}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0, storage_copies: 2}
    costs: \(costs)
    """
  }

  static func run(_ rent: String) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: yaml(rent), file: "provider.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  static func byYear(_ results: PlanResults, _ category: CostCategory) -> [Int: Double] {
    var byYear: [Int: Double] = [:]
    for line in results.costs.lines where line.site == "cloud" && line.category == category {
      byYear[line.year.number, default: 0] += line.amountEUR
    }
    return byYear
  }

  @Test("227,040 EUR a year while the load is there, half a year's notice after it leaves; nothing of an owned room")
  func chargesByHand() throws {
    let results = try Self.run("{per_vcpu: 20 EUR/month, per_gib_ram: 2 EUR/month, per_tib: 50 EUR/month, notice: 6 months}")
    #expect(Self.byYear(results, .rent) == [2020: 227_040, 2021: 227_040, 2022: 227_040, 2023: 113_520])
    // The provider owns, runs, powers and houses the hardware.
    let ownLines = results.costs.lines.filter { $0.site == "cloud" && $0.category != .rent }
    #expect(ownLines.isEmpty, "\(ownLines.map { "\($0.category) \($0.amountEUR)" })")
    let cloud = try #require(results.sizing.first { $0.site == "cloud" })
    #expect(cloud.servers.allSatisfy { $0 == 0 } && cloud.storageUnits.allSatisfy { $0 == 0 })
    #expect(!results.warnings.contains { $0.code == .shortfallSpace || $0.code == .hardwareStranded })
    // The shared site, owned, buys 10 servers for the load from 2023.
    #expect(results.costs.lines.contains { $0.site == "dc" && $0.category == .servers && $0.year == Year(2023) })
  }

  @Test("a 5-year term from 2020 pays its first year's charge to 2024 and is one commitment of 4 more years")
  func term() throws {
    let results = try Self.run("{per_vcpu: 20 EUR/month, term: 5 years}")
    // 640 × 240 = 153,600 a year: in use 2020–2022, the rest of the term 2023 and 2024.
    #expect(Self.byYear(results, .rent) == [2020: 153_600, 2021: 153_600, 2022: 153_600, 2023: 153_600, 2024: 153_600])
    let commitment = try #require(results.commitments.first { $0.site == "cloud" })
    #expect(commitment.year == Year(2020) && commitment.paymentYears == Year(2021)...Year(2024))
    #expect(abs(commitment.amountEUR - 4 * 153_600) < 1e-6)
  }

  @Test("the same load on owned hardware costs servers, storage, energy, maintenance, staff and space instead")
  func ownedForComparison() throws {
    let outcome = ScenarioLoader.load(
      text: Self.yaml("{per_rack: 0 EUR/month}").replacingOccurrences(of: "    rent: {per_rack: 0 EUR/month}\n", with: "    capacity: {racks: 10, it_power: 100 kW, cooling: 100 kW}\n"),
      file: "owned.yaml")
    let results = Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
    let categories = Set(results.costs.lines.filter { $0.site == "cloud" }.map(\.category))
    #expect(categories.isSuperset(of: [.servers, .storage, .energy, .maintenance, .staff, .space]))
    #expect(!categories.contains(.rent))
  }
}
