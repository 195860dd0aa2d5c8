import DCPlanModel

/// Ids are unique within their section: two tenants, workloads or sites may not share one.
enum DuplicateIDRule: ValidationRule {
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    checkSection("tenants", "tenant", scenario.tenants.map(\.id), map, &report, file)
    checkSection("workloads", "workload", scenario.workloads.map(\.id), map, &report, file)
    checkSection("sites", "site", scenario.sites.map(\.id), map, &report, file)
  }

  static func checkSection(
    _ section: String, _ entity: String, _ ids: [String], _ map: SourceMap, _ report: inout [Diagnostic], _ file: String
  ) {
    // Positions are looked up only when some id repeats (a state has thousands of ids).
    guard Set(ids).count < ids.count else { return }
    var firstIndex: [String: Int] = [:]
    for (index, id) in ids.enumerated() {
      // Stand-in ids of entries whose id was missing or malformed are reported already.
      guard map.recorded("\(section)[\(index)].id") != nil else { continue }
      if let first = firstIndex[id] {
        let firstLine = map.position("\(section)[\(first)].id").line
        report.append(
          .error(file, map.position("\(section)[\(index)].id"),
                 "duplicate \(entity) id '\(id)'; the first is on line \(firstLine); give each \(entity) its own id"))
      } else {
        firstIndex[id] = index
      }
    }
  }
}
