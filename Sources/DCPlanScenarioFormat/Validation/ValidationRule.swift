import DCPlanModel

/// Where each value of a decoded file stood: dotted paths (`tenants[2].legacy_site`) to
/// positions, so that checks across sections point at the value they concern.
public struct SourceMap: Sendable {
  /// Positions by dotted path.
  public let positions: [String: SourcePosition]

  /// The position of `path`, else of the nearest enclosing entry, else the file's start.
  public func position(_ path: String) -> SourcePosition {
    var candidate = path
    while true {
      if let position = positions[candidate] { return position }
      guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return .start }
      candidate = String(candidate[..<cut])
    }
  }
}

/// One check across sections of a decoded scenario (ids, references, shares).
/// Each rule lives in its own file under Validation/ with its messages beside it.
protocol ValidationRule {
  /// Appends every problem the rule finds; never stops at the first.
  static func check(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String)
}

extension Diagnostic {
  static func error(_ file: String, _ position: SourcePosition, _ message: String) -> Diagnostic {
    Diagnostic(file: file, position: position, severity: .error, message: message)
  }
}

/// The rules run after decoding, in this order.
enum ValidationRules {
  static func checkAll(_ scenario: Scenario, _ map: SourceMap, _ report: inout [Diagnostic], file: String) {
    DuplicateIDRule.check(scenario, map, &report, file: file)
    ReferenceRule.check(scenario, map, &report, file: file)
    SharedDataCentreRule.check(scenario, map, &report, file: file)
    HardwareReferenceRule.check(scenario, map, &report, file: file)
    NetworkRule.check(scenario, map, &report, file: file)
    VoiceRule.check(scenario, map, &report, file: file)
    AccessLineRule.check(scenario, map, &report, file: file)
  }
}
