/// A data-centre site: part of the shared data centre, or a tenant's legacy room.
public struct Site: Hashable, Sendable, Identifiable {
  /// The kinds of site.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Part of the shared data centre that tenants join.
    case shared
    /// A tenant's own room, used until the tenant joins and closed at some point.
    case legacy
  }

  /// The id other sections refer to.
  public var id: String
  /// A readable name.
  public var name: String
  /// Shared or legacy.
  public var kind: Kind
  /// The network node the site sits on, if given (the network section checks it).
  public var node: String?
  /// The first year the site no longer runs; nil if it stays.
  public var decommissionYear: Year?
  /// Whether the site closes the year after the last tenant with it as `legacySite` joins
  /// the shared data centre (``Scenario/closeRoomsAfterMoves()`` sets ``decommissionYear``).
  public var closesAfterMove: Bool
  /// For a shared site, its share of the shared data centre's load in normal operation.
  public var loadShare: Fraction
  /// For a shared site, its share by year when the scenario gives a table (linear between the
  /// years given, flat beyond); nil: ``loadShare`` every year (docs/conventions.md, "Demand").
  public var loadShareTable: YearSeries?
  /// The year from which the site is lost for good, unforeseen (an event `site-loss`: a fire,
  /// a flood); nil: never (docs/conventions.md, "Site loss").
  public var lossYear: Year?
  /// What stands at the start of the plan (a legacy room's fixed capacity, say).
  public var existingCapacity: FacilityCapacity
  /// Modules the site can add, built in this order as demand needs them.
  public var modules: [BuildModule]
  /// Power usage effectiveness per year: facility power ÷ IT power.
  public var pue: YearValue
  /// The facility's overhead as a fixed and a proportional part (replaces ``pue``: the PUE
  /// then follows the IT load; docs/conventions.md, "Facility"); nil: ``pue``.
  public var overhead: FacilityOverhead?
  /// The year the site began operating, for the Energy Efficiency Act's limits; nil: before
  /// the horizon when it has capacity standing, else its first year with IT load.
  public var inOperationSince: Year?
  /// Where it stands, for distances between sites (georedundancy), if given.
  public var location: GeoLocation?
  /// For a legacy room, the years before it empties in which worn hardware is kept in service
  /// instead of replaced (docs/conventions.md, "Moves"); 0: refreshed to the end.
  public var freezeBeforeMoveYears = 0
  /// For a legacy room, the months it keeps running for the load that leaves it, next to the
  /// new site (docs/conventions.md, "Moves"); 0: none.
  public var parallelRunningMonths = 0.0
  /// The server and storage types this site buys (docs/conventions.md, "Sizing"); nil: the
  /// policy's (else the catalogue's first).
  public var serverType: String?
  public var storageType: String?
  /// This site's staffing rule (docs/conventions.md, "Costs"); nil: the cost inputs'
  /// `servers_per_fte` and `min_fte_per_site`.
  public var staffing: Staffing?
  /// For a rented site (colocation), its contract; nil: the site is owned
  /// (docs/conventions.md, "Rented sites").
  public var rent: SiteRent?

  /// A site from its values.
  public init(
    id: String, name: String, kind: Kind, node: String?, decommissionYear: Year?, loadShare: Fraction,
    existingCapacity: FacilityCapacity = .none, modules: [BuildModule] = [], pue: YearValue = .constant(1),
    closesAfterMove: Bool = false
  ) {
    self.closesAfterMove = closesAfterMove
    self.id = id
    self.name = name
    self.kind = kind
    self.node = node
    self.decommissionYear = decommissionYear
    self.loadShare = loadShare
    self.existingCapacity = existingCapacity
    self.modules = modules
    self.pue = pue
  }

  /// Whether the site is a provider's service (IaaS): the provider owns, runs, powers and
  /// houses the hardware; the plan pays per vCPU, RAM and TiB.
  public var isProviderService: Bool { rent?.isService ?? false }

  /// Whether the site still runs in `year`: before its decommissioning year and before its loss.
  public func isOperating(in year: Year) -> Bool {
    (decommissionYear.map { year < $0 } ?? true) && (lossYear.map { year < $0 } ?? true)
  }

  /// The index in `years` of the first year it no longer runs (closed or lost); `years.count`
  /// when it runs throughout.
  public func firstClosedIndex(_ years: [Year]) -> Int {
    years.firstIndex { !isOperating(in: $0) } ?? years.count
  }

  /// Its share of the shared data centre's load in `year` as written (before closed sites'
  /// shares pass to the others): the table's value, else ``loadShare``.
  public func loadShare(in year: Year) -> Double {
    loadShareTable?.value(in: year) ?? loadShare.value
  }
}

extension Scenario {
  /// The year shared sites are lost in (an event `site-loss`), if any: the scenario format
  /// allows one such year (docs/conventions.md, "Site loss").
  public var siteLossYear: Year? {
    sites.compactMap(\.lossYear).min()
  }

  /// The same scenario as the plan saw it before the loss: no site is lost.
  public func withoutSiteLosses() -> Scenario {
    var before = self
    for s in before.sites.indices { before.sites[s].lossYear = nil }
    return before
  }

