import DCPlanModel

/// Turns a parsed YAML tree into a ``Scenario``, reporting every problem at its position.
///
/// Decoding goes on after an error with a stand-in value, so that one run reports every
/// problem of the file; the scenario it returns is only used when no error was reported.
struct ScenarioDecoder {
  let context: DecodeContext
  /// The base's sections decoded once, for a sweep's variants (``DecodeMemo``); nil to decode all.
  var memo: DecodeMemo?
  /// The top-level sections the variant's settings change: decoded again, never reused.
  var changedSections: Set<String> = []

  /// What decoding produced; `shares` holds each site's explicit `load_share`, resolved later.
  struct Output {
    var scenario: Scenario
    var explicitLoadShares: [NumberOrTable?]
  }

  func decode(_ root: Node) -> Output {
    var output = Output(
      scenario: Scenario(
        info: ScenarioInfo(name: "", description: "", horizon: .single(Year(2017)), currency: "EUR",
                           discountRate: Fraction(0.03) ?? .zero, seed: 1),
        tenants: [], workloads: [], sites: []),
      explicitLoadShares: [])
    guard let top = MappingReader(root, spec: DocumentSection.spec, path: "", label: "the scenario file", context: context)
    else { return output }
    _ = top.integer(DocumentSection.version, in: 1...ScenarioFormat.version)
    if let node = top.node(DocumentSection.scenario) { output.scenario.info = decodeInfo(node, fallback: output.scenario.info) }
    let horizon = output.scenario.info.horizon
    output.scenario.tenants = memoized(DocumentSection.tenants.name, dependsOn: horizon) {
      list(top, DocumentSection.tenants, TenantSection.spec) { decodeTenant($0, $1, horizon: horizon) }
    }
    output.scenario.workloads = memoized(DocumentSection.workloads.name, dependsOn: horizon) {
      list(top, DocumentSection.workloads, WorkloadSection.spec) { decodeWorkload($0, $1, horizon: horizon) }
    }
    let sites = memoized(DocumentSection.sites.name, dependsOn: nil) { list(top, DocumentSection.sites, SiteSection.spec) { decodeSite($0, $1) } }
    output.scenario.sites = sites.map(\.0)
    output.explicitLoadShares = sites.map(\.1)
    if let hardware = memoized(DocumentSection.hardware.name, dependsOn: horizon, { top.node(DocumentSection.hardware).map { decodeHardware($0, horizon: horizon) } }) {
      output.scenario.hardware = hardware
    }
    if let policy = memoized(DocumentSection.policy.name, dependsOn: nil, { top.node(DocumentSection.policy).map(decodePolicy) }) {
      output.scenario.policy = policy
    }
    if let costs = memoized(DocumentSection.costs.name, dependsOn: horizon, { top.node(DocumentSection.costs).map { decodeCosts($0, horizon: horizon) } }) {
      output.scenario.costs = costs
    }
    if let node = top.node(DocumentSection.allocation) {
      output.scenario.allocation = decodeAllocation(node, tenants: output.scenario.tenants)
    }
    if let network = memoized(DocumentSection.network.name, dependsOn: horizon, { top.node(DocumentSection.network).map { decodeNetwork($0, horizon: horizon) } }) {
      output.scenario.network = network
    }
    if let voice = memoized(DocumentSection.voice.name, dependsOn: horizon, { top.node(DocumentSection.voice).map { decodeVoice($0, horizon: horizon) } }) {
      output.scenario.voice = voice
    }
    if let components = memoized(DocumentSection.components.name, dependsOn: nil, { top.node(DocumentSection.components).map(decodeComponents) }) {
      output.scenario.components = components
    }
    output.scenario.siteOutages = decodeEvents(top, horizon: horizon, sites: &output.scenario.sites)
    // Its paths may name the ids of these lists, and nothing else of the scenario.
    let named: [[String]] = [
      output.scenario.workloads.map(\.id), output.scenario.tenants.map(\.id), output.scenario.sites.map(\.id),
      output.scenario.hardware.servers.map(\.id), output.scenario.hardware.storage.map(\.id),
    ]
    if let uncertainty = memoized(DocumentSection.uncertainty.name, dependsOn: named, {
      top.node(DocumentSection.uncertainty).map { decodeUncertainty($0, scenario: output.scenario) }
    }) {
      output.scenario.uncertainty = uncertainty
    }
    output.scenario.uncertainty.inputs += inlineUncertainInputs(output.scenario)
    output.scenario.acceptedWarnings = list(top, DocumentSection.accept, AcceptSection.spec) { entry, _ in
      defer { entry.finish() }
      let reason = entry.text(AcceptSection.reason) ?? ""
      if entry.has(AcceptSection.reason), reason.trimmingCharacters(in: .whitespaces).isEmpty {
        context.error("'reason' of \(entry.label) is empty; say why the warning is accepted", at: entry.position(of: AcceptSection.reason))
      }
      return AcceptedWarning(
        code: entry.text(AcceptSection.code) ?? "", subject: entry.text(AcceptSection.subject), year: entry.year(AcceptSection.year),
        reason: reason)
    }
    for reserved in DocumentSection.reserved where top.has(reserved) {
      context.warning("section '\(reserved.name)' is not read by this version of dcplan yet; its values are ignored",
                      at: top.keyPosition(of: reserved))
    }
    top.finish()
    return output
  }

