/// A number with a unit as a planner wrote it, converted to dcplan's base units.
public struct ParsedQuantity: Hashable, Sendable {
  /// The value in base units (bytes, seconds, watts, euros, metres, vCPU, per employee).
  public let baseValue: Double
  /// The dimension of the unit written.
  public let dimension: Dimension
}

/// Why a text is not a quantity.
public enum QuantityParseError: Error, Hashable, Sendable {
  /// Nothing but whitespace.
  case empty
  /// The text does not start with a number (`'GiB 10'`).
  case missingNumber
  /// A decimal comma (`'1,5 kW'`); dcplan reads a decimal point only.
  case decimalComma
  /// A number without a unit where a unit is due.
  case missingUnit
  /// A unit symbol that is not in ``UnitTable`` and the nearest known one, if any.
  case unknownUnit(String, suggestion: String?)
}

/// The one parser for quantity strings such as `10 Gbit/s`, `1.5 PiB`, `4.2 ct/kWh`,
/// `1200 EUR/month`, `2 GiB/employee/year` or `3 %`.
///
/// Grammar: `number [spaces] unit ('/' unit)*`, where `number` is a decimal with an
/// optional sign and exponent and each `unit` a symbol of ``UnitTable``. The first unit
/// multiplies, every later one divides. A bare number has no unit and is dimensionless.
public enum QuantityParser {
  /// Parses `text`; see the type's documentation for the grammar.
  public static func parse(_ text: String) -> Result<ParsedQuantity, QuantityParseError> {
    if let plain = parsePlain(text) { return .success(plain) }
    let trimmed = text.trimmingWhitespace()
    if trimmed.isEmpty { return .failure(.empty) }
    let (numberText, rest) = splitNumber(trimmed)
    guard !numberText.isEmpty, let number = Double(numberText), number.isFinite else {
      return .failure(.missingNumber)
    }
    let unitText = rest.trimmingWhitespace()
    if unitText.utf8.first == UInt8(ascii: ","), let next = unitText.dropFirst().first, next.isNumber {
      return .failure(.decimalComma)
    }
    if unitText.isEmpty {
      return .success(ParsedQuantity(baseValue: number, dimension: .dimensionless))
    }
    var value = number
    var dimension = Dimension.dimensionless
    // Split on the bytes of '/' (ASCII: never part of another character's UTF-8).
    let terms = unitText.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    for (position, term) in terms.enumerated() {
      let symbol = String(decoding: term, as: UTF8.self).trimmingWhitespace()
      guard let unit = UnitTable.symbols[symbol] else {
        return .failure(.unknownUnit(symbol, suggestion: UnitTable.suggestion(for: symbol)))
      }
      apply(unit, first: position == 0, to: &value, &dimension)
    }
    return .success(ParsedQuantity(baseValue: value, dimension: dimension))
  }

  /// The common form, `1089.4 Mbit/s`, read on the bytes without making strings of its
  /// parts: printable ASCII, spaces only, a number without exponent or underscores, known
  /// units. Anything else (and every error) is left to the full parser (nil), which gives the
  /// same value for what this one reads: the same number text, the same units in the same
  /// order.
  private static func parsePlain(_ text: String) -> ParsedQuantity? {
    var text = text
    return text.withUTF8 { bytes -> ParsedQuantity? in
      let count = bytes.count
      guard count > 0, !bytes.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "_") }) else { return nil }
      var i = 0
      while i < count, bytes[i] == 0x20 { i += 1 }
      let numberStart = i
      if i < count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      let digitsStart = i
      while i < count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == UInt8(ascii: ".") { i += 1 }
      guard i > digitsStart else { return nil }
      if i < count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
      guard let number = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<i]), as: UTF8.self)),
        number.isFinite
      else { return nil }
      var end = count
      while end > i, bytes[end - 1] == 0x20 { end -= 1 }
      while i < end, bytes[i] == 0x20 { i += 1 }
      if i == end { return ParsedQuantity(baseValue: number, dimension: .dimensionless) }
      guard bytes[i] != UInt8(ascii: ",") else { return nil }
      var value = number
      var dimension = Dimension.dimensionless
      var termStart = i
      var position = 0
      while termStart <= end {
        var termEnd = termStart
        while termEnd < end, bytes[termEnd] != UInt8(ascii: "/") { termEnd += 1 }
        var a = termStart
        var b = termEnd
        while a < b, bytes[a] == 0x20 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 { b -= 1 }
        let symbol = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        guard let unit = UnitTable.symbols[symbol] else { return nil }
        apply(unit, first: position == 0, to: &value, &dimension)
        position += 1
        termStart = termEnd + 1
      }
      return ParsedQuantity(baseValue: value, dimension: dimension)
    }
  }

  /// A unit of the grammar: the first multiplies, every later one divides.
  @inline(__always)
  private static func apply(_ unit: UnitSymbol, first: Bool, to value: inout Double, _ dimension: inout Dimension) {
    if first {
      value *= unit.factor
      dimension = unit.dimension
    } else {
      value /= unit.factor
      dimension = dimension / unit.dimension
    }
  }

  /// Splits off the longest leading decimal number (`-1.5e3`, `.5`, `120`).
  private static func splitNumber(_ text: String) -> (String, String) {
    // On the UTF-8 bytes: a number is ASCII, and the split falls on a byte boundary before
    // any other character (state-scale files parse hundreds of thousands of quantities).
    let bytes = text.utf8
    var index = bytes.startIndex
    func byte(_ i: String.UTF8View.Index) -> UInt8? { i < bytes.endIndex ? bytes[i] : nil }
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    if let b = byte(index), b == UInt8(ascii: "+") || b == UInt8(ascii: "-") { index = bytes.index(after: index) }
    let digitsStart = index
    while let b = byte(index), isDigit(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") { index = bytes.index(after: index) }
    if index == digitsStart { return ("", text) }
    // An exponent only if digits follow it, so that `5 EUR` and `5E` stay units.
    if let b = byte(index), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
      var probe = bytes.index(after: index)
      if let sign = byte(probe), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { probe = bytes.index(after: probe) }
      let expStart = probe
      while isDigit(byte(probe)) { probe = bytes.index(after: probe) }
      if probe > expStart { index = probe }
    }
    let number = String(text[..<index])
    return (number.utf8.contains(UInt8(ascii: "_")) ? number.replacingUnderscores() : number, String(text[index...]))
  }
}

extension String {
  /// The string without leading and trailing white space (Unicode's White_Space: spaces,
  /// tabs, newlines, no-break spaces).
  func trimmingWhitespace() -> String {
    // ASCII white space by its bytes; the Unicode properties only where an end is not ASCII
    // (state-scale files trim hundreds of thousands of values).
    let bytes = utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    while start < end, isASCIISpace(bytes[start]) { start = bytes.index(after: start) }
    while end > start, isASCIISpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
    if start == end { return "" }
    if bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 {
      return start == bytes.startIndex && end == bytes.endIndex ? self : String(self[start..<end])
    }
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }

  fileprivate func replacingUnderscores() -> String {
    String(filter { $0 != "_" })
  }
}
