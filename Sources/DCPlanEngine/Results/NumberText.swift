/// Numbers written into warnings and ledger drivers: fixed decimals for ordinary sizes,
/// Swift's shortest form for the very large or non-finite, never a trap.
enum NumberText {
  /// `value` with at most `decimals` decimals, trailing zeros dropped (`12.5`, `3`, `1.5e+20`).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 1e15 else { return String(value) }
    let units = Int64(scaled)
    let whole = units / Int64(scale)
    var text = String(whole)
    var fraction = String(units % Int64(scale))
    if decimals > 0 {
      fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      if !fraction.isEmpty { text += "." + fraction }
    }
    return (value < 0 && units != 0 ? "-" : "") + text
  }

  /// An amount of money for a message: whole euros with thousands separated by commas, as the
  /// report's tables write them (`66,401,269`); cents below 100 EUR (`0.4`), so that a small
  /// overrun is not written as 0; the shortest form beyond 10^15.
  static func euros(_ value: Double) -> String {
    if abs(value) < 100 { return fixed(value, decimals: 2) }
    let plain = fixed(value, decimals: 0)
    guard value.isFinite, abs(value) < 1e15 else { return plain }
    let negative = plain.hasPrefix("-")
    let digits = Array(negative ? plain.dropFirst() : plain[...])
    var grouped = ""
    for (i, digit) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (negative ? "-" : "") + grouped
  }
}
