/// A number of virtual CPUs; fractional where it is a per-employee figure or an average.
public struct VCPUCount: ScalarQuantity {
  /// vCPU is its own base unit.
  public static let dimension = Dimension.vcpuCount
  /// vCPU.
  public let baseUnits: Double
  /// A count from vCPU.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }
  /// `value` vCPU.
  public static func vcpu(_ value: Double) -> Self { Self(baseUnits: value) }
  /// The count in vCPU.
  public var vcpu: Double { baseUnits }
}
