import DCPlanModel

/// The one-off cost of each tenant's move into the shared data centre, in its join year
/// (docs/conventions.md, "Moves"): fixed + per vCPU × its vCPU that year + per TiB × its
/// stored TiB that year + staff days × the day rate (the year's cost per FTE ÷ 200 days unless
/// given). A tenant that joins before or after the horizon, or where there is no shared site
/// to move to, has no migration line.
enum MigrationCosts {
  /// Working days in a full-time year (1,600 h of 8 h; docs/conventions.md, "Moves").
  static let workingDaysPerFTE = 200.0

  /// The plan's migration lines.
  static func lines(_ scenario: Scenario, _ demand: DemandProjection, years: [Year]) -> [CostLine] {
    var sink = CostLineList()
    add(scenario, demand, years: years, into: &sink)
    return sink.lines
  }

  /// The plan's migration lines into `sink`, each serving its tenant at its legacy site (the
  /// shared data centre when it has none).
  static func add<Sink: CostLineSink>(_ scenario: Scenario, _ demand: DemandProjection, years: [Year], into sink: inout Sink) {
    guard let first = years.first, scenario.sites.contains(where: { $0.kind == .shared }) else { return }
    for (t, tenant) in scenario.tenants.enumerated() {
      guard let migration = tenant.migration, let join = tenant.joinsSharedDataCentre else { continue }
      let y = join - first
      guard y >= 0, y < years.count else { continue }
      let amount = self.amount(migration, scenario, demand, tenant: t, year: y, in: join)
      guard amount.total > 0 else { continue }
      sink.add(join, .migration, amount.total, at: tenant.legacySite ?? "shared data centre", serving: [tenant.id],
               .note("move of '\(tenant.id)': \(amount.words)"))
    }
  }

  /// Tenant `t`'s migration cost in year index `y`, and its parts in words.
  static func amount(
    _ migration: Migration, _ scenario: Scenario, _ demand: DemandProjection, tenant t: Int, year y: Int, in year: Year
  ) -> (total: Double, words: String) {
    let vcpu = demand.tenantTotal(tenant: t, resource: 0, year: y)
    let tib = demand.tenantTotal(tenant: t, resource: 2, year: y)
    let dayRate = migration.dayRateEUR ?? scenario.costs.ftePerYear.value(in: year) / workingDaysPerFTE
    var parts: [String] = []
    func n(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }
    if migration.fixedEUR > 0 { parts.append("\(n(migration.fixedEUR)) EUR fixed") }
    if migration.perVCPUEUR > 0 { parts.append("\(n(vcpu)) vCPU × \(n(migration.perVCPUEUR)) EUR") }
    if migration.perTiBEUR > 0 { parts.append("\(n(tib)) TiB × \(n(migration.perTiBEUR)) EUR") }
    if migration.staffDays > 0 { parts.append("\(n(migration.staffDays)) staff days × \(n(dayRate)) EUR") }
    let total = migration.fixedEUR + vcpu * migration.perVCPUEUR + tib * migration.perTiBEUR + migration.staffDays * dayRate
    return (total, parts.joined(separator: " + "))
  }
}
