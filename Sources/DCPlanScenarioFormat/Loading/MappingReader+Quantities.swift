import DCPlanModel

extension MappingReader {
  /// A quantity of `kind`'s dimension, or of that dimension per employee if allowed.
  ///
  /// - Returns: the parsed value and whether it was written per employee.
  func quantity(_ key: KeySpec, _ kind: QuantityKind) -> (value: ParsedQuantity, perEmployee: Bool)? {
    guard let (text, node) = scalar(key) else { return nil }
    return quantity(text, node: node, what: "'\(key.name)' of \(label)", kind: kind)
  }

  /// A quantity of `kind` without per-employee form, in base units.
  func quantityValue(_ text: String, node: Node, what: @autoclosure () -> String, kind: QuantityKind) -> Double? {
    quantity(text, node: node, what: what(), kind: kind).map { $0.value.baseValue }
  }

  /// (The messages' parts are put together only for a message: state-scale files read
  /// hundreds of thousands of quantities.)
  private func quantity(
    _ text: String, node: Node, what describe: @autoclosure () -> String, kind: QuantityKind
  ) -> (value: ParsedQuantity, perEmployee: Bool)? {
    var what: String { describe() }
    var examples: String { "'\(kind.example)'" + (kind.perEmployeeExample.map { " or '\($0)'" } ?? "") }
    var needs: String { "\(what) needs \(kind.dimension.descriptionWithArticle)" }
    switch QuantityParser.parse(text) {
    case let .failure(problem):
      switch problem {
      case .empty, .missingNumber:
        context.error("\(needs); found '\(text)'; write e.g. \(examples)", at: node.position)
      case .decimalComma:
        context.error(
          "\(what): found '\(text)' with a decimal comma; write the decimal with a point, e.g. '\(text.replacingFirstComma())'",
          at: node.position)
      case .missingUnit:
        context.error("\(needs); found '\(text)' without a unit; write e.g. \(examples)", at: node.position)
      case let .unknownUnit(unit, suggestion):
        let hint = suggestion.map { "did you mean '\($0)'?" } ?? "write e.g. \(examples)"
        let shown = unit.isEmpty ? "an empty unit" : "unknown unit '\(unit)'"
        context.error("\(shown) in '\(text)' for \(what); \(hint)", at: node.position)
      }
      return nil
    case let .success(parsed):
      let perEmployee: Bool
      if parsed.dimension == kind.dimension {
        perEmployee = false
      } else if kind.allowsPerEmployee, parsed.dimension == kind.dimension.perEmployee {
        perEmployee = true
      } else if parsed.dimension == .dimensionless {
        context.error("\(needs); found '\(text)' without a unit; write e.g. \(examples)", at: node.position)
        return nil
      } else {
        context.error(
          "\(needs); found '\(text)' (\(parsed.dimension.descriptionWithArticle)); write e.g. \(examples)",
          at: node.position)
        return nil
      }
      if !kind.allowsNegative, parsed.baseValue < 0 {
        context.error("\(what) must not be negative; found '\(text)'", at: node.position)
        return nil
      }
      let ceiling = (perEmployee ? kind.dimension : parsed.dimension).ceiling
      guard parsed.baseValue.isFinite, abs(parsed.baseValue) <= ceiling.baseValue else {
        context.error("\(what) must be at most \(ceiling.words)\(perEmployee ? " per employee" : ""); found '\(text)'", at: node.position)
        return nil
      }
      return (parsed, perEmployee)
    }
  }

  /// A share written with `%`, in 0...100 %.
  func fraction(_ key: KeySpec) -> Fraction? {
    guard let (value, text, node) = percentage(key) else { return nil }
    guard let fraction = Fraction(value) else {
      context.error("'\(key.name)' of \(label) must lie in 0...100 %; found '\(text)'", at: node.position)
      return nil
    }
    return fraction
  }

  /// A yearly rate of change written with `%`, above -100 %.
  func growthRate(_ key: KeySpec) -> GrowthRate? {
    guard let (value, text, node) = percentage(key) else { return nil }
    guard let rate = GrowthRate(perYear: value), value <= 10 else {
      context.error("'\(key.name)' of \(label) must lie above -100 % and at most 1000 %; found '\(text)'", at: node.position)
      return nil
    }
    return rate
  }

