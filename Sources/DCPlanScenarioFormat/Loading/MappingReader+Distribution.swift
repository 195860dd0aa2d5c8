import DCPlanModel

/// A distribution written where a value stands.
extension MappingReader {
  /// Reads the distribution at `key`, records it as an uncertain input and returns its
  /// baseline as the text the key's reader expects; nil (with an error) where no
  /// distribution may stand.
  func inlineDistribution(_ key: KeySpec, _ node: Node) -> String? {
    let isPercentage: Bool
    switch key.kind {
    case .fraction, .growthRate: isPercentage = true
    case .number: isPercentage = false
    default:
      context.error(
        "'\(key.name)' of \(label) cannot be a distribution here; give it a value and make it uncertain in "
          + "'uncertainty.inputs' (amounts with units take a factor)", at: node.position)
      return nil
    }
    let keyPath = (path.isEmpty ? "" : path + ".") + key.name
    guard let reader = MappingReader(
      node, spec: InlineDistributionSection.spec, path: keyPath, label: "the distribution of '\(key.name)' of \(label)",
      context: context)
    else { return nil }
    defer { reader.finish() }
    guard let distribution = reader.distribution() else { return nil }
    context.inlineDistributions.append((keyPath, distribution, node.position))
    let baseline = distribution.baseline
    return isPercentage ? "\(baseline * 100) %" : "\(baseline)"
  }
}
