@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Redundancy per availability class (docs/conventions.md, "Redundancy per availability
/// class"), worked by hand on twin sites at 50 % each.
@Suite("redundancy per availability class")
struct RedundancyClassTests {
  /// 10-core servers at 4 vCPU per core and 70 %: 28 vCPU per server; clusters of 8; units of
  /// 10 TiB filled to 100 %. A VK3 and a VK2 workload of 280 vCPU and 10 TiB each.
  static func scenario(classes: String) throws -> Scenario {
    let text = """
      scenario: {name: classes, horizon: 2020..2020}
      tenants: [{id: land, kind: state, joins_shared_dc: 2020}]
      sites:
        - {id: a, kind: shared, load_share: 50 %}
        - {id: b, kind: shared, load_share: 50 %}
      workloads:
        - {id: procedures, tenant: land, vcpu: 280 vCPU, storage: 10 TiB, availability_target: VK3}
        - {id: office, tenant: land, vcpu: 280 vCPU, storage: 10 TiB, availability_target: VK2}
        - {id: portal, tenant: land, vcpu: 0 vCPU, availability_target: 99.95 %}
        - {id: archive, tenant: land, vcpu: 0 vCPU, availability_target: 99.5 %}
      hardware:
        servers: [{id: host, cores: 10, ram: 1 TiB, typical_power: 400 W, peak_power: 500 W, price: 9000 EUR, lifetime: 5 years, per_rack: 10}]
        storage: [{id: san, usable: 10 TiB, typical_power: 1 kW, peak_power: 1 kW, price: 50 kEUR, lifetime: 5 years, per_rack: 4}]
      policy:
        cpu_overcommit: 4
        target_utilisation: 70 %
        storage_target_utilisation: 100 %
        cluster_size: 8
        spares_per_cluster: 1
        storage_copies: 2
        failover_share: 100 %
      \(classes)
      """
    let outcome = ScenarioLoader.load(text: text, file: "classes.yaml")
    return try #require(outcome.scenario, "\(outcome.diagnostics.map(\.description))")
  }

  @Test("each class is sized with its own failover share, spares and copies")
  func sizing() throws {
    let scenario = try Self.scenario(classes: """
        classes:
          - {class: VK3, spares_per_cluster: 2}
          - {class: VK2, failover_share: 0 %, storage_copies: 1}
      """)
    let site = try #require(SizingStage.size(scenario, DemandStage.project(scenario)).first)
    // VK2 (pool of clusters of 8 with 1 spare): max(140, 0 % × 280) = 140 vCPU: 5 working
    // servers, 1 cluster, 6 servers. VK3 (clusters of 8 with 2 spares): max(140, 100 % × 280)
    // = 280 vCPU: 10 working servers, ⌈10 / 6⌉ = 2 clusters, 14 servers.
    #expect(site.servers == [20])
    #expect(site.clusters == [3])
    #expect(site.workingServers == [15])
    #expect(site.sizedVCPU == [420])
    #expect(site.pools.map(\.servers) == [[6], [14]])
    // Storage: VK3 5 TiB × 2 copies + VK2 5 TiB × 1 copy = 15 TiB raw: 2 units of 10 TiB.
    #expect(site.storedTiB == [10])
    #expect(site.storageUnits == [2])
  }

  @Test("without classes every service gets the policy's: the sizing of before")
  func withoutClasses() throws {
    let site = try #require({ (s: Scenario) in SizingStage.size(s, DemandStage.project(s)).first }(try Self.scenario(classes: "")))
    // max(280, 100 % × 560) = 560 vCPU: 20 working servers, ⌈20 / 7⌉ = 3 clusters, 23 servers;
    // 10 TiB × 2 copies = 20 TiB: 2 units.
    #expect(site.servers == [23])
    #expect(site.clusters == [3])
    #expect(site.pools.count == 1)
    #expect(site.storageUnits == [2])
  }

  @Test("a percentage target takes the lowest listed class that reaches it; no match, the policy's")
  func classOfPercentage() throws {
    let scenario = try Self.scenario(classes: """
        classes:
          - {class: VK3, spares_per_cluster: 2}
          - {class: VK2, failover_share: 0 %}
      """)
    // 99.95 %: VK2 (99.9 %) does not reach it, VK3 (99.99 %) does; 99.5 %: VK2.
    #expect(RedundancyClasses(scenario).workloadClass == [1, 2, 1, 2])
    #expect(RedundancyClasses(try Self.scenario(classes: "")).workloadClass == [0, 0, 0, 0])
  }
}
