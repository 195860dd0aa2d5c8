/// Reads the part of YAML that scenario files are written in without libyaml, into the same
/// ``Node`` tree that ``Composer`` builds from libyaml's events (texts, styles, lines and
/// columns): block mappings and lists, flow mappings and lists (JSON included), plain scalars
/// on one line, quoted scalars on one line, comments (docs/benchmarks.md, "Session 13").
///
/// It reads only what it is sure of. At anything else — an anchor, alias or tag, a block
/// scalar, a plain scalar continued on the next line, a key without a value, a list at its
/// key's indentation, a tab, a document marker, a repeated key, and every malformed text — it
/// gives up (nil) and ``Composer`` reads the whole text with libyaml, so every error, and every
/// tree of YAML beyond this part, is libyaml's as before. A test compares the two readers on
/// every bundled and test scenario and on generated texts in and around this part.
struct QuickComposer {
  /// The text is not in the part this reader reads, or not well-formed: libyaml reads it.
  struct GiveUp: Error {}

  private let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  private var at = 0
  private var line = 1
  /// The offset of the current line's first byte.
  private var lineStart = 0
  /// Whether the text is ASCII only (columns are then byte offsets).
  private let ascii: Bool
  /// Nesting of collections (kept shallow, as the composer recurses too).
  private var depth = 0
  /// The indentation of the innermost block collection being read (−1 at the root): a flow
  /// collection's continuation lines must be indented more.
  private var blockIndent = -1

  private static let maxDepth = 200
  /// libyaml's limit on a simple key's length, less a margin.
  private static let maxKeyBytes = 1000

  private init(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) {
    self.bytes = bytes
    self.ascii = ascii
  }

  /// The document in `text`, or nil when libyaml must read it.
  static func compose(_ text: String) -> Node? {
    var text = text
    return text.withUTF8 { (bytes) -> Node? in
      guard let ascii = checkedCharacters(bytes) else { return nil }
      var reader = QuickComposer(bytes, ascii: ascii)
      return try? reader.document()
    }
  }

  /// Where the reader gave up on `text` (nil if it read it): for tests and for widening it.
  static func givingUpPoint(_ text: String) -> Node.Mark? {
    var text = text
    return text.withUTF8 { (bytes) -> Node.Mark? in
      guard let ascii = checkedCharacters(bytes) else { return Node.Mark(line: 0, column: 0) }
      var reader = QuickComposer(bytes, ascii: ascii)
      do {
        _ = try reader.document()
        return nil
      } catch {
        return reader.mark(min(reader.at, bytes.count))
      }
    }
  }

