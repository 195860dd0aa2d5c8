import DCPlanModel

/// Voice refers to tenants and network nodes that exist, and needs a network to route on.
enum VoiceRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    guard let voice = scenario.voice else { return }
    let nodes = scenario.network.nodes.map(\.id)
    if nodes.isEmpty {
      report.append(.error(file, map.position("voice"), "voice needs a 'network' with nodes to route calls to its gateways; add a network section"))
      return
    }
    if voice.gateways.isEmpty, map.recorded("voice.gateways") != nil {
      report.append(.error(file, map.position("voice.gateways"), "'gateways' of section 'voice' needs at least one gateway"))
    }
    DuplicateIDRule.checkSection("voice.gateways", "gateway", voice.gateways.map(\.id), map, &report, file)
    for (index, gateway) in voice.gateways.enumerated() where !nodes.contains(gateway.node) {
      let path = "voice.gateways[\(index)].node"
      guard map.recorded(path) != nil else { continue }
      report.append(.error(file, map.position(path), ReferenceRule.unknown("node", gateway.node, known: nodes)))
    }
    let tenants = scenario.tenants.map(\.id)
    for (index, entry) in voice.tenantPhones.enumerated() where !tenants.contains(entry.tenant) {
      let path = "voice.tenants[\(index)].tenant"
      guard map.recorded(path) != nil else { continue }
      report.append(.error(file, map.position(path), ReferenceRule.unknown("tenant", entry.tenant, known: tenants)))
    }
  }
}
