import DCPlanModel

/// The network stage: demands → routing → link loads for all years at once → single-failure
/// analysis → upgrade plan (docs/conventions.md, "Network").
///
/// - Normal loads are one product through BLAS: routing matrix (links × pairs, the share of
///   each pair's traffic on each link under ECMP) times demand matrix (pairs × years).
/// - For every single link, node and shared-risk group failure only the pairs whose route
///   crosses the failed element are rerouted; their old shares are taken off and the new
///   ones added. A pair with no path left while both ends are up is a disconnection; the
///   traffic of a failed node's own pairs goes down with it.
/// - Routing depends on weights, not capacities, so the loads are fixed before the upgrade
///   plan picks, per link and year, the first step that keeps utilisation under the target
///   in normal operation and under the failure target with any single failure.
public enum NetworkStage {
  /// Runs the network stage; empty when the scenario has no links.
  ///
  /// - Parameter delays: whether to work out each location's voice delay (Monte Carlo trials,
  ///   which only need loads, upgrades and costs, leave it out).
  public static func run(
    _ scenario: Scenario, _ demand: DemandProjection, voice: inout VoiceResults, delays: Bool = true,
    progress: (@Sendable (Int) -> WorkProgress?)? = nil
  ) -> (NetworkResults, [PlanWarning]) {
    run(scenario, demand, voice: &voice, delays: delays, cache: nil, progress: progress)
  }

  /// ``run(_:_:voice:delays:)`` keeping the routes in `cache` for the next call on the same topology.
  ///
  /// - Parameter lean: a Monte Carlo trial's run: no demand labels, warnings, list of
  ///   disconnections or ``LinkResult`` rows (the loads, N-1 loads, capacities and upgrades,
  ///   in ``NetworkResults/table``, are the same).
  ///
  /// - Parameter decisions: a forecast plan's link upgrades the loads are realised against
  ///   (a Monte Carlo trial; docs/conventions.md, "Planning under uncertainty").
  /// - Parameter foresight: the upgrades ordered before a site loss the plan could not foresee
  ///   (docs/conventions.md, "Site loss"); new ones are ordered from the loss year.
  /// - Parameter threads: workers for the single failures of a run without a route cache (the
  ///   results do not depend on it).
  static func run(
    _ scenario: Scenario, _ demand: DemandProjection, voice: inout VoiceResults, delays: Bool, cache: RouteCache?,
    lean: Bool = false, decisions: PlanDecisions? = nil, foresight: LossForesight? = nil,
    progress: (@Sendable (Int) -> WorkProgress?)? = nil, threads: Int = 1
  ) -> (NetworkResults, [PlanWarning]) {
    let network = scenario.network
    guard !network.links.isEmpty, !demand.years.isEmpty else { return (.empty, []) }
    let years = demand.years
    let graph = cache?.graph ?? Graph(network)
    cache?.graph = graph
    var layout = cache?.takeDemandLayout()
      ?? NetworkDemands.Layout(scenario, nodeIndex: cache?.nodeIndex(of: network) ?? network.nodeIndices())
    let demands = NetworkDemands.build(scenario, demand, voice: voice, labels: !lean, layout: &layout)
    cache?.demandLayout = layout

    // Loads: normal routes and loads, every single failure, the upgrades.
    let finder = RouteFinder(graph: graph, cache: cache)
    var routes = finder.normalRoutes(for: demands.pairs)
    // A Monte Carlo trial keeps each failure's load changes as sparse terms in its cache.
    let sparse = lean && cache != nil
    // Each direction of each link on its own; a link's figures are its busier direction's.
    let (arcLoad, arcVoice) = LinkLoads.normal(routes, demands, linkCount: network.links.count, sparse: sparse)
    let (load, voiceLoad) = LinkLoads.busier(arcLoad, voice: sparse ? nil : arcVoice)
    let failures = cache?.failures ?? SingleFailures.list(network, graph)
    cache?.failures = failures
    let arcN1 = SingleFailures.analyse(
      failures, routes: routes, demands: demands, load: arcLoad, finder: finder, lean: lean, sparse: sparse,
      nodeIDs: lean ? [] : network.nodes.map(\.id), progress: progress?(failures.count), threads: threads)
    let n1 = arcN1.busier(years: years.count)
    routes.removeAll()
    let plan = decisions?.linkPlan(network, load: load, n1Load: n1.n1Load, keepSteps: !lean)
      ?? foresight?.linkPlan(network, load: load, n1Load: n1.n1Load, years: years, keepSteps: !lean)
      ?? LinkUpgradePlan(network, load: load, n1Load: n1.n1Load, years: years, keepSteps: !lean)

    // The report: link rows and warnings (a trial needs only the loads, capacities and upgrades).
    var rows: [LinkResult] = []
    var warnings: [PlanWarning] = []
    if !lean {
      (rows, warnings) = NetworkReport.links(
        network, years: years, load: load, voiceLoad: voiceLoad, arcLoad: arcLoad, failures: n1, plan: plan)
      warnings += NetworkReport.cutWarnings(n1.disconnections)
    }
    if delays {
      let standing = plan.standing
      warnings += VoiceDelay.annotate(
        &voice, scenario: scenario, graph: graph, years: years,
        links: .init(
          capacityMbps: (0..<network.links.count).map { Array(standing.row($0)) }, loadMbps: load, voiceMbps: voiceLoad,
          n1LoadMbps: n1.n1Load),
        failures: failures, normalDistances: finder.distances(to:))
    }
    let table = LinkTable(loadMbps: load, n1LoadMbps: n1.n1Load, capacityMbps: plan.standing, arcLoadMbps: lean ? nil : arcLoad)
    return (NetworkResults(
      links: rows, upgrades: plan.upgrades, disconnections: n1.disconnections, failuresAnalysed: failures.count, table: table),
      warnings)
  }
}
