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
  /// Per pair and year, the rate of its way back as written (``addWaysBack()`` routes it).
  private var backMbps: [Double] = []
  /// What each pair carries, for messages ("tenant 'kdo' at 'oldenburg'").
  var labels: [[String]] = []
  /// Whether a pair exists only as the way back of others (its cut-offs are reported once, on
  /// the way there).
  var isReverse: [Bool] = []
  private var index: [Pair: Int] = [:]
  /// Pair indices by `from · nodeCount + to` (−1: none yet), when the caller lends a table.
  private var pairTable: [Int32] = []
  private var nodeCount = 0
  let years: Int
  /// Whether ``labels`` are kept (Monte Carlo trials do without them).
  let keepsLabels: Bool

  init(years: Int, keepsLabels: Bool = true) {
    self.years = years
    self.keepsLabels = keepsLabels
  }

  /// Where the scenario's ends sit on the network, by index: the topology's part of the
  /// demands, which a Monte Carlo worker keeps from trial to trial.
  struct Layout {
    /// Node ids to indices.
    let nodeIndex: [String: Int]
    /// Each site's node, nil if it has none on the network.
    let siteNodes: [Int?]
    /// Each tenant's locations' nodes.
    let locationNodes: [[Int?]]
    /// Each tenant's legacy site's node.
    let legacyNodes: [Int?]
    /// A table of nodes × nodes pair indices, all −1, lent to each build (empty for more
    /// than 512 nodes, where a dictionary serves: the table would take megabytes to fill).
    var pairTable: [Int32]
    /// Pairs the last build found: the next reserves room for as many.
    var pairCountHint = 0

    init(_ scenario: Scenario, nodeIndex: [String: Int]) {
      self.nodeIndex = nodeIndex
      let siteNodes = scenario.sites.map { site in site.node.flatMap { nodeIndex[$0] } }
      self.siteNodes = siteNodes
      // A site id names the first site with it, as a dictionary from the list would.
      var siteByID: [String: Int] = [:]
      for (s, site) in scenario.sites.enumerated() where siteNodes[s] != nil && siteByID[site.id] == nil { siteByID[site.id] = s }
      locationNodes = scenario.tenants.map { tenant in tenant.locations.map { nodeIndex[$0.node] } }
      legacyNodes = scenario.tenants.map { tenant in tenant.legacySite.flatMap { siteByID[$0] }.flatMap { siteNodes[$0] } }
      let count = scenario.network.nodes.count
      pairTable = count <= 512 ? [Int32](repeating: -1, count: count * count) : []
    }
  }

  /// Adds `rate` to the pair's year; `slot` keeps the pair's index for the caller's next
  /// year of the same pair (nil: not looked up yet), so a pair is looked up once, not yearly.
  /// `back` is the rate of the way back, from `to` to `from` (nil: `rate`, the same each way).
  mutating func add(
    from: Int, to: Int, year: Int, mbps rate: Double, back: Double? = nil, label: @autoclosure () -> String, voice: Bool = false,
    slot: inout Int?
  ) {
    guard from != to, rate > 0 || (back ?? 0) > 0 else { return }
    // A demand's label is the same in every year: it is looked at in the first only.
    let first = slot == nil
    let p = slot ?? pairIndex(from: from, to: to)
    slot = p
    mbps[p * years + year] += rate
    backMbps[p * years + year] += back ?? rate
    if voice { voiceMbps[p * years + year] += rate }
    guard keepsLabels, first else { return }
    let label = label()
    if labels[p].last != label { labels[p].append(label) }
  }

  /// Every demand has a way back (docs/conventions.md, "Network"): the same rate unless given
  /// apart (`back`), 0 for a one-way demand. Each pair's ways back (voice included) are added
  /// to the pair the other way, made if new, so that every direction is routed from its own
  /// end with ECMP at every node.
  mutating func addWaysBack() {
    let forwardCount = pairs.count
    // The rates as written, before any way back is added to them.
    let forwardMbps = backMbps
    let forwardVoice = voiceMbps
    isReverse = [Bool](repeating: false, count: forwardCount)
    for p in 0..<forwardCount {
      let pair = pairs[p]
      // A one-way demand has no way back to route.
      guard forwardMbps[(p * years)..<((p + 1) * years)].contains(where: { $0 > 0 }) else { continue }
      let before = pairs.count
      let q = pairIndex(from: pair.to, to: pair.from)
      if pairs.count > before { isReverse.append(true) }
      for y in 0..<years {
        mbps[q * years + y] += forwardMbps[p * years + y]
        voiceMbps[q * years + y] += forwardVoice[p * years + y]
      }
      if keepsLabels { for label in labels[p] where !labels[q].contains(label) { labels[q].append(label) } }
    }
  }

  /// The pair's index, made (in first-seen order) if new.
  private mutating func pairIndex(from: Int, to: Int) -> Int {
    let pair = Pair(from: from, to: to)
    if !pairTable.isEmpty {
      let known = Int(pairTable[from * nodeCount + to])
      if known >= 0 { return known }
      pairTable[from * nodeCount + to] = Int32(pairs.count)
      pairs.append(pair)
      mbps.append(contentsOf: repeatElement(0, count: years))
      backMbps.append(contentsOf: repeatElement(0, count: years))
      voiceMbps.append(contentsOf: repeatElement(0, count: years))
      if keepsLabels { labels.append([]) }
      return pairs.count - 1
    }
    let p: Int
    if let existing = index[pair] {
      p = existing
    } else {
      p = pairs.count
      index[pair] = p
      pairs.append(pair)
      mbps.append(contentsOf: repeatElement(0, count: years))
      backMbps.append(contentsOf: repeatElement(0, count: years))
      voiceMbps.append(contentsOf: repeatElement(0, count: years))
      labels.append([])
    }
    return p
  }

  /// Every demand of `scenario` over the projection's years (docs/conventions.md, "Network").
  ///
  /// - Parameter layout: the nodes of the scenario's ends (a Monte Carlo worker keeps it);
  ///   its pair table is lent for the build and handed back cleared.
  static func build(
    _ scenario: Scenario, _ demand: DemandProjection, voice: VoiceResults, labels: Bool = true, layout: inout Layout
  ) -> NetworkDemands {
    let network = scenario.network
    let years = demand.years
    var result = NetworkDemands(years: years.count, keepsLabels: labels)
    swap(&result.pairTable, &layout.pairTable)
    result.nodeCount = network.nodes.count
    result.pairs.reserveCapacity(layout.pairCountHint)
    result.mbps.reserveCapacity(layout.pairCountHint * years.count)
    result.backMbps.reserveCapacity(layout.pairCountHint * years.count)
    result.voiceMbps.reserveCapacity(layout.pairCountHint * years.count)
    defer {
      layout.pairCountHint = result.pairs.count
      // Hand the table back with every entry −1 again.
      for pair in result.pairs where !result.pairTable.isEmpty { result.pairTable[pair.from * result.nodeCount + pair.to] = -1 }
      swap(&result.pairTable, &layout.pairTable)
    }
    let sharedSites = Placement.sharedSites(scenario, years: years)
    let shared = sharedSites.map(\.site)
    // The shared sites' nodes and load shares per year (``Placement``), looked up once.
    let sharedEnds = sharedSites.compactMap { site in layout.siteNodes[site.site].map { (node: $0, shares: site.shares) } }
    var sharedSlots = [Int?](repeating: nil, count: sharedEnds.count)
    // The year's busy-hour rate per employee, and each tenant's headcount, once per year.
    let perEmployee = years.map { network.perEmployeeMbps.value(in: $0) }
    // The rate from the location towards its workloads, where it differs ("up").
    let perEmployeeUp = network.perEmployeeUpMbps.map { up in years.map { up.value(in: $0) } }
    var employees = [Double](repeating: 0, count: years.count)
    // Employees at each location to where the tenant's workloads run.
    for (t, tenant) in scenario.tenants.enumerated() {
      let legacyNode = layout.legacyNodes[t]
      if !tenant.locations.isEmpty { for (y, year) in years.enumerated() { employees[y] = tenant.employees.employees(in: year) } }
      for (l, location) in tenant.locations.enumerated() {
        guard let from = layout.locationNodes[t][l] else { continue }
        for e in sharedSlots.indices { sharedSlots[e] = nil }
        var legacySlot: Int?
        for (y, year) in years.enumerated() {
          let down = employees[y] * location.share.value * perEmployee[y]
          let up = perEmployeeUp.map { employees[y] * location.share.value * $0[y] } ?? down
          let back: Double? = perEmployeeUp == nil ? nil : down
          func label() -> String { "tenant '\(tenant.id)' at '\(location.node)'" }
          if tenant.isInSharedDataCentre(in: year) {
            for (e, end) in sharedEnds.enumerated() where end.shares[y] > 0 {
              result.add(
                from: from, to: end.node, year: y, mbps: up * end.shares[y], back: back.map { $0 * end.shares[y] }, label: label(),
                slot: &sharedSlots[e])
            }
          } else if let to = legacyNode {
            result.add(from: from, to: to, year: y, mbps: up, back: back, label: label(), slot: &legacySlot)
          }
        }
      }
    }
    // Replication: each shared site sends its changed data to every other within the window;
    // one demand per pair of sites running that year, at the larger of the two directions.
    if network.replicationDailyChange.value > 0 {
      for (k, i) in shared.enumerated() {
        for (m, j) in shared.enumerated() where m > k {
          let (a, b) = (scenario.sites[i], scenario.sites[j])
          guard let from = layout.siteNodes[i], let to = layout.siteNodes[j] else { continue }
          var slot: Int?
          for y in years.indices where sharedSites[k].running[y] && sharedSites[m].running[y] {
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
      guard let from = layout.nodeIndex[explicit.from], let to = layout.nodeIndex[explicit.to] else { continue }
      var slot: Int?
      for (y, year) in years.enumerated() {
        result.add(from: from, to: to, year: y, mbps: explicit.mbps.value(in: year), back: explicit.reverseMbps?.value(in: year),
                   label: "demand '\(explicit.from)'–'\(explicit.to)'", slot: &slot)
      }
    }
    result.addWaysBack()
    return result
  }
}
