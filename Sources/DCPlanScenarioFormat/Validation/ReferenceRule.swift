import DCPlanModel

/// Every reference names an entity that exists, of the right kind: a workload's tenant, a
/// tenant's legacy site (which must be a legacy site).
enum ReferenceRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    let tenantIDs = scenario.tenants.map(\.id)
    for (index, workload) in scenario.workloads.enumerated() where !tenantIDs.contains(workload.tenant) {
      let path = "workloads[\(index)].tenant"
      guard map.recorded(path) != nil else { continue }
      report.append(.error(file, map.position(path), unknown("tenant", workload.tenant, known: tenantIDs)))
    }
    let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let siteIDs = scenario.sites.map(\.id)
    for (index, outage) in scenario.siteOutages.enumerated() where sites[outage.site] == nil {
      let path = "events[\(index)].site"
      guard map.recorded(path) != nil else { continue }
      report.append(.error(file, map.position(path), unknown("site", outage.site, known: siteIDs)))
    }
    for (index, cause) in (scenario.components?.commonCauses ?? []).enumerated() {
      for (position, site) in cause.sites.enumerated() where sites[site] == nil {
        report.append(.error(file, map.position("components.common_cause[\(index)].sites[\(position)]"),
                             unknown("site", site, known: siteIDs)))
      }
    }
    for (index, site) in scenario.sites.enumerated()
    where site.closesAfterMove && site.kind == .legacy && !scenario.tenants.contains(where: { $0.legacySite == site.id }) {
      report.append(
        .error(file, map.position("sites[\(index)].closes_after_move"),
               "site '\(site.id)' closes after a move, but no tenant has it as its 'legacy_site'; "
                 + "name it in a tenant's 'legacy_site', or give a 'decommission_year'"))
    }
    // Cost items name tenants and sites that exist.
    for (index, item) in scenario.costs.items.enumerated() {
      for (position, tenant) in item.tenants.enumerated() where !tenantIDs.contains(tenant) {
        report.append(.error(file, map.position("costs.items[\(index)].tenants[\(position)]"), unknown("tenant", tenant, known: tenantIDs)))
      }
      for (position, site) in item.sites.enumerated() where sites[site] == nil {
        report.append(.error(file, map.position("costs.items[\(index)].sites[\(position)]"), unknown("site", site, known: siteIDs)))
      }
    }
    // A budget line's body is a tenant.
    for (index, line) in scenario.costs.budgets.enumerated() {
      guard let body = line.body, !tenantIDs.contains(body) else { continue }
      report.append(.error(file, map.position("costs.budget[\(index)].body"), unknown("tenant", body, known: tenantIDs)
        + " (a budget line without 'body' is the shared plan's own)"))
    }
    let legacySites = Set(scenario.tenants.compactMap(\.legacySite))
    for (index, tenant) in scenario.tenants.enumerated() {
      guard let twinID = tenant.standaloneTwin else { continue }
      let position = map.position("tenants[\(index)].standalone_twin")
      guard let twin = sites[twinID] else {
        report.append(.error(file, position, unknown("site", twinID, known: siteIDs)))
        continue
      }
      if twin.kind != .legacy || legacySites.contains(twinID) || twinID == tenant.legacySite {
        report.append(
          .error(file, position,
                 "'standalone_twin' of tenant '\(tenant.id)' names site '\(twinID)', which the plan uses; "
                   + "name a legacy site of its own that no tenant has as 'legacy_site'"))
      }
      if tenant.standalone == .sharedDesign {
        report.append(
          .error(file, position,
                 "tenant '\(tenant.id)' has 'standalone: shared-design' and a 'standalone_twin'; give one of them"))
      }
    }
    for (index, tenant) in scenario.tenants.enumerated() {
      guard let siteID = tenant.legacySite else { continue }
      let position = map.position("tenants[\(index)].legacy_site")
      guard let site = sites[siteID] else {
        report.append(.error(file, position, unknown("site", siteID, known: siteIDs)))
        continue
      }
      if site.kind != .legacy {
        report.append(
          .error(file, position,
                 "'legacy_site' of tenant '\(tenant.id)' names site '\(siteID)', which is a shared site; "
                   + "name a site of kind 'legacy', or leave 'legacy_site' out"))
      }
    }
  }

  /// "unknown tenant 'lnad'; did you mean 'land'?" or "…; known tenants: 'a' and 'b'".
  static func unknown(_ entity: String, _ id: String, known: [String]) -> String {
    if let near = Spelling.nearest(to: id, among: known) {
      return "unknown \(entity) '\(id)'; did you mean '\(near)'?"
    }
    if known.isEmpty { return "unknown \(entity) '\(id)'; no \(entity) is defined" }
    let plural = entity.hasSuffix("s") ? entity + "es" : entity + "s"
    return "unknown \(entity) '\(id)'; known \(plural): \(MappingReader.list(known))"
  }
}
