import DCPlanEngine
import DCPlanTestSupport
import Foundation
import Testing

/// docs/results-format.md against the names the code writes: each warning code once.
@Suite("results format documentation")
struct ResultsFormatDocumentationTests {
  static func document() throws -> String {
    try String(contentsOf: RepositoryPaths.root.appendingPathComponent("docs/results-format.md"), encoding: .utf8)
  }

  @Test("the warning table lists every warning code the plan can raise, and no other")
  func warningCodes() throws {
    let text = try Self.document()
    let start = try #require(text.range(of: "| code | raised when |"))
    let rest = text[start.upperBound...]
    let end = rest.range(of: "\n#")?.lowerBound ?? rest.endIndex
    var documented: [String] = []
    for line in rest[..<end].split(separator: "\n") where line.hasPrefix("| `") {
      let firstColumn = line.dropFirst(2).prefix { $0 != "|" }
      for part in firstColumn.split(separator: "`") where !part.contains(",") && !part.trimmingCharacters(in: .whitespaces).isEmpty {
        documented.append(String(part))
      }
    }
    #expect(documented.sorted() == WarningCode.allCases.map(\.rawValue).sorted())
    #expect(Set(documented).count == documented.count, "a code is listed twice")
  }
}