  /// Decodes every entry of a list under `reader` with `entry`; problems with the list itself are reported.
  func list<T>(
    _ reader: MappingReader, _ key: KeySpec, _ spec: SectionSpec, _ entry: (MappingReader, Int) -> T?
  ) -> [T] {
    guard let sequence = entries(reader, key) else { return [] }
    var result: [T] = []
    for (index, item) in sequence.enumerated() {
      let path = (reader.path.isEmpty ? "" : reader.path + ".") + "\(key.name)[\(index)]"
      guard let entryReader = MappingReader(item, spec: spec, path: path, label: "\(spec.name) \(index + 1)", context: context)
      else { continue }
      if let value = entry(entryReader, index) { result.append(value) }
    }
    return result
  }

  /// The list of entries under `key`, or nil (and an error if it is not a list).
  private func entries(_ reader: MappingReader, _ key: KeySpec) -> Node.Sequence? {
    guard let node = reader.node(key), context.visit(node) else { return nil }
    guard case let .sequence(sequence) = node else {
      let where_ = reader.path.isEmpty ? "" : " of \(reader.label)"
      context.error(
        "'\(key.name)'\(where_) must be a list of entries, each starting with '- '; found \(node.quotedForMessage)",
        at: node.position)
      return nil
    }
    return sequence
  }

  /// Lists with at least this many entries are decoded in stretches on ``ScenarioLoader/threads``
  /// threads (a state's thousands of demands and links); shorter ones are not worth a thread.
  static let listEntriesPerThread = 512

  /// Like ``list(_:_:_:_:)``, for entries whose decoding reads nothing but the entry: a long
  /// list is cut into consecutive stretches decoded beside each other, each with a context of
  /// its own whose diagnostics and positions are then taken in, in the list's order, so that
  /// the outcome is that of decoding the entries one after the other (tested). `entry`
  /// decodes with the decoder it is given, never with `self`.
  func list<T>(
    _ reader: MappingReader, _ key: KeySpec, _ spec: SectionSpec,
    eachOnItsOwn entry: @escaping @Sendable (ScenarioDecoder, MappingReader, Int) -> T?
  ) -> [T] {
    guard let sequence = entries(reader, key) else { return [] }
    let prefix = (reader.path.isEmpty ? "" : reader.path + ".") + key.name
    let stretch = EntryStretch(items: sequence.nodes, prefix: prefix, spec: spec, entry: entry)
    let workers = min(ScenarioLoader.threads, sequence.count / Self.listEntriesPerThread)
    guard workers > 1 else { return stretch.decode(0..<sequence.count, with: self) }
    let parts = (0..<workers).map { _ in context.part() }
    let decoded = WorkerResults<[T]>(count: workers)
    let shared = UncheckedBox((parts, stretch))
    Workers.run(workers) { worker in
      let (parts, stretch) = shared.value
      let count = stretch.items.count
      let range = (worker * count / parts.count)..<((worker + 1) * count / parts.count)
      decoded.set(worker, stretch.decode(range, with: ScenarioDecoder(context: parts[worker])))
    }
    guard context.absorb(parts) else {
      // Too many nodes for the budget (aliases): decoded here, to report where it runs out.
      return stretch.decode(0..<sequence.count, with: self)
    }
    return decoded.values.flatMap { $0 }
  }

