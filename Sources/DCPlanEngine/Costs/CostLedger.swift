import DCPlanModel

/// One line of the cost ledger: every total is a sum of these.
public struct CostLine: Hashable, Sendable {
  /// The year the money is spent.
  public let year: Year
  /// What it is for.
  public let category: CostCategory
  /// The site, link, gateway or tenant location it is spent at.
  public let site: String
  /// The tenants it serves, in scenario order; empty: every tenant (docs/conventions.md, "Cost sharing").
  public let tenants: [String]
  /// The amount in EUR (in money of the first year when the scenario asks for real money).
  public let amountEUR: Double
  /// The quantity and price it was computed from, for tracing.
  public let driverKind: CostDriver
  /// For capex, the first year the asset serves (a module's or link upgrade's ready year;
  /// the year itself for purchases); nil for opex.
  public let serviceYear: Year?

  /// The driver in words ("12 servers × 9000 EUR").
  public var driver: String { driverKind.description }

  /// A line from its parts.
  public init(
    year: Year, category: CostCategory, site: String, tenants: [String] = [], amountEUR: Double, driver: CostDriver,
    serviceYear: Year? = nil
  ) {
    self.year = year
    self.category = category
    self.site = site
    self.tenants = tenants
    self.amountEUR = amountEUR
    driverKind = driver
    self.serviceYear = category.isCapex ? (serviceYear ?? year) : nil
  }

  /// The line naming no tenant: it serves every one.
  func servingEveryone() -> CostLine {
    CostLine(year: year, category: category, site: site, tenants: [], amountEUR: amountEUR, driver: driverKind, serviceYear: serviceYear)
  }

  /// The line with its amount multiplied by `factor` (deflation to real money).
  func deflated(by factor: Double) -> CostLine {
    guard factor != 1 else { return self }
    return CostLine(
      year: year, category: category, site: site, tenants: tenants, amountEUR: amountEUR * factor,
      driver: .deflated(driverKind, factor: factor), serviceYear: serviceYear)
  }
}

/// The cost stage's result: the ledger, totals per year and the net present value.
public struct CostResults: Hashable, Sendable {
  /// Every cost line, by site, then category, then year.
  public let lines: [CostLine]
  /// Capital expenditure per year, EUR.
  public let capexEUR: [Double]
  /// Operating expenditure per year, EUR.
  public let opexEUR: [Double]
  /// The residual value lines summed per year: negative, a credit in the last year
  /// (docs/conventions.md, "Residual value"), EUR.
  public let residualEUR: [Double]
  /// The book value left at the horizon's end, over the horizon (positive; 0 when the
  /// scenario leaves residual values out), EUR.
  public var residualValueEUR: Double { -residualEUR.reduce(0, +) }
  /// Capex + opex less the residual value per year, EUR.
  public var totalEUR: [Double] { capexEUR.indices.map { capexEUR[$0] + opexEUR[$0] + residualEUR[$0] } }
  /// Net present value of the totals at the scenario's discount rate (docs/conventions.md, "NPV").
  public let npvEUR: Double
}

/// Where per-site cost terms go: into ledger lines, or only into yearly sums (the cost game).
protocol CostSink {
  /// Adds `amountEUR` of `category` in year index `y`; `driver` is evaluated only if kept.
  mutating func add(
    _ y: Int, _ category: CostCategory, _ amountEUR: Double, _ driver: @autoclosure () -> CostDriver, serviceYear: Year?)
}

extension CostSink {
  mutating func add(_ y: Int, _ category: CostCategory, _ amountEUR: Double, _ driver: @autoclosure () -> CostDriver) {
    add(y, category, amountEUR, driver(), serviceYear: nil)
  }
}

/// Keeps every term as a ledger line.
struct LedgerSink: CostSink {
  let site: String
  let years: [Year]
  let tenants: (Int) -> [String]
  var lines: [CostLine] = []

  mutating func add(
    _ y: Int, _ category: CostCategory, _ amountEUR: Double, _ driver: @autoclosure () -> CostDriver, serviceYear: Year?
  ) {
    lines.append(CostLine(
      year: years[y], category: category, site: site, tenants: tenants(y), amountEUR: amountEUR, driver: driver(),
      serviceYear: serviceYear))
  }
}

/// Keeps yearly sums only.
struct YearlySumSink: CostSink {
  var eur: [Double]

  mutating func add(
    _ y: Int, _ category: CostCategory, _ amountEUR: Double, _ driver: @autoclosure () -> CostDriver, serviceYear: Year?
  ) {
    eur[y] += amountEUR
  }
}

