import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Scenarios/teaching-demand.yaml against the figures worked by hand in its comments.
@Suite("teaching scenario: demand by hand")
struct TeachingDemandTests {
  let projection: DemandProjection

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-demand.yaml"))
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    projection = DemandStage.project(scenario)
  }

  private func workload(_ id: String) throws -> WorkloadDemand {
    try #require(projection.workloads.first { $0.workload == id })
  }

  private func site(_ id: String) throws -> SiteDemand {
    try #require(projection.sites.first { $0.site == id })
  }

  @Test("per-employee workloads follow the headcount")
  func perEmployee() throws {
    let office = try workload("land-office")
    // 0.1 vCPU × 1000, 1100, 1210, 1331 employees
    #expect(approximately(office.demand.vcpu, [100, 110, 121, 133.1]))
    // 10 GiB × employees / 1024
    #expect(approximately(office.demand.storageTiB, [9.765625, 10.7421875, 11.81640625, 12.998046875]))
    let stadt = try workload("stadt-fv")
    // 0.05 vCPU × 200, 250, 300, 300 (table, linear in 2021, flat in 2023)
    #expect(approximately(stadt.demand.vcpu, [10, 12.5, 15, 15]))
  }

  @Test("storage accrual adds up from the start year")
  func accrual() throws {
    let eakte = try workload("eakte")
    #expect(approximately(eakte.demand.vcpu, [0, 40, 40, 40]))
    // 2200, 4620, 7282 GiB accrued (2 GiB × 1100, 1210, 1331 employees, summed)
    #expect(approximately(eakte.demand.storageTiB, [0, 2.1484375, 4.51171875, 7.111328125]))
  }

  @Test("absolute workloads compound their growth")
  func growth() throws {
    let platform = try workload("kdo-platform")
    #expect(approximately(platform.demand.ramGiB, [800, 880, 968, 1064.8]))
    let archive = try workload("kdo-archive")
    #expect(approximately(archive.demand.storageTiB, [5, 6, 7.2, 8.64]))
    #expect(approximately(archive.demand.vcpu, [8, 8, 8, 8]))
  }

  @Test("onboarding moves a tenant's workloads in its joining year")
  func placement() throws {
    #expect(try workload("land-office").placement == ["old-room", "old-room", "shared", "shared"])
    #expect(try workload("stadt-fv").placement == ["old-room", "old-room", "old-room", "shared"])
    #expect(try workload("eakte").placement == [nil, "old-room", "shared", "shared"])
  }

  @Test("sites sum the workloads placed there")
  func sites() throws {
    let oldRoom = try site("old-room")
    #expect(approximately(oldRoom.demand.vcpu, [110, 162.5, 15, 0]))
    #expect(approximately(oldRoom.demand.ramGiB, [440, 746, 60, 0]))
    #expect(approximately(oldRoom.demand.storageTiB, [10.7421875, 14.111328125, 1.46484375, 0]))
    #expect(oldRoom.workloadCount == [2, 3, 1, 0])
    let dc = try site("dc")
    #expect(approximately(dc.demand.vcpu, [208, 228, 411, 462.3]))
    #expect(approximately(dc.demand.ramGiB, [832, 912, 1740, 1945.2]))
    #expect(approximately(dc.demand.storageTiB, [25, 28, 47.728125, 56.83421875]))
    #expect(dc.workloadCount == [2, 2, 4, 5])
  }

  @Test("totals are the sums over all workloads")
  func totals() {
    #expect(approximately(projection.totals.vcpu, [318, 390.5, 426, 462.3]))
    #expect(approximately(projection.totals.ramGiB, [1272, 1658, 1800, 1945.2]))
    #expect(approximately(projection.totals.storageTiB, [35.7421875, 42.111328125, 49.19296875, 56.83421875]))
  }
}
