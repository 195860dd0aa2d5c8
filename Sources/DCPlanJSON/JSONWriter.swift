/// A JSON value whose object members keep the order they were given in, so that output is
/// byte-for-byte the same for the same results.
public indirect enum JSONValue: Sendable, Hashable {
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
    var out = ""
    write(value, indent: 0, into: &out)
    return out + "\n"
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
    case let .object(members): return "{" + members.map { quote($0.0) + ":" + compact($0.1) }.joined(separator: ",") + "}"
    }
  }

  /// A number in the shortest form that reads back to the same `Double` (`12.5`, `3`, `1e-07`).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch value {
    case .null: out += "null"
    case let .bool(flag): out += flag ? "true" : "false"
    case let .integer(number): out += String(number)
    case let .number(number): out += self.number(number)
    case let .string(text): out += quote(text)
    case let .array(items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += pad
        write(item, indent: indent + 1, into: &out)
        out += index + 1 < items.count ? ",\n" : "\n"
      }
      out += closePad + "]"
    case let .object(members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, (key, item)) in members.enumerated() {
        out += pad + quote(key) + ": "
        write(item, indent: indent + 1, into: &out)
        out += index + 1 < members.count ? ",\n" : "\n"
      }
      out += closePad + "}"
    }
  }

  /// A JSON string literal with the escapes RFC 8259 requires.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
