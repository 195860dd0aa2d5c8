import DCPlanModel

/// Decoding of the uncertainty section: parameter paths, distributions, correlations.
extension ScenarioDecoder {
  func decodeUncertainty(_ node: Node, scenario: Scenario) -> Uncertainty {
    typealias U = UncertaintySection
    guard let reader = MappingReader(node, spec: U.spec, path: "uncertainty", label: "section 'uncertainty'", context: context)
    else { return .none }
    defer { reader.finish() }
    var names: [String: Int] = [:]
    let inputs = list(reader, U.inputs, UncertainInputSection.spec) { entry, index -> UncertainInput? in
      let input = decodeInput(entry, index, scenario: scenario)
      if let input {
        if names[input.name] != nil {
          context.error("two uncertain inputs are named '\(input.name)'; give one a different 'name'", at: entry.position)
        }
        names[input.name] = index
      }
      return input
    }
    let correlations = list(reader, U.correlations, CorrelationSection.spec) { entry, index -> RankCorrelation? in
      var entry = entry
      entry.label = "correlation \(index + 1)"
      defer { entry.finish() }
      guard let pair = entry.identifierList(CorrelationSection.between), let rank = entry.number(CorrelationSection.rank, in: -1...1)
      else { return nil }
      guard pair.count == 2, pair[0].id != pair[1].id else {
        context.error("'between' of \(entry.label) must name two different inputs", at: entry.position(of: CorrelationSection.between))
        return nil
      }
      for (name, position) in pair {
        guard let found = names[name] else {
          let hint = Spelling.nearest(to: name, among: inputs.map(\.name)).map { "did you mean '\($0)'?" } ?? "name an input of 'uncertainty.inputs'"
          context.error("unknown uncertain input '\(name)' in \(entry.label); \(hint)", at: position)
          return nil
        }
        if inputs.first(where: { $0.name == name })?.drawsPerElement ?? (found < 0) {
          context.error("input '\(name)' draws once per element ('[*]'); correlate inputs that draw once per trial", at: position)
          return nil
        }
      }
      return RankCorrelation(first: pair[0].id, second: pair[1].id, rank: rank)
    }
    var uncertainty = Uncertainty(inputs: inputs, correlations: correlations)
    if let node = reader.node(U.planning) { uncertainty.planning = decodePlanning(node) }
    if !correlations.isEmpty, uncertainty.correlationFactor() == nil {
      context.error("the rank correlations of section 'uncertainty' contradict each other (no valid correlation matrix); weaken them",
                    at: reader.keyPosition(of: U.correlations))
    }
    return uncertainty
  }

