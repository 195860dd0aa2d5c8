import DCPlanModel

/// The cost game over tenants (docs/conventions.md, "Cost sharing"): for a coalition S, the
/// data-centre and voice costs per year of S's members meeting their own demands together.
///
/// - One tenant alone is its standalone counterfactual: the engine run on
///   ``standaloneScenario(_:tenant:)`` (its legacy room for the whole horizon, or the shared
///   sites used alone when it has no legacy room; its own procurement tier; its own trunks).
/// - Two or more found the shared data centre as the scenario plans it: the engine's stages
///   on ``coalitionScenario(_:members:)`` (the scenario without the other tenants and their
///   legacy rooms), or, if cheaper by NPV, each member alone; the grand coalition is the plan.
/// - The wide-area network is common: outside the game, shared by usage.
///
/// A coalition is evaluated from its members' demand sums with the same per-site stage
/// functions the plan uses (sizing, facility, expansion, refresh, site costs); a legacy
/// room's outcome depends only on which of its own tenants are members and is cached.
struct CostGame: Sendable {
  let scenario: Scenario
  let years: [Year]
  let tenantCount: Int
  private let rules: SizingStage.Rules
  private let sharedSites: [Int]
  /// Sites in every coalition of two or more: shared sites and sites that are nobody's legacy room.
  private let keptAlways: [Bool]
  private let legacyOf: [Int?]
  private let userBit: [Int]
  private let siteUserCount: [Int]
  private let cacheable: [Bool]
  /// For a shared site built, run and loaded exactly like an earlier one (twins), that one:
  /// its outcome is the same for every coalition and is computed once.
  private let twinOf: [Int?]
  /// Where each tenant's demand runs in each year (the plan's rule).
  private let placement: Placement
  /// The placement as the plan saw it before a site loss (nil: no site is lost), and the loss year.
  private let placementBeforeLoss: Placement?
  private let lossYear: Year?
  /// Each tenant's demand sums (``DemandStage/TenantSums``), placed by ``placement``.
  private let tenantSums: [[Double]]
  /// Redundancy classes (at least 1).
  private let classCount: Int
  private let serverLife: Int
  private let storageLife: Int
  private let tenantErlangs: [[Double]]
  /// With trunks sized for a gateway failure: each tenant's Erlang at gateway h with gateway
  /// `down` failed, `[(down · gateways + h) · years + y]`; empty otherwise.
  private let tenantFailErlangs: [[Double]]
  private let tenantVoiceEUR: [[Double]]
  /// Each tenant's cost items per employee, phone or vCPU, per year (nominal EUR; in
  /// ``tenantVoiceEUR`` too).
  private let tenantItemEUR: [[Double]]
  /// Site and fixed cost items paid whole by any coalition with a member they serve.
  private let ownItems: [(served: Set<Int>, eur: [Double])]
  /// Each tenant's migration into the shared data centre per year (nominal EUR): paid in any coalition it joins.
  private let tenantMigrationEUR: [[Double]]
  /// The scenario's voice settings (gateways, SIP prices, grade of service), if any.
  private let voice: Voice?
  private let gatewayCount: Int
  private let deflation: [Double]
  /// Each tenant's standalone cost per year (data centre and voice): the engine's stages on
  /// ``standaloneScenario(_:tenant:)`` (a test checks it against the whole engine run).
  private(set) var standaloneEUR: [[Double]] = []
  /// Each tenant's first year short of space, power or cooling when alone.
  private(set) var standaloneShortfall: [Year?] = []
  private let rate: Double
  private let rates: CostRates
  private let pue: [[Double]]
  /// The premium on hardware bought in a loss year beyond the plan before the loss.
  private let premium: Double

