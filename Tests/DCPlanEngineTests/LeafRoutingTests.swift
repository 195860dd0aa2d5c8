@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Leaf targets on hubs (docs/conventions.md, "Routing"): the engine derives a leaf's
/// distances from its hubs', patches the one distance an access link's failure changes, and
/// routes to a leaf through its one way in. Checked against the plain method (one full
/// Dijkstra per target, normally and under every failure) on random hub-and-leaf networks
/// with ties, stubs, dual-homed leaves and parallel access links.
@Suite("leaf targets: derived distances and routes equal one Dijkstra per target")
struct LeafRoutingTests {
  /// Six hubs on a ring with random chords, 30 leaves on one or two hubs (sometimes twice on
  /// the same hub), small integer weights so that equal-cost paths are common; some leaves
  /// are stubs. The data centre sits at hub 1, its twin at hub 4; with `leafDataCentre` the
  /// data centre sits on a leaf of its own on two hubs, and 40 municipalities give it more than
  /// 64 pairs (it then gets distances of its own, and its routes to leaves are found from its
  /// side). With `fractional`, weights have fractions (sums that round, fewer ties).
  static func yaml(seed: UInt64, leafDataCentre: Bool = false, fractional: Bool = false) -> String {
    var random = SplitMix64(seed: seed)
    func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    var nodes = (1...6).map { "    - {id: h\($0)}" }
    var links: [String] = []
    var id = 0
    func link(_ a: String, _ b: String, _ weight: Int) {
      id += 1
      links.append("    - {id: l\(id), from: \(a), to: \(b), capacity: 10 Gbit/s, weight: \(weight)}")
    }
    for h in 1...6 { link("h\(h)", "h\(h % 6 + 1)", 1 + pick(3)) }
    for _ in 0..<4 {
      let a = 1 + pick(6)
      let b = 1 + pick(6)
      if a != b { link("h\(a)", "h\(b)", 1 + pick(4)) }
    }
    var tenants: [String] = []
    var dataCentreNode = "h1"
    if leafDataCentre {
      nodes.append("    - {id: d}")
      link("d", "h1", 1 + pick(2))
      link("d", "h\(2 + pick(5))", 1 + pick(2))
      dataCentreNode = "d"
    }
    for m in 1...(leafDataCentre ? 40 : 30) {
      nodes.append("    - {id: m\(m)\(pick(4) == 0 ? ", transit: false" : "")}")
      let first = 1 + pick(6)
      link("m\(m)", "h\(first)", 1 + pick(2))
      switch pick(4) {
      case 0: link("m\(m)", "h\(1 + pick(6))", 1 + pick(2))  // dual-homed (or twice to one hub)
      case 1: link("m\(m)", "h\(first)", 1 + pick(2))  // a parallel access link
      default: break
      }
      tenants.append("  - {id: t\(m), kind: municipality, employees: \(50 + pick(500)), node: m\(m), joins_shared_dc: 2020}")
    }
    if fractional {
      var random = SplitMix64(seed: seed &* 77)
      links = links.map { line in
        guard let range = line.range(of: "weight: ") else { return line }
        return String(line[..<range.upperBound]) + String(1 + Double(random.next() % 1000) / 997) + "}"
      }
    }
    return """
      version: 1
      scenario: {name: leaves \(seed), horizon: 2020..2021, discount_rate: 0 %}
      tenants:
      \(tenants.joined(separator: "\n"))
      sites:
        - {id: dc, kind: shared, node: \(dataCentreNode), load_share: 60 %}
        - {id: twin, kind: shared, node: h4, load_share: 40 %}
      network:
        busy_hour_per_employee: {down: 0.2 Mbit/s, up: 0.05 Mbit/s}
        nodes:
      \(nodes.joined(separator: "\n"))
        links:
      \(links.joined(separator: "\n"))
      """
  }

  /// Loads per arc and year with every pair routed on full distances to its target.
  static func referenceLoads(
    _ graph: Graph, _ demands: NetworkDemands, _ failure: Graph.Failure
  ) -> [Double] {
    let years = demands.years
    var load = [Double](repeating: 0, count: 2 * graph.ends.count * years)
    var distances: [Int: TargetDistances] = [:]
    for (p, pair) in demands.pairs.enumerated() {
      if pair.from == failure.node || pair.to == failure.node { continue }
      let toTarget = distances[pair.to] ?? TargetDistances(
        target: pair.to, full: graph.distances(from: pair.to, avoiding: failure))
      distances[pair.to] = toTarget
      for hop in graph.ecmpShares(from: pair.from, toTarget: toTarget, avoiding: failure) {
        for y in 0..<years { load[hop.arc * years + y] += hop.share * demands.mbps[p * years + y] }
      }
    }
    return load
  }

