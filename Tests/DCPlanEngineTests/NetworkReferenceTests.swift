import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Foundation
import Testing

/// Routing, loads and single-failure loads on SNDlib topologies against an independent
/// implementation in Python with networkx (Scripts/reference/ecmp_reference.py, whose output
/// is checked in under Tests/Fixtures).
@Suite("network routing against the networkx reference")
struct NetworkReferenceTests {
  @Test("ECMP loads and worst single-failure loads agree link by link", arguments: ["germany50", "abilene"])
  func agree(_ name: String) throws {
    let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures")
    let outcome = ScenarioLoader.load(path: fixtures.appendingPathComponent("\(name).yaml").path)
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    let data = try Data(contentsOf: fixtures.appendingPathComponent("\(name)-expected.json"))
    let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Double]])
    let normal = try #require(expected["normal_mbps"])
    let n1 = try #require(expected["n1_mbps"])
    let results = Planner.run(scenario)
    #expect(results.network.links.count == normal.count)
    for link in results.network.links {
      // Tolerance: both sides sum the same shares in a different order; 1e-9 relative.
      #expect(approximately(link.loadMbps[0], try #require(normal[link.id]), relative: 1e-9, absolute: 1e-9), "\(link.id)")
      #expect(approximately(link.n1LoadMbps[0], try #require(n1[link.id]), relative: 1e-9, absolute: 1e-9), "\(link.id) N-1")
    }
    // Every link, node and (no) shared-risk group was failed once.
    #expect(results.network.failuresAnalysed == scenario.network.links.count + scenario.network.nodes.count)
  }

  @Test("the single failures on one, two or three threads: the same loads, worst failures and disconnections")
  func threadsAgree() throws {
    // 300 municipalities: about 700 failures in several blocks, single-homed ones cut off.
    let text = ScenarioGenerator.yaml(.init(municipalities: 300, counties: 12, seed: 5))
    let scenario = try #require(ScenarioLoader.load(text: text, file: "state").scenario)
    let one = Planner.run(scenario, threads: 1).network
    #expect(one.failuresAnalysed > 2 * 64 * 3)
    #expect(!one.disconnections.isEmpty)
    for threads in [2, 3] {
      let other = Planner.run(scenario, threads: threads).network
      #expect(other.links == one.links, "\(threads) threads")
      #expect(other.disconnections == one.disconnections, "\(threads) threads")
      #expect(other.upgrades == one.upgrades, "\(threads) threads")
    }
  }
}
