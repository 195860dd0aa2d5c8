/// Erasure coding `k+m`: data in k fragments plus m parity fragments on k+m storage units; a
/// volume survives any m of its units down (docs/conventions.md, "Service availability").
public struct ErasureCode: Hashable, Sendable {
  /// Data fragments.
  public let k: Int
  /// Parity fragments: how many units of a volume may be down.
  public let m: Int

  /// A code from its values (k ≥ 1, m ≥ 0).
  public init(k: Int, m: Int) {
    self.k = max(1, k)
    self.m = max(0, m)
  }

  /// Raw storage per stored byte, (k + m) / k.
  public var rawFactor: Double { Double(k + m) / Double(k) }
}

/// How much redundancy a class of services gets: how much of its compute the twin can take
/// over, the spares of its clusters and how its data is kept (docs/conventions.md,
/// "Redundancy per availability class").
public struct Redundancy: Hashable, Sendable {
  /// Active-active: the share of the class's whole shared compute load each shared site must
  /// carry when the others fail (100 %: full failover; 0 %: none). Active-passive: 100 %.
  public var failoverShare: Fraction
  /// Most servers in one compute cluster of the class, spares included.
  public var clusterSize: Int
  /// Spare servers per cluster (the k of N+k).
  public var sparesPerCluster: Int
  /// Copies of every stored byte, spread over the shared sites by load share (ignored with
  /// erasure coding).
  public var storageCopies: Double
  /// Erasure coding within each site that holds a share of the data, instead of copies.
  public var erasureCoding: ErasureCode?

  /// A redundancy from its values.
  public init(failoverShare: Fraction, clusterSize: Int, sparesPerCluster: Int, storageCopies: Double, erasureCoding: ErasureCode?) {
    self.failoverShare = failoverShare
    self.clusterSize = clusterSize
    self.sparesPerCluster = sparesPerCluster
    self.storageCopies = storageCopies
    self.erasureCoding = erasureCoding
  }

  /// Raw storage per stored byte: the copies, or (k + m) / k.
  public var storageRawFactor: Double { erasureCoding?.rawFactor ?? storageCopies }
}

/// The redundancy of one availability class (`policy.classes[]`): services whose target is
/// this class, or a percentage it is the lowest listed class to reach, get it.
public struct ClassRedundancy: Hashable, Sendable {
  /// The class (`VK3`, `Tier III`) and the availability it stands for.
  public var target: AvailabilityTarget
  /// Its redundancy, the policy's values where the entry gives none.
  public var redundancy: Redundancy

  /// A class policy from its values.
  public init(target: AvailabilityTarget, redundancy: Redundancy) {
    self.target = target
    self.redundancy = redundancy
  }
}
