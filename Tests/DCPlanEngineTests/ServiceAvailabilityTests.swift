import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Service availability on small scenarios worked by hand.
@Suite("service availability")
struct ServiceAvailabilityTests {
  /// One legacy room, one service of 100 vCPU on servers of 10 cores (no overcommit, 100 %
  /// utilisation): 10 working servers in clusters of 4 with 1 spare → 4 clusters, 14 servers,
  /// clusters of ⌈14/4⌉ = 4 needing 3.
  static let room = """
    scenario: {name: Room, horizon: 2020..2020}
    tenants: [{id: t, kind: state, legacy_site: room}]
    sites: [{id: room, kind: legacy, capacity: {racks: 10, it_power: 100 kW}}]
    workloads: [{id: svc, tenant: t, vcpu: 100 vCPU, availability_target: VK3}]
    hardware:
      servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1}
    components:
      server: {mtbf: 999 h, mttr: 1 h}
      power: {mtbf: 9999 h, mttr: 1 h}
      cooling: {mtbf: 19999 h, mttr: 1 h}
      site: {mtbf: 99999 h, mttr: 1 h}
      repair_crews: 4
    """

  @Test("a legacy room: power, cooling and site in series with 3-of-4 clusters")
  func legacyRoom() throws {
    let outcome = ScenarioLoader.load(text: Self.room, file: "room.yaml")
    let results = Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
    let row = try #require(results.availability.first)
    // Each server: u = 1/(999 + 1) = 0.001. With 4 crews the servers are independent: a
    // cluster of 4 needing 3 fails with 2 or more down: 6u²(1−u)² + 4u³(1−u) + u⁴
    // = 5.992003e-6; four clusters: 1 − (1 − 5.992003e-6)^4 = 2.3967796576e-5.
    // Power 1e-4, cooling 5e-5, site 1e-5: 1 − (1 − 1e-4)(1 − 5e-5)(1 − 1e-5) = 1.599935e-4.
    // A = (1 − 1.599935e-4)(1 − 2.3967796576e-5) = 0.9998160425380656 (Python, same formulas).
    #expect(approximately(row.availability, 0.9998160425380656, relative: 1e-12))
    #expect(approximately(row.downtimeMinutesPerYear, 96.68804199274561, relative: 1e-9))
    #expect(row.dominant == "site infrastructure")
    // VK3 asks for 99.99 %: 52.56 minutes a year; this room misses it.
    #expect(!row.meetsTarget)
    #expect(results.warnings.map(\.code) == [.availabilityBelowTarget])
  }

