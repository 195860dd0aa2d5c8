import DCPlanModel

/// Numbers that may be written as percentages: the parameters of distributions.
extension MappingReader {
  /// A plain number, or a percentage (`8 %` reads as 0.08).
  func numberOrPercentage(_ key: KeySpec) -> Double? {
    guard let (text, node) = scalar(key) else { return nil }
    return Self.numberOrPercentage(text, node: node, what: "'\(key.name)' of \(label)", context: context)
  }

  /// A list of plain numbers or percentages.
  func numberList(_ key: KeySpec) -> [Double]? {
    guard let node = node(key), context.visit(node) else { return nil }
    guard case let .sequence(sequence) = node else {
      context.error("'\(key.name)' of \(label) must be a list of numbers such as \(key.example); found \(node.quotedForMessage)",
                    at: node.position)
      return nil
    }
    var values: [Double] = []
    for (index, item) in sequence.enumerated() {
      guard context.visit(item) else { return nil }
      context.record(parent: path, key: key.name, index: index, item.position)
      guard case let .scalar(scalar) = item,
        let value = Self.numberOrPercentage(
          scalar.string, node: item, what: "entry \(index + 1) of '\(key.name)' of \(label)", context: context)
      else { return nil }
      values.append(value)
    }
    return values
  }

  private static func numberOrPercentage(_ text: String, node: Node, what: String, context: DecodeContext) -> Double? {
    let trimmed = text.trimmingSpaces()
    guard case let .success(parsed) = QuantityParser.parse(trimmed), parsed.dimension == .dimensionless,
      parsed.baseValue.isFinite
    else {
      context.error("\(what) must be a number or a percentage such as '8 %'; found '\(text)'", at: node.position)
      return nil
    }
    return parsed.baseValue
  }
}
