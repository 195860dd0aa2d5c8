@testable import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

/// The reader of common YAML without libyaml (``QuickComposer``) against libyaml's composer:
/// wherever it reads a text, the same tree to the last style, line and column; on every
/// bundled scenario, fixture, fuzzing seed and generated state; and on thousands of generated
/// texts in and around the part of YAML it reads, mutated at random, where it must give up on
/// everything libyaml refuses.
@Suite("YAML without libyaml")
struct QuickComposerTests {
  typealias Node = DCPlanScenarioFormat.Node

  /// The first difference between two trees (texts, styles, marks, shapes), or nil.
  static func difference(_ a: Node, _ b: Node, at path: String = "") -> String? {
    switch (a, b) {
    case let (.scalar(x), .scalar(y)):
      guard x.string == y.string, x.style == y.style, x.mark == y.mark else {
        return "\(path): \(x.string.debugDescription) \(x.style) \(String(describing: x.mark)) vs "
          + "\(y.string.debugDescription) \(y.style) \(String(describing: y.mark))"
      }
      return nil
    case let (.mapping(x), .mapping(y)):
      guard x.count == y.count, x.mark == y.mark else {
        return "\(path): mapping of \(x.count) at \(String(describing: x.mark)) vs \(y.count) at \(String(describing: y.mark))"
      }
      for (p, q) in zip(x, y) {
        let key = path + "." + (p.key.string ?? "?")
        if let problem = difference(p.key, q.key, at: key) ?? difference(p.value, q.value, at: key) { return problem }
      }
      return nil
    case let (.sequence(x), .sequence(y)):
      guard x.count == y.count, x.mark == y.mark else {
        return "\(path): list of \(x.count) at \(String(describing: x.mark)) vs \(y.count) at \(String(describing: y.mark))"
      }
      for (i, (p, q)) in zip(x, y).enumerated() {
        if let problem = difference(p, q, at: path + "[\(i)]") { return problem }
      }
      return nil
    default:
      return "\(path): \(a) vs \(b)"
    }
  }

  /// Nil when the quick reader gives up or reads `text` as libyaml does; else what differs.
  static func disagreement(_ text: String) -> String? {
    guard let quick = QuickComposer.compose(text) else { return nil }
    do {
      guard let full = try Composer.composeWithLibyaml(text) else { return "libyaml finds no document" }
      return difference(quick, full)
    } catch {
      return "libyaml refuses it: \(error.message) at \(error.position)"
    }
  }

  @Test("every bundled scenario, fixture, fuzzing seed and generated state: the same tree, and read without libyaml")
  func sameTreesOnFiles() throws {
    var texts: [(String, String)] = ComposerTests.files.compactMap { path in
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
      return (path, text)
    }
    texts.append(("bundled default", BundledScenarios.niedersachsen2025))
    for (municipalities, seed) in [(40, 1), (300, 7)] {
      texts.append((
        "generated \(municipalities)",
        ScenarioGenerator.yaml(.init(municipalities: municipalities, counties: 8, seed: UInt64(seed)))
      ))
    }
    var readQuickly: Set<String> = []
    for (name, text) in texts {
      #expect(Self.disagreement(text) == nil, "\(name): \(Self.disagreement(text) ?? "")")
      if QuickComposer.compose(text) != nil { readQuickly.insert(name) }
    }
    // The scenarios people write, the fixtures and generated states are read without libyaml.
    for (name, text) in texts where name.contains("/Scenarios/") || name.contains("/Tests/Fixtures/") || !name.contains("/") {
      #expect(readQuickly.contains(name), "\(name) was left to libyaml at \(String(describing: QuickComposer.givingUpPoint(text)))")
    }
    #expect(readQuickly.count >= 20)
  }

  @Test("texts in the part it reads: the same tree as libyaml's", arguments: [
    "a: 1\n", "a: 1", "a:   x y  \nb: 'it''s'\nc: \"q\"\n", "# c\n\na:\n  b: 1 # note\n  c: [1, 2, {d: e}]\n",
    "- a\n- - b\n  - c\n-   d: 1\n    e: 2\n", "a:\n- 1\n", "x: {2020: 1.5 Mbit/s, 2021: 2 Mbit/s}\n",
    "{\"a\": [1, 2.5, \"x\\n\\u00fc\"],\n \"b\": {\"c\": null}\n}\n", "[1, 2,\n  3]\n", "ä: ü\nö: {ß: 'é'}\n",
    "a: \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC\"\n", "a: b#c\n", "a : 1\n", "a: |\n  x\n  # y\nb: >-\n   p q \n   r\n\n\nc: 1\n", "- >\n x\n- |-\n  y\n", "a: -1\nb: -.5\n", "a: {}\nb: []\n", "a:\n    - x\n    - y\nb: 2\n", "a: x\n  # c\nb: 1\n",
  ])
  func sameTrees(_ text: String) throws {
    #expect(Self.disagreement(text) == nil, "\(text.debugDescription): \(Self.disagreement(text) ?? "")")
  }

