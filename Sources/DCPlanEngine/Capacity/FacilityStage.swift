import DCPlanModel

/// What a site's hardware needs from its building in each year.
public struct SiteFacility: Hashable, Sendable {
  /// The site's id.
  public let site: String
  /// Rack positions occupied.
  public var racks: [Int]
  /// IT power at typical load, kW (for energy).
  public var itKW: [Double]
  /// IT power at peak load, kW (for the power and cooling check).
  public var itPeakKW: [Double]
  /// PUE in the year.
  public var pue: [Double]
  /// Facility power: typical IT power × PUE, kW.
  public var facilityKW: [Double]
  /// Energy drawn in the year: facility kW × 8,760 h, MWh.
  public var energyMWh: [Double]
}

extension SiteFacility {
  /// The needs of `site` with no years yet.
  init(empty site: String) {
    self.init(site: site, racks: [], itKW: [], itPeakKW: [], pue: [], facilityKW: [], energyMWh: [])
  }
}

/// The facility stage: servers and storage units → racks, kW, facility kW and energy.
///
///     racks       = ⌈servers / serversPerRack⌉ + ⌈units / unitsPerRack⌉
///     IT kW       = servers · typical + units · typical      (peak likewise)
///     facility kW = IT kW · PUE(year)
///     energy MWh  = facility kW · 8,760 h / 1,000            (docs/conventions.md, "Time")
public enum FacilityStage {
  /// Hours in a plan year.
  public static let hoursPerYear = UnitTable.secondsPerYear / 3600

  /// The facility needs of every site.
  public static func facility(_ scenario: Scenario, _ sizing: [SiteSizing], years: [Year]) -> [SiteFacility] {
    var facility: [SiteFacility] = []
    self.facility(scenario, sizing, years: years, rules: SizingStage.Rules(scenario), into: &facility)
    return facility
  }

  /// The same into `facility`, whose arrays are rewritten in place where they fit.
  static func facility(
    _ scenario: Scenario, _ sizing: [SiteSizing], years: [Year], rules: SizingStage.Rules, into facility: inout [SiteFacility]
  ) {
    let count = min(scenario.sites.count, sizing.count)
    if facility.count != count || facility.indices.contains(where: { facility[$0].site != scenario.sites[$0].id }) {
      facility = scenario.sites.prefix(count).map { SiteFacility(empty: $0.id) }
    }
    for s in 0..<count {
      siteFacility(
        sitePUE: scenario.sites[s].pue, overhead: scenario.sites[s].overhead, sizing[s], years: years, rules: rules.at(site: s),
        into: &facility[s])
    }
  }

  /// The facility needs of one site.
  public static func siteFacility(
    _ site: Site, _ sized: SiteSizing, years: [Year], rules: SizingStage.Rules, pue: [Double]? = nil
  ) -> SiteFacility {
    var result = SiteFacility(empty: site.id)
    siteFacility(sitePUE: site.pue, overhead: site.overhead, sized, years: years, rules: rules, pue: pue, into: &result)
    return result
  }

  /// The same for a site whose PUE is `sitePUE`, into `result` (of that site), its arrays
  /// rewritten in place where they fit (the PUE alone is passed: a whole `Site` would be copied).
  static func siteFacility(
    sitePUE: YearValue, overhead: FacilityOverhead? = nil, _ sized: SiteSizing, years: [Year], rules: SizingStage.Rules,
    pue: [Double]? = nil, into result: inout SiteFacility
  ) {
    let server = rules.server
    let storage = rules.storage
    result.racks.reset(count: years.count, to: 0)
    result.itKW.reset(count: years.count, to: 0)
    result.itPeakKW.reset(count: years.count, to: 0)
    result.pue.reset(count: years.count, to: 0)
    result.facilityKW.reset(count: years.count, to: 0)
    result.energyMWh.reset(count: years.count, to: 0)
    for (y, year) in years.enumerated() {
      let servers = sized.servers[y]
      let units = sized.storageUnits[y]
      var racks = 0
      var typicalKW = 0.0
      var peakKW = 0.0
      if let server, servers > 0 {
        racks += (servers + server.perRack - 1) / server.perRack
        let power = Self.power(
          units: servers, typicalKW: server.typicalKW, peakKW: server.peakKW, generations: rules.hardware.serverGenerations,
          byGeneration: sized.serversByGeneration, year: y, years: years.count)
        typicalKW += power.typicalKW
        peakKW += power.peakKW
      }
      if let storage, units > 0 {
        racks += (units + storage.perRack - 1) / storage.perRack
        let power = Self.power(
          units: units, typicalKW: storage.typicalKW, peakKW: storage.peakKW, generations: rules.hardware.storageGenerations,
          byGeneration: sized.storageByGeneration, year: y, years: years.count)
        typicalKW += power.typicalKW
        peakKW += power.peakKW
      }
      result.racks[y] = racks
      result.itKW[y] = typicalKW
      result.itPeakKW[y] = peakKW
      if let overhead {
        // Fixed and proportional overheads: the PUE follows the IT load (part load costs more).
        let facilityKW = overhead.facilityKW(it: typicalKW)
        result.pue[y] = typicalKW > 0 ? facilityKW / typicalKW : 0
        result.facilityKW[y] = facilityKW
        result.energyMWh[y] = facilityKW * hoursPerYear / 1000
      } else {
        let pue = pue?[y] ?? sitePUE.value(in: year)
        result.pue[y] = pue
        result.facilityKW[y] = typicalKW * pue
        result.energyMWh[y] = typicalKW * pue * hoursPerYear / 1000
      }
    }
  }

  /// The typical and peak kW of `units` in service in year index `y`: summed generation by
  /// generation where the type has generations (``HardwareGenerations/power(_:year:years:)``),
  /// else units × the type's figures.
  // swiftlint:disable:next function_parameter_count
  private static func power(
    units: Int, typicalKW: Double, peakKW: Double, generations: HardwareGenerations?, byGeneration: [Int], year y: Int, years: Int
  ) -> (typicalKW: Double, peakKW: Double) {
    if let generations, byGeneration.count == generations.count * years {
      return generations.power(byGeneration, year: y, years: years)
    }
    return (Double(units) * typicalKW, Double(units) * peakKW)
  }
}
