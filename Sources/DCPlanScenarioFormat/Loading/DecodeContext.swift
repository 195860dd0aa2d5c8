import DCPlanModel

/// What decoding one file collects: diagnostics, the position of every value read (the
/// source map, keyed by dotted path such as `tenants[2].legacy_site`), and a budget on
/// the nodes visited, so that YAML aliases cannot blow a small file up into a huge one.
final class DecodeContext {
  /// The file name as the user gave it, for diagnostics.
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Where each value read stood, in the order read (``SourceMap`` answers by path).
  private(set) var records: [SourceRecord] = []
  private var nodesLeft: Int
  private(set) var budgetExhausted = false
  /// Distributions written where a value stands: the key's path, the distribution, where.
  var inlineDistributions: [(path: String, distribution: Distribution, position: SourcePosition)] = []

  init(file: String, nodeBudget: Int) {
    self.file = file
    nodesLeft = nodeBudget
  }

  func error(_ message: String, at position: SourcePosition) {
    diagnostics.append(Diagnostic(file: file, position: position, severity: .error, message: Self.shortened(message)))
  }

  func warning(_ message: String, at position: SourcePosition) {
    diagnostics.append(Diagnostic(file: file, position: position, severity: .warning, message: Self.shortened(message)))
  }

  /// A message with every quoted value longer than 80 characters cut to its first 60 and its
  /// length: a 10 MB value is named, not copied onto the terminal.
  static func shortened(_ message: String) -> String {
    guard message.utf8.count > 200 else { return message }
    var out = ""
    var quoted = ""
    var inQuote = false
    for character in message {
      if character == "'" {
        if inQuote {
          out += quoted.count > 80 ? String(quoted.prefix(60)) + "… (\(quoted.count) characters)" : quoted
          quoted = ""
        }
        inQuote.toggle()
        out.append(character)
      } else if inQuote {
        quoted.append(character)
      } else {
        out.append(character)
      }
    }
    return out + quoted
  }

  /// Records where the mapping at `path` stands.
  func record(_ path: String, _ position: SourcePosition) {
    records.append(SourceRecord(path, position))
  }

  /// Records where `key` (its entry `index` if a list) of the mapping at `parent` stands;
  /// the dotted path is made only if asked for.
  func record(parent: String, key: String, index: Int = -1, _ position: SourcePosition) {
    records.append(SourceRecord(parent: parent, key: key, index: Int32(clamping: index), position: position))
  }

  // MARK: Effects of a section, for ``DecodeMemo``

  /// How far decoding had come: counts of what the context had collected.
  struct Checkpoint {
    let diagnostics: Int
    let records: Int
    let nodesLeft: Int
    let inlineDistributions: Int
  }

  /// Everything decoding a part of the file did to the context, to be done again without
  /// decoding it: its diagnostics, source-map entries (in order), nodes visited and inline
  /// distributions.
  struct Effects {
    let diagnostics: [Diagnostic]
    let records: [SourceRecord]
    let nodesVisited: Int
    let inlineDistributions: [(path: String, distribution: Distribution, position: SourcePosition)]
  }

  /// Where decoding stands now.
  func checkpoint() -> Checkpoint {
    Checkpoint(
      diagnostics: diagnostics.count, records: records.count, nodesLeft: nodesLeft,
      inlineDistributions: inlineDistributions.count)
  }

  /// What was done since `mark`, or nil once the node budget ran out (then the part must be
  /// decoded again each time, to report it where it happens).
  func effects(since mark: Checkpoint) -> Effects? {
    guard !budgetExhausted else { return nil }
    return Effects(
      diagnostics: Array(diagnostics[mark.diagnostics...]), records: Array(records[mark.records...]),
      nodesVisited: mark.nodesLeft - nodesLeft, inlineDistributions: Array(inlineDistributions[mark.inlineDistributions...]))
  }

  /// Does `effects` again, as decoding their part would; false (and nothing done) when the
  /// nodes left would not cover them, so that the part is decoded and the budget reported.
  func replay(_ effects: Effects) -> Bool {
    guard !budgetExhausted, nodesLeft >= effects.nodesVisited else { return false }
    nodesLeft -= effects.nodesVisited
    diagnostics += effects.diagnostics
    records.append(contentsOf: effects.records)
    inlineDistributions += effects.inlineDistributions
    return true
  }

  // MARK: Parts decoded beside each other

  /// A context for decoding a part of the file on another thread: the same file, the nodes
  /// this one has left, nothing collected yet.
  func part() -> DecodeContext {
    DecodeContext(file: file, nodeBudget: max(0, nodesLeft))
  }

  /// Takes in what `parts` (made by ``part()`` with nothing done here since, each decoding
  /// one stretch of a list, in the list's order) collected, as if this context had decoded the stretches one after the
  /// other; false (and nothing taken) if together they visited more nodes than this context
  /// has left, when the list must be decoded here to report the budget where it runs out.
  func absorb(_ parts: [DecodeContext]) -> Bool {
    let visited = parts.reduce(0) { $0 + (max(0, nodesLeft) - $1.nodesLeft) }
    guard !budgetExhausted, !parts.contains(where: \.budgetExhausted), visited <= nodesLeft else { return false }
    nodesLeft -= visited
    for part in parts {
      diagnostics += part.diagnostics
      records += part.records
      inlineDistributions += part.inlineDistributions
    }
    return true
  }

  /// Counts one visited node; false once the budget is spent (reported once).
  func visit(_ node: Node) -> Bool {
    if budgetExhausted { return false }
    nodesLeft -= 1
    if nodesLeft < 0 {
      budgetExhausted = true
      error(
        "the document expands to too many values (YAML aliases repeat what they point to); "
          + "write the repeated parts out or use fewer aliases", at: node.position)
      return false
    }
    return true
  }
}

extension Node {
  /// The node's 1-based position (Yams' marks are 1-based already).
  var position: SourcePosition {
    guard let mark else { return .start }
    return SourcePosition(line: max(1, mark.line), column: max(1, mark.column))
  }

  /// The node as the user wrote it, for messages: a scalar's text, or the kind of collection.
  var quotedForMessage: String {
    switch self {
    case let .scalar(scalar): return "'\(scalar.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }

  /// Whether the node is YAML's null (`~`, `null` or nothing).
  var isNull: Bool {
    if case let .scalar(scalar) = self, scalar.style == .plain {
      return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
    return false
  }
}
