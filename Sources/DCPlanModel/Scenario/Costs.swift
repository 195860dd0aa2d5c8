/// Prices for the cost stage: energy, maintenance, staff and space.
public struct CostInputs: Hashable, Sendable {
  /// Energy price per kWh in each year (EUR per kWh), escalation applied.
  public var energyPricePerKWh: YearValue
  /// Yearly maintenance as a share of the purchase value of the hardware in service.
  public var maintenanceShare: Fraction
  /// Servers one full-time operator looks after.
  public var serversPerFTE: Double
  /// Cost of one full-time operator per year (EUR), escalation applied.
  public var ftePerYear: YearValue
  /// The fewest operators a site with servers in service needs (a 24×7 shift's floor).
  public var minFTEPerSite: Double = 0
  /// Cost of one rack position per year (EUR), escalation applied.
  public var spacePerRackYear: YearValue
  /// Licence cost per physical core of the servers in service per year (EUR), escalation applied.
  public var licencePerCoreYear: YearValue = .constant(0)
  /// Licence cost per vCPU of demand placed at a site per year (EUR), escalation applied.
  public var licencePerVCPUYear: YearValue = .constant(0)
  /// Volume discounts on servers and storage units bought in one year.
  public var procurement = ProcurementTiers.none
  /// Whether the ledger is in nominal money or in real money of the first year.
  public var money = MoneyBasis.nominal
  /// Lifetimes of the asset classes that the hardware catalogue does not give, for
  /// depreciation and annuities.
  public var assetLives = AssetLives.standard
  /// Budget lines to hold the plan's costs against.
  public var budgets: [BudgetLine] = []
  /// Costs the scenario declares itself (licences per user, security, projects).
  public var items: [CostItem] = []
  /// Grams of CO2 per kWh of electricity by year (the grid mix); constant 0: no emissions computed.
  public var emissionFactorGPerKWh: YearValue = .constant(0)
  /// A price (or an appraisal's shadow price) per tonne of CO2 by year, EUR; 0: none.
  public var co2PricePerTonne: YearValue = .constant(0)
  /// Yearly maintenance of hardware kept in service past its life (a room frozen before its
  /// move), as a share of its list price; nil: the same as ``maintenanceShare``.
  public var maintenanceBeyondLife: Fraction?
  /// Whether the ledger credits the book value of the assets still in service at the end of
  /// the horizon (docs/conventions.md, "Residual value"); false: a cash-only view.
  public var residualValue = true
  /// Value-added tax on the prices (docs/conventions.md, "VAT"); nil: prices are taken as
  /// written, VAT not modelled.
  public var vat: VATRule?

  /// Cost inputs from their values.
  public init(
    energyPricePerKWh: YearValue, maintenanceShare: Fraction, serversPerFTE: Double, ftePerYear: YearValue,
    spacePerRackYear: YearValue
  ) {
    self.energyPricePerKWh = energyPricePerKWh
    self.maintenanceShare = maintenanceShare
    self.serversPerFTE = serversPerFTE
    self.ftePerYear = ftePerYear
    self.spacePerRackYear = spacePerRackYear
  }

  /// No costs at all: a plan with these inputs prices hardware and modules only.
  public static let none = CostInputs(
    energyPricePerKWh: .constant(0), maintenanceShare: .zero, serversPerFTE: 0, ftePerYear: .constant(0),
    spacePerRackYear: .constant(0))
}

/// Volume discounts: the price of every unit bought in a year falls by the discount of the
/// highest tier the year's purchases reach (docs/conventions.md, "Procurement tiers").
public struct ProcurementTiers: Hashable, Sendable {
  /// Tiers for servers, by rising volume.
  public var servers: [ProcurementTier]
  /// Tiers for storage units, by rising volume.
  public var storage: [ProcurementTier]

  /// Tiers from their lists; each is sorted by volume.
  public init(servers: [ProcurementTier], storage: [ProcurementTier]) {
    self.servers = servers.sorted { $0.fromUnits < $1.fromUnits }
    self.storage = storage.sorted { $0.fromUnits < $1.fromUnits }
  }

  /// No discounts.
  public static let none = ProcurementTiers(servers: [], storage: [])
}

/// One volume tier: from `fromUnits` bought in a year, every unit is `discount` cheaper.
public struct ProcurementTier: Hashable, Sendable {
  /// Units bought in a year from which the tier applies.
  public var fromUnits: Int
  /// The discount on the catalogue price.
  public var discount: Fraction

  /// A tier from its values.
  public init(fromUnits: Int, discount: Fraction) {
    self.fromUnits = fromUnits
    self.discount = discount
  }

  /// The discount for `units` bought in a year: the highest tier reached, or none.
  public static func discount(for units: Int, in tiers: [ProcurementTier]) -> Double {
    var discount = 0.0
    for tier in tiers where units >= tier.fromUnits { discount = tier.discount.value }
    return discount
  }
}

/// Whether amounts are nominal (the prices of each year, escalation included) or real
/// (deflated to money of the horizon's first year by one inflation rate; docs/conventions.md,
/// "Money basis").
public enum MoneyBasis: Hashable, Sendable {
  /// The prices of each year.
  case nominal
  /// Money of the first year: a year-t amount is divided by (1 + inflation)^t.
  case real(inflation: GrowthRate)

  /// The factor a nominal amount of the year `elapsed` years after the first is multiplied by.
  public func factor(afterYears elapsed: Int) -> Double {
    switch self {
    case .nominal: return 1
    case let .real(inflation): return 1 / inflation.factor(afterYears: elapsed)
    }
  }
}