  /// `uncertainty.planning`.
  private func decodePlanning(_ node: Node) -> PlanningRule {
    typealias P = PlanningSection
    var rule = PlanningRule()
    guard let reader = MappingReader(
      node, spec: P.spec, path: "uncertainty.planning", label: "'planning' of section 'uncertainty'", context: context)
    else { return rule }
    defer { reader.finish() }
    if let text = reader.text(P.forecast) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed == "deterministic" {
        rule.forecast = .deterministic
      } else if let quantile = PlanningRule.Forecast.quantile(trimmed) {
        rule.forecast = .percentile(quantile)
      } else {
        context.error("'forecast' of \(reader.label) must be 'deterministic' or a percentile 'P1' … 'P99' (e.g. 'P80'); found '\(trimmed)'",
                      at: reader.position(of: P.forecast))
      }
    }
    rule.perfectForesight = reader.choice(P.foresight, ["forecast", "perfect"]) == "perfect"
    if reader.has(P.reviewEvery) {
      if let years = wholeYears(reader, P.reviewEvery, rounding: false) { rule.reviewEveryYears = years }
    }
    rule.emergencyPremium = reader.fraction(P.emergencyPremium)?.value ?? 0
    if rule.perfectForesight, reader.has(P.reviewEvery) || reader.has(P.forecast) {
      context.warning("with 'foresight: perfect' each trial plans on its own future; 'forecast' and 'review_every' are not used",
                      at: reader.keyPosition(of: P.foresight))
    }
    return rule
  }

  /// The distributions written where values stand, as uncertain inputs named by their path
  /// (`workloads[eakte].growth`).
  func inlineUncertainInputs(_ scenario: Scenario) -> [UncertainInput] {
    context.inlineDistributions.compactMap { path, distribution, position -> UncertainInput? in
      // `workloads[2].growth` → collection, index, key.
      var shape = path
      var element: String?
      if let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]"),
        let index = Int(path[path.index(after: open)..<close])
      {
        let collection = String(path[..<open])
        shape = collection + String(path[path.index(after: close)...])
        switch collection {
        case "workloads": element = scenario.workloads.indices.contains(index) ? scenario.workloads[index].id : nil
        case "tenants": element = scenario.tenants.indices.contains(index) ? scenario.tenants[index].id : nil
        case "sites": element = scenario.sites.indices.contains(index) ? scenario.sites[index].id : nil
        default: element = nil
        }
      }
      guard let target = ParameterTarget(rawValue: shape), target.allowsInlineDistribution,
        target.hasElements == (element != nil)
      else {
        let allowed = ParameterTarget.allCases.filter(\.allowsInlineDistribution).map(\.pattern)
        context.error(
          "'\(path)' cannot be uncertain; a distribution can stand for \(MappingReader.list(allowed, conjunction: "or")) "
            + "(others in 'uncertainty.inputs')", at: position)
        return nil
      }
      let name = element.map { "\(target.collection ?? "")[\($0)].\(target.key)" } ?? target.rawValue
      checkRange(distribution, target: target, path: path, label: "the distribution of '\(path)'", at: position)
      return UncertainInput(name: name, target: target, element: element, distribution: distribution)
    }
  }

  private func decodeInput(_ entry: MappingReader, _ index: Int, scenario: Scenario) -> UncertainInput? {
    typealias I = UncertainInputSection
    var entry = entry
    entry.label = "uncertain input \(index + 1)"
    defer { entry.finish() }
    guard let pathText = entry.text(I.path) else { return nil }
    let name = entry.identifier(I.name) ?? pathText
    let position = entry.position(of: I.path)
    guard let (target, element) = parsePath(pathText, scenario: scenario, at: position, label: entry.label) else {
      _ = entry.distribution()
      return nil
    }
    let perTrial = entry.choice(I.per, ["element", "trial"]) == "trial"
    if entry.has(I.per), element != nil || !target.hasElements {
      context.error("'per' of \(entry.label) is for paths with '[*]' (every element); remove it or write the path with '[*]'",
                    at: entry.keyPosition(of: I.per))
    }
    guard let distribution = entry.distribution() else { return nil }
    checkRange(distribution, target: target, path: pathText.trimmingSpaces(), label: entry.label, at: entry.position(of: I.distribution))
    return UncertainInput(name: name, target: target, element: element, distribution: distribution, perTrial: perTrial)
  }

  /// A located error when `distribution` draws values `target` cannot take (checked against the
  /// distribution's support: a bounded one's ends, an unbounded one's 10⁻⁶ and 1 − 10⁻⁶ quantiles).
  func checkRange(_ distribution: Distribution, target: ParameterTarget, path: String, label: String, at position: SourcePosition) {
    guard let valid = target.validRange else { return }
    let drawn = distribution.drawRange
    guard !valid.range.contains(drawn.lowerBound) || !valid.range.contains(drawn.upperBound) else { return }
    func n(_ value: Double) -> String { value.formattedPercent }
    var hint = "keep the distribution inside that range"
    if target == .tenantJoinYear, drawn.upperBound < 1900 {
      hint = "for years of delay write the path '\(path.replacingOccurrences(of: "joins_shared_dc", with: "join_delay"))'"
    } else if target == .tenantJoinDelay, drawn.lowerBound >= 1900 {
      hint = "for the join year itself write the path '\(path.replacingOccurrences(of: "join_delay", with: "joins_shared_dc"))'"
    }
    context.error(
      "\(label) ('\(path)') draws values from \(n(drawn.lowerBound)) to \(n(drawn.upperBound)), but '\(target.key)' takes "
        + "\(valid.words); \(hint)",
      at: position)
  }

  /// `workloads[eakte].growth` → (.workloadGrowth, "eakte"); `[*]` → nil element.
  private func parsePath(_ text: String, scenario: Scenario, at position: SourcePosition, label: String)
    -> (ParameterTarget, String?)?
  {
    let trimmed = text.trimmingSpaces()
    var element: String?
    var shape = trimmed
    if let open = trimmed.firstIndex(of: "["), let close = trimmed[open...].firstIndex(of: "]") {
      let inside = String(trimmed[trimmed.index(after: open)..<close]).trimmingSpaces()
      element = inside
      shape = String(trimmed[..<open]) + String(trimmed[trimmed.index(after: close)...])
    }
    guard let target = ParameterTarget(rawValue: shape) else {
      let patterns = ParameterTarget.allCases.map(\.pattern)
      let hint = Spelling.nearest(to: trimmed.replacingElement(), among: patterns).map { "did you mean '\($0)'?" }
        ?? "use one of \(MappingReader.list(patterns, conjunction: "or"))"
      context.error("'path' of \(label) names no parameter that can be uncertain: '\(trimmed)'; \(hint)", at: position)
      return nil
    }
    guard let collection = target.collection else {
      if element != nil {
        context.error("'path' of \(label): '\(target.rawValue)' takes no element in brackets; write '\(target.rawValue)'", at: position)
        return nil
      }
      return (target, nil)
    }
    guard let id = element else {
      context.error("'path' of \(label) needs an element of '\(collection)': write '\(collection)[ID].\(target.key)' or '\(collection)[*].\(target.key)'",
                    at: position)
      return nil
    }
    if id == "*" { return (target, nil) }
    let ids: [String]
    switch collection {
    case "workloads": ids = scenario.workloads.map(\.id)
    case "tenants": ids = scenario.tenants.map(\.id)
    case "sites": ids = scenario.sites.map(\.id)
    case "hardware.servers": ids = scenario.hardware.servers.map(\.id)
    default: ids = scenario.hardware.storage.map(\.id)
    }
    guard ids.contains(id) else {
      let hint = Spelling.nearest(to: id, among: ids).map { "did you mean '\($0)'?" } ?? "use an id of '\(collection)' or '*'"
      context.error("'path' of \(label): no entry of '\(collection)' has the id '\(id)'; \(hint)", at: position)
      return nil
    }
    return (target, id)
  }

}

