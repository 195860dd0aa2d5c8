import DCPlanModel

/// The network holds together: ids unique, every reference names a node or link that
/// exists, upgrade steps grow, and every node can reach every other one.
enum NetworkRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    let network = scenario.network
    let nodeIDs = network.nodes.map(\.id)
    let nodes = Set(nodeIDs)
    let links = network.links.map(\.id)
    DuplicateIDRule.checkSection("network.nodes", "node", nodeIDs, map, &report, file)
    DuplicateIDRule.checkSection("network.links", "link", links, map, &report, file)
    DuplicateIDRule.checkSection("network.shared_risk_groups", "shared-risk group", network.sharedRiskGroups.map(\.id), map, &report, file)
    // The path is made only for an unknown id (a state names thousands of known ones).
    func node(_ id: String, _ makePath: @autoclosure () -> String) {
      guard !nodes.contains(id) else { return }
      let path = makePath()
      guard map.recorded(path) != nil else { return }
      report.append(.error(file, map.position(path), ReferenceRule.unknown("node", id, known: nodeIDs)))
    }
    for (index, link) in network.links.enumerated() {
      node(link.from, "network.links[\(index)].from")
      node(link.to, "network.links[\(index)].to")
      if link.from == link.to, map.recorded("network.links[\(index)].to") != nil {
        report.append(.error(file, map.position("network.links[\(index)].to"),
                             "link '\(link.id)' starts and ends at node '\(link.to)'; a link joins two different nodes"))
      }
      var previous = link.capacity
      for (stepIndex, step) in link.steps.enumerated() {
        if step.capacity <= previous {
          report.append(.error(file, map.position("network.links[\(index)].steps[\(stepIndex)].capacity"),
                               "step \(stepIndex + 1) of link '\(link.id)' gives \(mbps(step.capacity)) Mbit/s, not more than the \(mbps(previous)) Mbit/s before it; list steps in order of growing capacity"))
        }
        previous = max(previous, step.capacity)
      }
    }
    for (index, group) in network.sharedRiskGroups.enumerated() {
      for (position, id) in group.links.enumerated() where !links.contains(id) {
        report.append(.error(file, map.position("network.shared_risk_groups[\(index)].links[\(position)]"),
                             ReferenceRule.unknown("link", id, known: links)))
      }
    }
    for (index, demand) in network.demands.enumerated() {
      node(demand.from, "network.demands[\(index)].from")
      node(demand.to, "network.demands[\(index)].to")
    }
    // Sites and tenants refer to nodes only once the network has some.
    guard !nodes.isEmpty else { return }
    for (index, site) in scenario.sites.enumerated() {
      if let id = site.node { node(id, "sites[\(index)].node") }
    }
    for (index, tenant) in scenario.tenants.enumerated() where tenant.locations.contains(where: { !nodes.contains($0.node) }) {
      if tenant.locations.count == 1, map.recorded("tenants[\(index)].node") != nil {
        node(tenant.locations[0].node, "tenants[\(index)].node")
      } else {
        for (position, location) in tenant.locations.enumerated() {
          node(location.node, "tenants[\(index)].locations[\(position)].node")
        }
      }
    }
    connectivity(network, map, &report, file)
  }

  /// One error per part the network falls apart into, beyond the largest.
  private static func connectivity(_ network: Network, _ map: SourceMap, _ report: inout [Diagnostic], _ file: String) {
    let index = Dictionary(network.nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    var parent = Array(network.nodes.indices)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    for link in network.links {
      guard let a = index[link.from], let b = index[link.to] else { continue }
      parent[find(a)] = find(b)
    }
    var parts: [Int: [Int]] = [:]
    for node in network.nodes.indices { parts[find(node), default: []].append(node) }
    guard parts.count > 1 else { return }
    let ordered = parts.values.sorted { ($0.count, -($0.first ?? 0)) > ($1.count, -($1.first ?? 0)) }
    guard let main = ordered.first?.first else { return }
    for part in ordered.dropFirst() {
      guard let first = part.first else { continue }
      let names = part.prefix(5).map { "'\(network.nodes[$0].id)'" }.joined(separator: ", ") + (part.count > 5 ? ", …" : "")
      report.append(.error(file, map.position("network.nodes[\(first)].id"),
                           "the network falls apart into \(parts.count) parts: node \(names) cannot reach node '\(network.nodes[main].id)'; add a link between them"))
    }
  }

  private static func mbps(_ rate: DataRate) -> String { rate.megabitsPerSecond.formattedPlain }
}