  @Test("UPS in series with mains and generators in parallel; the simulation agrees")
  func powerChain() throws {
    let text = Self.room.replacingOccurrences(
      of: "  power: {mtbf: 9999 h, mttr: 1 h}\n",
      with: "  ups: {mtbf: 9999 h, mttr: 1 h}\n  mains: {mtbf: 99 h, mttr: 1 h}\n  generator: {mtbf: 49 h, mttr: 1 h}\n")
    #expect(text != Self.room)
    let scenario = try #require(ScenarioLoader.load(text: text, file: "power.yaml").scenario)
    let results = Planner.run(scenario, failureTrials: 20_000)
    let row = try #require(results.availability.first)
    let parts = Dictionary(uniqueKeysWithValues: row.contributions.map { ($0.part, $0.unavailability) })
    // UPS 1e-4; mains 0.01 and generator 0.02 both down: 2e-4; cooling 5e-5; site 1e-5.
    let expected = 1 - (1 - 1e-4) * (1 - 0.01 * 0.02) * (1 - 5e-5) * (1 - 1e-5)
    #expect(approximately(try #require(parts["site infrastructure"]), expected, relative: 1e-12))
    let simulated = try #require(row.simulated)
    #expect(abs(simulated.meanMinutes - row.downtimeMinutesPerYear) < 3 * simulated.standardErrorMinutes,
            "simulated \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(row.downtimeMinutesPerYear)")
  }

  @Test("two copies in one room: storage units in mirrored pairs; the simulation agrees")
  func mirroredStorage() throws {
    let text = Self.room
      .replacingOccurrences(of: "vcpu: 100 vCPU,", with: "vcpu: 100 vCPU, storage: 45 TiB,")
      .replacingOccurrences(
        of: "\npolicy: {",
        with: "\n  storage: [{id: st, usable: 10 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]\npolicy: {storage_copies: 2, ")
      .replacingOccurrences(of: "  repair_crews: 4", with: "  repair_crews: 4\n  storage_unit: {mtbf: 99 h, mttr: 1 h}")
    let scenario = try #require(ScenarioLoader.load(text: text, file: "mirror.yaml").scenario, "\(ScenarioLoader.load(text: text, file: "mirror.yaml").diagnostics)")
    let results = Planner.run(scenario, failureTrials: 20_000)
    // 45 TiB × 2 copies / (10 TiB × 80 %) = 11.25 → 12 units in 6 mirrored pairs; each unit
    // u = 1/(99 + 1) = 0.01, a pair 1e-4: storage U = 1 − (1 − 1e-4)^6.
    #expect(results.sizing[0].storageUnits == [12])
    let row = try #require(results.availability.first)
    let parts = Dictionary(uniqueKeysWithValues: row.contributions.map { ($0.part, $0.unavailability) })
    #expect(approximately(try #require(parts["storage"]), 1 - (1 - 1e-4) * (1 - 1e-4) * (1 - 1e-4) * (1 - 1e-4) * (1 - 1e-4) * (1 - 1e-4), relative: 1e-12))
    let simulated = try #require(row.simulated)
    #expect(abs(simulated.meanMinutes - row.downtimeMinutesPerYear) < 3 * simulated.standardErrorMinutes,
            "simulated \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(row.downtimeMinutesPerYear)")
  }

  @Test("twin sites beat a single room, and a single-homed location's access link counts")
  func twinAndNetwork() throws {
    let twin = """
      scenario: {name: Twin, horizon: 2020..2020}
      tenants: [{id: t, kind: state, employees: 100, joins_shared_dc: 2020, node: town}]
      sites:
        - {id: a, kind: shared, node: hub, capacity: {racks: 10, it_power: 100 kW}}
        - {id: b, kind: shared, node: hub, capacity: {racks: 10, it_power: 100 kW}}
      workloads: [{id: svc, tenant: t, vcpu: 100 vCPU}]
      hardware:
        servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
      policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1}
      network:
        busy_hour_per_employee: 0.1 Mbit/s
        nodes: [{id: hub}, {id: town}]
        links: [{id: access, from: town, to: hub, capacity: 1 Gbit/s}]
      components:
        server: {mtbf: 999 h, mttr: 1 h}
        power: {mtbf: 9999 h, mttr: 1 h}
        cooling: {mtbf: 19999 h, mttr: 1 h}
        site: {mtbf: 99999 h, mttr: 1 h}
        link: {mtbf: 9999 h, mttr: 1 h}
        repair_crews: 4
        failover_success: 100 %
        failover_time: 0 min
      """
    let outcome = ScenarioLoader.load(text: twin, file: "twin.yaml")
    let results = Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
    let row = try #require(results.availability.first)
    let parts = Dictionary(uniqueKeysWithValues: row.contributions.map { ($0.part, $0.unavailability) })
    // The single access link cuts the town off: U_net = 1/(9999 + 1) = 1e-4, first order.
    #expect(approximately(try #require(parts["network"]), 1e-4, relative: 1e-12))
    #expect(row.dominant == "network")
    // The twin pair is far better than one site (about 1.8e-4 each): order U².
    #expect(try #require(parts["site infrastructure"]) < 1e-6)
    #expect(try #require(parts["compute"]) < 1e-6)
    #expect(parts["failover"] == 0)
  }
}