  /// Sets the closing year of every site that closes after its tenants' move: the year after
  /// the last tenant with it as `legacySite` joins the shared data centre; never while one of
  /// them never joins, or when no tenant names it (docs/conventions.md, "Sites").
  public mutating func closeRoomsAfterMoves() {
    for s in sites.indices where sites[s].closesAfterMove {
      var last: Year?
      var everyoneMoves = true
      for tenant in tenants where tenant.legacySite == sites[s].id {
        guard let join = tenant.joinsSharedDataCentre else {
          everyoneMoves = false
          break
        }
        last = max(last ?? join, join)
      }
      sites[s].decommissionYear = everyoneMoves ? last.map { $0 + 1 } : nil
    }
  }
}

/// A point on the earth: latitude and longitude in degrees (WGS 84).
public struct GeoLocation: Hashable, Sendable {
  /// Degrees north, −90 … 90.
  public var latitude: Double
  /// Degrees east, −180 … 180.
  public var longitude: Double

  /// A location from its coordinates.
  public init(latitude: Double, longitude: Double) {
    self.latitude = latitude
    self.longitude = longitude
  }

  /// The great-circle distance to `other` in km (haversine on a sphere of radius 6,371 km,
  /// the mean earth radius; within 0.5 % of the ellipsoid's distance).
  public func distanceKm(to other: GeoLocation) -> Double {
    let toRadians = Double.pi / 180
    let dLat = (other.latitude - latitude) * toRadians
    let dLon = (other.longitude - longitude) * toRadians
    let a = sine(dLat / 2) * sine(dLat / 2)
      + cosine(latitude * toRadians) * cosine(other.latitude * toRadians) * sine(dLon / 2) * sine(dLon / 2)
    return 2 * 6371 * arcTangent2(squareRoot(a), squareRoot(1 - a))
  }
}

extension Scenario {
  /// The sites only tenants' standalone plans use (`standalone_twin`).
  public var standaloneOnlySites: Set<String> { Set(tenants.compactMap(\.standaloneTwin)) }

  /// The scenario the shared plan runs on: without the sites only standalone plans use.
  public func forPlan() -> Scenario {
    let standaloneOnly = standaloneOnlySites
    guard !standaloneOnly.isEmpty else { return self }
    var plan = self
    plan.sites.removeAll { standaloneOnly.contains($0.id) }
    return plan
  }
}

/// A facility's power overhead (cooling, UPS losses, lighting) as a part that does not scale
/// with the IT load and a part that does: facility kW = IT kW × (1 + proportional) + fixed.
public struct FacilityOverhead: Hashable, Sendable {
  /// kW drawn while the site runs any IT load.
  public var fixedKW: Double
  /// The share of the IT load drawn on top.
  public var proportional: Double

  /// An overhead from its parts.
  public init(fixedKW: Double, proportional: Double) {
    self.fixedKW = fixedKW
    self.proportional = proportional
  }

  /// Facility kW for `itKW` of IT load.
  public func facilityKW(it itKW: Double) -> Double { itKW > 0 ? itKW * (1 + proportional) + fixedKW : 0 }
}

/// How many operators a site needs: one per ``serversPerFTE`` servers in service, at least
/// ``minimumFTE`` while it has any (docs/conventions.md, "Costs").
public struct Staffing: Hashable, Sendable {
  /// Servers one full-time operator looks after; 0: no staff by servers.
  public var serversPerFTE: Double
  /// The fewest operators the site needs while it has servers in service.
  public var minimumFTE: Double

  /// A staffing rule from its values.
  public init(serversPerFTE: Double, minimumFTE: Double) {
    self.serversPerFTE = serversPerFTE
    self.minimumFTE = minimumFTE
  }
}

/// A colocation contract (docs/conventions.md, "Rented sites"): rent for the racks and the IT
/// power contracted (the site's capacity and its modules standing), from the first year the
/// site carries IT load, for at least the term, and for the notice after it closes.
public struct SiteRent: Hashable, Sendable {
  /// Rent per rack position contracted, EUR a year.
  public var perRackYearEUR: Double
  /// Rent per kW of IT power contracted, EUR a year.
  public var perKWYearEUR: Double
  /// Whether the rent includes the energy (no energy line of its own; always for a service).
  public var energyIncluded: Bool
  /// The shortest contract, years from the first year with IT load.
  public var termYears: Int
  /// The months paid after the site closes (`decommission_year`).
  public var noticeMonths: Double
  /// A provider's service (IaaS) price per vCPU the site is sized for, EUR a year.
  public var perVCPUYearEUR: Double = 0
  /// A provider's service price per GiB of RAM the site is sized for, EUR a year.
  public var perGiBRAMYearEUR: Double = 0
  /// A provider's service price per TiB the site stores (its copies included), EUR a year.
  public var perTiBYearEUR: Double = 0
  /// Whether the contract is a provider's service priced per vCPU, RAM or TiB (the provider
  /// owns and runs the hardware) rather than space and power (docs/conventions.md, "Rented sites").
  public var isService = false

  /// A contract from its values.
  public init(perRackYearEUR: Double, perKWYearEUR: Double, energyIncluded: Bool, termYears: Int, noticeMonths: Double) {
    self.perRackYearEUR = perRackYearEUR
    self.perKWYearEUR = perKWYearEUR
    self.energyIncluded = energyIncluded
    self.termYears = termYears
    self.noticeMonths = noticeMonths
  }
}