  @Test("what it leaves to libyaml", arguments: [
    "a: &x 1\nb: *x\n", "a: !t 1\n", "a: |2\n  x\n", "a: >\n  x\n\n  y\n", "a: |+\n  x\n\n", "a: x\n  y\n", "a:\nb: 1\n", "a:\n- 1\nb: 2\n", "a:\t1\n", "a: 1\r\n",
    "---\na: 1\n", "a: 1\n...\n", "a: 1\na: 2\n", "a: \"\\x41\"\n", "a: \"x\n  y\"\n", "? a\n: 1\n", "a: b: c\n",
    "a: {b: 1,}\n", "a: [1\n", "a: 1\n b: 2\n", "a: x:y\n", "a: [b, c] d\n", "", "# only a comment\n", "a: 1 #c\n  - 2\n",
    "\u{FEFF}a: 1\n", "a: \u{85}\n", "a: -\n", "a: {b}\n", "{a: 1}: 2\n",
  ])
  func givesUp(_ text: String) {
    #expect(QuickComposer.compose(text) == nil, "\(text.debugDescription) was read without libyaml")
  }

  @Test("generated texts in and around the part it reads, mutated: never a tree libyaml would not give", arguments: [1, 2, 3])
  func generatedTexts(seed: UInt64) {
    var random = SplitMix(seed: seed)
    var read = 0
    var readMutated = 0
    let count = 1_500
    for _ in 0..<count {
      var maker = TextMaker(random: &random)
      let text = maker.document()
      if let problem = Self.disagreement(text) {
        Issue.record("\(text.debugDescription): \(problem)")
        return
      }
      if QuickComposer.compose(text) != nil { read += 1 }
      let mutated = Self.mutate(text, &random)
      if let problem = Self.disagreement(mutated) {
        Issue.record("mutated \(mutated.debugDescription): \(problem)")
        return
      }
      if QuickComposer.compose(mutated) != nil { readMutated += 1 }
    }
    // Enough of them are read by the quick reader for the comparison to mean something.
    #expect(read > count / 6, "only \(read) of \(count) texts read")
    #expect(readMutated > count / 10, "only \(readMutated) of \(count) mutated texts read")
  }

  /// One random edit: a character put in, taken out or swapped, a line repeated, or an
  /// indentation changed.
  static func mutate(_ text: String, _ random: inout SplitMix) -> String {
    var characters = Array(text)
    guard !characters.isEmpty else { return text }
    let pieces: [Character] = [" ", ":", "-", "#", "{", "}", "[", "]", ",", "'", "\"", "\n", "\t", "&", "*", "!", "|", "?", "\\", "ä", "x"]
    let at = random.below(characters.count)
    switch random.below(5) {
    case 0: characters.insert(pieces[random.below(pieces.count)], at: at)
    case 1: characters.remove(at: at)
    case 2: characters[at] = pieces[random.below(pieces.count)]
    case 3:
      var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
      let k = random.below(lines.count)
      lines.insert(lines[k], at: k)
      return lines.joined(separator: "\n")
    default:
      var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let k = random.below(lines.count)
      lines[k] = random.below(2) == 0 ? " " + lines[k] : String(lines[k].drop { $0 == " " }.prefix(lines[k].count))
      return lines.joined(separator: "\n")
    }
    return String(characters)
  }
}

