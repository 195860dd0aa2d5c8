import DCPlanModel

/// How much demand a plan leaves unserved where it is short (docs/conventions.md,
/// "Planning under uncertainty"), summed over sites (or links) and years.
struct Unserved: Hashable, Sendable {
  /// vCPU of the sites' own demand that what stands cannot host, summed over years: vCPU-years.
  var vcpuYears = 0.0
  /// TiB of their stored data the same way: TiB-years.
  var tibYears = 0.0
  /// Busy-hour load above each link's capacity in normal operation, summed over links and
  /// years: Mbit/s-years.
  var linkMbpsYears = 0.0

  /// A site hosts the share `f = min(1, racks standing ÷ racks needed, kW of IT power and of
  /// cooling ÷ peak IT kW needed)` of what it is sized for; of its own demand, what exceeds
  /// `f ×` the sized amount is unserved (a failover reserve is the first to go).
  init(demand: DemandProjection, sizing: [SiteSizing], facility: [SiteFacility], capacity: [[FacilityCapacity]], links: LinkTable?) {
    for s in 0..<min(demand.sites.count, sizing.count, facility.count, capacity.count) {
      let own = demand.sites[s].demand
      for y in 0..<min(facility[s].racks.count, capacity[s].count) {
        let racks = facility[s].racks[y]
        let peak = facility[s].itPeakKW[y]
        let standing = capacity[s][y]
        var hosted = 1.0
        if racks > 0 { hosted = min(hosted, Double(standing.racks) / Double(racks)) }
        if peak > 0 { hosted = min(hosted, standing.itPower.kilowatts / peak, standing.cooling.kilowatts / peak) }
        guard hosted < 1 - Shortfall.relativeTolerance else { continue }
        let sizedVCPU = y < sizing[s].sizedVCPU.count ? sizing[s].sizedVCPU[y] : 0
        vcpuYears += max(0, own.vcpu[y] - hosted * max(sizedVCPU, own.vcpu[y]))
        tibYears += own.storageTiB[y] * (1 - max(0, hosted))
      }
    }
    if let links, links.loadMbps.rows > 0 {
      for l in 0..<links.loadMbps.rows {
        for y in 0..<links.loadMbps.columns { linkMbpsYears += max(0, links.loadMbps[l, y] - links.capacityMbps[l, y]) }
      }
    }
  }
}
