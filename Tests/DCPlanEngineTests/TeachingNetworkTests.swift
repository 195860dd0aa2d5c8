import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Scenarios/teaching-network.yaml against the figures worked by hand in its comments.
@Suite("teaching scenario: network by hand")
struct TeachingNetworkTests {
  let results: PlanResults

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-network.yaml"))
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    results = Planner.run(scenario)
  }

  private func link(_ id: String) throws -> LinkResult {
    try #require(results.network.links.first { $0.id == id })
  }

  @Test("equal-cost paths split the flow in half; the tail carries its tenant only")
  func loads() throws {
    for id in ["A-B", "B-D", "A-C", "C-D"] {
      #expect(approximately(try link(id).loadMbps, [75, 112.5, 150]), "\(id)")
      #expect(approximately(try link(id).n1LoadMbps, [150, 225, 300]), "\(id)")
    }
    #expect(approximately(try link("D-E").loadMbps, [50, 75, 100]))
    #expect(approximately(try link("D-E").n1LoadMbps, [50, 75, 100]))
  }

  @Test("the worst failure is the first in list order that reaches the highest load")
  func worstFailure() throws {
    #expect(try link("A-C").n1WorstFailure == ["link A-B", "link A-B", "link A-B"])
    #expect(try link("A-B").n1WorstFailure == ["link A-C", "link A-C", "link A-C"])
    #expect(try link("D-E").n1WorstFailure == [nil, nil, nil])
  }

  @Test("upgrades: the first step that is enough, ordered lead time ahead")
  func upgrades() throws {
    let plan = results.network.upgrades.map { "\($0.link) \($0.step) \($0.orderYear)→\($0.readyYear)" }
    #expect(plan == [
      "A-B 1 2021→2021", "A-B 2 2021→2022", "B-D 1 2021→2021", "B-D 2 2021→2022", "A-C 1 2021→2021",
      "A-C 2 2021→2022", "C-D 1 2021→2021", "C-D 2 2021→2022", "D-E 1 2022→2022",
    ])
    #expect(try link("A-B").capacityMbps == [200, 1000, 1000])
    #expect(approximately(try link("A-B").utilisation, [0.375, 0.1125, 0.15]))
    #expect(approximately(try link("A-B").n1Utilisation, [0.75, 0.225, 0.3]))
    #expect(approximately(try link("D-E").utilisation, [0.5, 0.375, 0.5]))
  }

  @Test("a single-homed location is reported cut off by its link and by its node")
  func disconnections() {
    let cuts = results.network.disconnections.map { "\($0.from)→\($0.to) \($0.failure)" }
    #expect(cuts == ["E→A link D-E", "E→A node D"])
    #expect(results.warnings.map(\.code) == [.n1Disconnection])
  }

  @Test("link leases and upgrades in the ledger, and the NPV")
  func costs() {
    #expect(approximately(results.costs.capexEUR, [160_000, 10_000, 0]))
    #expect(approximately(results.costs.opexEUR, [13_200, 27_000, 27_000]))
    // Only each link's last step stands at the end: four 1 Gbit/s steps at 8/10 of 30,000 and
    // D-E's 200 Mbit/s step at 8/10 of 10,000.
    #expect(approximately(results.costs.residualEUR, [0, 0, -104_000]))
    #expect(results.costs.lines.filter { $0.category == .linkResidualValue }.count == 5)
    // 173,200 + 37,000/1.05 + (27,000 − 104,000)/1.05²
    let npv: Double = 173_200.0 + 37_000.0 / 1.05 + (27_000.0 - 104_000.0) / 1.1025
    #expect(approximately(results.costs.npvEUR, npv, relative: 1e-12))
    #expect(abs(results.costs.npvEUR - 138_596.83) < 0.01)
  }
}