/// The failure simulation against the analytic model it shares its structure with.
@Suite("failure simulation")
struct FailureSimulationTests {
  @Test("the simulated mean downtime agrees with the analytic value within 3 standard errors", arguments: [UInt64(1), 2, 3])
  func agreesWithAnalytic(seed: UInt64) throws {
    var scenario = try #require(ScenarioLoader.load(text: ServiceAvailabilityTests.room, file: "room.yaml").scenario)
    scenario.info.seed = seed
    let results = Planner.run(scenario, failureTrials: 20_000)
    let row = try #require(results.availability.first)
    let simulated = try #require(row.simulated)
    // Analytic: 96.688 minutes a year (the legacy-room test).
    let analytic = row.downtimeMinutesPerYear
    #expect(abs(simulated.meanMinutes - analytic) < 3 * simulated.standardErrorMinutes,
            "mean \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(analytic)")
    #expect(simulated.p50Minutes <= simulated.p95Minutes && simulated.p95Minutes <= simulated.p99Minutes)
    #expect(simulated.events > 100_000)
  }

  @Test("twin sites with an imperfect failover: simulation and analytic agree within 3 standard errors")
  func twinAgrees() throws {
    let twin = """
      scenario: {name: Twin, horizon: 2020..2020, seed: 5}
      tenants: [{id: t, kind: state, employees: 100, joins_shared_dc: 2020}]
      sites:
        - {id: a, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
        - {id: b, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      workloads: [{id: svc, tenant: t, vcpu: 100 vCPU}]
      hardware:
        servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
      policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1}
      components:
        server: {mtbf: 999 h, mttr: 2 h}
        power: {mtbf: 999 h, mttr: 4 h}
        cooling: {mtbf: 1999 h, mttr: 6 h}
        site: {mtbf: 9999 h, mttr: 24 h}
        repair_crews: 1
        failover_time: 6 min
        failover_success: 90 %
        manual_switch_time: 1 h
      """
    let scenario = try #require(ScenarioLoader.load(text: twin, file: "twin.yaml").scenario)
    let results = Planner.run(scenario, failureTrials: 20_000)
    let row = try #require(results.availability.first)
    let simulated = try #require(row.simulated)
    #expect(abs(simulated.meanMinutes - row.downtimeMinutesPerYear) < 3 * simulated.standardErrorMinutes,
            "simulated \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(row.downtimeMinutesPerYear)")
    #expect(row.dominant == "failover")
  }

  @Test("the same seed gives the same downtimes whatever the number of threads")
  func threadIndependent() {
    let blocks: [FailureSimulation.Block] = [
      .parts(count: 3, failureRate: 0.01, repairRate: 0.5),
      .kOutOfN(count: 2, k: 3, n: 4, failureRate: 0.02, repairRate: 1, crews: 1),
    ]
    let one = FailureSimulation.run(blocks: blocks, periodHours: 8760, trials: 1000, seed: 9, threads: 1)
    let two = FailureSimulation.run(blocks: blocks, periodHours: 8760, trials: 1000, seed: 9, threads: 2)
    let seven = FailureSimulation.run(blocks: blocks, periodHours: 8760, trials: 1000, seed: 9, threads: 7)
    #expect(one == two && two == seven)
    // A single part: U = λ/(λ + μ) = 0.01/0.51; 1000 years, within 3 standard errors.
    let part = FailureSimulation.run(blocks: [.parts(count: 1, failureRate: 0.01, repairRate: 0.5)], periodHours: 8760, trials: 1000, seed: 4)
    #expect(abs(part.meanUnavailability - 0.01 / 0.51) < 3 * part.standardError)
  }
}

/// Site outages played through.
@Suite("site outages")
struct SiteOutageTests {
  static func twin(failover: String, copies: Int) -> String {
    """
    scenario: {name: Twin, horizon: 2020..2020}
    tenants:
      - {id: t, kind: state, joins_shared_dc: 2020}
      - {id: u, kind: municipality, legacy_site: room}
    sites:
      - {id: a, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - {id: b, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - {id: room, kind: legacy, capacity: {racks: 10, it_power: 100 kW}}
    workloads:
      - {id: svc, tenant: t, vcpu: 100 vCPU, storage: 10 TiB}
      - {id: local, tenant: u, vcpu: 10 vCPU}
    hardware:
      servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
      storage: [{id: st, usable: 100 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1, failover_share: \(failover), storage_copies: \(copies)}
    components: {failover_time: 15 min}
    events:
      - {kind: site-outage, site: a, year: 2020, duration: 72 h}
      - {kind: site-outage, site: room, year: 2020, duration: 48 h}
    """
  }

