/// How demand becomes hardware: overcommit, utilisation targets, spares, storage
/// protection and how the shared sites back each other up (docs/conventions.md, "Sizing").
public struct SizingPolicy: Hashable, Sendable {
  /// How the shared data centre's sites stand in for each other.
  public enum SiteMode: Hashable, Sendable {
    /// Every shared site runs load; each must be able to carry `failoverShare` of the whole
    /// shared compute load when the others fail (100 % for full twin-site redundancy).
    case activeActive(failoverShare: Fraction)
    /// Every shared site is sized for the whole shared compute load, as active-active with a
    /// failover share of 100 %: whichever runs can carry everything. Load, storage, energy and
    /// traffic still follow the load shares (docs/conventions.md, "Sizing"): a cold standby
    /// that runs nothing is a shared site with a load share of 0 %.
    case activePassive
  }

  /// vCPU per physical core (CPU overcommit), at least 1 would be no overcommit.
  public var cpuOvercommit: Double
  /// Allocated RAM per physical RAM (1 = none).
  public var ramOvercommit: Double
  /// Share of server capacity planned to be used; the rest is headroom.
  public var targetUtilisation: Fraction
  /// Share of usable storage planned to be filled.
  public var storageTargetUtilisation: Fraction
  /// Most servers in one compute cluster, spares included.
  public var clusterSize: Int
  /// Spare servers per cluster (the k of N+k).
  public var sparesPerCluster: Int
  /// Raw storage per stored byte: copies (2 for a mirror) or (k+m)/k for erasure coding.
  public var storageRawFactor: Double
  /// Erasure coding k+m, when the data is coded instead of copied (``storageRawFactor`` is then
  /// (k+m)/k).
  public var erasureCoding: ErasureCode?
  /// Redundancy per availability class; services of other classes, or with no target, get the
  /// policy's own (``defaultRedundancy``).
  public var classes: [ClassRedundancy] = []
  /// How the shared sites back each other up.
  public var siteMode: SiteMode
  /// The server type bought, from the catalogue.
  public var serverType: String?
  /// The storage type bought, from the catalogue.
  public var storageType: String?

  /// A policy from its values.
  public init(
    cpuOvercommit: Double, ramOvercommit: Double, targetUtilisation: Fraction, storageTargetUtilisation: Fraction,
    clusterSize: Int, sparesPerCluster: Int, storageRawFactor: Double, siteMode: SiteMode, serverType: String?,
    storageType: String?
  ) {
    self.cpuOvercommit = cpuOvercommit
    self.ramOvercommit = ramOvercommit
    self.targetUtilisation = targetUtilisation
    self.storageTargetUtilisation = storageTargetUtilisation
    self.clusterSize = clusterSize
    self.sparesPerCluster = sparesPerCluster
    self.storageRawFactor = storageRawFactor
    self.siteMode = siteMode
    self.serverType = serverType
    self.storageType = storageType
  }

  /// The redundancy of services no class entry covers: the policy's own values.
  public var defaultRedundancy: Redundancy {
    Redundancy(
      failoverShare: failoverShare, clusterSize: clusterSize, sparesPerCluster: sparesPerCluster,
      storageCopies: erasureCoding == nil ? storageRawFactor : 1, erasureCoding: erasureCoding)
  }

  /// The failover share the site mode gives: active-active's, or 100 % for active-passive.
  public var failoverShare: Fraction {
    switch siteMode {
    case let .activeActive(share): return share
    case .activePassive: return .one
    }
  }

  /// The defaults of docs/scenario-format.md: 4 vCPU per core, no RAM overcommit, 70 %
  /// target utilisation, 80 % storage fill, clusters of 16 with 1 spare, 2 storage copies,
  /// active-active with full failover, the first type of each kind in the catalogue.
  public static let standard = SizingPolicy(
    cpuOvercommit: 4, ramOvercommit: 1, targetUtilisation: Fraction(0.7) ?? .one,
    storageTargetUtilisation: Fraction(0.8) ?? .one, clusterSize: 16, sparesPerCluster: 1, storageRawFactor: 2,
    siteMode: .activeActive(failoverShare: .one), serverType: nil, storageType: nil)
}
