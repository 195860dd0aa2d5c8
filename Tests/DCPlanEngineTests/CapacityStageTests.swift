import DCPlanEngine
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Each capacity stage alone, on small inputs worked by hand.
@Suite("capacity stages")
struct CapacityStageTests {
  /// Two shared sites (50/50), one tenant of 100 employees in the shared DC from 2020, one
  /// workload of `vcpu` vCPU and `storageTiB` TiB, one server type (10 cores, 100 GiB,
  /// 1 kW typical, 2 kW peak, 10 per rack) and one storage type (10 TiB usable, 4 per rack).
  static func scenario(vcpu: Double, storageTiB: Double = 0, mode: SizingPolicy.SiteMode, modules: [BuildModule] = []) -> Scenario {
    let horizon = YearRange.single(Year(2020))
    let half = Fraction(0.5) ?? .zero
    var policy = SizingPolicy.standard
    policy.cpuOvercommit = 1
    policy.targetUtilisation = .one
    policy.storageTargetUtilisation = .one
    policy.clusterSize = 4
    policy.sparesPerCluster = 1
    policy.storageRawFactor = 2
    policy.siteMode = mode
    return Scenario(
      info: ScenarioInfo(name: "t", description: "", horizon: horizon, currency: "EUR", discountRate: .zero, seed: 1),
      tenants: [Tenant(id: "t", name: "t", kind: .state, employees: .compounding(base: 100, baseYear: Year(2020), growth: .zero),
                       joinsSharedDataCentre: Year(2020), legacySite: nil)],
      workloads: [Workload(id: "w", name: "w", tenant: "t", vcpu: .absolute(.vcpu(vcpu)), ram: .absolute(.zero),
                           storage: .absolute(.tebibytes(storageTiB)), storageAccrualPerYear: .absolute(.zero),
                           vcpuGrowth: .zero, ramGrowth: .zero, storageGrowth: .zero, baseYear: Year(2020),
                           startYear: Year(2020), availabilityTarget: nil)],
      sites: [
        Site(id: "a", name: "a", kind: .shared, node: nil, decommissionYear: nil, loadShare: half, modules: modules),
        Site(id: "b", name: "b", kind: .shared, node: nil, decommissionYear: nil, loadShare: half),
      ],
      hardware: HardwareCatalogue(
        servers: [ServerType(id: "s", cores: 10, ram: .gibibytes(100), typicalPower: .kilowatts(1), peakPower: .kilowatts(2),
                             price: .euros(1000), lifetimeYears: 5, perRack: 10)],
        storage: [StorageType(id: "st", usable: .tebibytes(10), typicalPower: .kilowatts(1), peakPower: .kilowatts(1),
                              price: .euros(1000), lifetimeYears: 5, perRack: 4)]),
      policy: policy)
  }

  private func size(_ scenario: Scenario) -> [SiteSizing] {
    SizingStage.size(scenario, DemandStage.project(scenario))
  }

  @Test("active-active with full failover sizes each twin for the whole shared load")
  func fullFailover() {
    // 100 vCPU shared, 50 at each site; failover 100 % → each site sized for 100 vCPU:
    // N = ⌈100/10⌉ = 10 working, clusters of 4 with 1 spare carry 3: ⌈10/3⌉ = 4, servers 14.
    let sized = size(Self.scenario(vcpu: 100, mode: .activeActive(failoverShare: .one)))
    #expect(sized.map(\.sizedVCPU) == [[100], [100]])
    #expect(sized.map(\.servers) == [[14], [14]])
  }

