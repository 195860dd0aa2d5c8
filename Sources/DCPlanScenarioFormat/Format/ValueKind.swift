import DCPlanModel

/// What a scenario key holds: the one description from which the loader checks a value,
/// `dcplan schema` writes the JSON Schema and docs/scenario-format.md its tables.
public indirect enum ValueKind: Sendable {
  /// Free text.
  case text
  /// An id other sections refer to: letters, digits, `-`, `_` and `.`, starting with a
  /// letter or digit.
  case identifier
  /// The id of an entity of another section (`tenant`, `site`).
  case reference(String)
  /// A list of ids of entities of another section (`[H-HI, H-OL]`).
  case identifierList(String)
  /// One of a fixed list of words.
  case choice([String])
  /// `true` or `false`.
  case boolean
  /// A whole number in a range.
  case integer(ClosedRange<Int>)
  /// A plain number (no unit) in a range.
  case number(ClosedRange<Double>)
  /// A calendar year (1900...2200).
  case year
  /// A list of calendar years (`[2017, 2019]`).
  case yearList
  /// First and last year, both included: `2017..2025`.
  case yearRange
  /// A number with a unit of a dimension; `perEmployee` allows the same per employee.
  case quantity(QuantityKind)
  /// A share in 0...100 %, written with `%`.
  case fraction
  /// A yearly rate of change written with `%`, above -100 %.
  case growthRate
  /// A percentage or a class name (VK0–VK5, Tier I–IV).
  case availabilityTarget
  /// A plain number, or a table from year to number.
  case numberOrYearTable(minimum: Double)
  /// A quantity, or a table from year to quantity.
  case quantityOrYearTable(QuantityKind)
  /// A share in 0...100 % written with `%`, or a table from year to share.
  case fractionOrYearTable
  /// A rate the same each way (a quantity or a table from year to quantity), or one each way:
  /// `{down: …, up: …}`, each a quantity or a table (docs/conventions.md, "Network").
  case directional(QuantityKind)
  /// A list of mappings, each described by a section.
  case list(SectionSpec)
  /// One mapping described by a section.
  case mapping(SectionSpec)
  /// A plain number or a percentage (`8 %` = 0.08).
  case numberOrPercentage
  /// A list of plain numbers or percentages.
  case numberList
  /// A section a later version reads; anything is accepted and ignored with a warning.
  case reserved
}

/// The quantity a key expects: its dimension, whether it may be per employee, and an example.
public struct QuantityKind: Sendable {
  /// The dimension of the absolute form.
  public let dimension: Dimension
  /// Whether `…/employee` is accepted too.
  public let allowsPerEmployee: Bool
  /// Whether negative values are allowed.
  public let allowsNegative: Bool
  /// An example of the absolute form, as a planner writes it (`512 GiB`).
  public let example: String
  /// An example of the per-employee form, if allowed.
  public let perEmployeeExample: String?

  /// A quantity kind from its parts.
  public init(
    _ dimension: Dimension, example: String, perEmployeeExample: String? = nil, allowsNegative: Bool = false
  ) {
    self.dimension = dimension
    self.example = example
    allowsPerEmployee = perEmployeeExample != nil
    self.perEmployeeExample = perEmployeeExample
    self.allowsNegative = allowsNegative
  }
}

/// One key of a section: its name, what it holds, whether it is required, its default,
/// an example and what it means.
public struct KeySpec: Sendable {
  /// The key as written in a file (snake_case).
  public let name: String
  /// What the value must be.
  public let kind: ValueKind
  /// Whether the key must be present.
  public let isRequired: Bool
  /// The default when absent, in words (nil for required keys or "none").
  public let defaultValue: String?
  /// An example value as written in YAML.
  public let example: String
  /// What it means, in one or two sentences for the planner.
  public let meaning: String

  /// A key from its parts.
  public init(
    _ name: String, _ kind: ValueKind, required: Bool = false, default defaultValue: String? = nil,
    example: String, meaning: String
  ) {
    self.name = name
    self.kind = kind
    isRequired = required
    self.defaultValue = defaultValue
    self.example = example
    self.meaning = meaning
  }
}

/// A section (or a list entry) of a scenario file: its keys and what it is for.
public struct SectionSpec: Sendable {
  /// The section's title (`tenants`), or the entity name for list entries (`tenant`).
  public let name: String
  /// What the section describes.
  public let summary: String
  /// Its keys, in the order documentation lists them.
  public let keys: [KeySpec]

  /// A section from its parts.
  public init(name: String, summary: String, keys: [KeySpec]) {
    self.name = name
    self.summary = summary
    self.keys = keys
  }

  /// The key spec named `name`.
  public func key(_ name: String) -> KeySpec? { keys.first { $0.name == name } }
}
