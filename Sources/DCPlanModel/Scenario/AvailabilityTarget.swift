/// The availability a service must reach: a figure, or a named class that stands for one.
///
/// Classes (docs/conventions.md, "Availability classes"): BSI's VK classes from the
/// HV-Kompendium (VK0 95 %, VK1 99 %, VK2 99.9 %, VK3 99.99 %, VK4 99.999 %,
/// VK5 100 %) and the Uptime Institute's tiers (Tier I 99.671 %, II 99.741 %,
/// III 99.982 %, IV 99.995 %).
public struct AvailabilityTarget: Hashable, Sendable {
  /// The class name as written (`VK3`, `Tier III`), or nil for a plain figure.
  public let className: String?
  /// The availability required, as a fraction of time.
  public let availability: Fraction

  /// A target of a plain figure.
  public init(availability: Fraction) {
    className = nil
    self.availability = availability
  }

  /// The target of a named class, or nil if the name is not a known class.
  public init?(className: String) {
    guard let figure = AvailabilityTarget.classes.first(where: { $0.name == className }),
      let fraction = Fraction(figure.availability)
    else { return nil }
    self.className = className
    availability = fraction
  }

  /// Every known class with its availability, in the order they are documented.
  public static let classes: [(name: String, availability: Double)] = [
    ("VK0", 0.95), ("VK1", 0.99), ("VK2", 0.999), ("VK3", 0.9999), ("VK4", 0.99999), ("VK5", 1.0),
    ("Tier I", 0.99671), ("Tier II", 0.99741), ("Tier III", 0.99982), ("Tier IV", 0.99995),
  ]
}
