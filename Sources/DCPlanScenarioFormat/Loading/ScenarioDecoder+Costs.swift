import DCPlanModel

/// Decoding of procurement tiers, the money basis, asset lives, budget lines and the
/// allocation section.
extension ScenarioDecoder {
  func decodeMoneyAndBudgets(_ reader: MappingReader, into costs: inout CostInputs, horizon: YearRange) {
    typealias C = CostsSection
    if let node = reader.node(C.procurement) { costs.procurement = decodeTiers(node) }
    let inflation = reader.growthRate(C.inflation)
    if reader.choice(C.money, ["nominal", "real"]) == "real" {
      if let inflation {
        costs.money = .real(inflation: inflation)
      } else {
        context.error("'money: real' needs 'inflation' to deflate each year's amounts; add e.g. 'inflation: 2 %'",
                      at: reader.position(of: C.money))
      }
    } else if inflation != nil {
      context.warning("'inflation' is used only with 'money: real'; amounts stay nominal", at: reader.keyPosition(of: C.inflation))
    }
    if let node = reader.node(C.assetLives) { costs.assetLives = decodeAssetLives(node) }
    costs.residualValue = reader.boolean(C.residualValue) ?? true
    costs.budgets = list(reader, C.budget, BudgetSection.spec) { entry, index in
      decodeBudget(entry, index, horizon: horizon)
    }
    costs.items = list(reader, C.items, CostItemSection.spec) { entry, index in
      decodeCostItem(entry, index, horizon: horizon)
    }
    if let node = reader.node(C.vat),
       let vat = MappingReader(node, spec: VATSection.spec, path: "costs.vat", label: "'vat' of section 'costs'", context: context) {
      defer { vat.finish() }
      let charges = vat.choice(VATSection.cooperative, VATRule.Charges.allCases.map(\.rawValue)).flatMap(VATRule.Charges.init) ?? .exempt
      if let rate = vat.fraction(VATSection.rate) { costs.vat = VATRule(rate: rate.value, cooperativeCharges: charges) }
    }
    if costs.vat == nil, costs.items.contains(where: \.vatExempt) {
      context.warning("'vat: exempt' on a cost item matters only with 'costs.vat'; VAT is not modelled", at: reader.keyPosition(of: C.items))
    }
  }

  private func decodeTiers(_ node: Node) -> ProcurementTiers {
    guard let reader = MappingReader(
      node, spec: ProcurementSection.spec, path: "costs.procurement_tiers", label: "'procurement_tiers' of section 'costs'",
      context: context)
    else { return .none }
    defer { reader.finish() }
    func tiers(_ key: KeySpec) -> [ProcurementTier] {
      let tiers = list(reader, key, TierSection.spec) { entry, index -> ProcurementTier? in
        var entry = entry
        entry.label = "tier \(index + 1) of '\(key.name)'"
        defer { entry.finish() }
        guard let from = entry.integer(TierSection.from, in: 0...1_000_000_000),
          let discount = entry.fraction(TierSection.discount)
        else { return nil }
        if discount.value >= 1 {
          context.error("'discount' of \(entry.label) must be less than 100 %", at: entry.position(of: TierSection.discount))
        }
        return ProcurementTier(fromUnits: from, discount: discount)
      }
      var seen = Set<Int>()
      for tier in tiers where !seen.insert(tier.fromUnits).inserted {
        context.error("two tiers of '\(key.name)' start at \(tier.fromUnits) units; give each tier its own 'from'",
                      at: reader.position(of: key))
      }
      return tiers
    }
    return ProcurementTiers(servers: tiers(ProcurementSection.servers), storage: tiers(ProcurementSection.storage))
  }

  private func decodeAssetLives(_ node: Node) -> AssetLives {
    typealias A = AssetLivesSection
    var lives = AssetLives.standard
    guard let reader = MappingReader(
      node, spec: A.spec, path: "costs.asset_lives", label: "'asset_lives' of section 'costs'", context: context)
    else { return lives }
    defer { reader.finish() }
    func life(_ key: KeySpec) -> Int? {
      guard let years = wholeYears(reader, key, rounding: true) else { return nil }
      guard years >= 1 else {
        context.error("'\(key.name)' of \(reader.label) must be at least one year", at: reader.position(of: key))
        return nil
      }
      return years
    }
    lives.modules = life(A.modules) ?? lives.modules
    lives.linkUpgrades = life(A.linkUpgrades) ?? lives.linkUpgrades
    lives.ipPhones = life(A.ipPhones) ?? lives.ipPhones
    lives.voiceGateways = life(A.voiceGateways) ?? lives.voiceGateways
    return lives
  }