  /// Whether the text is all ASCII; nil if it holds a character this reader leaves to libyaml:
  /// a control character or tab, a carriage return, a byte order mark, C1 controls (NEL among
  /// them), the line and paragraph separators, U+FFFE and U+FFFF.
  private static func checkedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var ascii = true
    var k = 0
    let n = bytes.count
    while k < n {
      let b = bytes[k]
      if b < 0x80 {
        if (b < 0x20 && b != 0x0A) || b == 0x7F { return nil }
        k += 1
        continue
      }
      ascii = false
      let next = k + 1 < n ? bytes[k + 1] : 0
      let third = k + 2 < n ? bytes[k + 2] : 0
      if b == 0xC2, next < 0xA0 { return nil }
      if b == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9 { return nil }
      if b == 0xEF, (next == 0xBB && third == 0xBF) || (next == 0xBF && (third == 0xBE || third == 0xBF)) { return nil }
      k += 1
    }
    return ascii
  }

  // MARK: Positions

  private var current: UInt8 { at < bytes.count ? bytes[at] : 0 }

  private func byte(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

  /// The line and column of byte `offset` on the current line (columns count characters).
  private func mark(_ offset: Int) -> Node.Mark {
    if ascii { return Node.Mark(line: line, column: offset - lineStart + 1) }
    var column = 1
    for k in lineStart..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
    return Node.Mark(line: line, column: column)
  }

  private static func isBlankOrEnd(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0 }

  private mutating func skipSpaces() {
    while current == 0x20 { at += 1 }
  }

  /// Past the end of the current line (at the next line's start, or the end).
  private mutating func nextLine() {
    while at < bytes.count, bytes[at] != 0x0A { at += 1 }
    if at < bytes.count {
      at += 1
      line += 1
      lineStart = at
    }
  }

  /// From the end of a value: spaces, a comment, then the line's end; anything else gives up.
  private mutating func endOfLine() throws(GiveUp) {
    let before = at
    skipSpaces()
    if current == 0x23 /* # */ {
      guard at > before else { throw GiveUp() }
      nextLine()
    } else if current == 0x0A {
      nextLine()
    } else if at < bytes.count {
      throw GiveUp()
    }
  }

  /// The rest of a line after "- " or ": " and spaces: nothing, or a comment.
  private mutating func endOfLineAfterIndicator() throws(GiveUp) {
    if current == 0x23 {
      guard at > lineStart, bytes[at - 1] == 0x20 else { throw GiveUp() }
      nextLine()
    } else {
      try endOfLine()
    }
  }

  /// To the first character of the next line with content (blank and comment lines skipped);
  /// its indentation, or −1 at the end of the text. A document marker gives up.
  private mutating func nextContent() throws(GiveUp) -> Int {
    while at < bytes.count {
      var k = lineStart
      while k < bytes.count, bytes[k] == 0x20 { k += 1 }
      let b = byte(k)
      if b == 0x0A || b == 0x23 || k == bytes.count {
        if k == bytes.count { at = k; return -1 }
        at = k
        nextLine()
        continue
      }
      if k == lineStart, (b == 0x2D || b == 0x2E), byte(k + 1) == b, byte(k + 2) == b, Self.isBlankOrEnd(byte(k + 3)) {
        throw GiveUp()  // "---" or "..."
      }
      at = k
      return k - lineStart
    }
    return -1
  }

  // MARK: Block collections

  private mutating func document() throws(GiveUp) -> Node {
    let indent = try nextContent()
    guard indent >= 0 else { throw GiveUp() }
    let root: Node
    if current == 0x7B || current == 0x5B {
      root = try flowCollection()
      try endOfLine()
    } else {
      root = try blockNode(indent: indent)
    }
    guard try nextContent() < 0 else { throw GiveUp() }
    return root
  }

  /// The block collection starting at the current character, indented by `indent`.
  private mutating func blockNode(indent: Int) throws(GiveUp) -> Node {
    if current == 0x2D /* - */, Self.isBlankOrEnd(byte(at + 1)) { return try blockSequence(indent: indent) }
    return try blockMapping(indent: indent)
  }

  private mutating func enter() throws(GiveUp) {
    depth += 1
    guard depth <= Self.maxDepth else { throw GiveUp() }
  }

  /// Into a block collection indented by `indent`; the indentation around it, for
  /// ``leaveBlock(_:)``.
  private mutating func enterBlock(indent: Int) throws(GiveUp) -> Int {
    try enter()
    defer { blockIndent = indent }
    return blockIndent
  }

  private mutating func leaveBlock(_ outer: Int) {
    depth -= 1
    blockIndent = outer
  }

  /// A mapping of `pairs`; a repeated key gives up (libyaml's composer reports it).
  private static func mapping(_ pairs: [(Node, Node)], mark: Node.Mark) throws(GiveUp) -> Node {
    do {
      try Composer.checkDuplicates(pairs)
    } catch {
      throw GiveUp()
    }
    return .mapping(Node.Mapping(pairs, mark: mark))
  }

  /// After "- " or ": " and spaces in a collection indented by `indent`: the block collection on
  /// the lines below (nothing, or a comment, left on this line), a flow collection, or a literal
  /// or folded scalar; nil when a scalar or a compact collection starts here. An empty value,
  /// or a list at its key's indentation, gives up.
  private mutating func collectionOrBlockScalar(indent: Int) throws(GiveUp) -> Node? {
    if current == 0x0A || current == 0x23 || at == bytes.count {
      try endOfLineAfterIndicator()
      let inner = try nextContent()
      guard inner > indent else { throw GiveUp() }
      return try blockNode(indent: inner)
    }
    if current == 0x7B || current == 0x5B {
      let node = try flowCollection()
      try endOfLine()
      return node
    }
    if current == 0x7C || current == 0x3E { return try literalOrFolded(indent: indent) }
    return nil
  }

  private mutating func blockSequence(indent: Int) throws(GiveUp) -> Node {
    let outer = try enterBlock(indent: indent)
    defer { leaveBlock(outer) }
    let start = mark(at)
    var items: [Node] = []
    while true {
      // At "- ".
      at += 1
      skipSpaces()
      let item: Node
      if let below = try collectionOrBlockScalar(indent: indent) {
        item = below
      } else {
        let column = at - lineStart  // "- " and spaces are ASCII
        if current == 0x2D, Self.isBlankOrEnd(byte(at + 1)) {
          item = try blockSequence(indent: column)
        } else {
          let begin = (at, line, lineStart)
          let scalar = try blockScalar()
          if current == 0x3A /* : */, Self.isBlankOrEnd(byte(at + 1)) {
            (at, line, lineStart) = begin
            item = try blockMapping(indent: column)
          } else {
            item = scalar
            try endOfLine()
          }
        }
      }
      items.append(item)
      let next = try nextContent()
      if next < indent { break }
      guard next == indent, current == 0x2D, Self.isBlankOrEnd(byte(at + 1)) else { throw GiveUp() }
    }
    return .sequence(Node.Sequence(items, mark: start))
  }

  private mutating func blockMapping(indent: Int) throws(GiveUp) -> Node {
    let outer = try enterBlock(indent: indent)
    defer { leaveBlock(outer) }
    let start = mark(at)
    var pairs: [(Node, Node)] = []
    while true {
      let keyStart = at
      let key = try blockScalar()
      guard at - keyStart <= Self.maxKeyBytes, current == 0x3A, Self.isBlankOrEnd(byte(at + 1)) else { throw GiveUp() }
      at += 1
      skipSpaces()
      let value: Node
      if let below = try collectionOrBlockScalar(indent: indent) {
        value = below
      } else {
        guard !(current == 0x2D && Self.isBlankOrEnd(byte(at + 1))) else { throw GiveUp() }
        value = try blockScalar()
        guard current != 0x3A else { throw GiveUp() }  // "a: b: c"
        try endOfLine()
      }
      pairs.append((key, value))
      let next = try nextContent()
      if next < indent { break }
      guard next == indent else { throw GiveUp() }  // a plain scalar continued, or misindented
    }
    return try Self.mapping(pairs, mark: start)
  }

  // MARK: Scalars

  /// A scalar in block context: quoted, or plain up to " #", ": " or the line's end.
  private mutating func blockScalar() throws(GiveUp) -> Node {
    if current == 0x22 || current == 0x27 { return try quotedScalar() }
    return try plainScalar(flow: false)
  }

  /// A literal (`|`) or folded (`>`) scalar, its chomping (`-`, `+`) given or not, whose lines
  /// are all indented alike, more than `indent` (the collection it is in), with no empty line
  /// among them; empty lines may follow unless it keeps its final breaks. Literal lines are
  /// joined by line breaks, folded ones by spaces; a line break ends it unless stripped.
  /// Ends at the start of the first line after it.
  private mutating func literalOrFolded(indent: Int) throws(GiveUp) -> Node {
    let opening = mark(at)
    let folded = current == 0x3E
    at += 1
    var chomping: UInt8 = 0
    if current == 0x2D || current == 0x2B {
      chomping = current
      at += 1
    }
    guard Self.isBlankOrEnd(current) else { throw GiveUp() }  // an indentation digit, or more
    try endOfLine()
    // The first line sets the indentation.
    var k = at
    while byte(k) == 0x20 { k += 1 }
    let width = k - at
    guard at < bytes.count, width > indent, byte(k) != 0x0A, k < bytes.count else { throw GiveUp() }
    var text: [UInt8] = []
    while true {
      // At a content line's start: `width` spaces, then text to the line's end.
      var end = at + width
      guard byte(end) != 0x20 else { throw GiveUp() }  // indented more
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      guard end < bytes.count else { throw GiveUp() }  // no final line break
      if !text.isEmpty { text.append(folded ? 0x20 : 0x0A) }
      text.append(contentsOf: bytes[(at + width)..<end])
      at = end
      nextLine()
      // The next line: more of the scalar, empty lines, or the end.
      var n = at
      while byte(n) == 0x20 { n += 1 }
      if n - at >= width, byte(n) != 0x0A, n < bytes.count { continue }
      // Empty lines may follow only at the end.
      var m = at
      var emptyLines = 0
      while m < bytes.count, bytes[m] == 0x0A {
        m += 1
        emptyLines += 1
      }
      var p = m
      while byte(p) == 0x20 { p += 1 }
      guard p - m < width || p == bytes.count else { throw GiveUp() }  // an empty line inside
      guard byte(p) != 0x0A || p == m else { throw GiveUp() }  // a line of spaces only
      if emptyLines > 0, chomping == 0x2B { throw GiveUp() }
      break
    }
    if chomping != 0x2D { text.append(0x0A) }
    let string = String(decoding: text, as: UTF8.self)
    return .scalar(Node.Scalar(string, style: folded ? .folded : .literal, mark: opening))
  }

  /// A plain scalar on one line. It may not start with an indicator (a minus only before a
  /// digit or point); it gives up at a colon not followed by a space, and in flow context at
  /// `[`, `{` and `?` (there `,`, `]` and `}` end it).
  private mutating func plainScalar(flow: Bool) throws(GiveUp) -> Node {
    let begin = at
    let first = current
    switch first {
    case 0x2D /* - */:
      let next = byte(at + 1)
      guard (next >= 0x30 && next <= 0x39) || next == 0x2E else { throw GiveUp() }
    case 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60, 0x20, 0x0A, 0:
      // ? : , [ ] { } # & * ! | > ' " % @ ` and nothing at all
      throw GiveUp()
    default: break
    }
    var end = at
    scan: while at < bytes.count {
      switch bytes[at] {
      case 0x0A: break scan
      case 0x20:
        if byte(at + 1) == 0x23 { break scan }  // " #": a comment
        at += 1
        continue scan
      case 0x3A:
        if Self.isBlankOrEnd(byte(at + 1)) { break scan }
        throw GiveUp()
      case 0x2C, 0x5D, 0x7D:
        if flow { break scan }
      case 0x5B, 0x7B, 0x3F:
        if flow { throw GiveUp() }
      case 0x23:
        break  // '#' inside a word
      default: break
      }
      at += 1
      end = at
    }
    let start = mark(begin)
    let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
    return .scalar(Node.Scalar(string, style: .plain, mark: start))
  }

  /// A quoted scalar on one line: single-quoted ('' for a quote), or double-quoted with JSON's
  /// escapes (\" \\ \/ \b \f \n \r \t \uXXXX); any other escape gives up.
  private mutating func quotedScalar() throws(GiveUp) -> Node {
    let quote = current
    let opening = mark(at)
    at += 1
    var start = at
    var decoded: [UInt8]? = nil
    while true {
      guard at < bytes.count, bytes[at] != 0x0A else { throw GiveUp() }
      let b = bytes[at]
      if b == quote {
        if quote == 0x27, byte(at + 1) == 0x27 {
          decoded = (decoded ?? []) + bytes[start...at]
          at += 2
          start = at
          continue
        }
        break
      }
      if quote == 0x22, b == 0x5C /* \ */ {
        var text = (decoded ?? []) + bytes[start..<at]
        let escaped = byte(at + 1)
        at += 2
        switch escaped {
        case 0x22, 0x5C, 0x2F: text.append(escaped)
        case 0x62: text.append(0x08)
        case 0x66: text.append(0x0C)
        case 0x6E: text.append(0x0A)
        case 0x72: text.append(0x0D)
        case 0x74: text.append(0x09)
        case 0x75:
          var value: UInt32 = 0
          for _ in 0..<4 {
            guard let digit = Self.hexValue(current) else { throw GiveUp() }
            value = value << 4 | digit
            at += 1
          }
          guard !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) else { throw GiveUp() }
          text.append(contentsOf: String(Character(scalar)).utf8)
        default: throw GiveUp()
        }
        decoded = text
        start = at
        continue
      }
      at += 1
    }
    let string: String
    if let decoded {
      string = String(decoding: decoded + bytes[start..<at], as: UTF8.self)
    } else {
      string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
    }
    at += 1
    return .scalar(Node.Scalar(string, style: quote == 0x22 ? .doubleQuoted : .singleQuoted, mark: opening))
  }

  private static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    case 0x61...0x66: return UInt32(b - 0x61 + 10)
    default: return nil
    }
  }

  // MARK: Flow collections

  /// Spaces, and line breaks inside a flow collection: a continuation line must be indented
  /// more than the block around it and may hold no comment.
  private mutating func skipFlowSpace() throws(GiveUp) {
    while true {
      skipSpaces()
      guard current == 0x0A else { return }
      nextLine()
      skipSpaces()
      guard at - lineStart > blockIndent, current != 0x0A, current != 0x23, at < bytes.count else { throw GiveUp() }
      if at - lineStart == 0, (current == 0x2D || current == 0x2E), byte(at + 1) == current, byte(at + 2) == current {
        throw GiveUp()
      }
    }
  }

  /// A flow mapping or list, from its opening bracket to past its closing one.
  private mutating func flowCollection() throws(GiveUp) -> Node {
    try enter()
    defer { depth -= 1 }
    let start = mark(at)
    let mapping = current == 0x7B
    let close: UInt8 = mapping ? 0x7D : 0x5D
    at += 1
    try skipFlowSpace()
    var pairs: [(Node, Node)] = []
    var items: [Node] = []
    if current == close {
      at += 1
    } else {
      while true {
        if mapping {
          let keyStart = at
          let keyLine = line
          guard current != 0x7B, current != 0x5B else { throw GiveUp() }
          let quoted = current == 0x22 || current == 0x27
          let key = try flowScalar()
          guard line == keyLine, at - keyStart <= Self.maxKeyBytes, current == 0x3A else { throw GiveUp() }
          at += 1
          guard quoted || current == 0x20 || current == 0x0A else { throw GiveUp() }
          try skipFlowSpace()
          guard current != 0x2C, current != close else { throw GiveUp() }  // no value
          pairs.append((key, try flowValue()))
        } else {
          items.append(try flowValue())
        }
        try skipFlowSpace()
        if current == 0x2C {
          at += 1
          try skipFlowSpace()
          guard current != close else { throw GiveUp() }  // a trailing comma
          continue
        }
        guard current == close else { throw GiveUp() }
        at += 1
        break
      }
    }
    if mapping { return try Self.mapping(pairs, mark: start) }
    return .sequence(Node.Sequence(items, mark: start))
  }

  private mutating func flowValue() throws(GiveUp) -> Node {
    if current == 0x7B || current == 0x5B { return try flowCollection() }
    let node = try flowScalar()
    return node
  }

  /// A scalar inside a flow collection; a plain one that ends its line must be followed by a
  /// comma, a colon or a closing bracket (else it would continue on the next line).
  private mutating func flowScalar() throws(GiveUp) -> Node {
    if current == 0x22 || current == 0x27 { return try quotedScalar() }
    let node = try plainScalar(flow: true)
    var k = at
    while byte(k) == 0x20 { k += 1 }
    if byte(k) == 0x23 { throw GiveUp() }  // a comment inside a flow collection
    if byte(k) == 0x0A || k == bytes.count {
      var n = k + 1
      while byte(n) == 0x20 || byte(n) == 0x0A { n += 1 }
      let b = byte(n)
      guard b == 0x2C || b == 0x5D || b == 0x7D else { throw GiveUp() }
    }
    return node
  }
}
