import DCPlanModel

/// The kinds of resource that can run short (docs/conventions.md, "Shortfalls").
public enum ShortfallKind: String, Hashable, Sendable, CaseIterable {
  /// A site's rack positions.
  case space
  /// A site's IT power chain, against peak IT power.
  case power
  /// A site's cooling, against peak IT power.
  case cooling
  /// A link's capacity: over its utilisation target in normal operation, or over its failure
  /// target under its worst single failure.
  case link
  /// A gateway's contracted SIP trunk group, against the channels the year needs.
  case trunks
}

/// A resource that can run short: a site's space, power or cooling, a link's capacity, or a
/// gateway's contracted trunk group.
public struct ShortfallResource: Hashable, Sendable {
  /// What runs short.
  public let kind: ShortfallKind
  /// The site, link or gateway.
  public let subject: String
}

/// The one statement of when a resource is short (docs/conventions.md, "Shortfalls"). The
/// plan's warnings, the expansion stage's module orders and the Monte Carlo trials all ask
/// here, so a trial is short exactly when the plan of that trial's scenario warns.
public enum Shortfall {
  /// Needs above what stands by more than this share (at least this much in absolute terms
  /// for values below 1) are short: a need of 400.0000000001 kW on 400 kW is not.
  public static let relativeTolerance = 1e-9

  /// Whether `need` exceeds `available`, with ``relativeTolerance``.
  @inline(__always)
  public static func exceeds(_ need: Double, _ available: Double) -> Bool {
    need > available + relativeTolerance * max(1, abs(available))
  }

  /// A site's shortfalls in one year: racks against rack positions, peak IT power against the
  /// power chain and against cooling.
  public struct Facility: Equatable, Sendable {
    /// Short of rack positions.
    public let space: Bool
    /// Short of IT power.
    public let power: Bool
    /// Short of cooling.
    public let cooling: Bool

    /// Whether anything is short.
    public var any: Bool { space || power || cooling }
  }

  /// A site's shortfalls with `racks` and `peakKW` of IT needed and `capacity` standing.
  @inline(__always)
  public static func facility(racks: Int, peakKW: Double, capacity: FacilityCapacity) -> Facility {
    Facility(
      space: racks > capacity.racks, power: exceeds(peakKW, capacity.itPower.kilowatts),
      cooling: exceeds(peakKW, capacity.cooling.kilowatts))
  }

  /// Whether a link carrying `loadMbps` on `capacityMbps` is over its utilisation `target`
  /// (a link with no capacity is over any target as soon as it carries anything).
  @inline(__always)
  public static func linkOverTarget(loadMbps: Double, capacityMbps: Double, target: Double) -> Bool {
    exceeds(loadMbps, target * capacityMbps)
  }

  /// Whether gateway trunks `needed` at the grade of service exceed those `contracted`.
  @inline(__always)
  public static func trunks(needed: Int, contracted: Int) -> Bool { needed > contracted }
}

extension Shortfall {
  /// The first year each resource of ``MonteCarlo/resourceKeys(_:)`` is short, nil if never:
  /// per site space, power and cooling; per link over either of its targets; per gateway with
  /// contracted trunks. What a trial records; the plan warns in exactly those years.
  static func firstYears(
    _ scenario: Scenario, facility: [SiteFacility], capacity: [[FacilityCapacity]], links: LinkTable, voice: VoiceTable,
    years: [Year]
  ) -> [Year?] {
    var firsts: [Year?] = []
    firsts.reserveCapacity(3 * scenario.sites.count + scenario.network.links.count + (scenario.voice?.gateways.count ?? 0))
    for s in scenario.sites.indices {
      var space: Year?
      var power: Year?
      var cooling: Year?
      for (y, year) in years.enumerated() {
        let short = Shortfall.facility(racks: facility[s].racks[y], peakKW: facility[s].itPeakKW[y], capacity: capacity[s][y])
        if space == nil, short.space { space = year }
        if power == nil, short.power { power = year }
        if cooling == nil, short.cooling { cooling = year }
      }
      firsts += [space, power, cooling]
    }
    let network = scenario.network
    let target = network.targetUtilisation.value
    let failureTarget = network.failureUtilisation.value
    let loaded = links.loadMbps.rows == network.links.count
    for l in network.links.indices {
      firsts.append(loaded ? years.indices.first { y in
        let capacity = links.capacityMbps[l, y]
        return linkOverTarget(loadMbps: links.loadMbps[l, y], capacityMbps: capacity, target: target)
          || linkOverTarget(loadMbps: links.n1LoadMbps[l, y], capacityMbps: capacity, target: failureTarget)
      }.map { years[$0] } : nil)
    }
    for (g, gateway) in (scenario.voice?.gateways ?? []).enumerated() {
      guard let contracted = gateway.trunks else { continue }
      firsts.append(voice.firstTrunkShortfall(gateway: g, contracted: contracted).map { years[$0] })
    }
    return firsts
  }
}
