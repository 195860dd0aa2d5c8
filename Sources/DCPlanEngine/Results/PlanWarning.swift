import DCPlanModel

/// Something in the plan a planner must look at: not an input error, but a result that
/// does not hold up (demand without a site, a closed site still carrying load, a shortfall).
public struct PlanWarning: Hashable, Sendable {
  /// A stable code scripts can filter on (docs/results-format.md lists them).
  public let code: WarningCode
  /// The year it concerns, if one.
  public let year: Year?
  /// The site, link, tenant or workload it concerns, if one.
  public let subject: String?
  /// One sentence for the planner, with the figures that caused it.
  public let message: String
  /// Why the planner accepts it (the scenario's `accept`); nil: open.
  public var acceptedReason: String?

  /// A warning from its parts.
  public init(code: WarningCode, year: Year?, subject: String?, message: String) {
    self.code = code
    self.year = year
    self.subject = subject
    self.message = message
  }
}

/// Every warning the plan can raise, each once: the JSON, the tables and
/// docs/results-format.md read these names (a test checks the document against the list).
public enum WarningCode: String, Hashable, Sendable, CaseIterable {
  case demandWithoutSite = "demand-without-site"
  case closedSiteInUse = "closed-site-in-use"
  case shortfallSpace = "shortfall-space"
  case shortfallPower = "shortfall-power"
  case shortfallCooling = "shortfall-cooling"
  case noServerType = "no-server-type"
  case noStorageType = "no-storage-type"
  case linkOverTarget = "link-over-target"
  case linkOverFailureTarget = "link-over-failure-target"
  case availabilityBelowTarget = "availability-below-target"
  case siteOutageLosesService = "site-outage-loses-service"
  case trunkShortfall = "trunk-shortfall"
  case voiceDelay = "voice-delay"
  case voiceDelayN1 = "voice-delay-n1"
  case n1Disconnection = "n1-disconnection"
  case tenantPaysMoreThanAlone = "tenant-pays-more-than-alone"
  case sharingCostsMore = "sharing-costs-more"
  case allocationOutsideCore = "allocation-outside-core"
  case standaloneShortfall = "standalone-shortfall"
  case budgetOverrun = "budget-overrun"
  case commitmentsOverAppropriation = "commitments-over-appropriation"
  case twinsNotGeoredundant = "twins-not-georedundant"
  case aloneMissesTarget = "alone-misses-target"
  case discountBasisMismatch = "discount-basis-mismatch"
  case hardwareStranded = "hardware-stranded"
  case baselineOutsideBand = "baseline-outside-band"
  case pueAboveEnergyEfficiencyLimit = "pue-above-enefg-limit"
  case voiceGatewayN1 = "voice-gateway-n1"
  case pbxAfterISDNEnd = "pbx-after-isdn-end"
  case siteLost = "site-lost"
  case accessLineOverTarget = "access-line-over-target"
  case acceptanceUnused = "acceptance-unused"
}
