import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Properties that hold for any scenario, checked on the bundled ones and on variations.
@Suite("demand properties")
struct DemandPropertyTests {
  static let scenarios = ["teaching-demand.yaml", "niedersachsen-2025.yaml"]

  private func load(_ name: String) throws -> Scenario {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario(name))
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  private func random(_ seed: UInt64) throws -> (Scenario, RandomScenario) {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: false, network: false))
    return (try #require(ScenarioLoader.load(text: text, file: "random-\(seed).yaml").scenario), random)
  }

  @Test("sites together carry every placed workload, no more and no less (random scenarios)", arguments: Array(UInt64(0)..<40))
  func conservation(_ seed: UInt64) throws {
    let projection = DemandStage.project(try random(seed).0)
    for index in projection.years.indices {
      let bySites = projection.sites.reduce(0) { $0 + $1.demand.vcpu[index] }
      let placed = projection.workloads.filter { $0.placement[index] != nil }.reduce(0) { $0 + $1.demand.vcpu[index] }
      #expect(approximately(bySites, placed, relative: 1e-9), "seed \(seed) year \(index)")
      let stored = projection.sites.reduce(0) { $0 + $1.demand.storageTiB[index] }
      let placedStored = projection.workloads.filter { $0.placement[index] != nil }.reduce(0) { $0 + $1.demand.storageTiB[index] }
      #expect(approximately(stored, placedStored, relative: 1e-9), "seed \(seed) year \(index)")
    }
  }

  @Test("more employees never give less demand (random scenarios, random factors)", arguments: Array(UInt64(0)..<40))
  func monotoneInHeadcount(_ seed: UInt64) throws {
    let (scenario, generator) = try random(seed)
    var draws = generator
    let factor = draws.uniform(1...2)
    var larger = scenario
    larger.tenants = scenario.tenants.map { tenant in
      var copy = tenant
      switch tenant.employees {
      case let .compounding(base, year, growth): copy.employees = .compounding(base: base * factor, baseYear: year, growth: growth)
      case let .table(series):
        copy.employees = .table(YearSeries(series.points.map { ($0.year, $0.value * factor) }) ?? series)
      }
      return copy
    }
    let before = DemandStage.project(scenario)
    let after = DemandStage.project(larger)
    for (a, b) in zip(before.workloads, after.workloads) {
      for index in before.years.indices {
        #expect(b.demand.vcpu[index] >= a.demand.vcpu[index], "seed \(seed) \(a.workload) year \(index)")
        #expect(b.demand.storageTiB[index] >= a.demand.storageTiB[index], "seed \(seed) \(a.workload) year \(index)")
      }
    }
  }

  @Test("the BLAS projection agrees with a plain loop over workloads and years", arguments: scenarios)
  func independentLoop(_ name: String) throws {
    let scenario = try load(name)
    let projection = DemandStage.project(scenario)
    let tenants = Dictionary(uniqueKeysWithValues: scenario.tenants.map { ($0.id, $0) })
    for (workload, row) in zip(scenario.workloads, projection.workloads) {
      let tenant = try #require(tenants[workload.tenant])
      var accrued = 0.0
      for year in min(workload.startYear, scenario.info.horizon.first).number...scenario.info.horizon.last.number {
        let y = Year(year)
        let employees = tenant.employees.employees(in: y)
        let active = y >= workload.startYear
        if active {
          let perYear = workload.storageAccrualPerYear.quantity.tebibytes
          accrued += workload.storageAccrualPerYear.isPerEmployee ? perYear * employees : perYear
        }
        guard scenario.info.horizon.contains(y) else { continue }
        let index = scenario.info.horizon.index(of: y)
        let scale = workload.vcpu.isPerEmployee ? employees : 1
        let vcpu = active ? workload.vcpu.quantity.vcpu * scale * workload.vcpuGrowth.factor(afterYears: y - workload.baseYear) : 0
        let storageScale = workload.storage.isPerEmployee ? employees : 1
        let stored = active
          ? workload.storage.quantity.tebibytes * storageScale * workload.storageGrowth.factor(afterYears: y - workload.baseYear)
          : 0
        #expect(approximately(row.demand.vcpu[index], vcpu, relative: 1e-9))
        #expect(approximately(row.demand.storageTiB[index], stored + accrued, relative: 1e-9))
      }
    }
  }
}
