import DCPlanModel

/// One service's availability in one year.
public struct ServiceAvailability: Hashable, Sendable {
  /// The workload's id.
  public let service: String
  /// Its tenant.
  public let tenant: String
  /// The year.
  public let year: Year
  /// Where it runs: a site id or "shared".
  public let placement: String
  /// Steady-state availability (fraction).
  public let availability: Double
  /// Expected downtime, minutes per year of 365 days.
  public var downtimeMinutesPerYear: Double { Availability.downtimeMinutesPerYear(unavailability: 1 - availability) }
  /// The target, if the workload has one.
  public let target: AvailabilityTarget?
  /// Whether it meets the target (true without one).
  public var meetsTarget: Bool { target.map { availability >= $0.availability.value - 1e-12 } ?? true }
  /// The part that contributes most downtime.
  public let dominant: String
  /// Unavailability by part (docs/conventions.md, "Service availability"): at one site each
  /// part's own; at twin sites the downtime each part causes (what would be saved if it never
  /// failed), and the failover windows.
  public let contributions: [(part: String, unavailability: Double)]
  /// The structure the failure simulation runs.
  public let structure: FailureSimulation.Structure?
  /// The failure simulation's downtime distribution, when it was asked for.
  public var simulated: SimulatedDowntime?

  /// Equal when the same figures stand.
  public static func == (lhs: ServiceAvailability, rhs: ServiceAvailability) -> Bool {
    lhs.service == rhs.service && lhs.year == rhs.year && lhs.availability == rhs.availability && lhs.dominant == rhs.dominant
  }

  /// Hashes the identity and figure.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(service)
    hasher.combine(year)
    hasher.combine(availability)
  }
}

/// Downtime per year from the failure simulation.
public struct SimulatedDowntime: Hashable, Sendable {
  /// Trials simulated.
  public let trials: Int
  /// Mean downtime, minutes per year.
  public let meanMinutes: Double
  /// Standard error of the mean, minutes per year.
  public let standardErrorMinutes: Double
  /// Median, 95th and 99th percentile of the yearly downtime, minutes.
  public let p50Minutes: Double
  /// 95th percentile, minutes.
  public let p95Minutes: Double
  /// 99th percentile, minutes.
  public let p99Minutes: Double
  /// Failure and repair events simulated.
  public let events: Int
}

/// The availability stage: each service's availability per year from the parts it uses
/// (docs/conventions.md, "Service availability"): the infrastructure of the sites it runs at,
/// the clusters of its class that carry it, the storage groups holding its data, its class's
/// failover between twin sites, the common causes that take its sites down together, and the
/// single network failures that cut its users off.
public enum ServiceAvailabilityStage {
  static func run(
    _ scenario: Scenario, demand: DemandProjection, sizing: [SiteSizing], network: NetworkResults
  ) -> [ServiceAvailability] {
    guard let components = scenario.components else { return [] }
    let years = demand.years
    let parts = PartsOfServices(scenario, components: components, sizing: sizing, demand: demand)
    let exposure = NetworkExposure(scenario, network: network, components: components)
    var rows: [ServiceAvailability] = []
    // A tenant's cuts from a set of sites are the same every year: found once per pair.
    struct CutsKey: Hashable {
      let tenant: String
      let sites: [Int]
    }
    var cutsOf: [CutsKey: NetworkCuts] = [:]
    for (w, workload) in scenario.workloads.enumerated() {
      for (y, year) in years.enumerated() {
        guard let place = demand.placement[w * years.count + y] else { continue }
        let i = w * years.count + y
        let need = PartsOfServices.Need(vcpu: demand.vcpu[i], ramGiB: demand.ramGiB[i], storageTiB: demand.storageTiB[i])
        guard let service = parts.service(w, place: place, year: y, need: need) else { continue }
        let key = CutsKey(tenant: workload.tenant, sites: service.sites)
        let cuts = cutsOf[key] ?? exposure.cuts(tenant: workload.tenant, service.sites)
        cutsOf[key] = cuts
        let outcome = service.availability(components: components, network: cuts)
        rows.append(ServiceAvailability(
          service: workload.id, tenant: workload.tenant, year: year, placement: place, availability: outcome.availability,
          target: workload.availabilityTarget, dominant: outcome.dominant, contributions: outcome.contributions,
          structure: outcome.structure, simulated: nil))
      }
    }
    return rows
  }

  /// Runs the failure simulation for every row with a structure: `trials` years each (rows
  /// whose structure would simulate more than ``simulationLimit`` parts are left out).
  static func simulate(_ rows: inout [ServiceAvailability], trials: Int, seed: UInt64) {
    for index in rows.indices {
      guard let structure = rows[index].structure, structure.size <= simulationLimit else { continue }
      // Each row's stream is its own: the seed mixed with the row index.
      let outcome = FailureSimulation.run(
        structure, periodHours: 8760, trials: trials, seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
      rows[index].simulated = SimulatedDowntime(
        trials: trials, meanMinutes: outcome.meanUnavailability * 525_600, standardErrorMinutes: outcome.standardError * 525_600,
        p50Minutes: outcome.downtimeMinutes(quantile: 0.5), p95Minutes: outcome.downtimeMinutes(quantile: 0.95),
        p99Minutes: outcome.downtimeMinutes(quantile: 0.99), events: outcome.events)
    }
  }

  /// The most parts one service's simulation runs (a service spread over millions of storage
  /// units is left to the analytic figure).
  static let simulationLimit = 100_000

  /// One warning per service that misses its target, naming the first year and the dominant part.
  static func warnings(_ rows: [ServiceAvailability]) -> [PlanWarning] {
    var warned = Set<String>()
    return rows.compactMap { row in
      guard !row.meetsTarget, let target = row.target, warned.insert(row.service).inserted else { return nil }
      return PlanWarning(
        code: .availabilityBelowTarget, year: row.year, subject: row.service,
        message: "service '\(row.service)' reaches \(NumberText.fixed(row.availability * 100, decimals: 4)) % in \(row.year), "
          + "below its target \(target.className.map { "\($0) " } ?? "")(\(NumberText.fixed(target.availability.value * 100, decimals: 4)) %): "
          + "\(NumberText.fixed(row.downtimeMinutesPerYear, decimals: 1)) minutes a year, mostly from \(row.dominant)")
    }
  }
}
