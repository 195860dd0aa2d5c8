import DCPlanModel

/// Where each tenant's workloads run, year by year (docs/conventions.md, "Demand"): at its
/// legacy site until the year before it joins the shared data centre, then at every shared
/// site by that site's load share; nowhere when it has joined but there is no shared site, or
/// has not joined and has no legacy site.
///
/// All workloads of a tenant sit at the same place in a year, so per-site demand is the
/// tenants' sums placed. This is the one statement of that rule: the demand stage, the Monte
/// Carlo trials, the cost game's coalitions and standalone plans, and the cost stage's
/// "tenants a site serves" all place through it.
struct Placement: Sendable {
  /// Where one tenant's workloads run in one year.
  enum Place: Equatable, Sendable {
    /// No site: not joined and no legacy site, or joined with no shared site to run in.
    case nowhere
    /// Its legacy site (index into `scenario.sites`).
    case legacy(site: Int)
    /// The shared data centre, split among ``Placement/sharedSites`` by load share.
    case shared
  }

  /// A shared site and its share of the shared data centre's load per year: its share as
  /// written (``Site/loadShare(in:)``) among the shared sites running that year, 0 once it is
  /// closed or lost (docs/conventions.md, "Demand").
  struct SharedSite: Sendable {
    let site: Int
    fileprivate(set) var shares: [Double]
    /// Whether it runs each year (a cold standby at 0 % runs and serves its tenants).
    fileprivate(set) var running: [Bool]
  }

  /// Years of the horizon.
  let yearCount: Int
  /// Sites of the scenario.
  let siteCount: Int
  /// Each tenant's legacy site (index), if it has one.
  let legacySite: [Int?]
  /// The shared sites in scenario order, with their load shares per year.
  private(set) var sharedSites: [SharedSite]
  /// Each tenant's first horizon-year index in the shared data centre (`yearCount`: never).
  private var joinIndex: [Int]

  /// The placement of `scenario`'s tenants over `years`.
  init(_ scenario: Scenario, years: [Year]) {
    yearCount = years.count
    siteCount = scenario.sites.count
    let siteIndex = Dictionary(scenario.sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    legacySite = scenario.tenants.map { $0.legacySite.flatMap { siteIndex[$0] } }
    sharedSites = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
      .map { SharedSite(site: $0, shares: [], running: []) }
    joinIndex = []
    rejoin(scenario, years: years)
  }

  /// Reads the tenants' join years and the shared sites' shares again (a Monte Carlo trial's
  /// perturbed scenario, whose closing years may be drawn); the sites and legacy rooms stay.
  mutating func rejoin(_ scenario: Scenario, years: [Year]) {
    let first = years.first ?? Year(0)
    joinIndex.reset(count: scenario.tenants.count, to: yearCount)
    for t in scenario.tenants.indices {
      guard let join = scenario.tenants[t].joinsSharedDataCentre else { continue }
      joinIndex[t] = min(yearCount, max(0, join - first))
    }
    Self.shares(scenario, years: years, into: &sharedSites)
  }

  /// Each shared site's share per year: as written among the sites running, scaled so that
  /// the running sites' shares add up to 1 (a closed site's share passes to the others in
  /// proportion to theirs); an equal split among the running sites when theirs add up to 0
  /// (a cold standby at 0 % taking over); 0 for all when none runs.
  static func shares(_ scenario: Scenario, years: [Year], into sites: inout [SharedSite]) {
    for k in sites.indices {
      sites[k].shares.reset(count: years.count, to: 0)
      sites[k].running.reset(count: years.count, to: false)
    }
    for (y, year) in years.enumerated() {
      var sum = 0.0
      var running = 0
      for k in sites.indices where scenario.sites[sites[k].site].isOperating(in: year) {
        sites[k].running[y] = true
        sum += scenario.sites[sites[k].site].loadShare(in: year)
        running += 1
      }
      guard running > 0 else { continue }
      for k in sites.indices where sites[k].running[y] {
        sites[k].shares[y] = sum > 0 ? scenario.sites[sites[k].site].loadShare(in: year) / sum : 1 / Double(running)
      }
    }
  }

  /// The shared sites of `scenario` with their shares per year over `years`.
  static func sharedSites(_ scenario: Scenario, years: [Year]) -> [SharedSite] {
    var sites = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }.map { SharedSite(site: $0, shares: [], running: []) }
    shares(scenario, years: years, into: &sites)
    return sites
  }

