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
    let rules = SizingStage.Rules(scenario)
    return zip(scenario.sites, sizing).map { site, sized in siteFacility(site, sized, years: years, rules: rules) }
  }

  /// The facility needs of one site.
  public static func siteFacility(
    _ site: Site, _ sized: SiteSizing, years: [Year], rules: SizingStage.Rules, pue: [Double]? = nil
  ) -> SiteFacility {
    let server = rules.server
    let storage = rules.storage
    var result = SiteFacility(site: site.id, racks: [], itKW: [], itPeakKW: [], pue: [], facilityKW: [], energyMWh: [])
    result.racks.reserveCapacity(years.count)
    result.itKW.reserveCapacity(years.count)
    result.itPeakKW.reserveCapacity(years.count)
    result.pue.reserveCapacity(years.count)
    result.facilityKW.reserveCapacity(years.count)
    result.energyMWh.reserveCapacity(years.count)
    for (y, year) in years.enumerated() {
      let servers = sized.servers[y]
      let units = sized.storageUnits[y]
      var racks = 0
      var typicalKW = 0.0
      var peakKW = 0.0
      if let server, servers > 0 {
        racks += (servers + server.perRack - 1) / server.perRack
        typicalKW += Double(servers) * server.typicalKW
        peakKW += Double(servers) * server.peakKW
      }
      if let storage, units > 0 {
        racks += (units + storage.perRack - 1) / storage.perRack
        typicalKW += Double(units) * storage.typicalKW
        peakKW += Double(units) * storage.peakKW
      }
      let pue = pue?[y] ?? site.pue.value(in: year)
      result.racks.append(racks)
      result.itKW.append(typicalKW)
      result.itPeakKW.append(peakKW)
      result.pue.append(pue)
      result.facilityKW.append(typicalKW * pue)
      result.energyMWh.append(typicalKW * pue * hoursPerYear / 1000)
    }
    return result
  }
}
