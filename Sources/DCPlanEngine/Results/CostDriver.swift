/// The quantity and price a cost line was computed from, kept as numbers and written out
/// only when a table or the ledger is rendered (sweeps and Monte Carlo never pay for text).
public enum CostDriver: Hashable, Sendable, CustomStringConvertible {
  /// `count` of `noun` at `unitEUR` each: "4 servers × 10000 EUR".
  case units(count: Double, noun: String, unitEUR: Double)
  /// Facility energy at a price: "56.76 MWh × 23.15 ct/kWh".
  case energy(mwh: Double, eurPerKWh: Double)
  /// A share of a value: "8 % of 100000 EUR in service".
  case share(fraction: Double, ofEUR: Double, what: String)
  /// A one-off cost spread over years: "module 'hall 1': 3200000 EUR over 3 year(s)".
  case spread(what: String, totalEUR: Double, years: Int)
  /// A link's lease at the capacity standing: "lease at 40000 Mbit/s".
  case lease(capacityMbps: Double)
  /// Something said in words only: "gateway 'gw-a' opens".
  case note(String)
  /// The book value left of a capex at the horizon's end, straight line over its life:
  /// "module 'hall 2': 24/25 of 1200000.00 EUR still on the books".
  case bookValue(what: String, capexEUR: Double, yearsLeft: Int, lifeYears: Int)
  /// A nominal amount deflated to money of the first year: "… × 0.9612 (real)".
  indirect case deflated(CostDriver, factor: Double)

  /// The driver in words, as the ledger shows it.
  public var description: String {
    func n(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }
    switch self {
    case let .units(count, noun, unitEUR): return "\(n(count)) \(noun) × \(n(unitEUR)) EUR"
    case let .energy(mwh, price): return "\(n(mwh)) MWh × \(n(price * 100)) ct/kWh"
    case let .share(fraction, ofEUR, what): return "\(n(fraction * 100)) % of \(n(ofEUR)) EUR \(what)"
    case let .spread(what, total, years): return "\(what): \(n(total)) EUR over \(years) year(s)"
    case let .lease(capacity): return "lease at \(n(capacity)) Mbit/s"
    case let .note(text): return text
    case let .bookValue(what, capex, left, life): return "\(what): \(left)/\(life) of \(n(capex)) EUR still on the books"
    case let .deflated(inner, factor): return "\(inner.description) × \(NumberText.fixed(factor, decimals: 4)) (real)"
    }
  }
}
