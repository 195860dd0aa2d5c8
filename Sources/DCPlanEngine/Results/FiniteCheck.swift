import DCPlanModel

extension PlanResults {
  /// The first figure of the plan that is not a finite number (NaN or infinite), named with its
  /// subject, or nil when all are finite: no output may hold one (docs/results-format.md).
  public var firstNonFiniteFigure: String? {
    if !costs.npvEUR.isFinite { return "the NPV" }
    if let line = costs.lines.first(where: { !$0.amountEUR.isFinite }) {
      return "the \(line.category.rawValue) cost of '\(line.site)' in \(line.year) (\(line.driver))"
    }
    for site in facility {
      for (y, year) in demand.years.enumerated() where y < site.energyMWh.count {
        if !site.itKW[y].isFinite || !site.energyMWh[y].isFinite || !site.itPeakKW[y].isFinite {
          return "the IT power or energy of site '\(site.site)' in \(year)"
        }
      }
    }
    for link in network.links {
      if let y = link.loadMbps.indices.first(where: { !link.loadMbps[$0].isFinite || !link.n1LoadMbps[$0].isFinite }) {
        return "the load of link '\(link.id)' in \(demand.years[y])"
      }
    }
    if let row = availability.first(where: { !$0.availability.isFinite }) {
      return "the availability of service '\(row.service)' in \(row.year)"
    }
    if let mc = montecarlo, let row = mc.summary.first(where: { !$0.mean.isFinite || $0.values.contains { !$0.isFinite } }) {
      return "the Monte Carlo's \(row.figure.rawValue)"
    }
    return nil
  }
}
