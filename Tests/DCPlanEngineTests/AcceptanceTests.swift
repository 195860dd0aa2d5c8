import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Warnings a planner accepts (`accept`): marked with the reason, still counted, shown apart.
@Suite("accepted warnings")
struct AcceptanceTests {
  @Test("an accepted warning keeps its place and count with its reason; an acceptance of an unknown code names the nearest")
  func accept() throws {
    let base = try #require(ScenarioLoader.load(text: BundledScenarios.niedersachsen2025, file: "default.yaml").scenario)
    let plain = Planner.run(base)
    let twins = try #require(plain.warnings.first { $0.code == .twinsNotGeoredundant })
    var scenario = base
    scenario.acceptedWarnings = [
      AcceptedWarning(code: "twins-not-georedundant", subject: twins.subject, year: nil, reason: "a third site is planned for 2027"),
      AcceptedWarning(code: "twins-not-georedundnat", subject: nil, year: nil, reason: "typo"),
    ]
    let results = Planner.run(scenario)
    // Every warning of the plain run is still there, one more for the unused acceptance.
    #expect(results.warnings.count == plain.warnings.count + 1)
    let accepted = results.warnings.filter { $0.acceptedReason != nil }
    #expect(accepted.map(\.code) == [.twinsNotGeoredundant])
    #expect(accepted.first?.acceptedReason == "a third site is planned for 2027")
    let unused = try #require(results.warnings.first { $0.code == .acceptanceUnused })
    #expect(unused.message.contains("did you mean 'twins-not-georedundant'?"), "\(unused.message)")
    // The figures do not change.
    #expect(results.costs == plain.costs)
  }

  @Test("an acceptance needs a reason, located")
  func reason() {
    let outcome = ScenarioLoader.load(text: """
      scenario: {name: Test, horizon: 2020..2020}
      tenants: [{id: t, kind: state}]
      accept:
        - {code: n1-disconnection, reason: ""}
        - {code: n1-disconnection}
      """, file: "accept.yaml")
    let errors = outcome.diagnostics.filter { $0.severity == .error }.map { "\($0.position.line):\($0.position.column): \($0.message)" }
    #expect(errors.contains { $0.hasPrefix("4:") && $0.contains("'reason' of acceptance 1 is empty") }, "\(errors)")
    #expect(errors.contains { $0.hasPrefix("5:") && $0.contains("needs 'reason'") }, "\(errors)")
  }
}
