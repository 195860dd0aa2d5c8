@testable import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// The one placement rule (docs/conventions.md, "Demand"), worked by hand on a small scenario:
/// two shared sites at 60 % and 40 %, a legacy room, a tenant that joins in 2022, one that
/// never joins, one with no room that joins in 2021.
@Suite("placement")
struct PlacementTests {
  static let yaml = """
    version: 1
    scenario: {name: placement, horizon: 2020..2023}
    tenants:
      - {id: a, kind: state, employees: 100, joins_shared_dc: 2022, legacy_site: room}
      - {id: b, kind: municipality, employees: 10, legacy_site: room}
      - {id: c, kind: municipality, employees: 10, joins_shared_dc: 2021}
    sites:
      - {id: north, kind: shared, load_share: 60 %}
      - {id: room, kind: legacy}
      - {id: south, kind: shared, load_share: 40 %}
    workloads:
      - {id: wa, tenant: a, vcpu: 10 vCPU}
      - {id: wb, tenant: b, vcpu: 1 vCPU}
      - {id: wc, tenant: c, vcpu: 5 vCPU}
    """

  let scenario: Scenario
  let placement: Placement

  init() throws {
    let outcome = ScenarioLoader.load(text: Self.yaml, file: "placement.yaml")
    scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    placement = Placement(scenario, years: scenario.info.horizon.years)
  }

  @Test("a tenant runs in its legacy room until the year before it joins, then in the shared data centre")
  func places() {
    // Tenant a: room 2020, 2021; shared from 2022 (the joining year counts as shared).
    #expect((0..<4).map { placement.place(tenant: 0, year: $0) } == [.legacy(site: 1), .legacy(site: 1), .shared, .shared])
    // Tenant b never joins; tenant c has no room, so it is nowhere before it joins.
    #expect((0..<4).map { placement.place(tenant: 1, year: $0) } == Array(repeating: .legacy(site: 1), count: 4))
    #expect((0..<4).map { placement.place(tenant: 2, year: $0) } == [.nowhere, .shared, .shared, .shared])
    #expect(placement.runs(tenant: 0, atSite: 2, year: 2))
    #expect(!placement.runs(tenant: 0, atSite: 2, year: 1))
  }

  @Test("sums go whole to the room and by load share to each shared site")
  func sums() {
    // One resource, 10 a year for each tenant.
    let perSite = placement.perSite([[10, 10, 10, 10], [1, 1, 1, 1], [5, 5, 5, 5]], resources: 1)
    // north: 60 % of the shared tenants: 2020: 0; 2021: 0.6·5 = 3; 2022, 2023: 0.6·(10 + 5) = 9.
    #expect(approximately(Array(perSite[0..<4]), [0, 3, 9, 9]))
    // room: a until 2021 and b always: 11, 11, 1, 1.
    #expect(approximately(Array(perSite[4..<8]), [11, 11, 1, 1]))
    // south: 40 %: 0, 2, 6, 6.
    #expect(approximately(Array(perSite[8..<12]), [0, 2, 6, 6]))
  }

  @Test("a workload counts at every site its tenant runs at")
  func counts() {
    var counts = [Int](repeating: 0, count: 12)
    placement.addCounts(tenant: 0, [2, 2, 2, 2], into: &counts)
    #expect(counts == [0, 0, 2, 2, 2, 2, 0, 0, 0, 0, 2, 2])
  }

  @Test("a trial's join years move the place; the sites stay")
  func rejoin() {
    var delayed = scenario
    delayed.tenants[0].joinsSharedDataCentre = Year(2023)
    var trial = placement
    trial.rejoin(delayed, years: scenario.info.horizon.years)
    #expect(trial.place(tenant: 0, year: 2) == .legacy(site: 1))
    #expect(trial.place(tenant: 0, year: 3) == .shared)
  }

  @Test("the demand stage places through it: per-site demand is the tenants' sums placed")
  func demandStage() throws {
    let projection = DemandStage.project(scenario)
    func site(_ id: String) throws -> SiteDemand { try #require(projection.sites.first { $0.site == id }) }
    // The same figures as the sums above: the workloads carry 10, 1 and 5 vCPU.
    #expect(approximately(try site("north").demand.vcpu, [0, 3, 9, 9]))
    #expect(approximately(try site("room").demand.vcpu, [11, 11, 1, 1]))
    #expect(approximately(try site("south").demand.vcpu, [0, 2, 6, 6]))
    #expect(try site("north").workloadCount == [0, 1, 2, 2])
    #expect(try site("room").workloadCount == [2, 2, 1, 1])
    // Tenant c has no site in 2020: its demand stays in the totals only.
    #expect(approximately(projection.totals.vcpu, [16, 16, 16, 16]))
    #expect(projection.workloads[2].placement == [nil, "shared", "shared", "shared"])
  }
}
