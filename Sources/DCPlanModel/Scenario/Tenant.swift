/// A public body that uses the shared data centre: the state, a municipality, or a
/// municipal data centre acting for its member municipalities.
public struct Tenant: Hashable, Sendable, Identifiable {
  /// The kinds of tenant.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// The state administration (Land).
    case state
    /// A municipality (Gemeinde, Stadt, Landkreis).
    case municipality
    /// A municipal data centre (kommunaler IT-Dienstleister).
    case municipalDataCentre = "municipal-data-centre"
  }

  /// The id other sections refer to.
  public var id: String
  /// A readable name.
  public var name: String
  /// The one-off cost of moving its workloads into the shared data centre, in its join year;
  /// nil: none (docs/conventions.md, "Moves").
  public var migration: Migration?
  /// The kind of body.
  public var kind: Kind
  /// Employees per year.
  public var employees: Headcount
  /// The first year its workloads run in the shared data centre; nil if it never joins.
  public var joinsSharedDataCentre: Year?
  /// Where its workloads run before it joins; nil if they are outside the plan until then.
  public var legacySite: String?
  /// Where its employees work, on the network; empty if the network is not modelled for it.
  public var locations: [TenantLocation]
  /// The tenant's fixed cost-sharing key (a treaty share, population, ...); nil if none given.
  public var costKey: Double?
  /// What the tenant would do alone, for the standalone counterfactual.
  public var standalone: StandaloneOption = .automatic
  /// A second room the tenant would run beside its legacy room alone, from its join year, so
  /// that its standalone plan reaches the same availability classes as the shared plan (a
  /// legacy site used by no one in the plan; docs/conventions.md, "Cost sharing").
  public var standaloneTwin: String?
  /// Whether the tenant can reclaim the VAT it pays (input tax deduction; docs/conventions.md,
  /// "VAT"); public bodies in their sovereign tasks cannot.
  public var reclaimsVAT = false

  /// What a tenant would do alone (docs/conventions.md, "Cost sharing").
  public enum StandaloneOption: String, Hashable, Sendable, CaseIterable {
    /// Its legacy room if it has one, else the shared sites' design on its own.
    case automatic
    /// Keep its legacy room for the whole horizon, extended by the room's own modules.
    case legacyRoom = "legacy-room"
    /// Build and run the shared sites' design (and redundancy) on its own from its join year.
    case sharedDesign = "shared-design"
  }

  /// A tenant from its values.
  public init(
    id: String, name: String, kind: Kind, employees: Headcount, joinsSharedDataCentre: Year?,
    legacySite: String?, locations: [TenantLocation] = [], costKey: Double? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.employees = employees
    self.joinsSharedDataCentre = joinsSharedDataCentre
    self.legacySite = legacySite
    self.locations = locations
    self.costKey = costKey
  }

  /// Whether its workloads run in the shared data centre in `year`.
  public func isInSharedDataCentre(in year: Year) -> Bool {
    joinsSharedDataCentre.map { year >= $0 } ?? false
  }
}

/// A tenant's employees over the years: compounding from a base year, or a per-year table.
public enum Headcount: Hashable, Sendable {
  /// `base` employees in `baseYear`, changing by `growth` each year (before and after).
  case compounding(base: Double, baseYear: Year, growth: GrowthRate)
  /// Employees given for some years, linear in between, flat beyond (``YearSeries``).
  case table(YearSeries)

  /// The employees in `year`.
  public func employees(in year: Year) -> Double {
    switch self {
    case let .compounding(base, baseYear, growth):
      return base * growth.factor(afterYears: year - baseYear)
    case let .table(series):
      return series.value(in: year)
    }
  }
}

/// The one-off cost of a tenant's move into the shared data centre (a migration project):
/// fixed + per vCPU + per TiB moved + staff days at a day rate (docs/conventions.md, "Moves").
public struct Migration: Hashable, Sendable {
  /// A fixed amount, EUR.
  public var fixedEUR = 0.0
  /// Per vCPU of the tenant's demand in its join year, EUR.
  public var perVCPUEUR = 0.0
  /// Per TiB of its stored data in its join year, EUR.
  public var perTiBEUR = 0.0
  /// Days of staff work.
  public var staffDays = 0.0
  /// EUR per staff day; nil: the year's cost per FTE ÷ 200 working days.
  public var dayRateEUR: Double?

  /// No migration cost.
  public init() {}
}