extension ParameterTarget {
  /// Whether a distribution may stand where the value is written (growth rates, shares and
  /// plain numbers whose draw replaces the value).
  var allowsInlineDistribution: Bool {
    mode == .value && ![.tenantJoinDelay, .tenantJoinYear, .siteDecommissionYear, .siteLeadTime].contains(self)
  }
}

extension MappingReader {
  /// The distribution described by this mapping's keys (those of an uncertain input).
  func distribution() -> Distribution? {
    let entry = self
    typealias I = UncertainInputSection
    guard let kindText = entry.choice(I.distribution, DistributionName.allCases.map(\.rawValue)),
      let kind = DistributionName(rawValue: kindText)
    else { return nil }
    let allParameters = [I.mean, I.sd, I.median, I.sigma, I.min, I.mode, I.max, I.values, I.probabilities]
    let needed: [KeySpec]
    switch kind {
    case .normal: needed = [I.mean, I.sd]
    case .logNormal: needed = [I.median, I.sigma]
    case .triangular, .pert: needed = [I.min, I.mode, I.max]
    case .uniform: needed = [I.min, I.max]
    case .discrete: needed = [I.values, I.probabilities]
    }
    var complete = true
    for key in needed where !entry.has(key) {
      context.error("a \(kind.rawValue) distribution needs '\(key.name)' in \(entry.label); add e.g. '\(key.name): \(key.example)'",
                    at: entry.position)
      complete = false
    }
    for key in allParameters where entry.has(key) && !needed.map(\.name).contains(key.name) {
      context.error("'\(key.name)' is no parameter of a \(kind.rawValue) distribution; it takes \(MappingReader.list(needed.map(\.name)))",
                    at: entry.keyPosition(of: key))
    }
    func value(_ key: KeySpec) -> Double? { entry.numberOrPercentage(key) }
    func bad(_ message: String, _ key: KeySpec) -> Distribution? {
      context.error("\(message) in \(entry.label)", at: entry.position(of: key))
      return nil
    }
    switch kind {
    case .normal:
      guard let mean = value(I.mean), let sd = value(I.sd), complete else { return nil }
      guard sd > 0 else { return bad("'sd' must be more than zero", I.sd) }
      return .normal(mean: mean, sd: sd)
    case .logNormal:
      guard let median = value(I.median), let sigma = value(I.sigma), complete else { return nil }
      guard median > 0 else { return bad("'median' must be more than zero", I.median) }
      guard sigma > 0 else { return bad("'sigma' must be more than zero", I.sigma) }
      return .logNormal(median: median, sigma: sigma)
    case .triangular, .pert:
      guard let low = value(I.min), let mode = value(I.mode), let high = value(I.max), complete else { return nil }
      guard low < high else { return bad("'min' must be below 'max'", I.max) }
      guard low <= mode, mode <= high else { return bad("'mode' must lie between 'min' and 'max'", I.mode) }
      return kind == .pert ? .pert(min: low, mode: mode, max: high) : .triangular(min: low, mode: mode, max: high)
    case .uniform:
      guard let low = value(I.min), let high = value(I.max), complete else { return nil }
      guard low < high else { return bad("'min' must be below 'max'", I.max) }
      return .uniform(min: low, max: high)
    case .discrete:
      guard let values = entry.numberList(I.values), let probabilities = entry.numberList(I.probabilities), complete else { return nil }
      guard !values.isEmpty, values.count == probabilities.count else {
        return bad("'values' and 'probabilities' must be lists of the same length, at least one", I.probabilities)
      }
      guard probabilities.allSatisfy({ $0 >= 0 }), abs(probabilities.reduce(0, +) - 1) < 1e-6 else {
        return bad("'probabilities' must be at least 0 and add up to 100 %", I.probabilities)
      }
      return .discrete(values: values, probabilities: probabilities)
    }
  }
}

extension String {
  /// `workloads[eakte].growth` → `workloads[X].growth`, for suggestions.
  fileprivate func replacingElement() -> String {
    guard let open = firstIndex(of: "["), let close = self[open...].firstIndex(of: "]") else { return self }
    return String(self[..<open]) + "[X]" + String(self[index(after: close)...])
  }
}