/// Lifetimes (years) of the capital assets whose life the hardware catalogue does not give.
public struct AssetLives: Hashable, Sendable {
  /// Building modules.
  public var modules: Int
  /// Link upgrades.
  public var linkUpgrades: Int
  /// IP phones.
  public var ipPhones: Int
  /// Voice gateways.
  public var voiceGateways: Int

  /// Lives from their values.
  public init(modules: Int, linkUpgrades: Int, ipPhones: Int, voiceGateways: Int) {
    self.modules = modules
    self.linkUpgrades = linkUpgrades
    self.ipPhones = ipPhones
    self.voiceGateways = voiceGateways
  }

  /// The documented defaults: buildings 25 years, link upgrades 10, phones and gateways 7.
  public static let standard = AssetLives(modules: 25, linkUpgrades: 10, ipPhones: 7, voiceGateways: 7)
}

/// A budget line: money available per year for some cost categories (all when empty).
public struct BudgetLine: Hashable, Sendable {
  /// The id tables show.
  public var id: String
  /// The cost categories it pays for, by their ledger names; empty: all.
  public var categories: [String]
  /// The amount per year (EUR).
  public var amountEUR: YearValue
  /// Whose budget it is: nil, the shared plan's own body (it pays the ledger); else a
  /// tenant's id (it pays that tenant's charges; docs/conventions.md, "Budget lines").
  public var body: String?
  /// The first years of double budgets (Doppelhaushalt, § 12 LHO): each such year and the
  /// next form one budget period, in which the first year's unspent money stays available.
  public var doubleBudgetFirstYears: [Year] = []
  /// Whether money unspent in a year carries into the next across periods too (transferable
  /// appropriations, § 19 LHO).
  public var carryOver = false
  /// Commitment appropriations (Verpflichtungsermächtigungen, § 16 LHO) per year: how much
  /// the year may commit for payments in later years; nil: the need is reported, not checked.
  public var commitmentAppropriationEUR: YearValue?

  /// A budget line from its values.
  public init(id: String, categories: [String], amountEUR: YearValue) {
    self.id = id
    self.categories = categories
    self.amountEUR = amountEUR
  }
}

/// A number that may change by year: constant, compounding from a base year, or a table.
public enum YearValue: Hashable, Sendable {
  /// The same every year.
  case constant(Double)
  /// `value` in `baseYear`, changing by `rate` a year (before and after).
  case escalating(value: Double, baseYear: Year, rate: GrowthRate)
  /// Given for some years, linear between, flat beyond (``YearSeries``).
  case table(YearSeries)

  /// The value in `year`.
  public func value(in year: Year) -> Double {
    switch self {
    case let .constant(value): return value
    case let .escalating(value, baseYear, rate): return value * rate.factor(afterYears: year - baseYear)
    case let .table(series): return series.value(in: year)
    }
  }
}

/// A cost the scenario declares itself (docs/conventions.md, "Cost items"): licences per user,
/// a security operations centre, a one-off project. One-off in a year or recurring, per
/// employee, per phone, per vCPU, per site or fixed.
public struct CostItem: Hashable, Sendable {
  /// What the amount is counted against.
  public enum Basis: String, Hashable, Sendable, CaseIterable {
    case employee, phone, vcpu, site, fixed
  }

  /// What a tenant alone would pay for a site or fixed item.
  public enum Alone: String, Hashable, Sendable, CaseIterable {
    /// The whole item, each on its own (a security operations centre: each needs its own).
    case own
    /// Its usage share, as in the plan: the item costs the same whoever bears it.
    case share
  }

  public var id: String
  /// The ledger category (``CostCategory``) its lines carry.
  public var category: CostCategory
  public var basis: Basis
  /// EUR per year (recurring) or once (in ``oneOffYear``), per unit of the basis.
  public var amountEUR: Double
  /// The year of a one-off item; nil: recurring.
  public var oneOffYear: Year?
  /// The years a recurring item runs; nil: the whole horizon.
  public var years: YearRange?
  /// The tenants it serves (and is counted for); empty: every tenant.
  public var tenants: [String]
  /// For `site`: the sites it is paid at; empty: the shared sites.
  public var sites: [String]
  public var alone: Alone
  /// Whether no VAT falls on it (docs/conventions.md, "VAT"): its own staff, a fee.
  public var vatExempt = false

  public init(
    id: String, category: CostCategory, basis: Basis, amountEUR: Double, oneOffYear: Year? = nil, years: YearRange? = nil,
    tenants: [String] = [], sites: [String] = [], alone: Alone = .own
  ) {
    self.id = id
    self.category = category
    self.basis = basis
    self.amountEUR = amountEUR
    self.oneOffYear = oneOffYear
    self.years = years
    self.tenants = tenants
    self.sites = sites
    self.alone = alone
  }
}

/// Value-added tax (docs/conventions.md, "VAT"): the scenario's prices are net of it; who can
/// reclaim it and whether the shared plan's body charges it decide what each option pays.
public struct VATRule: Hashable, Sendable {
  /// How the body running the shared plan treats its services to its members.
  public enum Charges: String, Hashable, Sendable, CaseIterable {
    /// Not taxable (§2b(3) or §4 Nr. 29 UStG): it charges no VAT, and cannot reclaim the VAT
    /// on its own purchases.
    case exempt
    /// Taxable: it reclaims the VAT on its purchases and charges VAT on its whole charge to
    /// each member (staff included).
    case taxable
  }

  /// The rate, e.g. 0.19.
  public var rate: Double
  public var cooperativeCharges: Charges
  /// Set once the prices have been raised by the rate, so that they never are twice.
  public var pricesIncludeVAT = false

  /// A rule from its values.
  public init(rate: Double, cooperativeCharges: Charges) {
    self.rate = rate
    self.cooperativeCharges = cooperativeCharges
  }
}