  /// The entry's id (a stand-in when missing or malformed, which is reported) and a reader
  /// whose messages name the entry by it ("tenant 'kdo'").
  func identified(_ reader: MappingReader, _ key: KeySpec, _ noun: String, _ index: Int) -> (MappingReader, String) {
    var reader = reader
    let id = reader.identifier(key) ?? "\(noun.replacingAll(" ", with: "-"))-\(index + 1)"
    if reader.has(key) { reader.label = "\(noun) '\(id)'" }
    return (reader, id)
  }

  // MARK: Sections

  private func decodeInfo(_ node: Node, fallback: ScenarioInfo) -> ScenarioInfo {
    typealias S = ScenarioSection
    guard let reader = MappingReader(node, spec: S.spec, path: "scenario", label: "section 'scenario'", context: context)
    else { return fallback }
    defer { reader.finish() }
    var info = fallback
    info.name = reader.text(S.name) ?? ""
    info.description = reader.text(S.description) ?? ""
    if let horizon = horizon(reader) { info.horizon = horizon }
    info.currency = reader.choice(S.currency, ["EUR"]) ?? "EUR"
    if reader.has(S.discountRate) {
      info.discountRate = reader.fraction(S.discountRate) ?? fallback.discountRate
    }
    info.discountRateBasis = reader.choice(S.discountRateBasis, ["nominal", "real"]).flatMap(DiscountRateBasis.init)
    info.seed = reader.integer(S.seed, in: 0...Int.max).map(UInt64.init) ?? 1
    return info
  }

  private func horizon(_ reader: MappingReader) -> YearRange? {
    guard let (text, node) = reader.scalar(ScenarioSection.horizon) else { return nil }
    let parts = text.components(separatedBy: "..")
    guard parts.count == 2,
      let first = MappingReader.parseYear(parts[0], node: node, what: "the first year of 'horizon'", context: context),
      let last = MappingReader.parseYear(parts[1], node: node, what: "the last year of 'horizon'", context: context)
    else {
      if text.components(separatedBy: "..").count != 2 {
        context.error("'horizon' must be 'FIRST..LAST' such as '2017..2025'; found '\(text)'", at: node.position)
      }
      return nil
    }
    guard let range = YearRange(first: first, last: last) else {
      context.error("'horizon' ends before it starts: '\(text)'; write the first year first, e.g. '\(last)..\(first)'",
                    at: node.position)
      return nil
    }
    return range
  }