  @Test(
    "normal and worst single-failure loads, arc by arc, on 16 random networks, with the data centre on a hub or a leaf, whole or fractional weights",
    arguments: 1...16, [(false, false), (true, false), (false, true), (true, true)])
  func agree(seed: Int, variant: (leafDataCentre: Bool, fractional: Bool)) throws {
    let text = Self.yaml(seed: UInt64(seed), leafDataCentre: variant.leafDataCentre, fractional: variant.fractional)
    let outcome = ScenarioLoader.load(text: text, file: "leaves.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    let results = Planner.run(scenario)
    let graph = Graph(scenario.network)
    #expect((0..<graph.nodeCount).contains { graph.derivesDistances(to: $0) }, "the network has leaf targets")
    var layout = NetworkDemands.Layout(scenario, nodeIndex: scenario.network.nodeIndices())
    let demands = NetworkDemands.build(scenario, results.demand, voice: results.voice, labels: false, layout: &layout)
    let years = demands.years
    let arcs = 2 * graph.ends.count
    let normal = Self.referenceLoads(graph, demands, .none)
    var n1 = normal
    for (_, failure) in SingleFailures.list(scenario.network, graph) {
      let loads = Self.referenceLoads(graph, demands, failure)
      for arc in 0..<arcs where !failure.isLinkDown(arc / 2) {
        for y in 0..<years { n1[arc * years + y] = max(n1[arc * years + y], loads[arc * years + y]) }
      }
    }
    let table = results.network.table
    for l in 0..<graph.ends.count {
      for y in 0..<years {
        let busier = max(normal[2 * l * years + y], normal[(2 * l + 1) * years + y])
        let busierN1 = max(n1[2 * l * years + y], n1[(2 * l + 1) * years + y])
        #expect(approximately(table.loadMbps[l, y], busier, relative: 1e-9, absolute: 1e-9), "link \(l) year \(y)")
        #expect(approximately(table.n1LoadMbps[l, y], busierN1, relative: 1e-9, absolute: 1e-9), "link \(l) year \(y) N-1")
      }
    }
  }

  @Test("an access link's failure changes its leaf's distance only: the patch equals a Dijkstra, node by node")
  func patchEqualsDijkstra() throws {
    var patches = 0
    for seed in 1...16 {
      let outcome = ScenarioLoader.load(text: Self.yaml(seed: UInt64(seed)), file: "leaves.yaml")
      let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
      let graph = Graph(scenario.network)
      for (_, failure) in SingleFailures.list(scenario.network, graph) {
        for target in 0..<graph.nodeCount where target != failure.node {
          let normal = TargetDistances(target: target, full: graph.distances(from: target, avoiding: .none))
          guard let patch = graph.singleNodeChange(normal, failure), let patched = normal.patched(patch) else { continue }
          patches += 1
          let truth = graph.distances(from: target, avoiding: failure)
          for v in 0..<graph.nodeCount {
            #expect(patched[v] == truth[v] || abs(patched[v] - truth[v]) <= 1e-9, "seed \(seed) target \(target) node \(v)")
          }
        }
      }
    }
    #expect(patches > 100, "the patch was tried \(patches) times")
  }
}

extension LeafRoutingTests {
  @Test("repaired distances under every single failure equal a Dijkstra from scratch, value for value, with and without ties")
  func repairEqualsDijkstra() throws {
    var repaired = 0
    var changed = 0
    for seed in 1...16 {
      var text = Self.yaml(seed: UInt64(seed))
      if seed % 2 == 0 {
        // Fractional weights as well: sums that round, and fewer ties.
        var random = SplitMix64(seed: UInt64(seed) &* 77)
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
          guard let range = line.range(of: "weight: ") else { return String(line) }
          let fraction = Double(random.next() % 1000) / 997
          return String(line[..<range.upperBound]) + String(1 + fraction) + "}"
        }.joined(separator: "\n")
      }
      let outcome = ScenarioLoader.load(text: text, file: "leaves.yaml")
      let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
      let graph = Graph(scenario.network)
      let normals = (0..<graph.nodeCount).map { graph.distances(from: $0, avoiding: .none) }
      for (_, failure) in SingleFailures.list(scenario.network, graph) {
        for target in 0..<graph.nodeCount {
          let fast = try #require(graph.repairedDistances(normals[target], target: target, avoiding: failure))
          let truth = graph.distances(from: target, avoiding: failure)
          repaired += 1
          if truth != normals[target] { changed += 1 }
          for v in 0..<graph.nodeCount where !(fast[v] == truth[v]) {
            Issue.record("seed \(seed) target \(target) node \(v): \(fast[v]) against \(truth[v])")
          }
        }
      }
    }
    #expect(repaired > 10_000 && changed > 1_000, "repaired \(repaired), changed \(changed)")
  }
}
