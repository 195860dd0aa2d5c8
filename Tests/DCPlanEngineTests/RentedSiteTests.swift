import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// A rented site: rent for what is contracted, no space cost, energy included or metered,
/// term and notice after closing (docs/conventions.md, "Rented sites").
@Suite("rented sites (colocation)")
struct RentedSiteTests {
  /// A city's colocation room, 4 racks and 20 kW contracted, until the city moves into the
  /// shared data centre in 2023 (the room closes in 2024); a 5-year term from 2020.
  static func yaml(_ rent: String) -> String {
    """
    version: 1
    scenario: {name: rent, horizon: 2020..2025, discount_rate: 0 %}
    tenants:
      - {id: city, kind: municipality, legacy_site: colo, joins_shared_dc: 2023}
    workloads: [{id: w, tenant: city, vcpu: 640 vCPU}]
    sites:
      - {id: dc, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - id: colo
        kind: legacy
        closes_after_move: true
        capacity: {racks: 4, it_power: 20 kW}
        rent: \(rent)
    hardware:
      servers: [{id: big, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 20000 EUR, lifetime: 5 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0}
    costs: {energy_price: 0.2 EUR/kWh, space_cost_per_rack: 5000 EUR/year}
    """
  }

  static func lines(_ rent: String, _ category: CostCategory) throws -> [Int: Double] {
    let outcome = ScenarioLoader.load(text: yaml(rent), file: "rent.yaml")
    let results = Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
    var byYear: [Int: Double] = [:]
    for line in results.costs.lines where line.site == "colo" && line.category == category { byYear[line.year.number, default: 0] += line.amountEUR }
    return byYear
  }

  @Test("4 racks × 12,000 + 20 kW × 1,200 a year while it runs; after it closes in 2024 the term runs to 2024, the notice alone would be half a year")
  func termAndNotice() throws {
    let rent = "{per_rack: 1000 EUR/month, per_kw: 100 EUR/kW/month, energy: included, term: 5 years, notice: 6 months}"
    #expect(try Self.lines(rent, .rent) == [2020: 72_000, 2021: 72_000, 2022: 72_000, 2023: 72_000, 2024: 72_000])
    // No space cost, and the rent includes the energy.
    #expect(try Self.lines(rent, .space).isEmpty)
    #expect(try Self.lines(rent, .energy).isEmpty)
    // Without a term the notice alone: half of 2024's year.
    let short = "{per_rack: 1000 EUR/month, notice: 6 months}"
    #expect(try Self.lines(short, .rent) == [2020: 48_000, 2021: 48_000, 2022: 48_000, 2023: 48_000, 2024: 24_000])
    // Metered energy: 10 servers × 0.5 kW × 8,760 h × 0.20 EUR a year while it carries the load.
    let energy = try Self.lines(short, .energy)
    #expect(energy.keys.sorted() == [2020, 2021, 2022])
    #expect(energy.values.allSatisfy { abs($0 - 8_760) < 1e-6 })
  }
}
