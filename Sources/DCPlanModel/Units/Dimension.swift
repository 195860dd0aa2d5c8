/// The physical dimension of a quantity, as integer exponents of dcplan's base units.
///
/// Base units (see docs/conventions.md, "Units"): byte (information), second (time),
/// watt (power), euro (money), metre (length), vCPU (virtual CPUs), gram (mass, of CO2) and employee
/// (the head that a per-employee figure is counted against). Energy is power × time,
/// a bandwidth is information ÷ time, an energy price is money ÷ (power × time).
public struct Dimension: Hashable, Sendable {
  /// Exponent of the byte.
  public var information: Int8
  /// Exponent of the second.
  public var time: Int8
  /// Exponent of the watt.
  public var power: Int8
  /// Exponent of the euro.
  public var money: Int8
  /// Exponent of the metre.
  public var length: Int8
  /// Exponent of the vCPU.
  public var vcpu: Int8
  /// Exponent of the employee.
  public var employee: Int8
  /// Exponent of the gram.
  public var mass: Int8

  /// A dimension from its exponents; those not given are zero.
  public init(
    information: Int8 = 0, time: Int8 = 0, power: Int8 = 0, money: Int8 = 0,
    length: Int8 = 0, vcpu: Int8 = 0, employee: Int8 = 0, mass: Int8 = 0
  ) {
    self.mass = mass
    self.information = information
    self.time = time
    self.power = power
    self.money = money
    self.length = length
    self.vcpu = vcpu
    self.employee = employee
  }

  /// A plain number: a ratio, a count, a percentage.
  public static let dimensionless = Dimension()
  /// Stored data: bytes.
  public static let information = Dimension(information: 1)
  /// A data rate: bytes per second (written by planners as bit/s).
  public static let bandwidth = Dimension(information: 1, time: -1)
  /// Time span: seconds.
  public static let duration = Dimension(time: 1)
  /// Electric power: watts.
  public static let power = Dimension(power: 1)
  /// Energy: watt-seconds.
  public static let energy = Dimension(time: 1, power: 1)
  /// Money: euros.
  public static let money = Dimension(money: 1)
  /// A cost per period: euros per second.
  public static let moneyRate = Dimension(time: -1, money: 1)
  /// An energy price: euros per watt-second.
  public static let energyPrice = Dimension(time: -1, power: -1, money: 1)
  /// Distance: metres.
  public static let length = Dimension(length: 1)
  /// Virtual CPUs.
  public static let vcpuCount = Dimension(vcpu: 1)
  /// Mass (of CO2): grams.
  public static let mass = Dimension(mass: 1)
  /// An emission factor: grams per watt-second (written as g/kWh).
  public static let emissionFactor = Dimension(time: -1, power: -1, mass: 1)
  /// A price per mass: euros per gram (written as EUR/t).
  public static let massPrice = Dimension(money: 1, mass: -1)

  /// The product of two dimensions (exponents add).
  public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
    Dimension(
      information: lhs.information + rhs.information, time: lhs.time + rhs.time,
      power: lhs.power + rhs.power, money: lhs.money + rhs.money, length: lhs.length + rhs.length,
      vcpu: lhs.vcpu + rhs.vcpu, employee: lhs.employee + rhs.employee, mass: lhs.mass + rhs.mass)
  }

  /// The quotient of two dimensions (exponents subtract).
  public static func / (lhs: Dimension, rhs: Dimension) -> Dimension {
    Dimension(
      information: lhs.information - rhs.information, time: lhs.time - rhs.time,
      power: lhs.power - rhs.power, money: lhs.money - rhs.money, length: lhs.length - rhs.length,
      vcpu: lhs.vcpu - rhs.vcpu, employee: lhs.employee - rhs.employee, mass: lhs.mass - rhs.mass)
  }

  /// This dimension counted per employee (`2 GiB/employee`).
  public var perEmployee: Dimension { self / Dimension(employee: 1) }

  /// This dimension per year of time (`2 GiB/year`).
  public var perTime: Dimension { self / Dimension.duration }
}
