import Foundation
import Yams

/// A scenario file with everything it `extends` merged in: the tree the loader decodes
/// (docs/scenario-format.md, "Variants"), each value with the file and line that set it.
public struct ResolvedScenario {
  /// One value of the merged tree: its path (`tenants[land].employees`), its text as written
  /// and where it was written.
  public struct Leaf: Hashable, Sendable {
    public let path: String
    public let value: String
    public let file: String
    public let line: Int
  }

  let root: Node
  let overlay: Overlay
  /// The file resolved.
  public let file: String

  /// Every value, in the order of the merged tree; a list entry is named by its `id`, else
  /// its index.
  public var leaves: [Leaf] {
    var out: [Leaf] = []
    collect(root, "", into: &out)
    return out
  }

  /// The merged scenario as YAML (no `extends`).
  public func yaml() -> String {
    (try? Yams.serialize(node: Self.yamsNode(root), allowUnicode: true)) ?? ""
  }

  /// `node` as Yams' tree, for its emitter (no tags, the styles as written).
  private static func yamsNode(_ node: Node) -> Yams.Node {
    switch node {
    case let .scalar(scalar):
      return .scalar(Yams.Node.Scalar(scalar.string, .implicit, Yams.Node.Scalar.Style(rawValue: UInt32(scalar.style.rawValue)) ?? .any))
    case let .mapping(mapping):
      return .mapping(Yams.Node.Mapping(mapping.map { (yamsNode($0.key), yamsNode($0.value)) }))
    case let .sequence(sequence):
      return .sequence(Yams.Node.Sequence(sequence.map(yamsNode)))
    }
  }

  private func collect(_ node: Node, _ path: String, into out: inout [Leaf]) {
    switch node {
    case let .scalar(scalar):
      let (where_, position) = overlay.bands.isEmpty ? (file, node.position) : overlay.locate(node.position)
      out.append(Leaf(path: path, value: scalar.string, file: where_, line: position.line))
    case let .mapping(mapping):
      for (key, value) in mapping {
        let name = key.scalar?.string ?? "?"
        collect(value, path.isEmpty ? name : path + "." + name, into: &out)
      }
    case let .sequence(sequence):
      for (index, item) in sequence.enumerated() {
        let id = item.mapping?["id"]?.scalar?.string
        collect(item, path + "[" + (id ?? String(index)) + "]", into: &out)
      }
    }
  }
}

extension ScenarioLoader {
  /// The file at `path` with everything it extends merged in, or the errors that stop it.
  public static func resolve(path: String) -> (scenario: ResolvedScenario?, diagnostics: [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
      return (nil, [Diagnostic(file: path, position: .start, severity: .error, message: "the file \(reason); check the path")])
    }
    guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
      return (nil, [Diagnostic(file: path, position: .start, severity: .error, message: "the file is not UTF-8 text; save it as UTF-8")])
    }
    switch parse(text: text, file: path, byteCount: data.count) {
    case let .failed(outcome): return (nil, outcome.diagnostics)
    case let .tree(root, overlay, _): return (ResolvedScenario(root: root, overlay: overlay, file: path), [])
    }
  }
}
