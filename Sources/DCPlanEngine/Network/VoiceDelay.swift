import DCPlanModel

/// The one-way delay of each location's calls to its gateway, in normal operation and under
/// every single failure that moves them (docs/conventions.md, "Voice delay").
///
///     delay = codec look-ahead + packetisation + jitter buffer
///           + Σ over the links of the worst ECMP path (serialisation + propagation + queueing)
///
/// Serialisation is one voice frame at the link's capacity; propagation 5 µs per km of fibre;
/// queueing is the mean wait of the priority class in a non-preemptive M/G/1 priority queue
/// (Cobham 1954): `W = R / (1 − ρ_v)` with `R = (ρ_v · S_v + ρ_d · S_d) / 2`, where `S_v` and
/// `S_d` are the transmission times of a voice frame and of a full 1,518-byte data frame and
/// `ρ_v`, `ρ_d` the voice and data utilisations of the link. Under a failure each link on the
/// rerouted path is taken at its worst single-failure load, with at least the location's own
/// calls as voice: an upper bound, since the worst failures of different links may differ.
enum VoiceDelay {
  /// Bytes of a full-size Ethernet data frame, which a voice packet may wait behind.
  static let dataFrameBytes = 1518.0
  /// Propagation in fibre, ms per km (about two thirds of the speed of light).
  static let fibreMsPerKm = 0.005

  struct LinkState {
    let capacityMbps: [[Double]]  // per link, per year
    let loadMbps: Matrix  // links × years, total
    let voiceMbps: Matrix  // links × years, voice
    let n1LoadMbps: Matrix  // links × years, worst single failure
  }

  static func annotate(
    _ voice: inout VoiceResults, scenario: Scenario, graph: Graph, years: [Year], links: LinkState,
    failures: [(name: String, state: Graph.Failure)], normalDistances: (Int) -> TargetDistances
  ) -> [PlanWarning] {
    guard let settings = scenario.voice, !voice.locations.isEmpty else { return [] }
    let nodeIndex = scenario.network.nodeIndices()
    let gatewayNode = Dictionary(settings.gateways.map { ($0.id, nodeIndex[$0.node] ?? 0) }, uniquingKeysWith: { a, _ in a })
    let fixedMs = voice.codec.lookaheadMs + settings.packetisationMs + settings.jitterBufferMs
    let frameBits = voice.perCall.packetBytes * 8
    let lengths = scenario.network.links.map(\.lengthKm)
    let first = years.first ?? Year(0)

    func linkDelay(_ link: Int, _ y: Int, totalMbps: Double, voiceMbps: Double) -> Double {
      let capacity = links.capacityMbps[link][y] * 1e6
      guard capacity > 0 else { return .infinity }
      let serviceVoice = frameBits / capacity
      let serviceData = dataFrameBytes * 8 / capacity
      let rhoVoice = min(0.999_999, voiceMbps * 1e6 / capacity)
      let rhoData = min(1, max(0, (totalMbps - voiceMbps) * 1e6 / capacity))
      let residual = (rhoVoice * serviceVoice + rhoData * serviceData) / 2
      return (serviceVoice + residual / (1 - rhoVoice)) * 1000 + lengths[link] * fibreMsPerKm
    }

    // The links each location's calls cross normally, to know which failures move them: the
    // same for every year of a location, so found once per source and gateway node.
    var crossed = [Set<Int>?](repeating: nil, count: voice.locations.count)
    var routeOf: [Int: Set<Int>] = [:]
    for (index, location) in voice.locations.enumerated() where location.channels > 0 {
      guard let source = nodeIndex[location.node], let target = gatewayNode[location.gateway] else { continue }
      // The network stage's distances, computed once per target.
      let distances = normalDistances(target)
      let pair = source * graph.nodeCount + target
      if let known = routeOf[pair] {
        crossed[index] = known
      } else {
        let route = Set(graph.ecmpShares(from: source, toTarget: distances, avoiding: .none).map { $0.arc / 2 })
        routeOf[pair] = route
        crossed[index] = route
      }
      let y = location.year - first
      voice.locations[index].delayMs = fixedMs + (graph.worstPathDelay(from: source, toTarget: distances, avoiding: .none) { link in
        linkDelay(link, y, totalMbps: links.loadMbps[link, y], voiceMbps: links.voiceMbps[link, y])
      } ?? .infinity)
      voice.locations[index].n1DelayMs = voice.locations[index].delayMs
    }
    for failure in failures {
      var failedDistances: [Int: TargetDistances] = [:]
      // A node failure lists the node's links, so this also catches a failed node on the path.
      for (index, route) in crossed.enumerated() {
        guard let route, failure.state.links.contains(where: route.contains) else { continue }
        let location = voice.locations[index]
        guard let source = nodeIndex[location.node], let target = gatewayNode[location.gateway],
          source != failure.state.node, target != failure.state.node
        else { continue }
        if failedDistances[target] == nil {
          failedDistances[target] = TargetDistances(target: target, full: graph.distances(from: target, avoiding: failure.state))
        }
        let y = location.year - first
        guard let distances = failedDistances[target] else { continue }
        let delay = graph.worstPathDelay(from: source, toTarget: distances, avoiding: failure.state) { link in
          // Under a failure each link is taken at its worst single-failure load (an upper bound),
          // with at least this location's own calls as voice.
          linkDelay(link, y, totalMbps: links.n1LoadMbps[link, y], voiceMbps: max(links.voiceMbps[link, y], location.mbps))
        }
        if let delay, fixedMs + delay > (voice.locations[index].n1DelayMs ?? 0) {
          voice.locations[index].n1DelayMs = fixedMs + delay
        }
      }
    }
    // One warning per location: the first year over budget, normal and under a failure.
    var warnings: [PlanWarning] = []
    var warned = Set<String>()
    for location in voice.locations {
      let key = "\(location.tenant)@\(location.node)"
      if let delay = location.delayMs, delay > settings.delayBudgetMs, warned.insert(key + "/normal").inserted {
        warnings.append(PlanWarning(
          code: .voiceDelay, year: location.year, subject: key,
          message: "calls of tenant '\(location.tenant)' at '\(location.node)' take \(oneDecimal(delay)) ms one way to gateway '\(location.gateway)' in \(location.year), over the \(oneDecimal(settings.delayBudgetMs)) ms budget (ITU-T G.114); shorten the packetisation or jitter buffer, or add a nearer gateway"))
      }
      if let delay = location.n1DelayMs, delay > settings.delayBudgetMs, warned.insert(key + "/n1").inserted {
        warnings.append(PlanWarning(
          code: .voiceDelayN1, year: location.year, subject: key,
          message: "under its worst single failure, calls of tenant '\(location.tenant)' at '\(location.node)' take \(oneDecimal(delay)) ms one way in \(location.year), over the \(oneDecimal(settings.delayBudgetMs)) ms budget; give them a shorter backup path"))
      }
    }
    return warnings
  }

  private static func oneDecimal(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }
}
