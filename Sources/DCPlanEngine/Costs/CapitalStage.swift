import DCPlanModel

/// Capital costs spread over the assets' lives, per asset class and year (EUR, in the
/// ledger's money): straight-line depreciation and the annuity (docs/conventions.md,
/// "Depreciation and annuities").
public struct CapitalCosts: Hashable, Sendable {
  /// The capex categories, in table order, each with its life in years (servers and storage:
  /// the policy's types'; a site buying its own types spreads its lines over theirs).
  public let classes: [(category: CostCategory, lifeYears: Int)]
  /// Depreciation per class (as in ``classes``) and year.
  public let depreciationEUR: [[Double]]
  /// Annuity per class and year.
  public let annuityEUR: [[Double]]

  public static func == (a: CapitalCosts, b: CapitalCosts) -> Bool {
    a.classes.map(\.category) == b.classes.map(\.category) && a.classes.map(\.lifeYears) == b.classes.map(\.lifeYears)
      && a.depreciationEUR == b.depreciationEUR && a.annuityEUR == b.annuityEUR
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(classes.map(\.category))
    hasher.combine(depreciationEUR)
    hasher.combine(annuityEUR)
  }
}

/// Spreads every capex line of the ledger over its asset class's life, from its first year of
/// service: depreciation `capex / L` a year, annuity `capex · r / (1 − (1 + r)^−L)` a year
/// (`capex / L` at r = 0), for the years of the horizon the asset serves.
public enum CapitalStage {
  /// The capital views of a ledger.
  public static func spread(_ scenario: Scenario, _ costs: CostResults, years: [Year]) -> CapitalCosts {
    let lives = scenario.costs.assetLives
    let life: [CostCategory: Int] = [
      .modules: lives.modules, .servers: CatalogueChoice.server(scenario)?.lifetimeYears ?? 1,
      .storage: CatalogueChoice.storage(scenario)?.lifetimeYears ?? 1, .linkUpgrades: lives.linkUpgrades,
      .ipPhones: lives.ipPhones, .voiceGateways: lives.voiceGateways,
    ]
    let classes = CostCategory.allCases.filter(\.isCapex).map { ($0, max(1, life[$0] ?? 1)) }
    let row = Dictionary(classes.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a })
    var depreciation = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: classes.count)
    var annuity = depreciation
    let rate = scenario.info.discountRate.value
    guard let first = years.first else {
      return CapitalCosts(classes: classes, depreciationEUR: depreciation, annuityEUR: annuity)
    }
    // A site buying its own types writes its servers and storage off over their lives.
    var siteLife: [String: (servers: Int, storage: Int)] = [:]
    for site in scenario.sites where site.serverType != nil || site.storageType != nil {
      siteLife[site.id] = (
        max(1, CatalogueChoice.server(scenario, site: site)?.lifetimeYears ?? 1),
        max(1, CatalogueChoice.storage(scenario, site: site)?.lifetimeYears ?? 1))
    }
    for line in costs.lines where line.category.isCapex {
      guard let r = row[line.category], let service = line.serviceYear else { continue }
      var lifeYears = classes[r].1
      if let own = siteLife[line.site] {
        if line.category == .servers { lifeYears = own.servers }
        if line.category == .storage { lifeYears = own.storage }
      }
      let yearly = annuityFactor(rate: rate, years: lifeYears) * line.amountEUR
      for offset in 0..<lifeYears {
        let y = service - first + offset
        guard y >= 0 else { continue }
        guard y < years.count else { break }
        depreciation[r][y] += line.amountEUR / Double(lifeYears)
        annuity[r][y] += yearly
      }
    }
    return CapitalCosts(classes: classes, depreciationEUR: depreciation, annuityEUR: annuity)
  }

  /// The annuity factor `r / (1 − (1 + r)^−n)`, `1/n` at r = 0: the yearly payment, over n
  /// years at the end of each, that repays 1 today.
  public static func annuityFactor(rate: Double, years: Int) -> Double {
    let n = max(1, years)
    guard abs(rate) > 1e-12 else { return 1 / Double(n) }
    return rate / (1 - 1 / pow1p(rate, n))
  }
}
