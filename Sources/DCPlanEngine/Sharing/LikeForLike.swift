import DCPlanModel

/// Whether a tenant's standalone plan reaches the availability its services reach in the
/// shared plan (docs/conventions.md, "Cost sharing"): the saving is like for like only if it does.
public struct TenantLikeForLike: Hashable, Sendable {
  /// The tenant's id.
  public let tenant: String
  /// Whether every service of the tenant alone meets each target it meets in the shared plan,
  /// year by year; nil without a `components` section (availability is not computed).
  public let meetsTargets: Bool?
  /// The largest gap, minutes per year, of a service alone below a target the shared plan
  /// meets (0 when like for like).
  public let shortfallMinutesPerYear: Double
  /// That service, its year, its target and its availability alone, when there is a gap.
  public let worstService: String?
  public let worstYear: Year?
  public let worstTarget: AvailabilityTarget?
  public let worstAvailabilityAlone: Double?
}

/// Plays each tenant's standalone scenario (``CostGame/standaloneScenario(_:tenant:)``) through
/// the capacity and availability stages and compares its services' availability with the
/// shared plan's, service by service and year by year; the network's single-failure cuts are
/// the shared plan's (the wide-area network is common to both).
enum LikeForLike {
  static func compare(_ scenario: Scenario, plan: [ServiceAvailability], network: NetworkResults) -> ([TenantLikeForLike], [PlanWarning]) {
    guard scenario.components != nil else {
      return (scenario.tenants.map {
        TenantLikeForLike(
          tenant: $0.id, meetsTargets: nil, shortfallMinutesPerYear: 0, worstService: nil, worstYear: nil, worstTarget: nil,
          worstAvailabilityAlone: nil)
      }, [])
    }
    let shared = Dictionary(plan.map { ("\($0.service) \($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
    var results: [TenantLikeForLike] = []
    var warnings: [PlanWarning] = []
    for t in scenario.tenants.indices {
      let alone = CostGame.standaloneScenario(scenario, tenant: t)
      let capacity = CapacityPlan(alone, warnings: false)
      let rows = ServiceAvailabilityStage.run(alone, demand: capacity.demand, sizing: capacity.sizing, network: network)
      var worst: (gap: Double, row: ServiceAvailability, target: AvailabilityTarget)?
      for row in rows {
        guard let target = row.target, !row.meetsTarget, let planned = shared["\(row.service) \(row.year)"], planned.meetsTarget
        else { continue }
        let gap = Availability.downtimeMinutesPerYear(unavailability: target.availability.value - row.availability)
        if gap > (worst?.gap ?? 0) { worst = (gap, row, target) }
      }
      let tenant = scenario.tenants[t]
      results.append(TenantLikeForLike(
        tenant: tenant.id, meetsTargets: worst == nil, shortfallMinutesPerYear: worst?.gap ?? 0, worstService: worst?.row.service,
        worstYear: worst?.row.year, worstTarget: worst?.target, worstAvailabilityAlone: worst?.row.availability))
      if let worst {
        let target = worst.target
        warnings.append(PlanWarning(
          code: .aloneMissesTarget, year: worst.row.year, subject: tenant.id,
          message: "tenant '\(tenant.id)' alone misses a target its services meet in the shared plan: '\(worst.row.service)' reaches "
            + "\(NumberText.fixed(worst.row.availability * 100, decimals: 4)) % alone in \(worst.row.year) against "
            + "\(target.className.map { "\($0) " } ?? "")(\(NumberText.fixed(target.availability.value * 100, decimals: 4)) %), "
            + "\(NumberText.fixed(worst.gap, decimals: 1)) minutes a year short; its saving compares unequal service levels: "
            + "give it a 'standalone_twin' (a second room) to compare at the same class"))
      }
    }
    return (results, warnings)
  }
}