  @Test("active-active with 60 % failover, and without failover")
  func partialFailover() throws {
    // Each site must carry max(50, 0.6 × 100) = 60 vCPU → 6 working, 2 clusters, 8 servers.
    let partial = size(Self.scenario(vcpu: 100, mode: .activeActive(failoverShare: try #require(Fraction(0.6)))))
    #expect(partial.map(\.servers) == [[8], [8]])
    // Failover 0 %: each site its own 50 vCPU → 5 working, 2 clusters, 7 servers.
    let none = size(Self.scenario(vcpu: 100, mode: .activeActive(failoverShare: .zero)))
    #expect(none.map(\.servers) == [[7], [7]])
  }

  @Test("storage: stored share × copies ÷ usable, rounded up")
  func storage() {
    // 25 TiB stored, 12.5 TiB per site, × 2 copies = 25 TiB raw per site over 10 TiB units → 3.
    let sized = size(Self.scenario(vcpu: 0, storageTiB: 25, mode: .activePassive))
    #expect(sized.map(\.storageUnits) == [[3], [3]])
    #expect(sized.map(\.servers) == [[0], [0]])
  }

  @Test("a count that is whole up to rounding error is not rounded up")
  func ceilTolerance() {
    // 0.1 + 0.2 = 0.30000000000000004 vCPU over 0.1 per server is 3 servers, not 4.
    let sized = size(Self.scenario(vcpu: 30.000000000000004, mode: .activeActive(failoverShare: .zero)))
    // 15.000000000000002 vCPU per site / 10 → 2 working (not 3 from noise), 1 cluster, 3 servers.
    #expect(sized.map(\.workingServers) == [[2], [2]])
  }

  @Test("a module needed before it can be ready leaves a warned shortfall in between")
  func lateModule() throws {
    var scenario = Self.scenario(vcpu: 100, mode: .activeActive(failoverShare: .one))
    scenario.info.horizon = try #require(YearRange(first: Year(2020), last: Year(2023)))
    let hall = BuildModule(name: "hall", capacity: FacilityCapacity(racks: 5, itPower: .kilowatts(100), cooling: .kilowatts(100)),
                           capex: .euros(1000), leadTimeYears: 2, fixedReadyYear: nil)
    scenario.sites[0].modules = [hall]
    let results = Planner.run(scenario)
    // 14 servers, 2 racks, 28 kW peak from 2020; the hall can be ready in 2022 at the earliest.
    #expect(results.expansion.expansions.map(\.readyYear) == [Year(2022)])
    #expect(results.expansion.expansions.map(\.orderYear) == [Year(2020)])
    let siteA = results.warnings.filter { $0.subject == "a" }
    #expect(siteA.map(\.code) == [.shortfallSpace, .shortfallPower, .shortfallCooling,
                                  .shortfallSpace, .shortfallPower, .shortfallCooling])
    #expect(siteA.map(\.year) == [Year(2020), Year(2020), Year(2020), Year(2021), Year(2021), Year(2021)])
    #expect(siteA.first?.message == "site 'a' needs 2 racks in 2020 but has 0; module 'hall' is ready only in 2022 (ordered 2020); start it earlier or shorten its lead time")
    // Site b has no module at all: short every year.
    #expect(results.warnings.filter { $0.subject == "b" && $0.code == .shortfallSpace }.count == 4)
    #expect(results.firstShortfallYear == Year(2020))
  }

  @Test("refresh keeps the need in service: hand-worked flows")
  func refreshFlows() {
    // Lifetime 1: everything is replaced every year.
    #expect(RefreshStage.flow(need: [4, 4, 4], lifetime: 1).purchases == [0, 4, 4])
    // Lifetime 2, base 4 (2 with 1 year left, 2 with 2): 2021 loses 2, needs 5 → buy 3;
    // 2022 loses the other 2 of the base, 3 remain, need 5 → buy 2.
    let flow = RefreshStage.flow(need: [4, 5, 5], lifetime: 2)
    #expect(flow.purchases == [0, 3, 2])
    #expect(flow.replacements == [0, 2, 2])
    // Shrinking need retires the oldest and buys nothing.
    let shrinking = RefreshStage.flow(need: [10, 6, 0], lifetime: 5)
    #expect(shrinking.purchases == [0, 0, 0])
    #expect(shrinking.retirements == [0, 4, 6])
  }

  @Test("refresh flows equal a unit-by-unit simulation on random needs")
  func refreshAgainstUnits() {
    // Independent method: every unit is its own record (year bought, or remaining life for
    // the base); each year the worn-out ones leave, then the oldest go while there are too
    // many, then new ones are bought up to the need.
    var random = SplitMix64(seed: 77)
    for _ in 0..<300 {
      let life = 1 + Int(random.next() % 6)
      let years = 1 + Int(random.next() % 12)
      let need = (0..<years).map { _ in Int(random.next() % 40) }
      var endOfLife: [Int] = []  // one entry per unit in service, oldest first
      let base = need[0]
      for remaining in 1...life {
        let units = base / life + (remaining <= base % life ? 1 : 0)
        endOfLife += Array(repeating: remaining, count: units)
      }
      var purchases = [0]
      var replacements = [0]
      var retirements = [0]
      for y in 1..<years {
        let worn = endOfLife.filter { $0 <= y }.count
        endOfLife.removeAll { $0 <= y }
        let excess = max(0, endOfLife.count - need[y])
        endOfLife.removeFirst(excess)
        let bought = need[y] - endOfLife.count
        endOfLife += Array(repeating: y + life, count: bought)
        purchases.append(bought)
        replacements.append(min(bought, worn))
        retirements.append(worn + excess)
      }
      let flow = RefreshStage.flow(need: need, lifetime: life)
      #expect(flow.purchases == purchases, "need \(need), life \(life)")
      #expect(flow.replacements == replacements, "need \(need), life \(life)")
      #expect(flow.retirements == retirements, "need \(need), life \(life)")
    }
  }

  @Test("NPV of a level cost equals the annuity-due closed form")
  func npvClosedForm() {
    // 1,000 a year for 10 years at 5 %, first year undiscounted:
    // PV = 1000 · (1 − 1.05^−10) / 0.05 · 1.05 = 8,107.821675...
    let closedForm = 1000 * (1 - 1 / 1.05.power(10)) / 0.05 * 1.05
    #expect(approximately(NPV.value(Array(repeating: 1000, count: 10), rate: 0.05), closedForm, relative: 1e-12))
    #expect(approximately(closedForm, 8107.821675, relative: 1e-9))
    #expect(NPV.value([5, 5], rate: 0) == 10)
  }
}

extension Double {
  fileprivate func power(_ n: Int) -> Double { (0..<n).reduce(1) { product, _ in product * self } }
}
