import Foundation
import Yams

/// The scenario values in which several files differ, as written (docs/results-format.md,
/// "dcplan compare"): every scalar by its dotted path, list entries with an `id` by that id.
public enum ScenarioDifferences {
  /// The paths whose text differs between `texts`, in first-seen order, with each file's text
  /// (nil where a file does not give the value).
  /// The values in which the merged scenarios differ (what each runs on, not what each
  /// file writes): per path, each scenario's value (nil: not given) and the file and line
  /// that set it.
  public static func assumptions(_ scenarios: [ResolvedScenario]) -> [(path: String, values: [String?], sources: [String?])] {
    let leaves = scenarios.map { scenario in Dictionary(scenario.leaves.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }) }
    var paths: [String] = []
    var seen = Set<String>()
    for scenario in scenarios { for leaf in scenario.leaves where seen.insert(leaf.path).inserted { paths.append(leaf.path) } }
    return paths.compactMap { path in
      let values = leaves.map { $0[path]?.value }
      guard Set(values.map { $0 ?? "\u{0}" }).count > 1 else { return nil }
      let sources = leaves.map { $0[path].map { leaf in "\(URL(fileURLWithPath: leaf.file).lastPathComponent):\(leaf.line)" } }
      return (path, values, sources)
    }
  }

  public static func assumptions(_ texts: [String]) -> [(path: String, values: [String?])] {
    let flattened = texts.map { text -> [(String, String)] in
      guard let node = try? Yams.compose(yaml: text) else { return [] }
      var out: [(String, String)] = []
      flatten(node, "", into: &out)
      return out
    }
    var paths: [String] = []
    var seen = Set<String>()
    for file in flattened { for (path, _) in file where seen.insert(path).inserted { paths.append(path) } }
    let maps = flattened.map { Dictionary($0, uniquingKeysWith: { a, _ in a }) }
    return paths.compactMap { path in
      let values = maps.map { $0[path] }
      return Set(values.map { $0 ?? "\u{0}" }).count > 1 ? (path, values) : nil
    }
  }

  private static func flatten(_ node: Node, _ path: String, into out: inout [(String, String)]) {
    switch node {
    case let .scalar(scalar):
      out.append((path, scalar.string))
    case let .mapping(mapping):
      for (key, value) in mapping {
        let name = key.scalar?.string ?? "?"
        flatten(value, path.isEmpty ? name : path + "." + name, into: &out)
      }
    case let .sequence(sequence):
      for (index, item) in sequence.enumerated() {
        let id = item.mapping?["id"]?.scalar?.string
        flatten(item, path + "[" + (id ?? String(index)) + "]", into: &out)
      }
    case .alias:
      break
    }
  }
}
