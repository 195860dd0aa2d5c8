/// How the plan's costs are shared among tenants (docs/conventions.md, "Cost sharing").
public struct CostAllocation: Hashable, Sendable {
  /// The methods of sharing.
  public enum Method: String, Hashable, Sendable, CaseIterable {
    /// Each cost line split among the tenants it serves by their weighted usage.
    case usage
    /// Each cost line split among the tenants it serves by fixed keys (`tenants[].cost_key`).
    case keys
    /// The Shapley value of the cost game over tenants; network costs by usage.
    case shapley
  }

  /// The method whose figures are the tenants' costs in `tenants[]`; the others are shown beside.
  public var method: Method
  /// Weight of the vCPU share in the usage key.
  public var vcpuWeight: Double
  /// Weight of the RAM share in the usage key.
  public var ramWeight: Double
  /// Weight of the storage share in the usage key.
  public var storageWeight: Double
  /// Weight of the bandwidth share in the usage key.
  public var bandwidthWeight: Double
  /// Random orders sampled for the Shapley value when there are more tenants than an exact
  /// computation allows.
  public var shapleySamples: Int

  /// An allocation from its values.
  public init(
    method: Method, vcpuWeight: Double, ramWeight: Double, storageWeight: Double, bandwidthWeight: Double,
    shapleySamples: Int
  ) {
    self.method = method
    self.vcpuWeight = vcpuWeight
    self.ramWeight = ramWeight
    self.storageWeight = storageWeight
    self.bandwidthWeight = bandwidthWeight
    self.shapleySamples = shapleySamples
  }

  /// Usage, with vCPU, RAM, storage and bandwidth weighted equally; 2,000 sampled orders
  /// for a Shapley value beyond 20 tenants.
  public static let standard = CostAllocation(
    method: .usage, vcpuWeight: 1, ramWeight: 1, storageWeight: 1, bandwidthWeight: 1, shapleySamples: 2000)
}