  /// A percentage (`99.99 %`) or a class name (`VK3`, `Tier III`).
  func availabilityTarget(_ key: KeySpec) -> AvailabilityTarget? {
    guard let (text, node) = scalar(key) else { return nil }
    let trimmed = text.trimmingSpaces()
    if let target = AvailabilityTarget(className: trimmed) { return target }
    if case let .success(parsed) = QuantityParser.parse(trimmed), parsed.dimension == .dimensionless,
      trimmed.hasSuffix("%")
    {
      guard let fraction = Fraction(parsed.baseValue) else {
        context.error("'\(key.name)' of \(label) must lie in 0...100 %; found '\(text)'", at: node.position)
        return nil
      }
      return AvailabilityTarget(availability: fraction)
    }
    let names = AvailabilityTarget.classes.map(\.name)
    let hint = Spelling.nearest(to: trimmed, among: names).map { "did you mean '\($0)'?" }
      ?? "write a percentage such as '99.9 %' or a class: \(Self.list(names, conjunction: "or"))"
    context.error("'\(key.name)' of \(label) must be an availability; found '\(text)'; \(hint)", at: node.position)
    return nil
  }

  /// A plain number, or a mapping from year to number; each at least `minimum`.
  func numberOrYearTable(_ key: KeySpec, minimum: Double, maximum: Double = 1e15) -> NumberOrTable? {
    valueOrYearTable(key, noun: "number") { text, node, what in
      plainNumber(text, node: node, what: what(), minimum: minimum, maximum: maximum)
    }
  }

  /// A quantity of `kind` in base units, or a mapping from year to such quantities.
  func quantityOrYearTable(_ key: KeySpec, _ kind: QuantityKind) -> NumberOrTable? {
    valueOrYearTable(key, noun: kind.dimension.plainName) { text, node, what in
      quantityValue(text, node: node, what: what(), kind: kind)
    }
  }

  /// A plain number in `range`.
  func number(_ key: KeySpec, in range: ClosedRange<Double>) -> Double? {
    guard let (text, node) = scalar(key) else { return nil }
    let what = "'\(key.name)' of \(label)"
    guard let value = plainNumber(text, node: node, what: what, minimum: -Double.infinity) else { return nil }
    guard range.contains(value) else {
      context.error(
        "\(what) must lie in \(range.lowerBound.formattedPlain)...\(range.upperBound.formattedPlain); found '\(text)'",
        at: node.position)
      return nil
    }
    return value
  }

  /// One value read by `element`, or a mapping from year to values read by `element`.
  private func valueOrYearTable(
    _ key: KeySpec, noun: String, element: (String, Node, () -> String) -> Double?
  ) -> NumberOrTable? {
    guard let node = node(key), context.visit(node) else { return nil }
    var what: String { "'\(key.name)' of \(label)" }
    switch node {
    case let .scalar(scalar):
      return element(scalar.string, node, { what }).map(NumberOrTable.number)
    case let .mapping(mapping) where mapping["distribution"] != nil:
      _ = inlineDistribution(key, node)
      return nil
    case let .mapping(mapping):
      var points: [(Year, Double)] = []
      var seen: Set<Int> = []
      for (yearNode, valueNode) in mapping {
        guard context.visit(yearNode), context.visit(valueNode) else { return nil }
        guard case let .scalar(yearScalar) = yearNode else {
          context.error("a year in \(what) must be a year such as 2019; found \(yearNode.quotedForMessage)", at: yearNode.position)
          continue
        }
        guard let year = Self.parseYear(yearScalar.string, node: yearNode, what: "a year in \(what)", context: context) else {
          continue
        }
        guard case let .scalar(valueScalar) = valueNode else {
          context.error("the value for \(year) in \(what) must be a single value; found \(valueNode.quotedForMessage)", at: valueNode.position)
          continue
        }
        guard seen.insert(year.number).inserted else {
          context.error("\(what) gives \(year) twice; keep one", at: yearNode.position)
          continue
        }
        if let value = element(valueScalar.string, valueNode, { "the value for \(year) in \(what)" }) {
          points.append((year, value))
        }
      }
      guard let series = YearSeries(points.map { (year: $0.0, value: $0.1) }) else {
        if seen.isEmpty {
          context.error("\(what) is an empty table; give at least one year, e.g. '{2017: \(key.example)}'", at: node.position)
        }
        return nil
      }
      return .table(series)
    default:
      context.error("\(what) must be a \(noun) or a table from year to \(noun); found \(node.quotedForMessage)", at: node.position)
      return nil
    }
  }

  // MARK: Private

