import DCPlanModel

/// Access classes and the offices written in the scenario hold together: ids unique, every
/// reference names a class, node or tenant that exists, and an upgrade gives more bandwidth
/// (so that upgrades end). Offices read from `access_sites_file` are checked where they are
/// read (``AccessSitesFile``).
enum AccessLineRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    let network = scenario.network
    let classes = network.accessClasses.map(\.id)
    DuplicateIDRule.checkSection("network.access_classes", "access class", classes, map, &report, file)
    DuplicateIDRule.checkSection("network.access_sites", "access site", network.accessSites.map(\.id), map, &report, file)
    let byID = Dictionary(network.accessClasses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for (index, accessClass) in network.accessClasses.enumerated() {
      guard let target = accessClass.upgradeTo, map.recorded("network.access_classes[\(index)].upgrade_to") != nil else { continue }
      let path = "network.access_classes[\(index)].upgrade_to"
      guard let next = byID[target] else {
        report.append(.error(file, map.position(path), ReferenceRule.unknown("access class", target, known: classes)))
        continue
      }
      if next.mbps <= accessClass.mbps {
        report.append(.error(
          file, map.position(path),
          "access class '\(accessClass.id)' upgrades to '\(target)', which gives no more bandwidth (\(plain(next.mbps)) Mbit/s against \(plain(accessClass.mbps))); upgrade to a larger class or leave 'upgrade_to' out"))
      }
    }
    for (index, site) in network.accessSites.enumerated() {
      for problem in problems(site, scenario) {
        report.append(.error(file, map.position("network.access_sites[\(index)].\(problem.key)"), problem.message))
      }
    }
  }

  /// What is wrong with an office's references, by key (`node`, `tenant`, `class`).
  static func problems(_ site: AccessSite, _ scenario: Scenario) -> [(key: String, message: String)] {
    var out: [(String, String)] = []
    let nodes = scenario.network.nodes.map(\.id)
    if !nodes.contains(site.node) { out.append(("node", ReferenceRule.unknown("node", site.node, known: nodes))) }
    let tenants = scenario.tenants.map(\.id)
    if !tenants.contains(site.tenant) { out.append(("tenant", ReferenceRule.unknown("tenant", site.tenant, known: tenants))) }
    let classes = scenario.network.accessClasses.map(\.id)
    if !classes.contains(site.accessClass) { out.append(("class", ReferenceRule.unknown("access class", site.accessClass, known: classes))) }
    return out
  }

  private static func plain(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
