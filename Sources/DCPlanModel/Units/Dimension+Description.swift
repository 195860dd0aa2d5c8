extension Dimension {
  /// The planner's name for this dimension with an article, for messages:
  /// "a storage size", "a bandwidth per employee", "an energy price".
  public var descriptionWithArticle: String {
    let name = plainName
    let first = name.first.map { "aeiou".contains($0) } ?? false
    return (first ? "an " : "a ") + name
  }

  /// The planner's name for this dimension: "storage size", "power", "cost per period".
  public var plainName: String {
    var core = self
    var suffix = ""
    if core.employee == -1 {
      core.employee = 0
      suffix = " per employee"
    }
    if let name = Dimension.names[core] { return name + suffix }
    // A rate per year of something that has a name itself ("storage size per year").
    var timeless = core
    timeless.time += 1
    if let name = Dimension.names[timeless], timeless != .dimensionless {
      return name + suffix + " per year"
    }
    return "quantity in \(core.baseUnitExpression)" + suffix
  }

  private static let names: [Dimension: String] = [
    .dimensionless: "plain number",
    .information: "storage size",
    .bandwidth: "bandwidth",
    .duration: "duration",
    .power: "power",
    .energy: "energy",
    .money: "amount of money",
    .moneyRate: "cost per period",
    .energyPrice: "energy price",
    .length: "length",
    .vcpuCount: "vCPU count",
    .mass: "mass",
    .emissionFactor: "emission factor",
    .massPrice: "price per mass",
  ]

  /// The dimension written in base units, e.g. `B/s` or `EUR/(W·s)`.
  public var baseUnitExpression: String {
    let parts: [(String, Int8)] = [
      ("B", information), ("W", power), ("EUR", money), ("m", length), ("vCPU", vcpu),
      ("employee", employee), ("g", mass), ("s", time),
    ]
    let numerator = parts.filter { $0.1 > 0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }
    let denominator = parts.filter { $0.1 < 0 }.map { $0.1 == -1 ? $0.0 : "\($0.0)^\(-$0.1)" }
    let top = numerator.isEmpty ? "1" : numerator.joined(separator: "·")
    switch denominator.count {
    case 0: return top
    case 1: return top + "/" + denominator[0]
    default: return top + "/(" + denominator.joined(separator: "·") + ")"
    }
  }
}
