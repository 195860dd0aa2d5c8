/// A category of cost, each either capital or operating expenditure.
public enum CostCategory: String, Hashable, Sendable, CaseIterable {
  /// Building modules (capex, spread over the lead time).
  case modules
  /// Servers bought (capex).
  case servers
  /// Storage units bought (capex).
  case storage
  /// Electricity for the facility (opex).
  case energy
  /// Hardware maintenance (opex).
  case maintenance
  /// Operations staff (opex).
  case staff
  /// Rack space and building upkeep (opex).
  case space
  /// Software licences per core or per vCPU (opex).
  case licences
  /// Leases of network links (opex).
  case linkLeases = "link_leases"
  /// Upgrades of network links (capex, spread over the lead time).
  case linkUpgrades = "link_upgrades"
  /// Legacy lines and PBX maintenance of phones not yet migrated (opex).
  case voiceLegacy = "voice_legacy"
  /// SIP trunk channels at the gateways (opex).
  case sipTrunks = "sip_trunks"
  /// IP phones bought as phones migrate (capex).
  case ipPhones = "ip_phones"
  /// Voice gateways (capex).
  case voiceGateways = "voice_gateways"
  /// Security: operations centre, IT-Grundschutz, offline backup (opex; a cost item's).
  case security
  /// One-off projects (opex; a cost item's).
  case projects
  /// Other declared costs (opex; a cost item's).
  case other
  /// A price on the sites' CO2 emissions (opex; docs/conventions.md, "Energy, CO2 and the
  /// Energy Efficiency Act").
  case co2
  /// The one-off cost of a tenant's move into the shared data centre (opex; docs/conventions.md,
  /// "Moves").
  case migration
  /// A legacy room's running cost for the months it runs on next to the new site after its
  /// load leaves (opex; docs/conventions.md, "Moves").
  case parallelRunning = "parallel_running"
  /// The book value of the data centre's and voice's assets still in service at the end of the
  /// horizon, credited in its last year (negative; docs/conventions.md, "Residual value").
  case residualValue = "residual_value"
  /// The same for link upgrades (part of the common network).
  case linkResidualValue = "link_residual_value"
  /// Access lines of offices (opex; docs/conventions.md, "Access lines").
  case accessLines = "access_lines"
  /// Rent of a rented site (colocation): its contracted racks and IT power (opex;
  /// docs/conventions.md, "Rented sites").
  case rent

  /// Whether the category is capital expenditure.
  @inlinable
  public var isCapex: Bool {
    switch self {
    case .modules, .servers, .storage, .linkUpgrades, .ipPhones, .voiceGateways: return true
    case .energy, .maintenance, .staff, .space, .licences, .linkLeases, .voiceLegacy, .sipTrunks, .residualValue, .parallelRunning, .migration, .co2, .security, .projects, .other,
      .linkResidualValue, .rent, .accessLines:
      return false
    }
  }

  /// Whether the category is a residual value: a credit at the horizon's end, neither capex
  /// nor opex.
  @inlinable
  public var isResidual: Bool { self == .residualValue || self == .linkResidualValue }

  /// Whether the category belongs to the wide-area network, a common cost shared by usage
  /// outside the cost game (docs/conventions.md, "Cost sharing").
  @inlinable
  public var isNetwork: Bool { self == .linkLeases || self == .linkUpgrades || self == .linkResidualValue || self == .accessLines }

  /// The position of the category in tables (its place in ``allCases``).
  public var tableOrder: Int { CostCategory.allCases.firstIndex(of: self) ?? 0 }
}
