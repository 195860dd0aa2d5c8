import DCPlanModel

/// Reads one mapping of a scenario file against its ``SectionSpec``: each read checks the
/// value's kind and reports problems at the value's position; ``finish()`` reports unknown
/// keys with a did-you-mean and required keys that are missing.
struct MappingReader {
  let context: DecodeContext
  let spec: SectionSpec
  /// Dotted path of this mapping (`tenants[2]`).
  let path: String
  /// How messages name the mapping ("tenant 'kdo'", "section 'scenario'").
  var label: String
  let position: SourcePosition
  /// The keys as written, with their values and positions. A mapping has a few keys and each
  /// is read once or twice: a search of the list is cheaper than hashing (a state's thousands
  /// of demands and links are each a mapping).
  private var entries: [(key: String, value: Node, position: SourcePosition)] = []

  /// The entry of `key`; the last one if repeated (as a dictionary from the list would keep).
  @inline(__always)
  private func entry(_ key: String) -> (key: String, value: Node, position: SourcePosition)? {
    entries.last { $0.key == key }
  }

  /// A reader over `node`; reports and reads nothing if `node` is not a mapping.
  init?(_ node: Node, spec: SectionSpec, path: String, label: String, context: DecodeContext) {
    self.context = context
    self.spec = spec
    self.path = path
    self.label = label
    position = node.position
    guard context.visit(node) else { return nil }
    guard case let .mapping(mapping) = node else {
      context.error("\(label) must be a mapping of keys to values; found \(node.quotedForMessage)", at: node.position)
      return nil
    }
    context.record(path, node.position)
    entries.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      guard context.visit(key) else { return nil }
      guard case let .scalar(scalar) = key else {
        context.error("a key in \(label) must be a plain word; found \(key.quotedForMessage)", at: key.position)
        continue
      }
      entries.append((scalar.string, value, key.position))
    }
  }

  /// Reports unknown keys (with the nearest known key) and missing required keys.
  func finish() {
    let known = spec.keys.map(\.name)
    for key in entries.map(\.key) where spec.key(key) == nil {
      let position = entry(key)?.position ?? self.position
      if let near = Spelling.nearest(to: key, among: known) {
        context.error("unknown key '\(key)' in \(label); did you mean '\(near)'?", at: position)
      } else {
        context.error("unknown key '\(key)' in \(label); known keys: \(Self.list(known))", at: position)
      }
    }
    for key in spec.keys where key.isRequired && (entry(key.name)?.value.isNull ?? true) {
      context.error("\(label) needs '\(key.name)'; add e.g. '\(key.name): \(key.example)'", at: position)
    }
  }

  /// The raw node of `key`, if present and not null; records its position.
  func node(_ key: KeySpec) -> Node? {
    guard let node = entry(key.name)?.value, !node.isNull else { return nil }
    context.record(parent: path, key: key.name, node.position)
    return node
  }

  /// Whether `key` is present with a value.
  func has(_ key: KeySpec) -> Bool { node(key) != nil }

  /// The position of `key`'s value, or of the mapping if absent.
  func position(of key: KeySpec) -> SourcePosition { entry(key.name)?.value.position ?? position }

  /// The position of `key` itself (the name, not the value), or of the mapping.
  func keyPosition(of key: KeySpec) -> SourcePosition { entry(key.name)?.position ?? position }

  // MARK: Scalars

  /// The scalar text of `key`, or nil (and an error) if it is a list or mapping.
  func scalar(_ key: KeySpec) -> (text: String, node: Node)? {
    guard let node = node(key), context.visit(node) else { return nil }
    if case let .mapping(mapping) = node, mapping["distribution"] != nil {
      return inlineDistribution(key, node).map { ($0, node) }
    }
    guard case let .scalar(scalar) = node else {
      context.error("'\(key.name)' of \(label) must be a single value; found \(node.quotedForMessage); write e.g. '\(key.name): \(key.example)'", at: node.position)
      return nil
    }
    return (scalar.string, node)
  }

  func text(_ key: KeySpec) -> String? { scalar(key)?.text }

  func identifier(_ key: KeySpec) -> String? {
    guard let (text, node) = scalar(key) else { return nil }
    guard Self.isIdentifier(text) else {
      context.error(
        "'\(key.name)' of \(label) must be an id of letters, digits, '-', '_' or '.'; found '\(text)'; write e.g. '\(key.example)'",
        at: node.position)
      return nil
    }
    return text
  }

  /// A list of ids (`[a, b]`), each checked like ``identifier(_:)``.
  func identifierList(_ key: KeySpec) -> [(id: String, position: SourcePosition)]? {
    guard let node = node(key), context.visit(node) else { return nil }
    guard case let .sequence(sequence) = node else {
      context.error("'\(key.name)' of \(label) must be a list of ids such as \(key.example); found \(node.quotedForMessage)",
                    at: node.position)
      return nil
    }
    var ids: [(String, SourcePosition)] = []
    for (index, item) in sequence.enumerated() {
      guard context.visit(item) else { return nil }
      context.record(parent: path, key: key.name, index: index, item.position)
      guard case let .scalar(scalar) = item, Self.isIdentifier(scalar.string) else {
        context.error("an entry of '\(key.name)' of \(label) must be an id; found \(item.quotedForMessage)", at: item.position)
        continue
      }
      ids.append((scalar.string, item.position))
    }
    return ids
  }

  func choice(_ key: KeySpec, _ choices: [String]) -> String? {
    guard let (text, node) = scalar(key) else { return nil }
    guard choices.contains(text) else {
      let hint = Spelling.nearest(to: text, among: choices).map { "did you mean '\($0)'?" } ?? "use \(Self.list(choices, conjunction: "or"))"
      context.error("unknown \(key.name) '\(text)' for \(label); \(hint)", at: node.position)
      return nil
    }
    return text
  }

  func boolean(_ key: KeySpec) -> Bool? {
    guard let (text, node) = scalar(key) else { return nil }
    switch text {
    case "true", "True", "TRUE", "yes": return true
    case "false", "False", "FALSE", "no": return false
    default:
      context.error("'\(key.name)' of \(label) must be true or false; found '\(text)'", at: node.position)
      return nil
    }
  }

  func integer(_ key: KeySpec, in range: ClosedRange<Int>) -> Int? {
    guard let (text, node) = scalar(key) else { return nil }
    guard let value = Int(text.trimmingSpaces()) else {
      context.error("'\(key.name)' of \(label) must be a whole number; found '\(text)'; write e.g. '\(key.name): \(key.example)'", at: node.position)
      return nil
    }
    guard range.contains(value) else {
      context.error("'\(key.name)' of \(label) must lie in \(range.lowerBound)...\(range.upperBound); found \(value)", at: node.position)
      return nil
    }
    return value
  }

  func year(_ key: KeySpec) -> Year? {
    guard let (text, node) = scalar(key) else { return nil }
    return Self.parseYear(text, node: node, what: "'\(key.name)' of \(label)", context: context)
  }

  /// A list of years (`[2017, 2019]`), each checked like ``year(_:)``, with its position.
  func yearList(_ key: KeySpec) -> [(year: Year, position: SourcePosition)]? {
    guard let node = node(key), context.visit(node) else { return nil }
    guard case let .sequence(sequence) = node else {
      context.error("'\(key.name)' of \(label) must be a list of years such as \(key.example); found \(node.quotedForMessage)",
                    at: node.position)
      return nil
    }
    var years: [(Year, SourcePosition)] = []
    for (index, item) in sequence.enumerated() {
      guard context.visit(item) else { return nil }
      context.record(parent: path, key: key.name, index: index, item.position)
      guard case let .scalar(scalar) = item,
        let year = Self.parseYear(scalar.string, node: item, what: "entry \(index + 1) of '\(key.name)' of \(label)", context: context)
      else {
        if case .scalar = item {} else {
          context.error("entry \(index + 1) of '\(key.name)' of \(label) must be a year; found \(item.quotedForMessage)", at: item.position)
        }
        continue
      }
      years.append((year, item.position))
    }
    return years
  }

  static func parseYear(_ text: String, node: Node, what describe: @autoclosure () -> String, context: DecodeContext) -> Year? {
    var what: String { describe() }
    guard let value = Int(text.trimmingSpaces()) else {
      context.error("\(what) must be a year such as 2019; found '\(text)'", at: node.position)
      return nil
    }
    guard (1900...2200).contains(value) else {
      context.error("\(what) must be a year in 1900...2200; found \(value)", at: node.position)
      return nil
    }
    return Year(value)
  }

  // MARK: Helpers

  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
    return text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "-_.".unicodeScalars.contains($0) }
  }

  /// `'a', 'b' and 'c'`.
  static func list(_ words: [String], conjunction: String = "and") -> String {
    let quoted = words.map { "'\($0)'" }
    guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "none" }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }
}

extension Unicode.Scalar {
  var isASCIIAlphanumeric: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
  }
}

extension String {
  /// The text without leading and trailing spaces.
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first == " " { text = text.dropFirst() }
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
