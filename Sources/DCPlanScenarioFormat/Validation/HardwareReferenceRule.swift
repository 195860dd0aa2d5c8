import DCPlanModel

/// The policy's and the sites' server and storage types exist in the catalogue, and catalogue ids are unique.
enum HardwareReferenceRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    let servers = scenario.hardware.servers.map(\.id)
    let storage = scenario.hardware.storage.map(\.id)
    if let id = scenario.policy.serverType, !servers.contains(id) {
      report.append(.error(file, map.position("policy.server_type"), ReferenceRule.unknown("server type", id, known: servers)))
    }
    if let id = scenario.policy.storageType, !storage.contains(id) {
      report.append(.error(file, map.position("policy.storage_type"), ReferenceRule.unknown("storage type", id, known: storage)))
    }
    for (index, site) in scenario.sites.enumerated() {
      if let id = site.serverType, !servers.contains(id) {
        report.append(.error(file, map.position("sites[\(index)].server_type"), ReferenceRule.unknown("server type", id, known: servers)))
      }
      if let id = site.storageType, !storage.contains(id) {
        report.append(.error(file, map.position("sites[\(index)].storage_type"), ReferenceRule.unknown("storage type", id, known: storage)))
      }
    }
    DuplicateIDRule.checkSection("hardware.servers", "server type", servers, map, &report, file)
    DuplicateIDRule.checkSection("hardware.storage", "storage type", storage, map, &report, file)
  }
}