  private func run(_ text: String) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: text, file: "outage.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
  }

  @Test("twins sized for full failover carry the load; the legacy room's service is down for the outage")
  func fullFailover() throws {
    let results = try run(Self.twin(failover: "100 %", copies: 2))
    let shared = try #require(results.siteOutages.first)
    // Site b was sized for all 100 vCPU: 10 working servers × 10 cores carry 100 %; two
    // copies at 50 % each: b holds all the data. The service fails over: down 0.25 h.
    #expect(shared.carriedShare == 1 && shared.dataShare == 1)
    #expect(shared.servicesFailedOver == ["svc"] && shared.servicesDown.isEmpty)
    #expect(approximately(shared.downtimeHours, 0.25))
    let room = try #require(results.siteOutages.last)
    #expect(room.servicesDown == ["local"] && room.tenantsAffected == ["u"] && room.downtimeHours == 48)
  }

  @Test("twins sized for half the load, or one copy of the data, lose the service for the outage")
  func halfFailover() throws {
    let half = try run(Self.twin(failover: "50 %", copies: 2))
    let shared = try #require(half.siteOutages.first)
    // b was sized for max(50, 0.5 × 100) = 50 vCPU: 5 working servers carry 50 of 100 vCPU.
    #expect(approximately(shared.carriedShare, 0.5))
    #expect(shared.servicesDown == ["svc"] && shared.downtimeHours == 72)
    let oneCopy = try run(Self.twin(failover: "100 %", copies: 1))
    #expect(oneCopy.siteOutages.first.map { approximately($0.dataShare, 0.5) } == true)
    #expect(oneCopy.warnings.filter { $0.code == .siteOutageLosesService }.count == 2)
  }
}

extension SiteOutageTests {
  static let classes = """
    scenario: {name: Classes, horizon: 2020..2020}
    tenants: [{id: t, kind: state, joins_shared_dc: 2020}]
    sites:
      - {id: a, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
      - {id: b, kind: shared, capacity: {racks: 10, it_power: 100 kW}}
    workloads:
      - {id: procedures, tenant: t, vcpu: 100 vCPU, storage: 20 TiB, availability_target: VK3}
      - {id: office, tenant: t, vcpu: 100 vCPU, storage: 10 TiB, availability_target: VK2}
      - {id: archive, tenant: t, storage: 30 TiB}
    hardware:
      servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
      storage: [{id: st, usable: 100 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
    policy:
      cpu_overcommit: 1
      target_utilisation: 100 %
      storage_copies: 2
      classes: [{class: VK3, failover_share: 100 %}, {class: VK2, failover_share: 0 %}]
    components: {failover_time: 15 min}
    events:
      - {kind: site-outage, site: a, year: 2020, duration: 72 h}
      - {kind: logical-fault, site: a, year: 2020, detection: 4 h, restore_rate: 10 TiB/h}
    """

  @Test("a site outage: the class that fails over is carried, the class without failover is down")
  func perClass() throws {
    let results = try run(Self.classes)
    let outage = try #require(results.siteOutages.first)
    // Site b runs max(50, 100 % × 100) = 100 vCPU of VK3 and its own 50 of VK2: 15 working
    // servers, 150 vCPU at full use; its own 100 leave 50 free: the lost 50 of VK3 fit, the
    // lost 50 of VK2 do not. It runs 50 + 50 + 50 of the 200 vCPU: 75 %.
    #expect(outage.servicesFailedOver == ["procedures", "archive"])
    #expect(outage.servicesDown == ["office"])
    #expect(approximately(outage.carriedShare, 0.75))
    #expect(outage.dataShare == 1)
    #expect(outage.serviceDowntimeHours.map(\.hours) == [0.25, 72, 0.25])
  }

  @Test("a logical fault: every copy is hit; services restored from backup, highest class first")
  func logicalFault() throws {
    let results = try run(Self.classes)
    let fault = try #require(results.siteOutages.last)
    // Restore starts after 4 h at 10 TiB/h: the VK3 service's 20 TiB by 6 h, the VK2 one's
    // 10 TiB by 7 h, the one without a target (30 TiB) by 10 h.
    #expect(fault.servicesDown == ["procedures", "office", "archive"])
    #expect(fault.serviceDowntimeHours.map(\.hours) == [6, 7, 10])
    #expect(fault.downtimeHours == 10)
    #expect(results.warnings.contains { $0.code == .siteOutageLosesService && $0.message.contains("logical fault") })
  }
}
