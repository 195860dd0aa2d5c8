/// One unit symbol a planner may write, with its size in dcplan's base units.
public struct UnitSymbol: Sendable {
  /// The symbol as written in a scenario file (`GiB`, `Gbit`, `kWh`, `ct`).
  public let symbol: String
  /// How many base units one of this unit is (1 GiB = 1,073,741,824 bytes).
  public let factor: Double
  /// The dimension of the unit.
  public let dimension: Dimension
}

/// Every unit symbol dcplan understands: one table for every key of every scenario file.
///
/// Decimal prefixes (k, M, G, T, P, E) are powers of 1000, binary ones (Ki, Mi, Gi, Ti, Pi,
/// Ei) powers of 1024; `GB` and `GiB` are different units, and so are `bit` and `B`
/// (1 B = 8 bit). A year is 365 days (8,760 h) and a month a twelfth of a year, as
/// docs/conventions.md states.
public enum UnitTable {
  /// Seconds in one year: 365 days of 24 hours (docs/conventions.md, "Time").
  public static let secondsPerYear = 365.0 * 24 * 3600

  /// All symbols, keyed by their spelling (case-sensitive: `MB` is not `mb`).
  public static let symbols: [String: UnitSymbol] = {
    var table: [String: UnitSymbol] = [:]
    func add(_ symbol: String, _ factor: Double, _ dimension: Dimension) {
      table[symbol] = UnitSymbol(symbol: symbol, factor: factor, dimension: dimension)
    }
    let decimal: [(String, Double)] = [("", 1), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18)]
    let binary: [(String, Double)] = [
      ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
      ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
    ]
    for (prefix, factor) in decimal + binary {
      add(prefix + "B", factor, .information)
      add(prefix + "bit", factor / 8, .information)
    }
    for (prefix, factor) in decimal where prefix != "E" {
      add(prefix + "bps", factor / 8, .bandwidth)
    }
    add("ms", 1e-3, .duration)
    add("s", 1, .duration)
    add("min", 60, .duration)
    add("h", 3600, .duration)
    for day in ["d", "day", "days"] { add(day, 86_400, .duration) }
    for week in ["week", "weeks"] { add(week, 7 * 86_400, .duration) }
    for month in ["month", "months"] { add(month, secondsPerYear / 12, .duration) }
    for year in ["a", "yr", "year", "years"] { add(year, secondsPerYear, .duration) }
    for (prefix, factor) in decimal where ["", "k", "M", "G"].contains(prefix) {
      add(prefix + "W", factor, .power)
    }
    for (prefix, factor) in decimal where ["", "k", "M", "G", "T"].contains(prefix) {
      add(prefix + "Wh", factor * 3600, .energy)
    }
    add("EUR", 1, .money)
    add("kEUR", 1e3, .money)
    add("MEUR", 1e6, .money)
    add("ct", 0.01, .money)
    add("m", 1, .length)
    add("km", 1000, .length)
    add("vCPU", 1, .vcpuCount)
    add("g", 1, .mass)
    add("kg", 1e3, .mass)
    add("t", 1e6, .mass)
    for employee in ["employee", "employees"] { add(employee, 1, Dimension(employee: 1)) }
    for phone in ["phone", "phones"] { add(phone, 1, .dimensionless) }
    add("%", 0.01, .dimensionless)
    return table
  }()

  /// The symbol nearest to a misspelt one, if one is near enough to be a likely typo.
  public static func suggestion(for unknown: String) -> String? {
    Spelling.nearest(to: unknown, among: symbols.keys.sorted())
  }
}