/// Yearly sums of capex, opex and the residual value credited at the end (EUR).
struct YearlyCosts: Sendable {
  var capex: [Double]
  var opex: [Double]
  var residual: [Double]

  /// `count` years of zeros.
  init(count: Int) {
    capex = [Double](repeating: 0, count: count)
    opex = capex
    residual = capex
  }

  /// Adds `amountEUR` of `category` in year index `y`.
  @inline(__always)
  mutating func add(_ y: Int, _ category: CostCategory, _ amountEUR: Double) {
    if category.isCapex {
      capex[y] += amountEUR
    } else if category.isResidual {
      residual[y] += amountEUR
    } else {
      opex[y] += amountEUR
    }
  }

  /// Capex, opex and residual value together per year.
  var total: [Double] { capex.indices.map { capex[$0] + opex[$0] + residual[$0] } }
}

/// Keeps yearly capex, opex and residual sums only (Monte Carlo trials).
struct CapexOpexSink: CostSink {
  var sums: YearlyCosts

  mutating func add(
    _ y: Int, _ category: CostCategory, _ amountEUR: Double, _ driver: @autoclosure () -> CostDriver, serviceYear: Year?
  ) {
    sums.add(y, category, amountEUR)
  }
}

/// Where the network and voice stages put their cost lines: the ledger keeps every line, a
/// Monte Carlo trial or the cost game only yearly sums (the line's site, tenants and driver
/// are then never made). Each line's year, category and amount are given once.
protocol CostLineSink {
  mutating func add(
    _ year: Year, _ category: CostCategory, _ amountEUR: Double, at site: @autoclosure () -> String,
    serving tenants: @autoclosure () -> [String], _ driver: @autoclosure () -> CostDriver, serviceYear: Year?)
}

extension CostLineSink {
  /// A line with no service year of its own (opex, or capex serving from its own year).
  mutating func add(
    _ year: Year, _ category: CostCategory, _ amountEUR: Double, at site: @autoclosure () -> String,
    serving tenants: @autoclosure () -> [String], _ driver: @autoclosure () -> CostDriver
  ) {
    add(year, category, amountEUR, at: site(), serving: tenants(), driver(), serviceYear: nil)
  }
}

/// Keeps the lines.
struct CostLineList: CostLineSink {
  var lines: [CostLine] = []

  mutating func add(
    _ year: Year, _ category: CostCategory, _ amountEUR: Double, at site: @autoclosure () -> String,
    serving tenants: @autoclosure () -> [String], _ driver: @autoclosure () -> CostDriver, serviceYear: Year?
  ) {
    lines.append(CostLine(
      year: year, category: category, site: site(), tenants: tenants(), amountEUR: amountEUR, driver: driver(),
      serviceYear: serviceYear))
  }
}

/// Sums capex, opex and residual value per year of `years` (lines outside it are left out, as
/// in the ledger's totals).
struct YearlyCapexOpex: CostLineSink {
  let first: Year
  var sums: YearlyCosts

  init(years: [Year]) {
    first = years.first ?? Year(0)
    sums = YearlyCosts(count: years.count)
  }

  mutating func add(
    _ year: Year, _ category: CostCategory, _ amountEUR: Double, at site: @autoclosure () -> String,
    serving tenants: @autoclosure () -> [String], _ driver: @autoclosure () -> CostDriver, serviceYear: Year?
  ) {
    let y = year - first
    guard y >= 0, y < sums.capex.count else { return }
    sums.add(y, category, amountEUR)
  }
}

/// Sums capex and opex together per year of `years`, onto the amounts it starts with (the
/// cost game's coalitions).
struct YearlyTotal: CostLineSink {
  let first: Year
  var eur: [Double]

  init(years: [Year], startingWith eur: [Double]) {
    first = years.first ?? Year(0)
    self.eur = eur
  }

  mutating func add(
    _ year: Year, _ category: CostCategory, _ amountEUR: Double, at site: @autoclosure () -> String,
    serving tenants: @autoclosure () -> [String], _ driver: @autoclosure () -> CostDriver, serviceYear: Year?
  ) {
    let y = year - first
    guard y >= 0, y < eur.count else { return }
    eur[y] += amountEUR
  }
}

/// Net present value, end-of-year convention with the first year undiscounted
/// (docs/conventions.md, "NPV"): `NPV = Σ_t cash_t / (1 + r)^t`, t = 0 for the first year.
public enum NPV {
  /// The NPV of yearly amounts starting in the base year.
  public static func value(_ amounts: [Double], rate: Double) -> Double {
    var factor = 1.0
    var sum = 0.0
    for amount in amounts {
      sum += amount / factor
      factor *= 1 + rate
    }
    return sum
  }
}
