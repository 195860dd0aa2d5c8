import DCPlanModel

/// The scenario's accepted warnings (`accept`): each warning its code, subject and year match
/// is marked with the reason; it stays in the list and in every count. An acceptance that
/// matches no warning is itself a warning, with the nearest code where it names none.
enum Acceptance {
  static func apply(_ accepted: [AcceptedWarning], to warnings: [PlanWarning]) -> [PlanWarning] {
    guard !accepted.isEmpty else { return warnings }
    var marked = warnings
    var used = [Bool](repeating: false, count: accepted.count)
    for w in marked.indices {
      guard let a = accepted.firstIndex(where: { matches($0, marked[w]) }) else { continue }
      marked[w].acceptedReason = accepted[a].reason
      used[a] = true
    }
    let codes = WarningCode.allCases.map(\.rawValue)
    for (a, acceptance) in accepted.enumerated() where !used[a] {
      let hint = codes.contains(acceptance.code)
        ? "check its subject and year against the warnings raised, or remove it"
        : Spelling.nearest(to: acceptance.code, among: codes).map { "no warning has the code '\(acceptance.code)'; did you mean '\($0)'?" }
          ?? "no warning has the code '\(acceptance.code)'; docs/results-format.md lists the codes"
      marked.append(PlanWarning(
        code: .acceptanceUnused, year: acceptance.year, subject: acceptance.code,
        message: "acceptance \(a + 1) ('\(acceptance.code)'\(acceptance.subject.map { " of '\($0)'" } ?? "")) matches no warning of the plan; \(hint)"))
    }
    return marked
  }

  private static func matches(_ acceptance: AcceptedWarning, _ warning: PlanWarning) -> Bool {
    acceptance.code == warning.code.rawValue && (acceptance.subject.map { $0 == warning.subject } ?? true)
      && (acceptance.year.map { $0 == warning.year } ?? true)
  }
}
