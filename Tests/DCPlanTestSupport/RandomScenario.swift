/// Random scenario files for randomized tests: tenants that join, never join or have no room;
/// one or two shared sites with uneven load shares and modules with lead times; legacy rooms
/// that close on a year or after the move; workloads absolute and per employee, with growth,
/// accrual and start years; a network (a ring with chords, upgrade steps, a shared-risk group)
/// with tenant locations; voice with contracted trunks or not; and uncertain inputs on a random
/// subset of every parameter an input can name. The same seed gives the same text; every seed
/// gives a valid scenario (tested).
///
/// The generator draws from its own generator (not the engine's), so tests that use it share
/// no code with what they test beyond the loader.
public struct RandomScenario {
  /// What to include.
  public struct Options: Sendable {
    /// Whether the scenario has uncertain inputs.
    public var uncertainty = true
    /// Whether it has a network (and then perhaps voice).
    public var network = true
    /// Whether it has failure and repair figures (and then perhaps common causes).
    public var components = false

    public init(uncertainty: Bool = true, network: Bool = true, components: Bool = false) {
      self.uncertainty = uncertainty
      self.network = network
      self.components = components
    }
  }

  private var state: UInt64

  /// A generator for `seed`.
  public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }

  /// The next 64 random bits (SplitMix64, Steele, Lea and Flood 2014).
  private mutating func bits() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in `range`.
  public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * Double(bits() >> 11) * 0x1.0p-53
  }

  /// A whole number in `range`.
  public mutating func integer(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(bits() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { uniform(0...1) < p }

  /// One of `values`.
  public mutating func pick<T>(_ values: [T]) -> T { values[integer(0...(values.count - 1))] }

  /// `value` with two decimals, for a file.
  static func text(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// A scenario file.
  // swiftlint:disable:next function_body_length cyclomatic_complexity
  public mutating func yaml(_ options: Options = Options()) -> String {
    let first = 2020
    let years = integer(3...7)
    let last = first + years - 1
    var out: [String] = []
    func line(_ text: String) { out.append(text) }
    line("version: 1")
    line("scenario: {name: random, horizon: \(first)..\(last), discount_rate: \(Self.text(uniform(0...6))) %, seed: \(integer(1...999))}")

    // Sites: one or two shared, one to three legacy rooms.
    let sharedCount = integer(1...2)
    let shares: [Double] = sharedCount == 1 ? [100] : { let a = Double(integer(3...7) * 10); return [a, 100 - a] }()
    let roomCount = integer(1...3)
    let nodeCount = options.network ? integer(3...6) : 0
    func node(_ k: Int) -> String { "n\(k % max(1, nodeCount))" }

    // Tenants: each with a room (or none), joining, never joining or joining late.
    let tenantCount = integer(2...4)
    var tenantLines: [String] = []
    var roomUsers = [Int](repeating: 0, count: roomCount)
    var tenantHasCompoundingHeadcount: [Bool] = []
    for t in 0..<tenantCount {
      var fields = ["id: t\(t)", "kind: \(pick(["state", "municipality", "municipal-data-centre"]))"]
      if chance(0.8) {
        fields.append("employees: \(integer(50...5000))")
        fields.append("employee_growth: \(Self.text(uniform(-1...3))) %")
        tenantHasCompoundingHeadcount.append(true)
      } else {
        fields.append("employees: {\(first): \(integer(50...3000)), \(last): \(integer(50...3000))}")
        tenantHasCompoundingHeadcount.append(false)
      }
      let hasRoom = chance(0.85)
      if hasRoom {
        let room = t % roomCount
        roomUsers[room] += 1
        fields.append("legacy_site: room\(room)")
      }
      let join = integer(first...(last + 1))
      if join <= last || !hasRoom {
        fields.append("joins_shared_dc: \(min(join, last))")
      }
      if chance(0.3) {
        fields.append("migration: {fixed: \(integer(0...300)) kEUR, per_vcpu: \(integer(0...50)) EUR, per_tib: \(integer(0...200)) EUR, staff_days: \(integer(0...500))}")
      }
      if options.network {
        if chance(0.5) {
          fields.append("node: \(node(integer(0...9)))")
        } else {
          let a = integer(2...8) * 10
          fields.append("locations: [{node: \(node(t)), share: \(a) %}, {node: \(node(t + 1)), share: \(100 - a) %}]")
        }
      }
      tenantLines.append("  - {\(fields.joined(separator: ", "))}")
    }
    line("tenants:")
    out += tenantLines

    line("sites:")
    for s in 0..<sharedCount {
      let racks = integer(2...30)
      let kw = Double(racks) * uniform(3...8)
      var fields = [
        "id: shared\(s)", "kind: shared", "load_share: \(Self.text(shares[s])) %",
        "capacity: {racks: \(racks), it_power: \(Self.text(kw)) kW}", "pue: \(Self.text(uniform(1.1...1.6)))",
      ]
      if options.network { fields.append("node: \(node(s))") }
      let modules = (0..<integer(0...3)).map { m in
        "{name: hall \(m + 2), racks: \(integer(5...40)), it_power: \(Self.text(uniform(20...300))) kW, capex: \(Self.text(uniform(0.2...4))) MEUR, lead_time: \(integer(0...3)) years}"
      }
      fields.append("modules: [\(modules.joined(separator: ", "))]")
      line("  - {\(fields.joined(separator: ", "))}")
    }
    for r in 0..<roomCount {
      var fields = [
        "id: room\(r)", "kind: legacy",
        "capacity: {racks: \(integer(1...20)), it_power: \(Self.text(uniform(5...120))) kW}", "pue: \(Self.text(uniform(1.6...2.2)))",
      ]
      if options.network { fields.append("node: \(node(r + 2))") }
      if roomUsers[r] > 0, chance(0.4) {
        fields.append("closes_after_move: true")
      } else if chance(0.4) {
        fields.append("decommission_year: \(integer((first + 1)...(last + 1)))")
      }
      if chance(0.4) { fields.append("freeze_before_move: \(integer(1...3)) years") }
      if chance(0.4) { fields.append("parallel_running: \(integer(1...12)) months") }
      let modules = (0..<integer(0...2)).map { m in
        "{name: extension \(m + 1), racks: \(integer(2...10)), it_power: \(Self.text(uniform(10...80))) kW, capex: \(Self.text(uniform(0.1...1.5))) MEUR, lead_time: \(integer(0...2)) years}"
      }
      fields.append("modules: [\(modules.joined(separator: ", "))]")
      line("  - {\(fields.joined(separator: ", "))}")
    }

    // Workloads: per employee or absolute, growth, accrual, later starts.
    line("workloads:")
    let workloadCount = integer(2...7)
    for w in 0..<workloadCount {
      var fields = ["id: w\(w)", "tenant: t\(w % tenantCount)"]
      if chance(0.6) {
        fields.append("vcpu: \(Self.text(uniform(0.05...0.5))) vCPU/employee")
        fields.append("ram: \(Self.text(uniform(0.2...2))) GiB/employee")
        fields.append("storage: \(Self.text(uniform(5...60))) GB/employee")
      } else {
        fields.append("vcpu: \(integer(10...800)) vCPU")
        fields.append("ram: \(integer(40...3000)) GiB")
        fields.append("storage: \(Self.text(uniform(1...200))) TiB")
      }
      fields.append("growth: \(Self.text(uniform(-2...15))) %")
      if chance(0.4) { fields.append("storage_growth: \(Self.text(uniform(0...25))) %") }
      if chance(0.3) { fields.append("storage_accrual: \(Self.text(uniform(0.5...3))) GB/employee/year") }
      if chance(0.3) { fields.append("start_year: \(integer(first...last))") }
      if chance(0.7) { fields.append("availability_target: \(pick(["VK2", "VK3", "VK4", "99.95 %", "99.5 %"]))") }
      line("  - {\(fields.joined(separator: ", "))}")
    }

    line("hardware:")
    line("  servers: [{id: host, cores: \(pick([16, 32, 48, 64])), ram: \(pick([256, 512, 1024])) GiB, typical_power: \(integer(300...600)) W, peak_power: \(integer(650...900)) W, price: \(integer(6000...15000)) EUR, lifetime: \(integer(3...6)) years, per_rack: \(integer(8...20))}]")
    line("  storage: [{id: array, usable: \(integer(50...400)) TiB, typical_power: \(Self.text(uniform(0.5...2))) kW, peak_power: \(Self.text(uniform(2...3))) kW, price: \(integer(50...300)) kEUR, lifetime: \(integer(4...7)) years, per_rack: \(integer(2...6))}]")

    var policy = [
      "cpu_overcommit: \(Self.text(uniform(1...6)))", "target_utilisation: \(integer(50...85)) %",
      "cluster_size: \(integer(4...20))", "spares_per_cluster: \(integer(0...2))",
      "failover_share: \(integer(0...100)) %",
    ]
    policy.append(chance(0.5) ? "storage_copies: \(integer(1...3))" : "erasure_coding: \(integer(2...8))+\(integer(1...3))")
    if chance(0.2) { policy.append("site_mode: active-passive") }
    if chance(0.5) {
      // Redundancy per class: a failover class with more spares, a class without failover.
      var classes = ["{class: VK3, failover_share: 100 %, spares_per_cluster: \(integer(1...3)), cluster_size: \(integer(8...24))}"]
      classes.append("{class: VK2, failover_share: \(pick([0, 50])) %, \(chance(0.5) ? "storage_copies: \(integer(1...2))" : "erasure_coding: 4+2")}")
      if chance(0.3) { classes.append("{class: VK4, storage_copies: 3}") }
      policy.append("classes: [\(classes.joined(separator: ", "))]")
    }
    line("policy: {\(policy.joined(separator: ", "))}")

    var costs = [
      "energy_price: \(Self.text(uniform(10...35))) ct/kWh", "energy_price_escalation: \(Self.text(uniform(0...5))) %",
      "maintenance: \(integer(0...12)) %", "servers_per_fte: \(integer(20...60))", "min_fte_per_site: \(Self.text(uniform(0...3)))",
      "fte_cost: \(integer(60...110))000 EUR/year", "space_cost_per_rack: \(integer(500...4000)) EUR/year",
      "licence_per_core: \(integer(0...200)) EUR/year", "licence_per_vcpu: \(integer(0...40)) EUR/year",
      "procurement_tiers: {servers: [{from: \(integer(5...50)), discount: \(integer(2...10)) %}], storage: [{from: \(integer(2...10)), discount: \(integer(2...8)) %}]}",
    ]
    if chance(0.25) { costs += ["money: real", "inflation: \(Self.text(uniform(0...4))) %"] }
    if chance(0.3) { costs.append("maintenance_beyond_life: \(integer(8...20)) %") }
    line("costs: {\(costs.joined(separator: ", "))}")

    var hasVoice = false
    var gatewayCount = 0
    if options.network {
      line("network:")
      line("  target_utilisation: \(integer(50...80)) %")
      line("  failure_utilisation: \(integer(81...95)) %")
      line("  busy_hour_per_employee: {\(first): \(Self.text(uniform(0.05...0.5))) Mbit/s, \(last): \(Self.text(uniform(0.2...1.5))) Mbit/s}")
      line("  replication_daily_change: \(Self.text(uniform(0...3))) %")
      line("  replication_window: \(integer(4...24)) h")
      line("  nodes: [\((0..<nodeCount).map { "{id: n\($0)}" }.joined(separator: ", "))]")
      line("  links:")
      var links: [(Int, Int)] = (0..<nodeCount).map { ($0, ($0 + 1) % nodeCount) }
      if nodeCount > 3 { for _ in 0..<integer(0...2) {
        let a = integer(0...(nodeCount - 1))
        let b = (a + integer(2...(nodeCount - 2))) % nodeCount
        if !links.contains(where: { ($0.0 == a && $0.1 == b) || ($0.0 == b && $0.1 == a) }) { links.append((a, b)) }
      } }
      for (k, (a, b)) in links.enumerated() {
        let capacity = pick([100, 1000, 10000])
        let steps = (1...integer(1...3)).map { i in
          "{capacity: \(capacity * [2, 4, 10][i - 1]) Mbit/s, capex: \(integer(10...200)) kEUR, lease: \(integer(10...90))000 EUR/year, lead_time: \(integer(0...2)) years}"
        }
        let weight = chance(0.5) ? ", weight: \(integer(1...3))" : ", length: \(integer(10...300)) km"
        line("    - {id: l\(k), from: n\(a), to: n\(b), capacity: \(capacity) Mbit/s\(weight), lease: \(integer(5...60))000 EUR/year, steps: [\(steps.joined(separator: ", "))]}")
      }
      if links.count > 3, chance(0.5) { line("  shared_risk_groups: [{id: duct, links: [l0, l2]}]") }
      if chance(0.6) {
        hasVoice = true
        gatewayCount = integer(1...2)
        line("voice:")
        line("  erlangs_per_phone: \(Self.text(uniform(0.05...0.2)))")
        line("  codec: \(pick(["G.711", "G.729", "G.722"]))")
        line("  grade_of_service: \(pick([1, 2, 5])) %")
        line("  migration: {\(first): \(integer(0...50)) %, \(last): 100 %}")
        line("  legacy_line_cost: \(integer(10...25)) EUR/month")
        line("  sip_trunk_cost: \(integer(5...15)) EUR/month")
        line("  ip_phone_price: \(integer(80...200)) EUR")
        let gateways = (0..<gatewayCount).map { g in
          "{id: gw\(g), node: n\(g), capex: \(integer(50...300)) kEUR\(chance(0.6) ? ", trunks: \(integer(5...300))" : "")}"
        }
        line("  gateways: [\(gateways.joined(separator: ", "))]")
      }
    }

    if options.components {
      // Figures of the usual orders of magnitude, each drawn within a factor of a few.
      line("components:")
      line("  server: {mtbf: \(integer(10...80))000 h, mttr: \(integer(2...24)) h}")
      line("  storage_unit: {mtbf: \(integer(50...400))000 h, mttr: \(integer(2...24)) h}")
      line("  ups: {mtbf: \(integer(100...400))000 h, mttr: \(integer(2...12)) h}")
      line("  mains: {mtbf: \(integer(4000...20000)) h, mttr: \(integer(1...6)) h}")
      line("  generator: {mtbf: \(integer(2000...10000)) h, mttr: \(integer(8...48)) h}")
      line("  cooling: {mtbf: \(integer(20...100))000 h, mttr: \(integer(4...24)) h}")
      line("  site: {mtbf: \(integer(300...1000))000 h, mttr: \(integer(24...96)) h}")
      line("  repair_crews: \(integer(1...3))")
      line("  failover_time: \(integer(1...60)) min")
      line("  failover_success: \(integer(90...100)) %")
      line("  manual_switch_time: \(integer(1...4)) h")
      if sharedCount == 2, chance(0.5) {
        line("  common_cause: [{name: regional, sites: [shared0, shared1], mtbf: \(integer(100...900))000 h, mttr: \(integer(4...48)) h}]")
      }
    }
    guard options.uncertainty else { return out.joined(separator: "\n") + "\n" }
    // Uncertain inputs: each kind of parameter with some chance, on every element or one.
    var inputs: [String] = []
    func input(_ name: String, _ path: String, _ distribution: String) {
      inputs.append("    - {name: \(name), path: '\(path)', \(distribution)}")
    }
    func growthDistribution() -> String {
      pick([
        "distribution: triangular, min: \(integer(-3...2)) %, mode: \(integer(3...8)) %, max: \(integer(9...25)) %",
        "distribution: uniform, min: 0 %, max: \(integer(5...20)) %", "distribution: normal, mean: 6 %, sd: 3 %",
      ])
    }
    func factorDistribution() -> String {
      pick([
        "distribution: log-normal, median: 1, sigma: \(Self.text(uniform(0.05...0.4)))",
        "distribution: pert, min: 0.7, mode: 1, max: \(Self.text(uniform(1.1...1.8)))",
        "distribution: normal, mean: 1, sd: 0.1", "distribution: uniform, min: 0.8, max: 1.4",
      ])
    }
    func element(_ prefix: String, _ count: Int) -> String { chance(0.6) ? "*" : "\(prefix)\(integer(0...(count - 1)))" }
    if chance(0.7) { input("g", "workloads[\(element("w", workloadCount))].growth", growthDistribution()) }
    if chance(0.4) { input("sg", "workloads[\(element("w", workloadCount))].storage_growth", growthDistribution()) }
    if chance(0.4) { input("v", "workloads[\(element("w", workloadCount))].vcpu", factorDistribution()) }
    if chance(0.3) { input("r", "workloads[\(element("w", workloadCount))].ram", factorDistribution()) }
    if chance(0.4) { input("s", "workloads[\(element("w", workloadCount))].storage", factorDistribution()) }
    if chance(0.5) { input("e", "tenants[\(element("t", tenantCount))].employees", factorDistribution()) }
    if chance(0.3), let t = tenantHasCompoundingHeadcount.firstIndex(of: true) {
      input("eg", "tenants[t\(t)].employee_growth", "distribution: uniform, min: -2 %, max: 4 %")
    }
    if chance(0.4) {
      input("j", "tenants[\(element("t", tenantCount))].join_delay", "distribution: discrete, values: [0, 1, 2], probabilities: [50 %, 30 %, 20 %]")
    }
    if chance(0.3) { input("pue", "sites[\(element("shared", sharedCount))].pue", "distribution: uniform, min: 0.9, max: 1.2") }
    if chance(0.4) {
      input("lt", "sites[\(element("shared", sharedCount))].lead_time", "distribution: discrete, values: [1, 2, 3], probabilities: [30 %, 40 %, 30 %]")
    }
    if chance(0.4) { input("sp", "hardware.servers[host].price", factorDistribution()) }
    if chance(0.3) { input("stp", "hardware.storage[array].price", factorDistribution()) }
    if chance(0.5) { input("en", "costs.energy_price", factorDistribution()) }
    if chance(0.3) { input("fte", "costs.fte_cost", factorDistribution()) }
    if chance(0.2) { input("space", "costs.space_cost_per_rack", factorDistribution()) }
    if chance(0.2) { input("lic", "costs.licence_per_core", factorDistribution()) }
    if chance(0.3) { input("dr", "scenario.discount_rate", "distribution: uniform, min: 1 %, max: 5 %") }
    if chance(0.3) { input("oc", "policy.cpu_overcommit", "distribution: triangular, min: 2, mode: 4, max: 6") }
    if chance(0.3) { input("tu", "policy.target_utilisation", "distribution: uniform, min: 55 %, max: 85 %") }
    if options.network, chance(0.5) { input("bh", "network.busy_hour_per_employee", "distribution: uniform, min: 0.5, max: 3") }
    if hasVoice, chance(0.5) { input("erl", "voice.erlangs_per_phone", factorDistribution()) }
    if inputs.isEmpty { input("g", "workloads[*].growth", growthDistribution()) }
    line("uncertainty:")
    line("  inputs:")
    out += inputs
    return out.joined(separator: "\n") + "\n"
  }
}