  private func percentage(_ key: KeySpec) -> (Double, String, Node)? {
    guard let (text, node) = scalar(key) else { return nil }
    return percentage(text, node: node, what: "'\(key.name)' of \(label)", example: key.example).map { ($0, text, node) }
  }

  /// `text` read as a percentage (a fraction: 50 % is 0.5); reports anything else.
  private func percentage(_ text: String, node: Node, what: String, example: String) -> Double? {
    let trimmed = text.trimmingSpaces()
    switch QuantityParser.parse(trimmed) {
    case let .success(parsed) where parsed.dimension == .dimensionless && trimmed.hasSuffix("%"):
      return parsed.baseValue
    case let .success(parsed) where parsed.dimension == .dimensionless:
      context.error("\(what) needs a percentage; found '\(text)' without '%'; write e.g. '\(example)'", at: node.position)
    case let .success(parsed):
      context.error(
        "\(what) needs a percentage; found '\(text)' (\(parsed.dimension.descriptionWithArticle)); write e.g. '\(example)'",
        at: node.position)
    case .failure(.decimalComma):
      context.error(
        "\(what): found '\(text)' with a decimal comma; write the decimal with a point, e.g. '\(text.replacingFirstComma())'",
        at: node.position)
    case .failure:
      context.error("\(what) needs a percentage; found '\(text)'; write e.g. '\(example)'", at: node.position)
    }
    return nil
  }

  /// A share in 0…100 % written with `%`, or a mapping from year to such shares.
  func fractionOrYearTable(_ key: KeySpec) -> NumberOrTable? {
    valueOrYearTable(key, noun: "percentage") { text, node, what in
      guard let value = percentage(text, node: node, what: what(), example: "50 %") else { return nil }
      guard Fraction(value) != nil else {
        context.error("\(what()) must lie in 0...100 %; found '\(text)'", at: node.position)
        return nil
      }
      return value
    }
  }

  func plainNumber(_ text: String, node: Node, what describe: @autoclosure () -> String, minimum: Double, maximum: Double = 1e15) -> Double? {
    var what: String { describe() }
    guard case let .success(parsed) = QuantityParser.parse(text), parsed.dimension == .dimensionless,
      !text.utf8.contains(UInt8(ascii: "%"))
    else {
      context.error("\(what) must be a plain number; found '\(text)'", at: node.position)
      return nil
    }
    guard parsed.baseValue >= minimum else {
      context.error("\(what) must be at least \(minimum.formattedPlain); found '\(text)'", at: node.position)
      return nil
    }
    guard parsed.baseValue <= maximum else {
      context.error("\(what) must be at most \(maximum.formattedPlain); found '\(text)'", at: node.position)
      return nil
    }
    return parsed.baseValue
  }
}

/// A value given as one number or as a per-year table.
enum NumberOrTable {
  case number(Double)
  case table(YearSeries)
}

extension String {
  fileprivate func replacingFirstComma() -> String {
    guard let comma = firstIndex(of: ",") else { return self }
    var copy = self
    copy.replaceSubrange(comma...comma, with: ".")
    return copy
  }
}

extension Double {
  /// The number without a trailing `.0` when whole.
  var formattedPlain: String {
    if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
    return String(self)
  }
}

extension Dimension {
  /// The largest magnitude a quantity of this dimension may have, in base units, and the same
  /// in words (docs/scenario-format.md, "Ranges"): far beyond any data centre, low enough that
  /// no product of valid inputs leaves the finite range and no count is capped.
  var ceiling: (baseValue: Double, words: String) {
    switch self {
    case .money: return (1e15, "10^15 EUR")
    case .moneyRate: return (1e15 / UnitTable.secondsPerYear, "10^15 EUR/year")
    case .energyPrice: return (100 / 3.6e6, "100 EUR/kWh")
    case .power: return (1e12, "1 TW")
    case .energy: return (1e18, "10^18 J (278 TWh)")
    case .information: return (1e21, "10^21 bytes (about 888 EiB)")
    case .bandwidth: return (1e14, "800 Tbit/s")
    case .duration: return (1e18, "about 3·10^10 years")
    case .length: return (1e8, "100,000 km")
    case .vcpuCount: return (1e12, "10^12 vCPU")
    case .emissionFactor: return (5000 / 3.6e6, "5,000 g/kWh")
    case .massPrice: return (1e4 / 1e6, "10,000 EUR/t")
    default: return (1e18, "10^18 in base units")
    }
  }
}
