import CYaml

/// Builds a scenario file's ``Node`` tree from libyaml's events: one pass, a string per scalar,
/// aliases replaced by the node their anchor names, duplicate keys found by their text. Its
/// errors read as the loader's YAML errors always have (libyaml's problem and context, at the
/// problem's line and column).
struct Composer {
  /// A file that is not one well-formed YAML document.
  struct Failure: Error {
    let position: SourcePosition
    let message: String
  }

  private var parser = yaml_parser_t()
  private var anchors: [String: Node] = [:]
  private let text: String

  private init(text: String) { self.text = text }

  /// The one document in `text` (nil when the text holds none).
  static func compose(_ text: String) throws(Failure) -> Node? {
    // The common part of YAML without libyaml, the same tree (QuickComposer); the rest here.
    if let node = QuickComposer.compose(text) { return node }
    return try composeWithLibyaml(text)
  }

  /// The one document in `text` as libyaml reads it.
  static func composeWithLibyaml(_ text: String) throws(Failure) -> Node? {
    var composer = Composer(text: text)
    guard yaml_parser_initialize(&composer.parser) == 1 else {
      throw Failure(position: .start, message: "the file could not be parsed as YAML: out of memory")
    }
    defer { yaml_parser_delete(&composer.parser) }
    yaml_parser_set_encoding(&composer.parser, YAML_UTF8_ENCODING)
    var bytes = Array(text.utf8)
    bytes.append(0)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> Node? in
      yaml_parser_set_input_string(&composer.parser, buffer.baseAddress, buffer.count - 1)
      return try composer.document()
    }
  }

  /// The stream's single document.
  private mutating func document() throws(Failure) -> Node? {
    var event = try next()  // the stream's start
    yaml_event_delete(&event)
    event = try next()
    if event.type == YAML_STREAM_END_EVENT {
      yaml_event_delete(&event)
      return nil
    }
    yaml_event_delete(&event)  // the document's start
    event = try next()
    let root = try node(from: &event)
    event = try next()  // the document's end
    yaml_event_delete(&event)
    event = try next()
    defer { yaml_event_delete(&event) }
    guard event.type == YAML_STREAM_END_EVENT else {
      throw Failure(
        position: Self.position(event.start_mark),
        message: "malformed YAML: but found another document expected a single document in the stream; "
          + "check the indentation, quotes and brackets here")
    }
    return root
  }

  /// The next event; the caller deletes it.
  private mutating func next() throws(Failure) -> yaml_event_t {
    var event = yaml_event_t()
    guard yaml_parser_parse(&parser, &event) == 1 else { throw failure() }
    return event
  }

  /// The node that starts with `event` (deleted here), and everything inside it.
  private mutating func node(from event: inout yaml_event_t) throws(Failure) -> Node {
    let mark = Node.Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    switch event.type {
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      let node = Node.scalar(.init(string, style: Node.Scalar.Style(rawValue: Int(scalar.style.rawValue)) ?? .any, mark: mark))
      let anchor = Self.name(scalar.anchor)
      yaml_event_delete(&event)
      if let anchor { anchors[anchor] = node }
      return node
    case YAML_ALIAS_EVENT:
      let anchor = Self.name(event.data.alias.anchor) ?? ""
      yaml_event_delete(&event)
      guard let node = anchors[anchor] else {
        throw Failure(
          position: Self.position(mark), message: "malformed YAML: found undefined alias; check the indentation, quotes and brackets here")
      }
      return node
    case YAML_SEQUENCE_START_EVENT:
      let anchor = Self.name(event.data.sequence_start.anchor)
      yaml_event_delete(&event)
      var nodes: [Node] = []
      while true {
        var item = try next()
        if item.type == YAML_SEQUENCE_END_EVENT {
          yaml_event_delete(&item)
          break
        }
        nodes.append(try node(from: &item))
      }
      let node = Node.sequence(.init(nodes, mark: mark))
      if let anchor { anchors[anchor] = node }
      return node
    case YAML_MAPPING_START_EVENT:
      let anchor = Self.name(event.data.mapping_start.anchor)
      yaml_event_delete(&event)
      var pairs: [(Node, Node)] = []
      while true {
        var keyEvent = try next()
        if keyEvent.type == YAML_MAPPING_END_EVENT {
          yaml_event_delete(&keyEvent)
          break
        }
        let key = try node(from: &keyEvent)
        var valueEvent = try next()
        pairs.append((key, try node(from: &valueEvent)))
      }
      try Self.checkDuplicates(pairs)
      let node = Node.mapping(.init(pairs, mark: mark))
      if let anchor { anchors[anchor] = node }
      return node
    default:
      yaml_event_delete(&event)
      throw Failure(position: Self.position(mark), message: "the file could not be parsed as YAML: an unexpected event")
    }
  }

  /// A mapping whose keys repeat: the repeated texts, sorted, at the first one's first place
  /// (a repeated list or mapping as key is named as such, after them).
  static func checkDuplicates(_ pairs: [(Node, Node)]) throws(Failure) {
    guard pairs.count > 1 else { return }
    // A small mapping of plain keys (nearly all of them) is checked pair by pair, without
    // hashing; one with a repeat, or with a complex key, is looked at in full below.
    if pairs.count <= 16 {
      var texts: [String] = []
      texts.reserveCapacity(pairs.count)
      var plain = true
      for (key, _) in pairs {
        guard let text = key.scalar?.string, !texts.contains(text) else {
          plain = false
          break
        }
        texts.append(text)
      }
      if plain { return }
    }
    var first: [String: Node.Mark?] = [:]
    var repeated: [String: Node.Mark?] = [:]
    var complex: [Node] = []
    var repeatedComplex: [Node] = []
    for (key, _) in pairs {
      guard let text = key.scalar?.string else {
        if let earlier = complex.first(where: { $0 == key }) {
          if !repeatedComplex.contains(where: { $0 == key }) { repeatedComplex.append(earlier) }
        } else {
          complex.append(key)
        }
        continue
      }
      if let mark = first[text] {
        repeated[text] = mark
      } else {
        first[text] = key.mark
      }
    }
    guard !repeated.isEmpty || !repeatedComplex.isEmpty else { return }
    let texts = repeated.keys.sorted()
    let names = texts.map { "'\($0)'" } + repeatedComplex.map(\.quotedForMessage)
    let mark = texts.first.map { repeated[$0] ?? nil } ?? repeatedComplex.first?.mark
    throw Failure(
      position: mark.map(Self.position) ?? .start,
      message: "key \(names.joined(separator: ", ")) appears more than once in this mapping; keep one")
  }

  /// libyaml's error, as the loader words it.
  private func failure() -> Failure {
    let problem = parser.problem.map { String(cString: $0) } ?? "an error"
    switch parser.error {
    case YAML_READER_ERROR:
      // The byte offset taken as a count of characters, then as bytes, as the loader always did.
      let index = text.utf8.index(text.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: text.utf8.endIndex)?
        .samePosition(in: text)
      let offset = index.map { text.distance(from: text.startIndex, to: $0) }
      return Failure(
        position: offset.map { ScenarioLoader.positionOf(byteOffset: $0, in: text) } ?? .start, message: "unreadable text: \(problem)")
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
      let context = parser.context.map { " " + String(cString: $0) } ?? ""
      return Failure(
        position: Self.position(parser.problem_mark),
        message: "malformed YAML: \(problem)\(context); check the indentation, quotes and brackets here")
    default:
      return Failure(position: .start, message: "the file could not be parsed as YAML: out of memory")
    }
  }

  private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  private static func position(_ mark: yaml_mark_t) -> SourcePosition { position(Node.Mark(line: mark.line + 1, column: mark.column + 1)) }

  private static func position(_ mark: Node.Mark) -> SourcePosition {
    SourcePosition(line: max(1, mark.line), column: max(1, mark.column))
  }
}