  private func decodeBudget(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> BudgetLine {
    let (reader, id) = identified(reader, BudgetSection.id, "budget line", index)
    defer { reader.finish() }
    // A residual value is a credit at the horizon's end, not money a budget pays out.
    let known = CostCategory.allCases.filter { !$0.isResidual }.map(\.rawValue)
    var categories: [String] = []
    for (name, position) in reader.identifierList(BudgetSection.categories) ?? [] {
      guard known.contains(name) else {
        let hint = Spelling.nearest(to: name, among: known).map { "did you mean '\($0)'?" }
          ?? "use one of \(MappingReader.list(known, conjunction: "or"))"
        context.error("unknown cost category '\(name)' in \(reader.label); \(hint)", at: position)
        continue
      }
      categories.append(name)
    }
    var line = BudgetLine(
      id: id, categories: categories, amountEUR: yearValue(reader, BudgetSection.amount, horizon: horizon, toResult: 1))
    line.body = reader.identifier(BudgetSection.body)
    if line.body != nil, !categories.isEmpty {
      context.error(
        "\(reader.label) names a tenant as 'body' and 'categories'; a tenant's budget pays its whole charge, "
          + "so leave 'categories' out (or the 'body', for the shared plan's own budget by category)",
        at: reader.position(of: BudgetSection.categories))
    }
    line.carryOver = reader.boolean(BudgetSection.carryOver) ?? false
    var firstYears: [Year] = []
    for (year, position) in reader.yearList(BudgetSection.doubleBudgets) ?? [] {
      if !horizon.contains(year) {
        context.error(
          "double budget \(year) of \(reader.label) begins outside the horizon \(horizon.first)..\(horizon.last); "
            + "give the first year of each double budget within it", at: position)
      } else if let clash = firstYears.first(where: { abs($0.number - year.number) < 2 }) {
        context.error(
          "double budgets \(clash) and \(year) of \(reader.label) overlap: each covers its year and the next; "
            + "give first years at least two years apart", at: position)
      } else {
        firstYears.append(year)
      }
    }
    line.doubleBudgetFirstYears = firstYears
    if reader.node(BudgetSection.commitmentAppropriation) != nil {
      let value = yearValue(reader, BudgetSection.commitmentAppropriation, horizon: horizon, toResult: 1)
      if line.body != nil {
        context.error(
          "\(reader.label) names a tenant as 'body' and gives a 'commitment_appropriation'; the contracts that bind later "
            + "years (module orders, rent terms) are the shared plan's: give it on a budget line without 'body'",
          at: reader.keyPosition(of: BudgetSection.commitmentAppropriation))
      } else {
        line.commitmentAppropriationEUR = value
      }
    }
    return line
  }

  func decodeAllocation(_ node: Node, tenants: [Tenant]) -> CostAllocation {
    typealias A = AllocationSection
    var allocation = CostAllocation.standard
    guard let reader = MappingReader(node, spec: A.spec, path: "allocation", label: "section 'allocation'", context: context)
    else { return allocation }
    defer { reader.finish() }
    if let method = reader.choice(A.method, CostAllocation.Method.allCases.map(\.rawValue)).flatMap(CostAllocation.Method.init) {
      allocation.method = method
      if method == .keys {
        let missing = tenants.filter { $0.costKey == nil }.map(\.id)
        if !missing.isEmpty {
          context.error(
            "'method: keys' shares costs by each tenant's 'cost_key', but \(MappingReader.list(missing)) "
              + "\(missing.count == 1 ? "has" : "have") none; add 'cost_key' to every tenant or use 'usage'",
            at: reader.position(of: A.method))
        }
      }
    }
    allocation.vcpuWeight = reader.number(A.vcpu, in: 0...1e9) ?? allocation.vcpuWeight
    allocation.ramWeight = reader.number(A.ram, in: 0...1e9) ?? allocation.ramWeight
    allocation.storageWeight = reader.number(A.storage, in: 0...1e9) ?? allocation.storageWeight
    allocation.bandwidthWeight = reader.number(A.bandwidth, in: 0...1e9) ?? allocation.bandwidthWeight
    if allocation.vcpuWeight + allocation.ramWeight + allocation.storageWeight + allocation.bandwidthWeight <= 0 {
      context.error("the usage weights of section 'allocation' are all zero; give at least one a positive weight",
                    at: reader.position)
    }
    allocation.shapleySamples = reader.integer(A.samples, in: 1...10_000_000) ?? allocation.shapleySamples
    return allocation
  }
}

extension ScenarioDecoder {
  /// A tenant's `migration` mapping.
  func decodeMigration(_ node: Node, owner: String, path: String) -> Migration? {
    typealias M = MigrationSection
    guard let reader = MappingReader(
      node, spec: M.spec, path: path + ".migration", label: "'migration' of \(owner)", context: context)
    else { return nil }
    defer { reader.finish() }
    var migration = Migration()
    // The reader refuses negative amounts at their position.
    func money(_ key: KeySpec) -> Double? { reader.quantity(key, QuantityKind(.money, example: key.example))?.value.baseValue }
    migration.fixedEUR = money(M.fixed) ?? 0
    migration.perVCPUEUR = money(M.perVCPU) ?? 0
    migration.perTiBEUR = money(M.perTiB) ?? 0
    migration.staffDays = reader.number(M.staffDays, in: 0...1e9) ?? 0
    migration.dayRateEUR = money(M.dayRate)
    return migration
  }
}

extension ScenarioDecoder {
  /// One entry of `costs.items`.
  func decodeCostItem(_ reader: MappingReader, _ index: Int, horizon: YearRange) -> CostItem? {
    typealias I = CostItemSection
    let (reader, id) = identified(reader, I.id, "cost item", index)
    defer { reader.finish() }
    let category = reader.choice(I.category, I.categories.map(\.rawValue)).flatMap(CostCategory.init(rawValue:)) ?? .other
    let basis = reader.choice(I.per, CostItem.Basis.allCases.map(\.rawValue)).flatMap(CostItem.Basis.init) ?? .fixed
    let year = reader.year(I.year)
    if let year, !horizon.contains(year) {
      context.error("'year' of \(reader.label) is \(year), outside the horizon \(horizon.first)..\(horizon.last); give a year within it",
                    at: reader.position(of: I.year))
    }
    guard let (text, node) = reader.scalar(I.amount) else { return nil }
    let kind = year == nil ? QuantityKind(.moneyRate, example: "120 EUR/year") : QuantityKind(.money, example: "500 kEUR")
    guard let value = reader.quantityValue(text, node: node, what: "'amount' of \(reader.label)", kind: kind) else { return nil }
    let amount = year == nil ? value * UnitTable.secondsPerYear : value
    var range: YearRange?
    if let (text, node) = reader.scalar(I.years) {
      let parts = text.components(separatedBy: "..")
      if parts.count == 2, let a = MappingReader.parseYear(parts[0], node: node, what: "the first year of 'years'", context: context),
        let b = MappingReader.parseYear(parts[1], node: node, what: "the last year of 'years'", context: context),
        let found = YearRange(first: a, last: b)
      {
        range = found
      } else {
        context.error("'years' of \(reader.label) must be 'FIRST..LAST' such as '2019..2025'; found '\(text)'", at: node.position)
      }
    }
    if year != nil, reader.has(I.years) {
      context.error("give 'year' (one-off) or 'years' (recurring) for \(reader.label), not both", at: reader.keyPosition(of: I.years))
    }
    let tenants = (reader.identifierList(I.tenants) ?? []).map(\.id)
    let sites = (reader.identifierList(I.sites) ?? []).map(\.id)
    if !sites.isEmpty, basis != .site {
      context.error("'sites' of \(reader.label) is for 'per: site'; remove it or set 'per: site'", at: reader.keyPosition(of: I.sites))
    }
    let alone = reader.choice(I.alone, CostItem.Alone.allCases.map(\.rawValue)).flatMap(CostItem.Alone.init) ?? .own
    var item = CostItem(
      id: id, category: category, basis: basis, amountEUR: amount, oneOffYear: year, years: range, tenants: tenants, sites: sites,
      alone: alone)
    // Its own staff carries no VAT unless the item says otherwise.
    item.vatExempt = (reader.choice(I.vat, ["standard", "exempt"]) ?? (category == .staff ? "exempt" : "standard")) == "exempt"
    return item
  }
}
