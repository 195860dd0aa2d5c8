/// An IT service of one tenant: how much compute, memory and storage it needs, and how
/// that grows.
///
/// Each resource is absolute or per employee of its tenant. The demand stage computes
/// `base × growth^(year − base year)`, times the tenant's employees for per-employee
/// figures, plus the storage accrued every year since the workload started
/// (docs/conventions.md, "Demand").
public struct Workload: Hashable, Sendable, Identifiable {
  /// The id other sections refer to.
  public var id: String
  /// A readable name.
  public var name: String
  /// The tenant that owns it.
  public var tenant: String
  /// vCPU in the base year.
  public var vcpu: Amount<VCPUCount>
  /// RAM in the base year.
  public var ram: Amount<InformationSize>
  /// Stored data in the base year.
  public var storage: Amount<InformationSize>
  /// Stored data added every year and kept (e-files under retention), per year.
  public var storageAccrualPerYear: Amount<InformationSize>
  /// Yearly growth of vCPU.
  public var vcpuGrowth: GrowthRate
  /// Yearly growth of RAM.
  public var ramGrowth: GrowthRate
  /// Yearly growth of the stored base (not of the accrual).
  public var storageGrowth: GrowthRate
  /// The year the base figures refer to.
  public var baseYear: Year
  /// The first year the workload runs; no demand before it.
  public var startYear: Year
  /// The availability it must reach, if one is set.
  public var availabilityTarget: AvailabilityTarget?

  /// A workload from its values.
  public init(
    id: String, name: String, tenant: String, vcpu: Amount<VCPUCount>, ram: Amount<InformationSize>,
    storage: Amount<InformationSize>, storageAccrualPerYear: Amount<InformationSize>,
    vcpuGrowth: GrowthRate, ramGrowth: GrowthRate, storageGrowth: GrowthRate, baseYear: Year,
    startYear: Year, availabilityTarget: AvailabilityTarget?
  ) {
    self.id = id
    self.name = name
    self.tenant = tenant
    self.vcpu = vcpu
    self.ram = ram
    self.storage = storage
    self.storageAccrualPerYear = storageAccrualPerYear
    self.vcpuGrowth = vcpuGrowth
    self.ramGrowth = ramGrowth
    self.storageGrowth = storageGrowth
    self.baseYear = baseYear
    self.startYear = startYear
    self.availabilityTarget = availabilityTarget
  }
}

/// A resource figure that is either absolute or counted per employee of the owner.
public enum Amount<Quantity: ScalarQuantity>: Hashable, Sendable {
  /// The same figure whatever the headcount.
  case absolute(Quantity)
  /// The figure for each employee of the owning tenant.
  case perEmployee(Quantity)

  /// The figure for one unit of its basis (one employee, or the whole).
  public var quantity: Quantity {
    switch self {
    case let .absolute(value), let .perEmployee(value): return value
    }
  }

  /// Whether it scales with employees.
  public var isPerEmployee: Bool {
    if case .perEmployee = self { return true }
    return false
  }
}