/// SplitMix64: the test's own seeded generator.
struct SplitMix {
  private var state: UInt64
  /// (Seeds times the increment would give each seed the stream of the one before, shifted.)
  init(seed: UInt64) { state = seed &* 0xD1B5_4A32_D192_ED03 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Random YAML texts: block mappings and lists (compact, nested, indentless), flow collections
/// on one line and over several, plain and quoted scalars from a pool that holds the awkward
/// cases (colons, hashes, indicators, escapes, non-ASCII), comments and blank lines.
struct TextMaker {
  var random: SplitMix
  init(random: inout SplitMix) {
    self.random = SplitMix(seed: random.next())
    _ = random.next()
  }

  static let plain = [
    "a", "id", "2020", "my key", "x-y", "k#1", "-1", "1.5 Mbit/s", "true", "a  b", "ä", "Lüneburg", "a,b", "é ü", "_", "-.5",
    "x]", "a?b", "it's", "say \"hi\"", "a b, c", "a{b}", "5 %", "n/a", "a\\b",
  ]
  static let awkward = [
    "http://x", "x:y", "[x", "-", "--- x", "...", "%p", "@a", "`t`", "&a", "*a", "!t", "|", ">", "?", "x:", "12:30", "? x", "a: b",
    "|-\n  x", ">\n x\n  y\n", "a\n  b",
  ]
  static let quoted = [
    "'s'", "'it''s'", "''", "\"d\"", "\"\"", "\"a\\nb\"", "\"\\u00fc\"", "\"\\x41\"", "\"\\\"q\\\"\"", "\"\\/\"", "'a: b'",
    "\"#x\"", "'ä'", "\"\\uD800\"", "\"\\t\"", "\"\\b\\f\\r\\/\\u20AC\"",
  ]

  mutating func scalar() -> String {
    switch random.below(40) {
    case 0: return Self.awkward[random.below(Self.awkward.count)]
    case 1...8: return Self.quoted[random.below(Self.quoted.count)]
    default: return Self.plain[random.below(Self.plain.count)]
    }
  }

  /// A literal or folded scalar after "key:" or "-" (lines, empty lines, more indented lines).
  mutating func literalOrFolded(indent: Int) -> String {
    let header = ["|", ">", "|-", ">-", "|+", ">+", "|2", ">-  # c"][random.below(8)]
    let width = indent + [1, 2, 2, 4, 0][random.below(5)]
    var text = " " + header + "\n"
    for _ in 0..<(1 + random.below(4)) {
      let extra = random.below(8) == 0 ? "  " : ""
      let content = ["x", "a b ", "# not a comment", "- y", "k: v", "ü ä", "{x"][random.below(7)]
      text += String(repeating: " ", count: width) + extra + content + "\n"
      if random.below(8) == 0 { text += random.below(2) == 0 ? "\n" : String(repeating: " ", count: width) + "\n" }
    }
    if random.below(3) == 0 { text += "\n" }
    return text
  }

  static let keys = [
    "a", "b", "id", "2020", "c d", "'q'", "\"r\"", "ä", "from", "to", "x-y", "k_1", "2021", "name", "'s t'", "Lüneburg", "n1", "n2",
    "capacity", "length", "down", "up", "z", "w",
  ]

  mutating func key() -> String { random.below(12) == 0 ? scalar() : Self.keys[random.below(Self.keys.count)] }

  mutating func flow(_ depth: Int, multiline: Bool, indent: Int) -> String {
    let count = random.below(4)
    let mapping = random.below(2) == 0
    var parts: [String] = []
    for _ in 0..<count {
      let value = depth < 2 && random.below(4) == 0 ? flow(depth + 1, multiline: multiline, indent: indent) : scalar()
      parts.append(mapping ? key() + (random.below(10) == 0 ? ":" : ": ") + value : value)
    }
    let separator = multiline ? ",\n" + String(repeating: " ", count: indent + 1 + random.below(3)) : ", "
    let trailing = random.below(12) == 0 ? "," : ""
    return (mapping ? "{" : "[") + parts.joined(separator: separator) + trailing + (mapping ? "}" : "]")
  }

  mutating func comment() -> String { random.below(6) == 0 ? " # note" : "" }

  mutating func blank() -> String {
    switch random.below(10) {
    case 0: return "\n"
    case 1: return String(repeating: " ", count: random.below(6)) + "# c\n"
    default: return ""
    }
  }

  /// A value after "key:" or "- ": on the same line (scalar, flow) or a block below.
  mutating func value(_ depth: Int, indent: Int) -> String {
    switch depth < 3 ? random.below(7) : random.below(3) {
    case 0, 1: return " " + scalar() + comment() + "\n"
    case 6: return literalOrFolded(indent: indent)
    case 2: return " " + flow(0, multiline: random.below(4) == 0, indent: indent) + comment() + "\n"
    case 3, 4:
      let step = [2, 2, 4, 1][random.below(4)]
      return comment() + "\n" + blank() + block(depth + 1, indent: indent + step)
    default:
      return random.below(3) == 0 ? "\n" : comment() + "\n" + blank() + sequence(depth + 1, indent: indent)  // empty, or indentless
    }
  }

  mutating func block(_ depth: Int, indent: Int) -> String {
    random.below(2) == 0 ? mapping(depth, indent: indent) : sequence(depth, indent: indent)
  }

  mutating func mapping(_ depth: Int, indent: Int, compact: Bool = false) -> String {
    let pad = String(repeating: " ", count: indent)
    var text = ""
    for k in 0..<(1 + random.below(4)) {
      text += (compact && k == 0 ? "" : blank()) + pad + key() + ":" + value(depth, indent: indent)
    }
    return text
  }

  mutating func sequence(_ depth: Int, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var text = ""
    for _ in 0..<(1 + random.below(4)) {
      if depth < 3, random.below(3) == 0 {
        // A compact mapping: "- key: value" and its further keys under the first.
        let gap = 1 + random.below(2)
        var item = mapping(depth + 1, indent: indent + 1 + gap, compact: true)
        item.removeFirst(indent + 1 + gap)
        text += blank() + pad + "-" + String(repeating: " ", count: gap) + item
      } else {
        text += blank() + pad + "-" + value(depth, indent: indent)
      }
    }
    return text
  }

  mutating func document() -> String {
    switch random.below(10) {
    case 0: return flow(0, multiline: true, indent: 0) + "\n"
    default: return blank() + block(0, indent: 0)
    }
  }
}