  /// The game of `scenario`; `demand`, the plan's projection, saves projecting it again.
  init(_ scenario: Scenario, voice: VoiceResults, years: [Year], demand: DemandProjection? = nil) {
    self.scenario = scenario
    self.years = years
    tenantCount = scenario.tenants.count
    rules = SizingStage.Rules(scenario)
    rate = scenario.info.discountRate.value
    rates = CostRates(scenario.costs, years: years)
    pue = scenario.sites.map { site in years.map { site.pue.value(in: $0) } }
    premium = scenario.uncertainty.planning.emergencyPremium
    let sites = scenario.sites
    let siteIndex = Dictionary(sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    sharedSites = sites.indices.filter { sites[$0].kind == .shared }
    legacyOf = scenario.tenants.map { $0.legacySite.flatMap { siteIndex[$0] } }
    var users = [[Int]](repeating: [], count: sites.count)
    var bits = [Int](repeating: -1, count: scenario.tenants.count)
    for (t, site) in legacyOf.enumerated() {
      guard let site, sites[site].kind != .shared else { continue }
      bits[t] = users[site].count
      users[site].append(t)
    }
    userBit = bits
    siteUserCount = users.map(\.count)
    cacheable = users.map { $0.count <= 64 }
    // A site only standalone plans use (a tenant's `standalone_twin`) is in no coalition.
    let standaloneOnly = scenario.standaloneOnlySites
    keptAlways = sites.indices.map { (sites[$0].kind == .shared || users[$0].isEmpty) && !standaloneOnly.contains(sites[$0].id) }
    func design(_ site: Site) -> Site {
      var design = site
      design.id = ""
      design.name = ""
      design.node = nil
      return design
    }
    // A shared site that is also someone's legacy site carries more than its load share.
    let legacyIndices = Set(legacyOf.compactMap { $0 })
    let shared = sharedSites.filter { !legacyIndices.contains($0) }
    twinOf = sites.indices.map { s in
      guard shared.contains(s) else { return nil }
      return shared.first { $0 < s && design(sites[$0]) == design(sites[s]) }
    }
    placement = Placement(scenario, years: years)
    lossYear = scenario.siteLossYear
    placementBeforeLoss = lossYear == nil ? nil : Placement(scenario.withoutSiteLosses(), years: years)
    let projected = demand.map { ($0, DemandStage.TenantSums(scenario, $0)) } ?? DemandStage.projectWithTenantSums(scenario)
    let sums = projected.1
    tenantSums = sums.sums
    classCount = sums.classCount
    serverLife = CatalogueChoice.server(scenario)?.lifetimeYears ?? 1
    storageLife = CatalogueChoice.storage(scenario)?.lifetimeYears ?? 1
    let first = years.first ?? Year(0)
    deflation = years.map { scenario.costs.money.factor(afterYears: $0 - first) }
    // Voice: each tenant's Erlangs per gateway and its own location costs.
    let gateways = scenario.voice?.gateways ?? []
    gatewayCount = gateways.count
    let gatewayIndex = Dictionary(gateways.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    var erlangs = [[Double]](repeating: [Double](repeating: 0, count: gateways.count * years.count), count: tenantCount)
    for location in voice.locations {
      guard let t = tenantIndex[location.tenant], let g = gatewayIndex[location.gateway] else { continue }
      erlangs[t][g * years.count + (location.year - first)] += location.erlangs
    }
    tenantErlangs = erlangs
    // The traffic of each tenant's locations with each gateway down in turn (GatewayFailures).
    var failErlangs = [[Double]](repeating: [], count: tenantCount)
    if scenario.voice?.sizeForGatewayFailure == true, gateways.count > 1, voice.table.yearCount == years.count {
      let table = voice.table
      let (g, count) = (gateways.count, years.count)
      for t in 0..<tenantCount { failErlangs[t] = [Double](repeating: 0, count: g * g * count) }
      for (r, row) in table.rows.enumerated() {
        for down in 0..<g {
          guard let at = row.gateway == down ? row.backup : row.gateway else { continue }
          for y in 0..<count { failErlangs[row.tenant][(down * g + at) * count + y] += table.erlangs[r * count + y] }
        }
      }
    }
    tenantFailErlangs = failErlangs
    var ownVoice = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: tenantCount)
    var locationLines = CostLineList()
    VoiceCosts.addLocations(scenario, voice, years: years, into: &locationLines)
    for line in locationLines.lines {
      guard let tenant = line.tenants.first, let t = tenantIndex[tenant] else { continue }
      ownVoice[t][line.year - first] += line.amountEUR
    }
    // Cost items (docs/conventions.md, "Cost items"): those per employee, phone or vCPU are
    // each tenant's own, paid alone or together (with its voice); site and fixed items with
    // 'alone: own' are paid whole by every coalition with a member they serve, and by each
    // tenant they serve alone; common items ('share') are outside the game.
    var perTenantItems = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: tenantCount)
    for line in CostItems.lines(scenario, projected.0, voice, years: years, include: CostItems.isPerTenant) {
      guard let tenant = line.tenants.first, let t = tenantIndex[tenant] else { continue }
      perTenantItems[t][line.year - first] += line.amountEUR
      ownVoice[t][line.year - first] += line.amountEUR
    }
    tenantItemEUR = perTenantItems
    var items: [(served: Set<Int>, eur: [Double])] = []
    let everyone = Set(0..<scenario.tenants.count)
    for item in scenario.costs.items where !CostItems.isPerTenant(item) && !CostItems.isCommon(item) {
      var eur = [Double](repeating: 0, count: years.count)
      for line in CostItems.lines(scenario, projected.0, voice, years: years, include: { $0 == item }) {
        eur[line.year - first] += line.amountEUR
      }
      items.append((item.tenants.isEmpty ? everyone : Set(item.tenants.compactMap { tenantIndex[$0] }), eur))
    }
    ownItems = items
    tenantVoiceEUR = ownVoice
    // Migration: each tenant's move into the shared data centre, paid whenever it joins one.
    var migration = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: tenantCount)
    for line in MigrationCosts.lines(scenario, projected.0, years: years) {
      guard let tenant = line.tenants.first, let t = tenantIndex[tenant] else { continue }
      migration[t][line.year - first] += line.amountEUR
    }
    tenantMigrationEUR = migration
    self.voice = scenario.voice
    // Standalone: each tenant's own scenario through the same per-site stages.
    var cache = Cache()
    for t in scenario.tenants.indices {
      let alone = standalone(t, cache: &cache)
      standaloneEUR.append(alone.eur)
      standaloneShortfall.append(alone.firstShortfall)
    }
  }

  /// Tenant `t` alone (``standaloneScenario(_:tenant:)``): its legacy room kept open for its
  /// whole demand, or the shared design on its own.
  private func standalone(_ t: Int, cache: inout Cache) -> (eur: [Double], firstShortfall: Year?) {
    let tenant = scenario.tenants[t]
    // With a second room of its own: its standalone scenario through the engine's stages.
    if tenant.standaloneTwin != nil, tenant.legacySite != nil {
      // Its items as the plan counts them: its own per tenant, and the whole of each it is served by.
      var alone = Self.siteAndVoiceCosts(Self.standaloneScenario(scenario, tenant: t), migrations: false)
      for y in alone.eur.indices {
        var items = tenantItemEUR[t][y]
        for item in ownItems where item.served.contains(t) { items += item.eur[y] }
        alone.eur[y] += items * deflation[y]
      }
      return alone
    }
    guard let room = legacyOf[t], tenant.legacySite != nil, tenant.standalone != .sharedDesign else {
      var state = emptyState()
      add(t, to: &state)
      return jointCostDetailed(state, cache: &cache)
    }
    let count = years.count
    var site = scenario.sites[room]
    site.decommissionYear = nil
    // All of its demand, wherever the plan places it, per class.
    let own = Self.series(tenantSums[t], at: 0, classes: classCount, years: count)
    let outcome = siteOutcome(site, index: room, own: own, sharedVCPU: [], sharedRAM: [], sharedSites: 0)
    // The room buys its own types, if it names them (docs/conventions.md, "Sizing").
    let prices = HardwarePrices.perSite(scenario, sites: [room], fleets: [outcome.fleet], years: count)[0]
    var sink = YearlySumSink(eur: tenantVoiceEUR[t])
    SiteCosts.add(
      outcome.sized, outcome.needs, outcome.fleet, built: outcome.built[...], placedVCPU: outcome.placedVCPU, years: years,
      rates: rates, rules: rules.at(site: room), prices: prices, site: site, into: &sink)
    addGateways(erlangs: tenantErlangs[t], failErlangs: tenantFailErlangs[t], to: &sink.eur, cache: &cache)
    for item in ownItems where item.served.contains(t) { for y in 0..<count { sink.eur[y] += item.eur[y] } }
    for y in 0..<count { sink.eur[y] *= deflation[y] }
    return (sink.eur, outcome.firstShortfall)
  }

  // MARK: The scenarios that define the game

  /// Tenant `t` alone: only its workloads and locations. With a legacy room (and unless it
  /// chooses `shared-design`), it never joins the shared data centre and the room, kept open
  /// (no decommissioning: that is the shared plan's decision) and extended by its own
  /// modules, is its only site; otherwise it builds and runs the shared sites' design on its
  /// own, from its join year (its legacy room before, if any).
  static func standaloneScenario(_ scenario: Scenario, tenant t: Int) -> Scenario {
    let legacyOfAnyone = Set(scenario.tenants.compactMap(\.legacySite))
    let standaloneOnly = scenario.standaloneOnlySites
    return standaloneScenario(
      scenario, tenant: t, workloads: scenario.workloads.filter { $0.tenant == scenario.tenants[t].id },
      commonSites: scenario.sites.filter {
        ($0.kind == .shared || !legacyOfAnyone.contains($0.id)) && !standaloneOnly.contains($0.id)
      })
  }

  /// ``standaloneScenario(_:tenant:)`` from the tenant's workloads and the sites in every
  /// coalition (shared sites and sites that are nobody's legacy room), found once for all tenants.
  static func standaloneScenario(
    _ scenario: Scenario, tenant t: Int, workloads: [Workload], commonSites: [Site]
  ) -> Scenario {
    var alone = scenario
    let tenant = scenario.tenants[t]
    alone.tenants = [tenant]
    alone.workloads = workloads
    if let legacy = tenant.legacySite, let twin = tenant.standaloneTwin,
      var room = scenario.sites.first(where: { $0.id == legacy }), var second = scenario.sites.first(where: { $0.id == twin })
    {
      // Its room and its second room as a twin pair, from its join year (the room alone before).
      for pair in [0, 1] {
        var site = pair == 0 ? room : second
        site.kind = .shared
        site.loadShare = Fraction(0.5) ?? .one
        site.decommissionYear = nil
        site.closesAfterMove = false
        if pair == 0 { room = site } else { second = site }
      }
      alone.sites = [room, second]
      alone.tenants[0].joinsSharedDataCentre = tenant.joinsSharedDataCentre ?? scenario.info.horizon.first
      return alone
    }
    guard let legacy = tenant.legacySite, tenant.standalone != .sharedDesign else {
      // The shared design on its own, with its legacy room before it joins.
      alone.sites = commonSites + scenario.sites.filter { $0.id == tenant.legacySite && $0.kind != .shared }
      alone.sites.sort { a, b in
        (scenario.sites.firstIndex { $0.id == a.id } ?? 0) < (scenario.sites.firstIndex { $0.id == b.id } ?? 0)
      }
      return alone
    }
    alone.tenants[0].joinsSharedDataCentre = nil
    alone.sites = scenario.sites.filter { $0.id == legacy }
    for index in alone.sites.indices { alone.sites[index].decommissionYear = nil }
    return alone
  }

  /// The members (indices, ascending) together: the scenario without the other tenants,
  /// their workloads and the legacy rooms only they use.
  static func coalitionScenario(_ scenario: Scenario, members: [Int]) -> Scenario {
    var reduced = scenario
    let ids = Set(members.map { scenario.tenants[$0].id })
    reduced.tenants = members.map { scenario.tenants[$0] }
    reduced.workloads = scenario.workloads.filter { ids.contains($0.tenant) }
    let legacyOfMembers = Set(reduced.tenants.compactMap(\.legacySite))
    let legacyOfAnyone = Set(scenario.tenants.compactMap(\.legacySite))
    let standaloneOnly = scenario.standaloneOnlySites
    reduced.sites = scenario.sites.filter { site in
      (site.kind == .shared || !legacyOfAnyone.contains(site.id) || legacyOfMembers.contains(site.id))
        && !standaloneOnly.contains(site.id)
    }
    return reduced
  }

  /// The data-centre and voice costs per year of a scenario run through the engine's stages,
  /// in the ledger's money; with `migrations`, its tenants' moves into the shared data centre
  /// too (not for a tenant alone with its second room: its workloads stay in their room).
  static func siteAndVoiceCosts(_ scenario: Scenario, migrations: Bool, items: Bool = false) -> (eur: [Double], firstShortfall: Year?) {
    let plan = CapacityPlan(scenario, warnings: false)
    let voice = VoiceStage.plan(scenario, years: plan.years)
    var other = VoiceCosts.lines(scenario, voice, years: plan.years)
    if migrations { other += MigrationCosts.lines(scenario, plan.demand, years: plan.years) }
    // The cost items the game counts: all but the common ones.
    if items { other += CostItems.lines(scenario, plan.demand, voice, years: plan.years, include: { !CostItems.isCommon($0) }) }
    let totals = plan.yearlyTotals(scenario, otherLines: other)
    return (totals.total, plan.expansion.firstShortfallYear)
  }

  // MARK: Evaluating coalitions

  /// The running sums of a coalition: demand per site, Erlangs per gateway, own voice costs.
  struct State {
    var siteDemand: [Double]
    /// The same as the plan saw it before a site loss (empty: no site is lost).
    var siteDemandBeforeLoss: [Double] = []
    /// The members' demand in the shared data centre, `(class · 3 + r) · years + y`.
    var sharedDemand: [Double]
    var userMask: [UInt64]
    var usersIn: [Int]
    var erlangs: [Double]
    /// The members' Erlang at each gateway with each gateway down (sized for a failure only).
    var failErlangs: [Double] = []
    var voiceEUR: [Double]
    var members: [Int] = []
  }

  /// The empty coalition.
  func emptyState() -> State {
    let count = years.count
    var state = State(
      siteDemand: [Double](repeating: 0, count: scenario.sites.count * 3 * classCount * count),
      sharedDemand: [Double](repeating: 0, count: 3 * classCount * count),
      userMask: [UInt64](repeating: 0, count: scenario.sites.count), usersIn: [Int](repeating: 0, count: scenario.sites.count),
      erlangs: [Double](repeating: 0, count: gatewayCount * count), voiceEUR: [Double](repeating: 0, count: count))
    if placementBeforeLoss != nil { state.siteDemandBeforeLoss = state.siteDemand }
    return state
  }

  /// Adds tenant `t` to the coalition: its demand where the plan places it, and its legacy
  /// room among the coalition's sites.
  func add(_ t: Int, to state: inout State) {
    if let site = legacyOf[t], userBit[t] >= 0 {
      state.usersIn[site] += 1
      if userBit[t] < 64 { state.userMask[site] |= 1 << UInt64(userBit[t]) }
    }
    placement.add(tenant: t, tenantSums[t], resources: 3 * classCount, into: &state.siteDemand)
    placementBeforeLoss?.add(tenant: t, tenantSums[t], resources: 3 * classCount, into: &state.siteDemandBeforeLoss)
    tenantSums[t].withUnsafeBufferPointer { sums in
      state.sharedDemand.withUnsafeMutableBufferPointer {
        placement.addShared(tenant: t, sums, resources: 3 * classCount, into: $0)
      }
    }
    let erlangs = tenantErlangs[t]
    for i in erlangs.indices { state.erlangs[i] += erlangs[i] }
    let fail = tenantFailErlangs[t]
    if !fail.isEmpty {
      if state.failErlangs.isEmpty { state.failErlangs = [Double](repeating: 0, count: fail.count) }
      for i in fail.indices { state.failErlangs[i] += fail[i] }
    }
    let voice = tenantVoiceEUR[t]
    for y in voice.indices { state.voiceEUR[y] += voice[y] }
    // It moves into the coalition's shared data centre.
    let migration = tenantMigrationEUR[t]
    for y in migration.indices { state.voiceEUR[y] += migration[y] }
    state.members.append(t)
  }

  /// What one site builds and buys for a coalition.
  struct SiteOutcome {
    let site: Int
    let sized: SiteSizing
    let needs: SiteFacility
    let built: [Expansion]
    let fleet: SiteFleet
    let placedVCPU: [Double]
    let firstShortfall: Year?

    /// The same outcome at a twin site.
    func at(site twin: Int) -> SiteOutcome {
      SiteOutcome(
        site: twin, sized: sized, needs: needs, built: built, fleet: fleet, placedVCPU: placedVCPU,
        firstShortfall: firstShortfall)
    }
  }

  /// One site's sizing, facility, modules and fleet for its demand `own`.
  private func siteOutcome(
    _ site: Site, index s: Int, own: [ResourceSeries], sharedVCPU: [Double], sharedRAM: [Double], sharedSites: Int,
    committed: [Expansion] = [], orders: OrderRule = .any
  ) -> SiteOutcome {
    let rules = self.rules.at(site: s)
    let (serverLife, storageLife) = rules.sitesDiffer
      ? (rules.server?.lifetimeYears ?? 1, rules.storage?.lifetimeYears ?? 1) : (self.serverLife, self.storageLife)
    let sized = SizingStage.sizeSite(
      site, own: own, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM, sharedSites: sharedSites,
      closedFrom: site.firstClosedIndex(years), rules: rules)
    let needs = FacilityStage.siteFacility(site, sized, years: years, rules: rules, pue: pue[s])
    let plan = ExpansionStage.planSite(site, needs, years: years, warnings: false, committed: committed, orders: orders)
    let fleet = SiteFleet(
      site: site.id, servers: RefreshStage.flow(need: sized.servers, lifetime: serverLife, freezeYears: site.freezeBeforeMoveYears),
      storage: RefreshStage.flow(need: sized.storageUnits, lifetime: storageLife, freezeYears: site.freezeBeforeMoveYears))
    return SiteOutcome(
      site: s, sized: sized, needs: needs, built: plan.built, fleet: fleet, placedVCPU: Self.totalVCPU(own, years: years.count),
      firstShortfall: plan.firstShortfall)
  }

  /// Adds the gateways' lines (``VoiceCosts/addGateway(_:_:years:trunks:serving:residual:lifeYears:into:)``) with
  /// the trunks for `erlangs` (gateway-major) at the grade of service.
  private func addGateways(erlangs: [Double], failErlangs: [Double], to eur: inout [Double], cache: inout Cache) {
    guard let voice else { return }
    let residual = ResidualValue(scenario.costs, years: years)
    let count = years.count
    let gateways = voice.gateways.count
    var total = YearlyTotal(years: years, startingWith: eur)
    // The traffic a gateway's trunks are sized for: its own, or the most with another gateway down.
    func sized(_ g: Int, _ y: Int) -> Double {
      var traffic = erlangs[g * count + y]
      if !failErlangs.isEmpty { for down in 0..<gateways where down != g { traffic = max(traffic, failErlangs[(down * gateways + g) * count + y]) } }
      return traffic
    }
    for (g, gateway) in voice.gateways.enumerated() {
      VoiceCosts.addGateway(
        gateway, voice, years: years,
        trunks: { y in
          // Coalitions that differ only by members without calls there offer the same traffic.
          let traffic = sized(g, y)
          if let known = cache.trunks[traffic.bitPattern] { return known }
          let trunks = ErlangB.trunks(traffic: traffic, gradeOfService: voice.gradeOfService.value)
          cache.trunks[traffic.bitPattern] = trunks
          return trunks
        },
        serving: { _ in [] }, residual: residual, lifeYears: scenario.costs.assetLives.voiceGateways, into: &total)
    }
    eur = total.eur
  }

  /// The per-class series of `buffer` from `offset` (`[(class · 3 + resource) · years + year]`).
  private static func series(_ buffer: [Double], at offset: Int, classes: Int, years count: Int) -> [ResourceSeries] {
    (0..<classes).map { c in
      let base = offset + c * 3 * count
      var series = ResourceSeries(count: 0)
      series.vcpu = Array(buffer[base..<(base + count)])
      series.ramGiB = Array(buffer[(base + count)..<(base + 2 * count)])
      series.storageTiB = Array(buffer[(base + 2 * count)..<(base + 3 * count)])
      return series
    }
  }

  /// The vCPU placed per year over every class.
  private static func totalVCPU(_ own: [ResourceSeries], years count: Int) -> [Double] {
    guard own.count > 1 else { return own.first?.vcpu ?? [Double](repeating: 0, count: count) }
    var total = [Double](repeating: 0, count: count)
    for series in own { for y in 0..<count { total[y] += series.vcpu[y] } }
    return total
  }

  /// Cached legacy-room outcomes, by site and the members among its tenants.
  struct Cache {
    struct Key: Hashable {
      let site: Int
      let members: UInt64
    }
    var outcomes: [Key: SiteOutcome] = [:]
    var scratch: [SiteOutcome] = []
    /// Trunks at the game's grade of service by offered traffic (its bit pattern).
    var trunks: [UInt64: Int] = [:]
  }

  /// The cost game's value of the coalition in `state` per year: alone for one member, the
  /// cheaper of together and each alone for a part, together for everyone.
  func value(_ state: State, cache: inout Cache) -> [Double] {
    switch state.members.count {
    case 0: return [Double](repeating: 0, count: years.count)
    case 1: return standaloneEUR[state.members[0]]
    default:
      let together = jointCost(state, cache: &cache)
      guard state.members.count < tenantCount else { return together }
      var apart = [Double](repeating: 0, count: years.count)
      for t in state.members { for y in apart.indices { apart[y] += standaloneEUR[t][y] } }
      return NPV.value(apart, rate: rate) < NPV.value(together, rate: rate) ? apart : together
    }
  }

  /// The members together in the shared data centre, per year.
  func jointCost(_ state: State, cache: inout Cache) -> [Double] {
    jointCostDetailed(state, cache: &cache).eur
  }

  /// The members together, per year, and the first year any of their sites is short.
  private func jointCostDetailed(_ state: State, cache: inout Cache) -> (eur: [Double], firstShortfall: Year?) {
    let count = years.count
    let width = 3 * classCount * count
    // Each class's compute demand in the shared data centre, class-major (the failover rule).
    var sharedVCPU = [Double](repeating: 0, count: classCount * count)
    var sharedRAM = sharedVCPU
    for c in 0..<classCount {
      for y in 0..<count {
        sharedVCPU[c * count + y] = state.sharedDemand[c * 3 * count + y]
        sharedRAM[c * count + y] = state.sharedDemand[(c * 3 + 1) * count + y]
      }
    }
    cache.scratch.removeAll(keepingCapacity: true)
    var serverPurchases = [Int](repeating: 0, count: count)
    var storagePurchases = [Int](repeating: 0, count: count)
    // The units bought in the loss year by the plan before the loss (LossForesight).
    let lossIndex = lossYear.flatMap { years.firstIndex(of: $0) }
    var boughtBeforeLoss = (servers: 0, storage: 0)
    var firstShortfall: Year?
    for s in scenario.sites.indices where keptAlways[s] || state.usersIn[s] > 0 {
      let isShared = scenario.sites[s].kind == .shared
      let key = Cache.Key(site: s, members: state.userMask[s])
      let outcome: SiteOutcome
      if !isShared, cacheable[s], let known = cache.outcomes[key] {
        outcome = known
      } else if let twin = twinOf[s], let done = cache.scratch.first(where: { $0.site == twin }) {
        outcome = done.at(site: s)
      } else if isShared, let lossYear, !state.siteDemandBeforeLoss.isEmpty {
        // Met as it comes: what the plan before the loss ordered stands; new orders from the loss year.
        var siteBefore = scenario.sites[s]
        siteBefore.lossYear = nil
        let before = siteOutcome(
          siteBefore, index: s, own: Self.series(state.siteDemandBeforeLoss, at: s * width, classes: classCount, years: count),
          sharedVCPU: sharedVCPU, sharedRAM: sharedRAM, sharedSites: sharedSites.count)
        outcome = siteOutcome(
          scenario.sites[s], index: s, own: Self.series(state.siteDemand, at: s * width, classes: classCount, years: count),
          sharedVCPU: sharedVCPU, sharedRAM: sharedRAM, sharedSites: sharedSites.count,
          committed: before.built.filter { !$0.isFixed && $0.orderYear < lossYear }, orders: .from(lossYear))
        if let y = lossIndex {
          boughtBeforeLoss.servers += before.fleet.servers.purchases[y] - outcome.fleet.servers.purchases[y]
          boughtBeforeLoss.storage += before.fleet.storage.purchases[y] - outcome.fleet.storage.purchases[y]
        }
      } else {
        let own = Self.series(state.siteDemand, at: s * width, classes: classCount, years: count)
        outcome = siteOutcome(
          scenario.sites[s], index: s, own: own, sharedVCPU: sharedVCPU, sharedRAM: sharedRAM, sharedSites: sharedSites.count)
        if !isShared, cacheable[s] { cache.outcomes[key] = outcome }
      }
      for y in 0..<count {
        serverPurchases[y] += outcome.fleet.servers.purchases[y]
        storagePurchases[y] += outcome.fleet.storage.purchases[y]
      }
      if let year = outcome.firstShortfall, firstShortfall.map({ year < $0 }) ?? true { firstShortfall = year }
      cache.scratch.append(outcome)
    }
    // One price list for all sites (every site on the policy's types: their purchases pooled),
    // else each type's purchases pooled over the sites buying it.
    let sitePrices: [HardwarePrices] = rules.sitesDiffer
      ? HardwarePrices.perSite(scenario, sites: cache.scratch.map(\.site), fleets: cache.scratch.map(\.fleet), years: count)
      : [HardwarePrices(scenario, serverPurchases: serverPurchases, storagePurchases: storagePurchases)]
    var sink = YearlySumSink(eur: state.voiceEUR)
    for (k, outcome) in cache.scratch.enumerated() {
      SiteCosts.add(
        outcome.sized, outcome.needs, outcome.fleet, built: outcome.built[...],
        placedVCPU: outcome.placedVCPU, years: years, rates: rates, rules: rules.at(site: outcome.site),
        prices: sitePrices[rules.sitesDiffer ? k : 0], site: scenario.sites[outcome.site], into: &sink)
    }
    if let y = lossIndex, premium > 0 {
      // Each site's purchases as the plan before the loss made them, the others' as they are.
      var total = YearlyTotal(years: years, startingWith: sink.eur)
      let unitEUR = rules.sitesDiffer
        ? HardwarePrices.meanUnitEUR(sitePrices, cache.scratch.map(\.fleet), year: y)
        : (sitePrices[0].serverEUR(y), sitePrices[0].storageEUR(y))
      EmergencyPurchases.addPremium(
        unitEUR, servers: serverPurchases, storage: storagePurchases, beyondServers: serverPurchases[y] + boughtBeforeLoss.servers,
        beyondStorage: storagePurchases[y] + boughtBeforeLoss.storage, year: y, premium: premium,
        what: "the plan before the site loss", years: years, into: &total)
      sink.eur = total.eur
    }
    // Gateways: trunks for the members' pooled Erlangs; capex in the first year with calls.
    addGateways(erlangs: state.erlangs, failErlangs: state.failErlangs, to: &sink.eur, cache: &cache)
    for item in ownItems where state.members.contains(where: item.served.contains) {
      for y in 0..<count { sink.eur[y] += item.eur[y] }
    }
    for y in 0..<count { sink.eur[y] *= deflation[y] }
    return (sink.eur, firstShortfall)
  }
}
