import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// A service depends on its own parts (docs/conventions.md, "Service availability"): closed
/// forms worked by hand, and the failure simulation against them.
@Suite("a service's own parts")
struct ServicePartsTests {
  /// A legacy room whose infrastructure never fails (MTBF 10^12 h), with servers of 10 cores
  /// (no overcommit, 100 % utilisation) in clusters of 4 with 1 spare, and storage units of
  /// 10 TiB filled to 100 %.
  static func room(workloads: String, policy: String = "", components: String = "") -> String {
    """
    scenario: {name: Room, horizon: 2020..2020, seed: 3}
    tenants: [{id: t, kind: state, legacy_site: room}]
    sites: [{id: room, kind: legacy, capacity: {racks: 100, it_power: 1000 kW}}]
    workloads:
    \(workloads)
    hardware:
      servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
      storage: [{id: st, usable: 10 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
    policy: {cpu_overcommit: 1, target_utilisation: 100 %, storage_target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1\(policy)}
    components:
      server: {mtbf: 999 h, mttr: 1 h}
      storage_unit: {mtbf: 99 h, mttr: 1 h}
      power: {mtbf: 1000000000000 h, mttr: 1 h}
      cooling: {mtbf: 1000000000000 h, mttr: 1 h}
      site: {mtbf: 1000000000000 h, mttr: 1 h}
      repair_crews: 4
    \(components)
    """
  }

  static func run(_ text: String, trials: Int = 0) throws -> PlanResults {
    let outcome = ScenarioLoader.load(text: text, file: "parts.yaml")
    return Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics.map(\.description))"), failureTrials: trials)
  }

  static func parts(_ row: ServiceAvailability) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: row.contributions.map { ($0.part, $0.unavailability) })
  }

  @Test("a 4+2 volume over 6 units is lost when 3 or more of them are down, whatever else the site holds")
  func erasureCodedVolume() throws {
    let results = try Self.run(Self.room(
      workloads: """
          - {id: small, tenant: t, storage: 30 TiB}
          - {id: big, tenant: t, storage: 400 TiB}
        """,
      policy: ", erasure_coding: 4+2"), trials: 20_000)
    // The site holds (30 + 400) × 6/4 = 645 TiB raw: 65 units of 10 TiB; 'small' fits one
    // group of 4 data units (40 TiB): 6 units, u = 1/(99 + 1) = 0.01 each.
    #expect(results.sizing[0].storageUnits == [65])
    let small = try #require(results.availability.first { $0.service == "small" })
    // Σ_{f=3}^{6} C(6, f) u^f (1 − u)^(6 − f) = 1.955359e-5 (Python, math.comb).
    #expect(approximately(try #require(Self.parts(small)["storage"]), 1.955359e-5, relative: 1e-9))
    // 'big' needs ⌈400 / 40⌉ = 10 such groups: 1 − (1 − 1.955359e-5)^10.
    let big = try #require(results.availability.first { $0.service == "big" })
    #expect(approximately(try #require(Self.parts(big)["storage"]), 1 - pow1p(-1.955359e-5, 10), relative: 1e-9))
    let simulated = try #require(big.simulated)
    #expect(abs(simulated.meanMinutes - big.downtimeMinutesPerYear) < 3 * simulated.standardErrorMinutes,
            "simulated \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(big.downtimeMinutesPerYear)")
  }

  @Test("two clusters, of which the service uses one: only that cluster counts")
  func oneOfTwoClusters() throws {
    let results = try Self.run(Self.room(workloads: """
        - {id: first, tenant: t, vcpu: 30 vCPU}
        - {id: second, tenant: t, vcpu: 30 vCPU}
      """), trials: 20_000)
    // 60 vCPU: 6 working servers, 2 clusters of 3 + 1 spare = 8 servers; 'first' needs 3
    // working servers: one cluster of 4 needing 3. With 4 crews the servers are independent,
    // u = 0.001: 6u²(1 − u)² + 4u³(1 − u) + u⁴ = 5.992003e-6 (not 1 − (1 − that)²).
    #expect(results.sizing[0].clusters == [2])
    let first = try #require(results.availability.first { $0.service == "first" })
    #expect(approximately(try #require(Self.parts(first)["compute"]), 5.992003e-6, relative: 1e-9))
    let simulated = try #require(first.simulated)
    #expect(abs(simulated.meanMinutes - first.downtimeMinutesPerYear) < 3 * simulated.standardErrorMinutes + 1e-3)
  }

  @Test("a common cause takes both twins down together: in series with the twin pair")
  func commonCause() throws {
    let twin = """
      scenario: {name: Twin, horizon: 2020..2020, seed: 2}
      tenants: [{id: t, kind: state, joins_shared_dc: 2020}]
      sites:
        - {id: a, kind: shared, capacity: {racks: 10, it_power: 100 kW}, latitude: 52.3759, longitude: 9.7320}
        - {id: b, kind: shared, capacity: {racks: 10, it_power: 100 kW}, latitude: 52.1508, longitude: 9.9511}
      workloads: [{id: svc, tenant: t, vcpu: 30 vCPU, availability_target: VK3}]
      hardware:
        servers: [{id: s, cores: 10, ram: 1 TiB, typical_power: 1 W, peak_power: 1 W, price: 1 EUR, lifetime: 5 years, per_rack: 10}]
      policy: {cpu_overcommit: 1, target_utilisation: 100 %, cluster_size: 4, spares_per_cluster: 1}
      components:
        server: {mtbf: 999 h, mttr: 1 h}
        power: {mtbf: 999 h, mttr: 1 h}
        cooling: {mtbf: 1000000000000 h, mttr: 1 h}
        site: {mtbf: 1000000000000 h, mttr: 1 h}
        failover_time: 0 min
        failover_success: 100 %
        common_cause: [{name: flood, sites: [a, b], mtbf: 9999 h, mttr: 1 h}]
      """
    let results = try Self.run(twin, trials: 20_000)
    let row = try #require(results.availability.first)
    // The flood: 1/(9999 + 1) = 1e-4, in series; each site's power 1e-3, both down 1e-6.
    #expect(approximately(try #require(Self.parts(row)["common cause"]), 1e-4, relative: 1e-12))
    #expect(row.dominant == "common cause")
    let simulated = try #require(row.simulated)
    #expect(abs(simulated.meanMinutes - row.downtimeMinutesPerYear) < 3 * simulated.standardErrorMinutes,
            "simulated \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(row.downtimeMinutesPerYear)")
    // Hannover and Hildesheim, 29 km apart (haversine, R = 6,371 km: 29.13 km): a VK3 service
    // fails over between them, below BSI's 100 km minimum.
    let warning = try #require(results.warnings.first { $0.code == .twinsNotGeoredundant })
    #expect(warning.message.hasPrefix("twin sites 'a' and 'b' stand 29 km apart, below BSI's minimum of 100 km"))
  }

  @Test("great-circle distance: Hannover to Hamburg about 132 km")
  func distance() {
    let hannover = GeoLocation(latitude: 52.3759, longitude: 9.7320)
    let hamburg = GeoLocation(latitude: 53.5511, longitude: 9.9937)
    // Haversine on a sphere of 6,371 km (Python): 131.846 km.
    #expect(approximately(hannover.distanceKm(to: hamburg), 131.84624779500672, relative: 1e-9))
  }
}
