import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

/// Offices on access lines: sized by their busy-hour rate, upgraded along their classes,
/// priced per line (docs/conventions.md, "Access lines").
@Suite("access lines")
struct AccessLineTests {
  /// 1 Mbit/s down per employee, headcount +50 % a year, target 80 %: a 10 Mbit/s 'small'
  /// line carries up to 8 Mbit/s, a dual-homed 100 Mbit/s 'medium' up to 80.
  static let yaml = """
    version: 1
    scenario: {name: access, horizon: 2020..2022, discount_rate: 0 %}
    tenants:
      - {id: land, kind: state, employees: 1000, employee_growth: 50 %, joins_shared_dc: 2020, node: h}
    sites: [{id: dc, kind: shared, node: h}]
    network:
      busy_hour_per_employee: {down: 1 Mbit/s, up: 0.25 Mbit/s}
      target_utilisation: 80 %
      nodes: [{id: h}, {id: o}]
      links: [{id: h-o, from: h, to: o, capacity: 10 Gbit/s}]
      access_classes:
        - {id: small, bandwidth: 10 Mbit/s, price: 100 EUR/month, upgrade_to: medium}
        - {id: medium, bandwidth: 100 Mbit/s, price: 300 EUR/month, dual_homed: true}
      access_sites:
        - {id: office-a, node: o, tenant: land, employees: 5, class: small}
      access_sites_file: offices.csv
    """

  static func folder(csv: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dcplan-access-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try yaml.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    try csv.write(to: folder.appendingPathComponent("offices.csv"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test("by hand: office-a (5 → 7.5 → 11.25 Mbit/s) moves up in 2022; office-b (10) starts on 'medium'; office-c (100) stays above target")
  func byHand() throws {
    let folder = try Self.folder(csv: "id,node,tenant,employees,class\noffice-b,o,land,10,small\n\"office-c\",h,land,100,medium\n")
    let outcome = ScenarioLoader.load(path: folder.appendingPathComponent("a.yaml").path)
    let results = Planner.run(try #require(outcome.scenario, "\(outcome.diagnostics)"))
    let lines = Dictionary(uniqueKeysWithValues: results.accessLines.map { ($0.site, $0) })
    #expect(lines["office-a"]?.classIndex == [0, 0, 1])
    #expect(lines["office-b"]?.classIndex == [1, 1, 1])
    #expect(lines["office-c"]?.overTarget == [true, true, true])
    // Lines: small 1, 1, 0 at 1,200 EUR a year; medium 2 × (2, 2, 3) at 3,600 EUR.
    func cost(_ year: Int) -> Double {
      results.costs.lines.filter { $0.category == .accessLines && $0.year == Year(year) }.reduce(0) { $0 + $1.amountEUR }
    }
    #expect(cost(2020) == 1_200 + 4 * 3_600)
    #expect(cost(2022) == 6 * 3_600)
    #expect(results.warnings.filter { $0.code == .accessLineOverTarget }.count == 3)
    // The land's own lines: in its cost and, alike, in what it would pay alone.
    let land = try #require(results.sharing.tenants.first)
    #expect(NPV.value(land.networkEUR, rate: 0) >= cost(2020) + cost(2021) + cost(2022))
  }

  @Test("a table's errors point at its rows and columns")
  func tableErrors() throws {
    let folder = try Self.folder(csv: "id,node,tenant,employees,class\noffice-b,o,lnad,10,small\noffice-d,o,land,x,small\noffice-e,o,land,3,tiny\n")
    let outcome = ScenarioLoader.load(path: folder.appendingPathComponent("a.yaml").path)
    let lines = outcome.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.position.line):\($0.position.column): \($0.message)" }
    #expect(lines == [
      "offices.csv:2:12: unknown tenant 'lnad'; did you mean 'land'?",
      "offices.csv:3:17: 'employees' of office 'office-d' must be a number from 0 to 10000000; found 'x'",
      "offices.csv:4:19: unknown access class 'tiny'; known access classes: 'small' and 'medium'",
    ])
  }
}
