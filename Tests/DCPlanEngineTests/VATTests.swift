@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// VAT on net prices, by who can reclaim it and how the shared plan's body charges
/// (docs/conventions.md, "VAT"): each figure against the same scenario without VAT.
@Suite("VAT: net prices, exempt or taxable shared body, tenants that reclaim")
struct VATTests {
  /// Two tenants in the shared data centre and one in its own room, with energy, space,
  /// staff, licences, a module, a link and a cost item of its own staff.
  static func yaml(vat: String = "", reclaims: Bool = false) -> String {
    """
    version: 1
    scenario: {name: vat, horizon: 2020..2023, discount_rate: 3 %}
    tenants:
      - {id: state, kind: state, joins_shared_dc: 2020, node: h}
      - {id: city, kind: municipality, joins_shared_dc: 2021, legacy_site: room, node: o, reclaims_vat: \(reclaims)}
      - {id: town, kind: municipality, legacy_site: town-room, node: o}
    workloads:
      - {id: state-apps, tenant: state, vcpu: 640 vCPU, growth: 20 %}
      - {id: city-apps, tenant: city, vcpu: 128 vCPU}
      - {id: town-apps, tenant: town, vcpu: 64 vCPU}
    sites:
      - id: dc
        kind: shared
        node: h
        capacity: {racks: 1, it_power: 100 kW}
        modules: [{name: hall, racks: 10, it_power: 100 kW, capex: 1 MEUR, lead_time: 1 year}]
      - {id: room, kind: legacy, node: o, capacity: {racks: 2, it_power: 10 kW}}
      - {id: town-room, kind: legacy, node: o, capacity: {racks: 2, it_power: 10 kW}}
    hardware:
      servers:
        - {id: big, cores: 64, ram: 1024 GiB, typical_power: 500 W, peak_power: 500 W, price: 20000 EUR, lifetime: 3 years, per_rack: 10}
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 1000, spares_per_cluster: 0}
    network:
      busy_hour_per_employee: 0.1 Mbit/s
      nodes: [{id: h}, {id: o}]
      links: [{id: h-o, from: h, to: o, capacity: 1 Gbit/s, lease: 20000 EUR/year}]
    costs:
      energy_price: 0.2 EUR/kWh
      maintenance: 10 %
      servers_per_fte: 20
      fte_cost: 80000 EUR/year
      space_cost_per_rack: 1000 EUR/year
      items:
        - {id: admin, category: staff, per: fixed, amount: 50000 EUR/year, tenants: [state]}
        - {id: soc, category: security, per: fixed, amount: 30000 EUR/year}
    \(vat)
    """
  }

  static func run(_ text: String) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: text, file: "vat.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  /// Sums of the ledger per category and year.
  static func byCategory(_ results: PlanResults) -> [String: Double] {
    var sums: [String: Double] = [:]
    for line in results.costs.lines { sums["\(line.category.rawValue) \(line.year)", default: 0] += line.amountEUR }
    return sums
  }

  @Test("an exempt body pays 19 % on every price but its own staff: each category of the ledger × 1.19, staff and the staff item as they are")
  func exemptLedger() throws {
    let net = try Self.run(Self.yaml())
    let exempt = try Self.run(Self.yaml(vat: "  vat: {rate: 19 %, cooperative: exempt}"))
    let (a, b) = (Self.byCategory(net), Self.byCategory(exempt))
    #expect(a.keys.sorted() == b.keys.sorted())
    for (key, amount) in a {
      // The cost item 'admin' is the only line of category staff besides the sites' staff.
      let factor = key.hasPrefix("staff ") ? 1.0 : 1.19
      #expect(abs((b[key] ?? 0) - amount * factor) <= 1e-9 * max(1, abs(amount)), "\(key): \(b[key] ?? 0) vs \(amount) × \(factor)")
    }
    // The sizing does not change with money.
    #expect(net.sizing == exempt.sizing)
    #expect(net.expansion.expansions.map { "\($0.module) \($0.orderYear) \($0.readyYear)" }
      == exempt.expansion.expansions.map { "\($0.module) \($0.orderYear) \($0.readyYear)" })
    #expect(!net.expansion.expansions.isEmpty)
  }

  @Test("a taxable body reclaims: its ledger is net; each tenant that cannot reclaim pays 19 % on its whole charge, one that can pays net")
  func taxableCharges() throws {
    let net = try Self.run(Self.yaml())
    let taxable = try Self.run(Self.yaml(vat: "  vat: {rate: 19 %, cooperative: taxable}", reclaims: true))
    #expect(net.costs == taxable.costs)
    let rate = 0.03
    for (plain, charged) in zip(net.sharing.tenants, taxable.sharing.tenants) {
      let factor = charged.tenant == "city" ? 1.0 : 1.19
      #expect(abs(NPV.value(charged.costEUR, rate: rate) - factor * NPV.value(plain.costEUR, rate: rate)) < 1e-6, "\(charged.tenant)")
      #expect(abs(NPV.value(charged.vatOnChargeEUR, rate: rate) - (factor - 1) * NPV.value(plain.costEUR, rate: rate)) < 1e-6)
    }
    // What the tenants pay together: the plan's costs plus the VAT charged to those that
    // cannot reclaim it; the saving is set against that.
    let vat = taxable.sharing.tenants.reduce(0) { $0 + NPV.value($1.vatOnChargeEUR, rate: rate) }
    #expect(vat > 0)
    #expect(abs(taxable.sharedPlanPaidNPV - (taxable.costs.npvEUR + vat)) < 1e-6)
  }

  @Test("alone, a tenant that cannot reclaim pays gross, one that can pays net; under an exempt body the plan pays gross")
  func aloneMoney() throws {
    let net = try Self.run(Self.yaml())
    let gross = try Self.run(Self.yaml(vat: "  vat: {rate: 19 %, cooperative: exempt}"))
    let reclaiming = try Self.run(Self.yaml(vat: "  vat: {rate: 19 %, cooperative: exempt}", reclaims: true))
    func alone(_ r: PlanResults, _ t: String) -> Double {
      NPV.value(r.sharing.tenants.first { $0.tenant == t }?.standaloneEUR ?? [], rate: 0.03)
    }
    // The city alone keeps its room: net prices when it reclaims, plus the same network share
    // of the (gross) plan in both.
    let network = { (r: PlanResults, t: String) in NPV.value(r.sharing.tenants.first { $0.tenant == t }?.networkEUR ?? [], rate: 0.03) }
    #expect(abs((alone(reclaiming, "city") - network(reclaiming, "city")) - (alone(net, "city") - network(net, "city"))) < 1e-6)
    #expect(alone(gross, "city") > alone(reclaiming, "city"))
    // The others alone pay gross in both.
    #expect(abs(alone(gross, "town") - alone(reclaiming, "town")) < 1e-6)
    #expect(abs(alone(gross, "state") - alone(reclaiming, "state")) < 1e-6)
  }
}
