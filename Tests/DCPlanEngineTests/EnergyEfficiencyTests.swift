import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Facility overheads at part load, CO2 and the Energy Efficiency Act's PUE limits, worked by hand.
@Suite("energy, CO2 and the Energy Efficiency Act")
struct EnergyEfficiencyTests {
  /// 100 servers at 400 W typical, 600 W peak (40 kW IT, 60 kW peak), from 2026 on 1,000 servers
  /// (400 kW IT, 600 kW peak). Overhead 100 kW fixed + 25 %: facility 150 kW (PUE 3.75) at 40 kW,
  /// 600 kW (PUE 1.5) at 400 kW. Grid mix 400 g/kWh, CO2 at 100 EUR/t.
  static let yaml = """
    version: 1
    scenario: {name: energy, horizon: 2027..2031, discount_rate: 0 %}
    tenants: [{id: a, kind: state, joins_shared_dc: 2027}]
    workloads:
      - {id: apps, tenant: a, vcpu: 1000 vCPU}
      - {id: more, tenant: a, vcpu: 9000 vCPU, start_year: 2028}
    sites:
      - {id: dc, kind: shared, capacity: {racks: 200, it_power: 2 MW, cooling: 2 MW}, overhead: {fixed: 100 kW, proportional: 25 %}, in_operation_since: 2019}
    hardware:
      servers: [{id: host, cores: 10, ram: 1000 GiB, typical_power: 400 W, peak_power: 600 W, price: 1000 EUR, lifetime: 10 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 10000, spares_per_cluster: 0}
    costs:
      emission_factor: 400 g/kWh
      co2_price: 100 EUR/t
      residual_value: false
    """

  @Test("part load: 100 kW fixed + 25 % gives PUE 3.75 at 40 kW of IT and 1.5 at 400 kW; CO2 = MWh × 0.4 t; its price a ledger line")
  func byHand() throws {
    let outcome = ScenarioLoader.load(text: Self.yaml, file: "energy.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    let plan = Planner.run(scenario)
    let site = try #require(plan.facility.first)
    #expect(approximately(site.itKW[0], 40) && approximately(site.pue[0], 3.75, relative: 1e-12))
    #expect(approximately(site.itKW[1], 400) && approximately(site.pue[1], 1.5, relative: 1e-12))
    // 2027: 150 kW × 8,760 h = 1,314 MWh → 525.6 t at 400 g/kWh → 52,560 EUR at 100 EUR/t.
    let first = try #require(plan.emissions.first { $0.year == Year(2027) })
    #expect(approximately(first.energyMWh, 1_314, relative: 1e-12))
    #expect(approximately(first.tonnesCO2, 525.6, relative: 1e-12))
    let co2 = try #require(plan.costs.lines.first { $0.category == .co2 && $0.year == Year(2027) })
    #expect(approximately(co2.amountEUR, 52_560, relative: 1e-12))
    // In operation since 2019: at most 1.5 from 2028, 1.3 from 2031; 1.5 meets the first, not the second.
    let limits = plan.warnings.filter { $0.code == .pueAboveEnergyEfficiencyLimit }
    #expect(limits.map(\.year) == [Year(2031)], "\(limits.map(\.message))")
    #expect(limits.first?.message.contains("1.3 from 1 July 2030") == true)
  }

  @Test("a new data centre (from 2027) must reach 1.2 within two years: warned from its third year; a small site is outside the Act")
  func newBuild() throws {
    let new = Self.yaml.replacingOccurrences(of: "in_operation_since: 2019", with: "in_operation_since: 2027")
    let plan = Planner.run(try #require(ScenarioLoader.load(text: new, file: "new.yaml").scenario))
    #expect(plan.warnings.filter { $0.code == .pueAboveEnergyEfficiencyLimit }.map(\.year) == [2029, 2030, 2031].map(Year.init))
    // 40 kW of IT all along: below the Act's 300 kW, never warned.
    let small = Self.yaml.replacingOccurrences(of: "  - {id: more, tenant: a, vcpu: 9000 vCPU, start_year: 2028}\n", with: "")
    let smallPlan = Planner.run(try #require(ScenarioLoader.load(text: small, file: "small.yaml").scenario))
    #expect(!smallPlan.warnings.contains { $0.code == .pueAboveEnergyEfficiencyLimit })
  }

  @Test("a CO2 price without an emission factor, and both pue and overhead, are refused at their lines")
  func badInput() {
    let noFactor = ScenarioLoader.load(text: Self.yaml.replacingOccurrences(of: "  emission_factor: 400 g/kWh\n", with: ""), file: "e.yaml")
    #expect(noFactor.diagnostics.contains { $0.description.contains("'co2_price' needs 'emission_factor'") })
    let both = ScenarioLoader.load(text: Self.yaml.replacingOccurrences(of: "overhead: {", with: "pue: 1.3, overhead: {"), file: "e.yaml")
    #expect(both.diagnostics.contains { $0.description.hasPrefix("e.yaml:8:") && $0.description.contains("not both") })
  }
}
