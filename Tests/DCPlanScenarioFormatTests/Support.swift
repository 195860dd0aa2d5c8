import DCPlanScenarioFormat
import DCPlanTestSupport

/// The errors of a marked snippet as `LINE:COLUMN: MESSAGE` lines, for exact comparison.
func errorLines(_ source: MarkedSource) -> [String] {
  diagnostics(of: source).filter { $0.severity == .error }.map { "\($0.position.line):\($0.position.column): \($0.message)" }
}

/// `LINE:COLUMN: MESSAGE` at a marker.
func at(_ source: MarkedSource, _ marker: String, _ message: String) -> String {
  let position = source[marker]
  return "\(position.line):\(position.column): \(message)"
}
