import DCPlanJSON
import DCPlanModel

/// `dcplan schema`: the JSON Schema (draft-07) of the scenario format, derived from
/// ``ScenarioFormat`` for editors' YAML plugins (completion, hover text, checks).
public enum JSONSchemaGenerator {
  /// The schema as a JSON value.
  public static func schema() -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("$schema", .string("http://json-schema.org/draft-07/schema#")),
      ("$id", .string("https://dcplan.invalid/schema/scenario-v\(ScenarioFormat.version).json")),
      ("title", .string("dcplan scenario")),
    ]
    if case let .object(body) = section(ScenarioFormat.document) { members += body }
    return .object(members)
  }

  /// A regular expression for a number followed by a unit (`10 Gbit/s`, `2 GiB/employee/year`).
  /// Exposed for the test that checks the loader and schema agree.
  public static var quantityPatternForTests: String { quantityPattern }
  static let quantityPattern = #"^\s*[+-]?([0-9][0-9_]*(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*[A-Za-z%][A-Za-z%/ ]*$"#
  static let percentPattern = #"^\s*[+-]?([0-9][0-9_]*(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*%\s*$"#
  /// A value, or a distribution written where it stands (section `distribution`).
  static func orDistribution(_ value: JSONValue) -> JSONValue {
    .object([
      ("anyOf", .array([
        value,
        .object([("type", .string("object")), ("required", .array([.string("distribution")]))]),
      ]))
    ])
  }

  /// A plain number or a percentage string.
  static var numberOrPercentage: JSONValue {
    .object([
      ("anyOf", .array([
        .object([("type", .string("number"))]),
        .object([("type", .string("string")), ("pattern", .string(percentPattern))]),
      ]))
    ])
  }

  private static func section(_ spec: SectionSpec) -> JSONValue {
    let required = spec.keys.filter(\.isRequired).map { JSONValue.string($0.name) }
    var members: [(String, JSONValue)] = [
      ("type", .string("object")),
      ("description", .string(spec.summary)),
      ("properties", .object(spec.keys.map { ($0.name, property($0)) })),
      ("additionalProperties", .bool(false)),
    ]
    if !required.isEmpty { members.append(("required", .array(required))) }
    return .object(members)
  }

  private static func property(_ key: KeySpec) -> JSONValue {
    var text = key.meaning
    if let value = key.defaultValue { text += " Default: \(value)." }
    var members: [(String, JSONValue)] = [("description", .string(text))]
    if case .object(let body) = kind(key.kind) { members += body }
    switch key.kind {
    case .list, .mapping, .reserved: break
    default:
      members.append(("examples", .array([.string(key.example)])))
    }
    return .object(members)
  }

  private static func kind(_ kind: ValueKind) -> JSONValue {
    let identifierPattern = #"^[A-Za-z0-9][A-Za-z0-9_.-]*$"#
    switch kind {
    case .text:
      return .object([("type", .array([.string("string"), .string("number")]))])
    case .identifier, .reference:
      return .object([("type", .string("string")), ("pattern", .string(identifierPattern))])
    case .boolean:
      return .object([("type", .string("boolean"))])
    case .identifierList:
      return .object([
        ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(identifierPattern))])),
      ])
    case let .choice(words):
      return .object([("enum", .array(words.map(JSONValue.string)))])
    case let .integer(range):
      return .object([
        ("type", .string("integer")), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound)),
      ])
    case let .number(range):
      return orDistribution(.object([
        ("type", .string("number")), ("minimum", .number(range.lowerBound)), ("maximum", .number(range.upperBound)),
      ]))
    case let .quantityOrYearTable(quantity):
      let single = Self.kind(.quantity(quantity))
      return .object([
        ("anyOf", .array([
          single,
          .object([
            ("type", .string("object")),
            ("patternProperties", .object([("^[0-9]{4}$", single)])),
            ("additionalProperties", .bool(false)),
          ]),
        ]))
      ])
    case let .directional(quantity):
      let eachWay = Self.kind(.quantityOrYearTable(quantity))
      return .object([
        ("anyOf", .array([
          eachWay,
          .object([
            ("type", .string("object")),
            ("properties", .object([("down", eachWay), ("up", eachWay)])),
            ("required", .array([.string("down"), .string("up")])),
            ("additionalProperties", .bool(false)),
          ]),
        ]))
      ])
    case .fractionOrYearTable:
      let single = JSONValue.object([("type", .string("string")), ("pattern", .string(percentPattern))])
      return .object([
        ("anyOf", .array([
          single,
          .object([
            ("type", .string("object")),
            ("patternProperties", .object([("^[0-9]{4}$", single)])),
            ("additionalProperties", .bool(false)),
          ]),
        ]))
      ])
    case .year:
      return .object([("type", .string("integer")), ("minimum", .integer(1900)), ("maximum", .integer(2200))])
    case .yearList:
      return .object([
        ("type", .string("array")),
        ("items", .object([("type", .string("integer")), ("minimum", .integer(1900)), ("maximum", .integer(2200))])),
      ])
    case .yearRange:
      return .object([("type", .string("string")), ("pattern", .string(#"^\s*[0-9]{4}\s*\.\.\s*[0-9]{4}\s*$"#))])
    case let .quantity(quantity):
      var unit = "Unit: \(quantity.dimension.plainName), e.g. '\(quantity.example)'"
      if let perEmployee = quantity.perEmployeeExample { unit += " or per employee, e.g. '\(perEmployee)'" }
      return .object([("type", .string("string")), ("pattern", .string(quantityPattern)), ("$comment", .string(unit))])
    case .fraction, .growthRate:
      return orDistribution(.object([("type", .string("string")), ("pattern", .string(percentPattern))]))
    case .numberOrPercentage:
      return numberOrPercentage
    case .numberList:
      return .object([("type", .string("array")), ("items", numberOrPercentage)])
    case .availabilityTarget:
      return .object([
        ("anyOf", .array([
          .object([("type", .string("string")), ("pattern", .string(percentPattern))]),
          .object([("enum", .array(AvailabilityTarget.classes.map { .string($0.name) }))]),
        ]))
      ])
    case let .numberOrYearTable(minimum):
      return .object([
        ("anyOf", .array([
          .object([("type", .string("number")), ("minimum", .number(minimum))]),
          .object([
            ("type", .string("object")),
            ("patternProperties", .object([("^[0-9]{4}$", .object([("type", .string("number")), ("minimum", .number(minimum))]))])),
            ("additionalProperties", .bool(false)),
          ]),
        ]))
      ])
    case let .list(spec):
      return .object([("type", .string("array")), ("items", section(spec))])
    case let .mapping(spec):
      return section(spec)
    case .reserved:
      return .object([])
    }
  }
}
