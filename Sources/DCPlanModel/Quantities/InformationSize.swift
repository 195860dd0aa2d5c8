/// An amount of stored data (storage, RAM), kept in bytes.
///
/// Binary and decimal units are distinct: `tebibytes` is 2^40 bytes, `terabytes` 10^12.
public struct InformationSize: ScalarQuantity {
  /// Stored data is measured in bytes.
  public static let dimension = Dimension.information
  /// Bytes.
  public let baseUnits: Double
  /// A size from bytes.
  public init(baseUnits: Double) { self.baseUnits = baseUnits }

  /// A size of `value` bytes.
  public static func bytes(_ value: Double) -> Self { Self(baseUnits: value) }
  /// A size of `value` GiB (2^30 bytes).
  public static func gibibytes(_ value: Double) -> Self { Self(baseUnits: value * 1_073_741_824) }
  /// A size of `value` TiB (2^40 bytes).
  public static func tebibytes(_ value: Double) -> Self { Self(baseUnits: value * 1_099_511_627_776) }

  /// The size in bytes.
  public var bytes: Double { baseUnits }
  /// The size in GiB (2^30 bytes).
  public var gibibytes: Double { baseUnits / 1_073_741_824 }
  /// The size in TiB (2^40 bytes), the unit of storage in results.
  public var tebibytes: Double { baseUnits / 1_099_511_627_776 }
}
