import Foundation

/// The scenario values in which several merged scenarios differ (docs/results-format.md,
/// "dcplan compare"): every scalar by its dotted path, list entries with an `id` by that id.
public enum ScenarioDifferences {
  /// The values in which the merged scenarios differ (what each runs on, not what each
  /// file writes), in first-seen order: per path, each scenario's value (nil: not given) and
  /// the file and line that set it.
  public static func assumptions(_ scenarios: [ResolvedScenario]) -> [(path: String, values: [String?], sources: [String?])] {
    let leaves = scenarios.map(\.leaves)
    let byPath = leaves.map { Dictionary($0.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }) }
    var paths: [String] = []
    var seen = Set<String>()
    for scenario in leaves { for leaf in scenario where seen.insert(leaf.path).inserted { paths.append(leaf.path) } }
    return paths.compactMap { path in
      let values = byPath.map { $0[path]?.value }
      guard Set(values.map { $0 ?? "\u{0}" }).count > 1 else { return nil }
      let sources = byPath.map { $0[path].map { leaf in "\(URL(fileURLWithPath: leaf.file).lastPathComponent):\(leaf.line)" } }
      return (path, values, sources)
    }
  }
}
