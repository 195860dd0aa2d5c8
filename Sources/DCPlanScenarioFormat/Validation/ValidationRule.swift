import DCPlanModel

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
