import Foundation

/// `extends: base.yaml`: a scenario that overrides another one's values (docs/scenario-format.md,
/// "extends"). The files are parsed with their lines in disjoint bands (a base file's text is
/// read after as many blank lines as the files before it have), so that every position in the
/// merged tree says which file it is in; diagnostics are mapped back to (file, line) at the end.
struct Overlay {
  /// A file of the chain: its name as diagnostics show it and the lines before its band.
  struct Band {
    let file: String
    let lineOffset: Int
  }

  /// The files, the overlay first, then what it extends, and so on.
  private(set) var bands: [Band] = []

  /// The `file, position` a banded position stands for.
  func locate(_ position: SourcePosition) -> (file: String, position: SourcePosition) {
    guard let band = bands.last(where: { position.line > $0.lineOffset }) else {
      return (bands.first?.file ?? "", position)
    }
    return (band.file, SourcePosition(line: position.line - band.lineOffset, column: position.column))
  }

  /// The deep merge of `overlay` onto `base`: mappings of named things key by key (the
  /// overlay's values win, new keys appended), lists whose entries all have an `id` entry by
  /// entry by id (new ids appended); a value that is a table by year (a mapping whose keys are
  /// years) or a distribution (a mapping with `distribution`), a list without ids and anything
  /// else is replaced whole by the overlay's (docs/scenario-format.md, "Variants").
  static func merge(_ base: Node, _ overlay: Node) -> Node {
    switch (base, overlay) {
    case let (.mapping(b), .mapping(o)) where isWhole(o) || isWhole(b):
      return overlay
    case let (.mapping(b), .mapping(o)):
      var pairs: [(Node, Node)] = b.map { ($0.key, $0.value) }
      for (key, value) in o {
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
          pairs[index].1 = merge(pairs[index].1, value)
        } else {
          pairs.append((key, value))
        }
      }
      return .mapping(Node.Mapping(pairs, mark: b.mark))
    case let (.sequence(b), .sequence(o)):
      func id(_ node: Node) -> String? { node.mapping?["id"]?.scalar?.string }
      guard !b.isEmpty, b.allSatisfy({ id($0) != nil }), o.allSatisfy({ id($0) != nil }) else { return overlay }
      var nodes = Array(b)
      for entry in o {
        if let index = nodes.firstIndex(where: { id($0) == id(entry) }) {
          nodes[index] = merge(nodes[index], entry)
        } else {
          nodes.append(entry)
        }
      }
      return .sequence(Node.Sequence(nodes, mark: b.mark))
    default:
      return overlay
    }
  }

  /// The merged tree of `root` (parsed from `file`, `lineCount` lines) and the chain of files
  /// it extends, or a failure at a position of the banded tree.
  mutating func resolve(_ root: Node, file: String, lineCount: Int, readBase: (String) -> String?)
    -> Result<Node, OverlayFailure>
  {
    bands = [Band(file: file, lineOffset: 0)]
    var chain: [Node] = [root]
    var linesSoFar = lineCount
    var current = root
    var currentFile = file
    var seen: Set<String> = [Self.canonical(file)]
    while let extends = current.mapping?["extends"] {
      guard case let .scalar(scalar) = extends, !scalar.string.isEmpty else {
        return .failure(OverlayFailure(position: extends.position, message: "'extends' must name a scenario file, e.g. 'extends: base.yaml'"))
      }
      let basePath = Self.resolve(scalar.string, relativeTo: currentFile)
      guard seen.insert(Self.canonical(basePath)).inserted else {
        return .failure(OverlayFailure(
          position: extends.position, message: "'\(scalar.string)' extends itself through the chain of 'extends'; break the cycle"))
      }
      guard bands.count < 16 else {
        return .failure(OverlayFailure(position: extends.position, message: "more than 16 files extend one another; flatten the chain"))
      }
      guard let text = readBase(basePath) else {
        return .failure(OverlayFailure(position: extends.position, message: "the file '\(scalar.string)' that this scenario extends cannot be read; check the path (relative to this file)"))
      }
      if let excess = AliasExpansion.firstExcess(in: text) {
        return .failure(OverlayFailure(
          position: SourcePosition(line: excess.position.line + linesSoFar, column: excess.position.column),
          message: AliasExpansion.message(excess.anchor)))
      }
      let banded = String(repeating: "\n", count: linesSoFar) + text
      let parsed: Node?
      do {
        parsed = try Composer.compose(banded)
      } catch {
        return .failure(OverlayFailure(
          position: SourcePosition(line: linesSoFar + 1, column: 1),
          message: "the file '\(scalar.string)' that this scenario extends is not valid YAML: validate it on its own"))
      }
      guard let composed = parsed, composed.mapping != nil else {
        return .failure(OverlayFailure(position: extends.position, message: "the file '\(scalar.string)' that this scenario extends holds no scenario"))
      }
      let node: Node
      switch MergeKeys.resolve(composed, text: text) {
      case let .success(resolved): node = resolved
      case let .failure(problem): return .failure(OverlayFailure(position: problem.position, message: problem.message))
      }
      bands.append(Band(file: basePath, lineOffset: linesSoFar))
      linesSoFar += text.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
      chain.append(node)
      current = node
      currentFile = basePath
    }
    // Merge from the deepest base up; no 'extends' key survives.
    var merged = chain.removeLast()
    while let next = chain.popLast() { merged = Self.merge(merged, next) }
    if case var .mapping(mapping) = merged {
      mapping = Node.Mapping(mapping.filter { $0.key.scalar?.string != "extends" }.map { ($0.key, $0.value) }, mark: mapping.mark)
      merged = .mapping(mapping)
    }
    return .success(merged)
  }

  /// Whether a mapping is one value (a table by year or a distribution), replaced whole.
  static func isWhole(_ mapping: Node.Mapping) -> Bool {
    guard !mapping.isEmpty else { return false }
    if mapping.contains(where: { $0.key.scalar?.string == "distribution" }) { return true }
    return mapping.allSatisfy { pair in
      guard let text = pair.key.scalar?.string, let year = Int(text) else { return false }
      return (1000...9999).contains(year)
    }
  }

  private static func resolve(_ path: String, relativeTo file: String) -> String {
    if path.hasPrefix("/") { return path }
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    return folder.appendingPathComponent(path).standardizedFileURL.path
  }

  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}

/// Why a chain of `extends` could not be resolved.
struct OverlayFailure: Error {
  let position: SourcePosition
  let message: String
}
