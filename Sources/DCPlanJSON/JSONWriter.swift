/// A JSON value whose object members keep the order they were given in, so that output is
/// byte-for-byte the same for the same results.
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number.
  case integer(Int)
  /// A number; non-finite values are written as `null`.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object with members in order.
  case object([(String, JSONValue)])
  /// An array whose `count` items are made only as they are written (a state's 14,000 link
  /// rows): the whole tree never stands in memory at once. Written as ``array(_:)`` would be.
  case lazyArray(count: Int, item: @Sendable (Int) -> JSONValue)

  /// Equal when the same members stand in the same order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    JSONWriter.write(lhs) == JSONWriter.write(rhs)
  }

  /// Hashes the written form.
  public func hash(into hasher: inout Hasher) { hasher.combine(JSONWriter.write(self)) }
}

/// Writes ``JSONValue``s as pretty-printed JSON with two-space indentation.
public enum JSONWriter {
  /// The JSON text of `value`, ending in a newline.
  public static func write(_ value: JSONValue) -> String {
    String(decoding: bytes(value), as: UTF8.self)
  }

  /// The same as UTF-8 bytes, written straight into one buffer (a state's results run to
  /// megabytes). `reserving` bytes are reserved first: address space only until written, it
  /// spares a large document the copies of a growing buffer.
  public static func bytes(_ value: JSONValue, reserving: Int = 1 << 16) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(reserving)
    write(value, indent: 0, into: &out)
    out.append(UInt8(ascii: "\n"))
    return out
  }

  /// The same bytes as ``bytes(_:reserving:)``, in consecutive parts (their concatenation is
  /// the document): the items of each array made on demand with at least
  /// ``itemsPerWay`` items per way are written `ways` ways at once, each stretch into a buffer
  /// of its own, by `run`, which calls its job for every way in `0 ..< ways` concurrently and
  /// returns when all have (the caller's threads). The parts are written out one after the
  /// other; no part is copied into another.
  public static func parts(
    _ value: JSONValue, ways: Int, reserving: Int = 1 << 16,
    run: @escaping (_ ways: Int, _ job: @Sendable (Int) -> Void) -> Void
  ) -> [[UInt8]] {
    var out: [UInt8] = []
    out.reserveCapacity(reserving)
    let splitter = Splitter(ways: max(1, ways), run: run)
    write(value, indent: 0, into: &out, splitter: splitter)
    out.append(UInt8(ascii: "\n"))
    return splitter.finished + [out]
  }

  /// An array made on demand is written in stretches beside each other only from this many
  /// items per way (a state's link rows; a few hundred rows are not worth a thread).
  public static let itemsPerWay = 1_024

  /// How ``parts(_:ways:reserving:run:)`` cuts arrays: the ways, the runner, and the parts
  /// finished so far.
  private final class Splitter {
    let ways: Int
    let run: (Int, @Sendable (Int) -> Void) -> Void
    var finished: [[UInt8]] = []

    init(ways: Int, run: @escaping (Int, @Sendable (Int) -> Void) -> Void) {
      self.ways = ways
      self.run = run
    }
  }

  /// Stretches' buffers, each set by its own way alone and read after all have returned.
  private final class Stretches: @unchecked Sendable {
    let buffers: UnsafeMutableBufferPointer<[UInt8]>

    init(_ count: Int) {
      buffers = .allocate(capacity: count)
      buffers.initialize(repeating: [])
    }

    deinit {
      buffers.deinitialize()
      buffers.deallocate()
    }
  }

  /// The JSON text of `value` on one line, without a final newline (JSON Lines).
  public static func compact(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case let .bool(flag): return flag ? "true" : "false"
    case let .integer(number): return String(number)
    case let .number(number): return self.number(number)
    case let .string(text): return quote(text)
    case let .array(items): return "[" + items.map(compact).joined(separator: ",") + "]"
    case let .lazyArray(count, item): return "[" + (0..<count).map { compact(item($0)) }.joined(separator: ",") + "]"
    case let .object(members): return "{" + members.map { quote($0.0) + ":" + compact($0.1) }.joined(separator: ",") + "}"
    }
  }

  /// A number in the shortest form that reads back to the same `Double` (`12.5`, `3`, `1e-07`).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  private static func pad(_ depth: Int, into out: inout [UInt8]) {
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  /// Appends a literal's bytes in one copy.
  @inline(__always)
  private static func literal(_ text: StaticString, into out: inout [UInt8]) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  /// Appends an integer's decimal digits (as `String(number)` writes them).
  private static func integer(_ number: Int, into out: inout [UInt8]) {
    if number < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var count = 0
      repeat {
        digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
    }
  }

  /// Appends a string's UTF-8 bytes in one copy.
  @inline(__always)
  private static func raw(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
  }

  private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8], splitter: Splitter? = nil) {
    switch value {
    case .null: literal("null", into: &out)
    case let .bool(flag): literal(flag ? "true" : "false", into: &out)
    case let .integer(number): integer(number, into: &out)
    case let .number(number):
      // A whole number's digits directly; others in the shortest form that reads back.
      if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
        integer(Int(number), into: &out)
      } else {
        raw(self.number(number), into: &out)
      }
    case let .string(text): quote(text, into: &out)
    case let .array(items):
      if items.isEmpty {
        literal("[]", into: &out)
        return
      }
      literal("[\n", into: &out)
      for (index, item) in items.enumerated() {
        pad(indent + 1, into: &out)
        write(item, indent: indent + 1, into: &out, splitter: splitter)
        literal(index + 1 < items.count ? ",\n" : "\n", into: &out)
      }
      pad(indent, into: &out)
      out.append(UInt8(ascii: "]"))
    case let .lazyArray(count, item):
      if count == 0 {
        literal("[]", into: &out)
        return
      }
      literal("[\n", into: &out)
      let ways = min(splitter?.ways ?? 1, count / itemsPerWay)
      if let splitter, ways > 1 {
        // Each way writes its stretch into a buffer of its own, which becomes a part; the
        // document so far is a part before them, the rest follows the last one.
        let stretches = Stretches(ways)
        let reserve = (out.capacity - out.count) / ways
        splitter.run(ways) { way in
          let range = (way * count / ways)..<((way + 1) * count / ways)
          var buffer: [UInt8] = []
          buffer.reserveCapacity(reserve)
          writeItems(range, of: count, item, indent: indent, into: &buffer)
          stretches.buffers[way] = buffer
        }
        splitter.finished.append(out)
        for way in 0..<(ways - 1) { splitter.finished.append(stretches.buffers[way]) }
        out = stretches.buffers[ways - 1]
      } else {
        writeItems(0..<count, of: count, item, indent: indent, into: &out)
      }
      pad(indent, into: &out)
      out.append(UInt8(ascii: "]"))
    case let .object(members):
      if members.isEmpty {
        literal("{}", into: &out)
        return
      }
      literal("{\n", into: &out)
      for (index, (key, item)) in members.enumerated() {
        pad(indent + 1, into: &out)
        quote(key, into: &out)
        literal(": ", into: &out)
        write(item, indent: indent + 1, into: &out, splitter: splitter)
        literal(index + 1 < members.count ? ",\n" : "\n", into: &out)
      }
      pad(indent, into: &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Items `range` of an array of `count` made by `item`, each on its line with its comma.
  private static func writeItems(
    _ range: Range<Int>, of count: Int, _ item: (Int) -> JSONValue, indent: Int, into out: inout [UInt8]
  ) {
    for index in range {
      pad(indent + 1, into: &out)
      write(item(index), indent: indent + 1, into: &out)
      literal(index + 1 < count ? ",\n" : "\n", into: &out)
    }
  }

  /// A JSON string literal with the escapes RFC 8259 requires.
  public static func quote(_ text: String) -> String {
    var out: [UInt8] = []
    quote(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The same, appended to `out`: the text's UTF-8 bytes as they are, but for `"`, `\\`
  /// and control characters (below U+0020), which are escaped.
  private static func quote(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Most text needs no escape: its bytes go over in one copy.
    var text = text
    let plain = text.withUTF8 { bytes in
      guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
      out.append(contentsOf: bytes)
      return true
    }
    guard !plain else {
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += "\\\"".utf8
      case UInt8(ascii: "\\"): out += "\\\\".utf8
      case UInt8(ascii: "\n"): out += "\\n".utf8
      case UInt8(ascii: "\r"): out += "\\r".utf8
      case UInt8(ascii: "\t"): out += "\\t".utf8
      case 0..<0x20:
        let hex = String(byte, radix: 16)
        out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
