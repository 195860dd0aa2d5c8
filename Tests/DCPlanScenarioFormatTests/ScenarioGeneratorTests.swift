import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import Testing

@Suite("synthetic state-scale scenarios")
struct ScenarioGeneratorTests {
  @Test("the same parameters and seed give the same bytes; another seed gives another scenario")
  func deterministic() {
    let a = ScenarioGenerator.yaml(.init(municipalities: 60, counties: 6, seed: 42))
    let b = ScenarioGenerator.yaml(.init(municipalities: 60, counties: 6, seed: 42))
    let c = ScenarioGenerator.yaml(.init(municipalities: 60, counties: 6, seed: 43))
    #expect(a == b)
    #expect(a != c)
  }

  @Test("a generated scenario loads without errors and runs", arguments: [(0, 2), (1, 3), (120, 9)])
  func valid(municipalities: Int, counties: Int) throws {
    let text = ScenarioGenerator.yaml(.init(municipalities: municipalities, counties: counties, seed: 5))
    let outcome = ScenarioLoader.load(text: text, file: "generated.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics.prefix(5))")
    #expect(outcome.diagnostics.isEmpty)
    // One tenant per municipality plus the state; a hub and a node per municipality.
    #expect(scenario.tenants.count == municipalities + 1)
    #expect(scenario.network.nodes.count == municipalities + counties)
    let results = Planner.run(scenario)
    #expect(results.network.links.count == scenario.network.links.count)
    #expect(results.firstShortfallYear == nil)
  }

  @Test("about 15 % of municipalities are dual-homed, and those never lose their path")
  func dualHoming() throws {
    let text = ScenarioGenerator.yaml(.init(municipalities: 400, counties: 12, seed: 9))
    let scenario = try #require(ScenarioLoader.load(text: text, file: "generated.yaml").scenario)
    var degree: [String: Int] = [:]
    for link in scenario.network.links where link.from.hasPrefix("muni-") { degree[link.from, default: 0] += 1 }
    let dual = degree.values.filter { $0 == 2 }.count
    // Binomial(400, 0.15): mean 60, standard deviation 7.1; 4 standard deviations either side.
    #expect((32...88).contains(dual), "\(dual) dual-homed")
    let results = Planner.run(scenario)
    let cut = Set(results.network.disconnections.map(\.from))
    for (node, links) in degree where links == 2 { #expect(!cut.contains(node), "\(node)") }
    #expect(cut.count == degree.values.filter { $0 == 1 }.count)
  }
}
