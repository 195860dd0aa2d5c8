import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

/// The README's scenario tour must stay a valid scenario.
@Suite("README")
struct ReadmeTourTests {
  @Test("the YAML in the README's tour loads without errors")
  func tourLoads() throws {
    let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\n"))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    let outcome = ScenarioLoader.load(text: String(readme[start.upperBound..<end.lowerBound]), file: "README.md")
    #expect(outcome.scenario != nil, "\(outcome.diagnostics)")
    #expect(outcome.diagnostics.isEmpty)
  }
}