  /// Site `s`'s share of the shared data centre's load in year index `y` (0 for a site that
  /// is not shared).
  func share(site s: Int, year y: Int) -> Double {
    sharedSites.first { $0.site == s }?.shares[y] ?? 0
  }

  /// Whether tenant `t` runs in the shared data centre in year index `y` (it has joined,
  /// whether or not a shared site exists).
  func hasJoined(tenant t: Int, year y: Int) -> Bool { y >= joinIndex[t] }

  /// Where tenant `t`'s workloads run in year index `y`.
  func place(tenant t: Int, year y: Int) -> Place {
    if hasJoined(tenant: t, year: y) { return sharedSites.isEmpty ? .nowhere : .shared }
    return legacySite[t].map { .legacy(site: $0) } ?? .nowhere
  }

  /// Whether tenant `t`'s workloads run at site `s` in year index `y`.
  func runs(tenant t: Int, atSite s: Int, year y: Int) -> Bool {
    switch place(tenant: t, year: y) {
    case .nowhere: return false
    case let .legacy(site): return site == s
    case .shared: return sharedSites.contains { $0.site == s && $0.running[y] }
    }
  }

  /// Adds tenant `t`'s demand, `sums[r · years + y]` for `resources` series, where it runs each
  /// year: whole at its legacy site, times each shared site's load share in the shared data
  /// centre. `perSite` is `[(site · resources + r) · years + y]`.
  func add(tenant t: Int, _ sums: UnsafeBufferPointer<Double>, resources: Int, into perSite: UnsafeMutableBufferPointer<Double>) {
    let count = yearCount
    for y in 0..<count {
      switch place(tenant: t, year: y) {
      case .nowhere: continue
      case let .legacy(site):
        for r in 0..<resources { perSite[(site * resources + r) * count + y] += sums[r * count + y] }
      case .shared:
        for shared in sharedSites where shared.shares[y] > 0 {
          let share = shared.shares[y]
          for r in 0..<resources { perSite[(shared.site * resources + r) * count + y] += share * sums[r * count + y] }
        }
      }
    }
  }

  /// The same for arrays.
  func add(tenant t: Int, _ sums: [Double], resources: Int, into perSite: inout [Double]) {
    sums.withUnsafeBufferPointer { sums in
      perSite.withUnsafeMutableBufferPointer { perSite in add(tenant: t, sums, resources: resources, into: perSite) }
    }
  }

  /// Adds tenant `t`'s demand (`sums[r · years + y]`) in the years it runs in the shared data
  /// centre to `total` (`[r · years + y]`): the shared data centre's load, which failover
  /// sizing covers (a legacy tenant's load at a site of kind shared is not in it).
  func addShared(tenant t: Int, _ sums: UnsafeBufferPointer<Double>, resources: Int, into total: UnsafeMutableBufferPointer<Double>) {
    let count = yearCount
    for y in 0..<count where place(tenant: t, year: y) == .shared {
      for r in 0..<resources { total[r * count + y] += sums[r * count + y] }
    }
  }

  /// Adds tenant `t`'s running workloads per year (`running[y]`) to every site it runs at that
  /// year (`counts[site · years + y]`; a shared workload counts at every shared site).
  func addCounts(tenant t: Int, _ running: [Int], into counts: inout [Int]) {
    for y in 0..<yearCount where running[y] != 0 {
      switch place(tenant: t, year: y) {
      case .nowhere: continue
      case let .legacy(site): counts[site * yearCount + y] += running[y]
      case .shared: for shared in sharedSites where shared.running[y] { counts[shared.site * yearCount + y] += running[y] }
      }
    }
  }

  /// Every tenant's sums placed: `[(site · resources + r) · years + y]`, tenants added in order.
  func perSite(_ tenantSums: [[Double]], resources: Int) -> [Double] {
    var perSite = [Double](repeating: 0, count: siteCount * resources * yearCount)
    for t in tenantSums.indices { add(tenant: t, tenantSums[t], resources: resources, into: &perSite) }
    return perSite
  }
}
