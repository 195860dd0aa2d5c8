import DCPlanModel

/// The node-to-node demands of the plan per year: derived from tenants' locations and where
/// their workloads run, replication between shared sites, and the explicit ones.
struct NetworkDemands {
  /// An origin–destination pair of node indices; traffic is routed from `from` to `to`.
  struct Pair: Hashable {
    let from: Int
    let to: Int
  }

  /// The pairs, in first-seen order.
  var pairs: [Pair] = []
  /// Rate per pair and year in Mbit/s, pair-major: `mbps[p · years + y]`, voice included.
  var mbps: [Double] = []
  /// The voice part of ``mbps``, laid out alike.
  var voiceMbps: [Double] = []
  /// What each pair carries, for messages ("tenant 'kdo' at 'oldenburg'").
  var labels: [[String]] = []
  private var index: [Pair: Int] = [:]
  let years: Int
  /// Whether ``labels`` are kept (Monte Carlo trials do without them).
  let keepsLabels: Bool

  init(years: Int, keepsLabels: Bool = true) {
    self.years = years
    self.keepsLabels = keepsLabels
  }

  /// Adds `rate` to the pair's year; `slot` keeps the pair's index for the caller's next
  /// year of the same pair (nil: not looked up yet), so a pair is looked up once, not yearly.
  mutating func add(
    from: Int, to: Int, year: Int, mbps rate: Double, label: @autoclosure () -> String, voice: Bool = false,
    slot: inout Int?
  ) {
    guard from != to, rate > 0 else { return }
    let p = slot ?? pairIndex(from: from, to: to)
    slot = p
    mbps[p * years + year] += rate
    if voice { voiceMbps[p * years + year] += rate }
    guard keepsLabels else { return }
    let label = label()
    if labels[p].last != label { labels[p].append(label) }
  }

  /// The pair's index, made (in first-seen order) if new.
  private mutating func pairIndex(from: Int, to: Int) -> Int {
    let pair = Pair(from: from, to: to)
    let p: Int
    if let existing = index[pair] {
      p = existing
    } else {
      p = pairs.count
      index[pair] = p
      pairs.append(pair)
      mbps.append(contentsOf: repeatElement(0, count: years))
      voiceMbps.append(contentsOf: repeatElement(0, count: years))
      labels.append([])
    }
    return p
  }

  /// Every demand of `scenario` over the projection's years (docs/conventions.md, "Network").
  ///
  /// - Parameter nodeIndex: node ids to indices, if the caller keeps them (Monte Carlo trials).
  static func build(
    _ scenario: Scenario, _ demand: DemandProjection, voice: VoiceResults, labels: Bool = true, nodeIndex known: [String: Int]? = nil
  ) -> NetworkDemands {
    let network = scenario.network
    let years = demand.years
    var result = NetworkDemands(years: years.count, keepsLabels: labels)
    let nodeIndex = known ?? network.nodeIndices()
    let siteNode = Dictionary(scenario.sites.compactMap { site in site.node.flatMap { nodeIndex[$0] }.map { (site.id, $0) } },
                              uniquingKeysWith: { a, _ in a })
    let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
    // The shared sites' nodes and load shares, looked up once.
    let sharedEnds = shared.compactMap { s in siteNode[scenario.sites[s].id].map { (node: $0, share: scenario.sites[s].loadShare.value) } }
    // Employees at each location to where the tenant's workloads run.
    for tenant in scenario.tenants {
      let legacyNode = tenant.legacySite.flatMap { siteNode[$0] }
      for location in tenant.locations {
        guard let from = nodeIndex[location.node] else { continue }
        var sharedSlots = [Int?](repeating: nil, count: sharedEnds.count)
        var legacySlot: Int?
        for (y, year) in years.enumerated() {
          let rate = tenant.employees.employees(in: year) * location.share.value * network.perEmployeeMbps.value(in: year)
          func label() -> String { "tenant '\(tenant.id)' at '\(location.node)'" }
          if tenant.isInSharedDataCentre(in: year) {
            for (e, end) in sharedEnds.enumerated() {
              result.add(from: from, to: end.node, year: y, mbps: rate * end.share, label: label(), slot: &sharedSlots[e])
            }
          } else if let to = legacyNode {
            result.add(from: from, to: to, year: y, mbps: rate, label: label(), slot: &legacySlot)
          }
        }
      }
    }
    // Replication: each shared site sends its changed data to every other within the window;
    // one demand per pair of sites at the larger of the two directions.
    if network.replicationDailyChange.value > 0 {
      for (k, i) in shared.enumerated() {
        for j in shared[(k + 1)...] {
          let (a, b) = (scenario.sites[i], scenario.sites[j])
          guard let from = siteNode[a.id], let to = siteNode[b.id] else { continue }
          var slot: Int?
          for y in years.indices {
            let stored = max(demand.sites[i].demand.storageTiB[y], demand.sites[j].demand.storageTiB[y])
            let rate = stored * 1_099_511_627_776 * 8 * network.replicationDailyChange.value
              / network.replicationWindow.baseUnits / 1e6
            result.add(from: from, to: to, year: y, mbps: rate, label: "replication '\(a.id)'–'\(b.id)'", slot: &slot)
          }
        }
      }
    }
    // Voice: each location's provisioned calls to its gateway, a priority class.
    let table = voice.table
    for (r, row) in table.rows.enumerated() {
      guard let to = table.gatewayNodes[row.gateway] else { continue }
      var slot: Int?
      for y in 0..<table.yearCount {
        let rate = table.mbps(row: r, year: y)
        guard rate > 0 else { continue }
        result.add(from: row.node, to: to, year: y, mbps: rate,
                   label: "voice of tenant '\(scenario.tenants[row.tenant].id)' at '\(scenario.tenants[row.tenant].locations[row.location].node)'",
                   voice: true, slot: &slot)
      }
    }
    for explicit in network.demands {
      guard let from = nodeIndex[explicit.from], let to = nodeIndex[explicit.to] else { continue }
      var slot: Int?
      for (y, year) in years.enumerated() {
        result.add(from: from, to: to, year: y, mbps: explicit.mbps.value(in: year),
                   label: "demand '\(explicit.from)'–'\(explicit.to)'", slot: &slot)
      }
    }
    return result
  }
}
