import DCPlanModel

/// YAML merge keys and extension fields (docs/scenario-format.md, "Anchors, aliases and
/// merge keys"): in any mapping, `<<: *defaults` (or a list of such mappings) adds the keys
/// the mapping does not set itself, the first list entry winning over later ones; top-level
/// keys starting with `x-` hold anchors for reuse and are otherwise ignored (as Compose files
/// do).
enum MergeKeys {
  /// A merge key whose value is no mapping.
  struct Problem: Error {
    let position: SourcePosition
    let message: String
  }

  /// `root` (parsed from `text`) with every merge key resolved and the top-level `x-` keys
  /// removed; the tree is walked only when the text has a `<<`.
  static func resolve(_ root: Node, text: String) -> Result<Node, Problem> {
    do {
      var resolved = text.containsByte(UInt8(ascii: "<")) && text.contains("<<") ? try merged(root) : root
      if case let .mapping(mapping) = resolved, mapping.contains(where: { $0.key.scalar?.string.hasPrefix("x-") ?? false }) {
        let kept = mapping.filter { !($0.key.scalar?.string.hasPrefix("x-") ?? false) }.map { ($0.key, $0.value) }
        resolved = .mapping(Node.Mapping(kept, mark: mapping.mark))
      }
      return .success(resolved)
    } catch let problem as Problem {
      return .failure(problem)
    } catch {
      return .failure(Problem(position: .start, message: "\(error)"))
    }
  }

  private static func merged(_ node: Node) throws -> Node {
    switch node {
    case .scalar:
      return node
    case let .sequence(sequence):
      return .sequence(Node.Sequence(try sequence.map(merged), mark: sequence.mark))
    case let .mapping(mapping):
      var own: [(Node, Node)] = []
      var sources: [Node.Mapping] = []
      for (key, value) in mapping {
        guard key.scalar?.string == "<<" else {
          own.append((key, try merged(value)))
          continue
        }
        switch try merged(value) {
        case let .mapping(source): sources.append(source)
        case let .sequence(list) where list.allSatisfy({ $0.mapping != nil }):
          sources += list.compactMap(\.mapping)
        default:
          throw Problem(
            position: value.position,
            message: "the merge key '<<' (line \(key.position.line)) takes a mapping or a list of mappings, such as "
              + "'<<: *defaults'; found \(value.quotedForMessage)")
        }
      }
      var present = Set(own.compactMap { $0.0.scalar?.string })
      for source in sources {
        for (key, value) in source {
          guard let name = key.scalar?.string, present.insert(name).inserted else { continue }
          own.append((key, value))
        }
      }
      return .mapping(Node.Mapping(own, mark: mapping.mark))
    }
  }
}
