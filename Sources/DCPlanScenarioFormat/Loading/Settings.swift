
/// Puts a value into a parsed scenario at a path: `policy.failover_share`,
/// `workloads[eakte].growth` (a list entry by id) or `sites[0].pue` (by position); missing
/// keys of a mapping are added, a missing list entry is an error.
enum Settings {
  struct Problem: Error {
    let message: String
  }

  /// The path's parts: keys, and list selectors in brackets.
  enum Part: Equatable {
    case key(String)
    case entry(String)
  }

  static func parts(_ path: String) -> [Part]? {
    var parts: [Part] = []
    var rest = Substring(path)
    while !rest.isEmpty {
      if rest.first == "[" {
        guard let close = rest.firstIndex(of: "]") else { return nil }
        parts.append(.entry(String(rest[rest.index(after: rest.startIndex)..<close])))
        rest = rest[rest.index(after: close)...]
        if rest.first == "." { rest = rest.dropFirst() }
      } else {
        let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
        let key = String(rest[..<end])
        guard !key.isEmpty else { return nil }
        parts.append(.key(key))
        rest = rest[end...]
        if rest.first == "." { rest = rest.dropFirst() }
      }
    }
    return parts.isEmpty ? nil : parts
  }

  /// `root` with `value` at `path`.
  static func apply(_ value: String, at path: String, to root: Node) -> Result<Node, Problem> {
    guard let parts = parts(path) else {
      return .failure(Problem(message: "'\(path)' is no path; write keys with dots and list entries by id, e.g. 'workloads[eakte].growth'"))
    }
    do {
      return .success(try set(Node(value), parts[...], in: root, path: path))
    } catch let problem as Problem {
      return .failure(problem)
    } catch {
      return .failure(Problem(message: "'\(path)': \(error)"))
    }
  }

  private static func set(_ value: Node, _ parts: ArraySlice<Part>, in node: Node, path: String) throws -> Node {
    guard let part = parts.first else { return value }
    let rest = parts.dropFirst()
    switch (part, node) {
    case let (.key(key), .mapping(mapping)):
      var pairs = mapping.map { ($0.key, $0.value) }
      if let index = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
        pairs[index].1 = try set(value, rest, in: pairs[index].1, path: path)
      } else {
        pairs.append((Node(key), try set(value, rest, in: Node([(Node, Node)]()), path: path)))
      }
      return .mapping(Node.Mapping(pairs, mark: mapping.mark))
    case let (.entry(selector), .sequence(sequence)):
      var nodes = Array(sequence)
      let index = nodes.firstIndex { $0.mapping?["id"]?.scalar?.string == selector } ?? Int(selector).flatMap { nodes.indices.contains($0) ? $0 : nil }
      guard let index else { throw Problem(message: "'\(path)': no list entry has the id '\(selector)'") }
      nodes[index] = try set(value, rest, in: nodes[index], path: path)
      return .sequence(Node.Sequence(nodes, mark: sequence.mark))
    default:
      switch part {
      case let .key(key): throw Problem(message: "'\(path)' does not fit the scenario: '\(key)' is no key of a mapping there")
      case let .entry(selector): throw Problem(message: "'\(path)' does not fit the scenario: '[\(selector)]' is no list there")
      }
    }
  }
}