  private func decodeTenant(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> Tenant {
    typealias T = TenantSection
    let (reader, id) = identified(reader, T.id, "tenant", index)
    defer { reader.finish() }
    let kind = reader.choice(T.kind, Tenant.Kind.allCases.map(\.rawValue)).flatMap(Tenant.Kind.init) ?? .municipality
    let growth = reader.growthRate(T.employeeGrowth) ?? .zero
    let baseYear = reader.year(T.employeesBaseYear) ?? horizon.first
    let employees: Headcount
    switch reader.numberOrYearTable(T.employees, minimum: 0, maximum: 1e9) {
    case let .table(series):
      employees = .table(series)
      if reader.has(T.employeeGrowth) {
        context.warning("'employee_growth' of \(reader.label) is ignored: 'employees' is a per-year table",
                        at: reader.keyPosition(of: T.employeeGrowth))
      }
    case let .number(value):
      employees = .compounding(base: value, baseYear: baseYear, growth: growth)
    case nil:
      employees = .compounding(base: 0, baseYear: baseYear, growth: .zero)
    }
    var tenant = Tenant(
      id: id, name: reader.text(T.name) ?? id, kind: kind, employees: employees,
      joinsSharedDataCentre: reader.year(T.joins), legacySite: reader.identifier(T.legacySite),
      locations: decodeLocations(reader), costKey: reader.number(T.costKey, in: 0...1e15))
    tenant.standaloneTwin = reader.identifier(T.standaloneTwin)
    tenant.reclaimsVAT = reader.boolean(T.reclaimsVAT) ?? false
    if let node = reader.node(T.migration) { tenant.migration = decodeMigration(node, owner: reader.label, path: reader.path) }
    if tenant.standaloneTwin != nil, tenant.legacySite == nil {
      context.error("'standalone_twin' of \(reader.label) pairs a second room with its legacy room; give it a 'legacy_site' too",
                    at: reader.keyPosition(of: T.standaloneTwin))
    }
    if let option = reader.choice(T.standalone, ["legacy-room", "shared-design"]).flatMap(Tenant.StandaloneOption.init) {
      tenant.standalone = option
      if option == .legacyRoom, tenant.legacySite == nil {
        context.error("'standalone: legacy-room' of \(reader.label) needs a 'legacy_site' to stay in; add one or use 'shared-design'",
                      at: reader.position(of: T.standalone))
      }
    }
    return tenant
  }

  private func decodeWorkload(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> Workload {
    typealias W = WorkloadSection
    let (reader, id) = identified(reader, W.id, "workload", index)
    defer { reader.finish() }
    func amount<Q: ScalarQuantity>(_ key: KeySpec, _ kind: QuantityKind, toBase: Double = 1) -> Amount<Q> {
      guard let (parsed, perEmployee) = reader.quantity(key, kind) else { return .absolute(.zero) }
      let value = Q(baseUnits: parsed.baseValue * toBase)
      return perEmployee ? .perEmployee(value) : .absolute(value)
    }
    let growth = reader.growthRate(W.growth) ?? .zero
    if reader.has(W.growth), reader.has(W.vcpuGrowth), reader.has(W.ramGrowth), reader.has(W.storageGrowth) {
      context.warning(
        "'growth' of \(reader.label) is not used: 'vcpu_growth', 'ram_growth' and 'storage_growth' are all given; "
          + "remove it, or one of those to let it stand for that one", at: reader.keyPosition(of: W.growth))
    }
    let startYear = reader.year(W.startYear) ?? horizon.first
    return Workload(
      id: id, name: reader.text(W.name) ?? id, tenant: reader.identifier(W.tenant) ?? "",
      vcpu: amount(W.vcpu, W.vcpuKind), ram: amount(W.ram, W.ramKind), storage: amount(W.storage, W.storageKind),
      // Accruals are written per unit of time; the model keeps the amount added per year.
      storageAccrualPerYear: amount(W.storageAccrual, W.accrualKind, toBase: UnitTable.secondsPerYear),
      vcpuGrowth: reader.growthRate(W.vcpuGrowth) ?? growth, ramGrowth: reader.growthRate(W.ramGrowth) ?? growth,
      storageGrowth: reader.growthRate(W.storageGrowth) ?? growth, baseYear: reader.year(W.baseYear) ?? startYear,
      startYear: startYear, availabilityTarget: reader.availabilityTarget(W.availability))
  }

  private func decodeSite(_ reader: MappingReader, _ index: Int) -> (Site, NumberOrTable?) {
    typealias S = SiteSection
    let (reader, id) = identified(reader, S.id, "site", index)
    defer { reader.finish() }
    let kind = reader.choice(S.kind, Site.Kind.allCases.map(\.rawValue)).flatMap(Site.Kind.init) ?? .legacy
    let share = reader.fractionOrYearTable(S.loadShare)
    if kind == .legacy, reader.has(S.loadShare) {
      context.error("'load_share' is for shared sites; \(reader.label) is a legacy site; remove it",
                    at: reader.keyPosition(of: S.loadShare))
    }
    let pue: YearValue
    switch reader.numberOrYearTable(S.pue, minimum: 1, maximum: 10) {
    case let .number(value): pue = .constant(value)
    case let .table(series): pue = .table(series)
    case nil: pue = .constant(1)
    }
    let capacity = reader.node(S.capacity).flatMap { decodeCapacity($0, path: reader.path + ".capacity", owner: reader.label) }
    let modules = list(reader, S.modules, ModuleSection.spec) { moduleReader, index in
      decodeModule(moduleReader, index, site: reader.label)
    }
    let closesAfterMove = reader.boolean(S.closesAfterMove) ?? false
    if closesAfterMove, reader.has(S.decommission) {
      context.error("give 'decommission_year' or 'closes_after_move', not both", at: reader.keyPosition(of: S.closesAfterMove))
    }
    if closesAfterMove, kind == .shared {
      context.error("'closes_after_move' is for legacy rooms; \(reader.label) is a shared site; remove it",
                    at: reader.keyPosition(of: S.closesAfterMove))
    }
    var site = Site(
      id: id, name: reader.text(S.name) ?? id, kind: kind, node: reader.identifier(S.node),
      decommissionYear: reader.year(S.decommission), loadShare: .zero, existingCapacity: capacity ?? .none,
      modules: modules, pue: pue, closesAfterMove: closesAfterMove)
    if reader.has(S.freezeBeforeMove) || reader.has(S.parallelRunning), kind == .shared {
      let key = reader.has(S.freezeBeforeMove) ? S.freezeBeforeMove : S.parallelRunning
      context.error("'\(key.name)' is for legacy rooms that empty when their tenants move; \(reader.label) is a shared site; remove it",
                    at: reader.keyPosition(of: key))
    }
    if reader.has(S.freezeBeforeMove), let seconds = reader.quantity(S.freezeBeforeMove, QuantityKind(.duration, example: "1 year"))?.value.baseValue {
      let years = seconds / UnitTable.secondsPerYear
      if years < -1e-9 || abs(years - years.rounded()) > 1e-9 || years > 100 {
        context.error("'freeze_before_move' of \(reader.label) must be a whole number of years from 0 to 100; found '\(reader.text(S.freezeBeforeMove) ?? "")'",
                      at: reader.position(of: S.freezeBeforeMove))
      } else {
        site.freezeBeforeMoveYears = Int(years.rounded())
      }
    }
    if reader.has(S.parallelRunning), let seconds = reader.quantity(S.parallelRunning, QuantityKind(.duration, example: "6 months"))?.value.baseValue {
      let months = seconds / UnitTable.secondsPerYear * 12
      if months < 0 || months > 12 + 1e-9 {
        context.error("'parallel_running' of \(reader.label) must be between 0 and 12 months; found '\(reader.text(S.parallelRunning) ?? "")'",
                      at: reader.position(of: S.parallelRunning))
      } else {
        site.parallelRunningMonths = min(12, months)
      }
    }
    if let node = reader.node(S.overhead) {
      if let overhead = MappingReader(node, spec: OverheadSection.spec, path: reader.path + ".overhead", label: "'overhead' of \(reader.label)", context: context) {
        defer { overhead.finish() }
        let fixed = overhead.quantity(OverheadSection.fixed, QuantityKind(.power, example: "120 kW"))?.value.baseValue
        let share = overhead.fraction(OverheadSection.proportional)
        if let fixed, let share { site.overhead = FacilityOverhead(fixedKW: fixed / 1000, proportional: share.value) }
      }
      if reader.has(S.pue) {
        context.error("give 'pue' or 'overhead' for \(reader.label), not both", at: reader.keyPosition(of: S.overhead))
      }
    }
    site.inOperationSince = reader.year(S.inOperationSince)
    site.serverType = reader.identifier(S.serverType)
    if let node = reader.node(S.rent),
       let rent = MappingReader(node, spec: RentSection.spec, path: reader.path + ".rent", label: "'rent' of \(reader.label)", context: context) {
      defer { rent.finish() }
      typealias R = RentSection
      let year = UnitTable.secondsPerYear
      let perRack = (rent.quantity(R.perRack, QuantityKind(.moneyRate, example: "1500 EUR/month"))?.value.baseValue ?? 0) * year
      // EUR per watt-second → EUR per kW a year.
      let perKW = (rent.quantity(R.perKW, QuantityKind(.energyPrice, example: "150 EUR/kW/month"))?.value.baseValue ?? 0) * 1000 * year
      func perYear(_ key: KeySpec, _ example: String) -> Double {
        (rent.quantity(key, QuantityKind(.moneyRate, example: example))?.value.baseValue ?? 0) * year
      }
      let perVCPU = perYear(R.perVCPU, "20 EUR/month")
      let perGiB = perYear(R.perGiBRAM, "3 EUR/month")
      let perTiB = perYear(R.perTiB, "40 EUR/month")
      let isService = rent.has(R.perVCPU) || rent.has(R.perGiBRAM) || rent.has(R.perTiB)
      if isService, rent.has(R.perRack) || rent.has(R.perKW) {
        context.error(
          "'rent' of \(reader.label) prices both space (per_rack, per_kw) and a provider's service (per_vcpu, per_gib_ram, per_tib); "
            + "a site rents one or the other: make two sites to compare them",
          at: reader.position(of: S.rent))
      } else if !isService, !rent.has(R.perRack), !rent.has(R.perKW) {
        context.error(
          "'rent' of \(reader.label) gives no price; add e.g. 'per_rack: 1500 EUR/month' (colocation) or 'per_vcpu: 20 EUR/month' "
            + "(a provider's service)",
          at: reader.position(of: S.rent))
      }
      if isService, rent.has(R.energy) {
        context.error("'energy' of 'rent' of \(reader.label) does not apply to a provider's service: its prices include the energy; remove it",
                      at: rent.keyPosition(of: R.energy))
      }
      if isService, let modules = reader.node(S.modules), case let .sequence(list) = modules, !list.isEmpty {
        context.error("\(reader.label) is a provider's service (its 'rent' prices vCPU, RAM or TiB) and has 'modules'; the provider "
                        + "builds its own: remove the modules, or rent space ('per_rack', 'per_kw') instead",
                      at: reader.position(of: S.modules))
      }
      let term = rent.quantity(R.term, QuantityKind(.duration, example: "5 years"))?.value.baseValue ?? 0
      let notice = rent.quantity(R.notice, QuantityKind(.duration, example: "12 months"))?.value.baseValue ?? 0
      if term < 0 || notice < 0 {
        context.error("'term' and 'notice' of 'rent' of \(reader.label) must not be negative", at: reader.position(of: S.rent))
      }
      var contract = SiteRent(
        perRackYearEUR: perRack, perKWYearEUR: perKW,
        energyIncluded: isService || rent.choice(R.energy, ["metered", "included"]) == "included",
        termYears: Int(min(1000, max(0, (term / year - 1e-9).rounded(.up)))), noticeMonths: min(12_000, max(0, notice / year * 12)))
      contract.perVCPUYearEUR = perVCPU
      contract.perGiBRAMYearEUR = perGiB
      contract.perTiBYearEUR = perTiB
      contract.isService = isService
      site.rent = contract
    }
    site.storageType = reader.identifier(S.storageType)
    if let node = reader.node(S.staffing),
       let staffing = MappingReader(node, spec: StaffingSection.spec, path: reader.path + ".staffing", label: "'staffing' of \(reader.label)", context: context) {
      defer { staffing.finish() }
      let perFTE = staffing.number(StaffingSection.serversPerFTE, in: 0.001...1_000_000) ?? 0
      let minimum = staffing.number(StaffingSection.minimumFTE, in: 0...1_000_000) ?? 0
      if !staffing.has(StaffingSection.serversPerFTE), !staffing.has(StaffingSection.minimumFTE) {
        context.error("'staffing' of \(reader.label) gives neither 'servers_per_fte' nor 'min_fte'; add e.g. '{servers_per_fte: 25, min_fte: 0.5}', or remove it",
                      at: reader.position(of: S.staffing))
      }
      site.staffing = Staffing(serversPerFTE: perFTE, minimumFTE: minimum)
    }
    let latitude = reader.number(S.latitude, in: -90...90)
    let longitude = reader.number(S.longitude, in: -180...180)
    if let latitude, let longitude {
      site.location = GeoLocation(latitude: latitude, longitude: longitude)
    } else if reader.has(S.latitude) != reader.has(S.longitude) {
      let missing = reader.has(S.latitude) ? "longitude" : "latitude"
      context.error("\(reader.label) gives '\(missing == "latitude" ? "longitude" : "latitude")' but not '\(missing)'; give both, e.g. 'latitude: 52.37, longitude: 9.73'",
                    at: reader.keyPosition(of: reader.has(S.latitude) ? S.latitude : S.longitude))
    }
    return (site, share)
  }
}
