import DCPlanModel

/// One site's energy, PUE and CO2 in one year (docs/conventions.md, "Energy, CO2 and the
/// Energy Efficiency Act").
public struct SiteEmissions: Hashable, Sendable {
  public let site: String
  public let year: Year
  /// Energy drawn, MWh; the year's PUE (facility energy ÷ IT energy).
  public let energyMWh: Double
  public let pue: Double
  /// The grid mix's CO2 per kWh, g; the site's emissions, tonnes.
  public let gramsPerKWh: Double
  public let tonnesCO2: Double
}

/// Emissions per site and year, and the Energy Efficiency Act's PUE limits (EnEfG, § 11).
enum EnergyEfficiency {
  /// The rated power from which the Act's duties for data centres apply, kW (its scope: a
  /// non-redundant rated connection power of 300 kW; taken here as the site's peak facility
  /// power).
  static let scopeKW = 300.0

  /// Every site's energy and emissions in every year it draws energy (none without an
  /// emission factor).
  static func emissions(_ scenario: Scenario, _ facility: [SiteFacility], years: [Year]) -> [SiteEmissions] {
    let factors = years.map { scenario.costs.emissionFactorGPerKWh.value(in: $0) }
    guard factors.contains(where: { $0 > 0 }) else { return [] }
    var rows: [SiteEmissions] = []
    for site in facility {
      for (y, year) in years.enumerated() where y < site.energyMWh.count && site.energyMWh[y] > 0 {
        rows.append(SiteEmissions(
          site: site.site, year: year, energyMWh: site.energyMWh[y], pue: site.pue[y], gramsPerKWh: factors[y],
          tonnesCO2: site.energyMWh[y] * factors[y] / 1000))
      }
    }
    return rows
  }

  /// The limit on a site's annual PUE in `year` under § 11 EnEfG, if one applies: a data centre
  /// in operation before 1 July 2026 at most 1.5 from 1 July 2027 and 1.3 from 1 July 2030
  /// (checked from the first full calendar years, 2028 and 2031); one starting later at most
  /// 1.2 within two years of starting (checked from its third year).
  static func limit(year: Year, operatingSince start: Year) -> (pue: Double, rule: String)? {
    if start.number <= 2026 {
      if year.number >= 2031 { return (1.3, "1.3 from 1 July 2030 for data centres in operation before 1 July 2026") }
      if year.number >= 2028 { return (1.5, "1.5 from 1 July 2027 for data centres in operation before 1 July 2026") }
      return nil
    }
    return year.number >= start.number + 2 ? (1.2, "1.2 within two years of starting operation for data centres starting from 1 July 2026") : nil
  }

  /// One warning per site and year whose annual PUE exceeds the Act's limit while the site is
  /// in the Act's scope.
  static func warnings(_ scenario: Scenario, _ facility: [SiteFacility], years: [Year]) -> [PlanWarning] {
    guard let first = years.first else { return [] }
    var warnings: [PlanWarning] = []
    for (s, site) in scenario.sites.enumerated() where s < facility.count {
      let needs = facility[s]
      let firstLoad = needs.itKW.firstIndex { $0 > 0 }.map { years[$0] }
      let start = site.inOperationSince ?? (site.existingCapacity.racks > 0 ? first + (-1) : firstLoad ?? first)
      for (y, year) in years.enumerated() where y < needs.itKW.count && needs.itKW[y] > 0 {
        let peakFacilityKW = needs.itPeakKW[y] * needs.pue[y]
        guard peakFacilityKW >= scopeKW, let limit = limit(year: year, operatingSince: start),
          needs.pue[y] > limit.pue + 1e-9
        else { continue }
        warnings.append(PlanWarning(
          code: .pueAboveEnergyEfficiencyLimit, year: year, subject: site.id,
          message: "site '\(site.id)' runs at an annual PUE of \(NumberText.fixed(needs.pue[y], decimals: 2)) in \(year), above the "
            + "Energy Efficiency Act's limit of \(limit.rule) (§ 11 EnEfG); lower its overhead or move its load"))
      }
    }
    return warnings
  }
}
