import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Foundation
import Testing

/// `extends`: a variant in a few lines, merged by path and by id, errors in the file that set the value.
@Suite("extends")
struct OverlayTests {
  func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dcplan-extends-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return url
  }

  static let base = """
    scenario: {name: Base, horizon: 2020..2022, discount_rate: 5 %}
    tenants: [{id: land, kind: state}]
    workloads:
      - {id: eakte, tenant: land, vcpu: 10 vCPU, growth: 8 %}
      - {id: mail, tenant: land, vcpu: 5 vCPU}
    """

  @Test("mappings merge key by key, lists of entries with ids entry by id, new entries appended")
  func merge() throws {
    let dir = try folder([
      "base.yaml": Self.base,
      "variant.yaml": """
        extends: base.yaml
        scenario: {name: Variant}
        workloads:
          - {id: eakte, vcpu: 20 vCPU}
          - {id: web, tenant: land, vcpu: 2 vCPU}
        """,
    ])
    let outcome = ScenarioLoader.load(path: dir.appendingPathComponent("variant.yaml").path)
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    #expect(scenario.info.name == "Variant")
    #expect(approximately(scenario.info.discountRate.value, 0.05))
    #expect(scenario.workloads.map(\.id) == ["eakte", "mail", "web"])
    #expect(scenario.workloads[0].vcpu.quantity.vcpu == 20)
    #expect(approximately(scenario.workloads[0].vcpuGrowth.perYear, 0.08))
  }

  @Test("each error points into the file that set the value")
  func errorsInTheirFiles() throws {
    let dir = try folder([
      "base.yaml": Self.base.replacingOccurrences(of: "{id: mail, tenant: land", with: "{id: mail, tenant: lnd"),
      "variant.yaml": "extends: base.yaml\nworkloads:\n  - {id: eakte, growth: 8 kg}\n",
    ])
    let outcome = ScenarioLoader.load(path: dir.appendingPathComponent("variant.yaml").path)
    let lines = outcome.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.position.line):\($0.position.column): \($0.message)" }
    #expect(lines == [
      "variant.yaml:3:25: 'growth' of workload 'eakte' needs a percentage; found '8 kg' (a mass); write e.g. '8 %'",
      "base.yaml:5:24: unknown tenant 'lnd'; did you mean 'land'?",
    ])
  }

  @Test("a missing base, a cycle, and the bundled default as a base")
  func chains() throws {
    let dir = try folder([
      "a.yaml": "extends: b.yaml\n",
      "b.yaml": "extends: a.yaml\n",
      "lost.yaml": "scenario: {name: x}\nextends: nowhere.yaml\n",
      "half.yaml": "extends: dcplan:default\npolicy: {failover_share: 50 %}\n",
    ])
    let cycle = ScenarioLoader.load(path: dir.appendingPathComponent("a.yaml").path)
    #expect(cycle.diagnostics.first?.message == "'a.yaml' extends itself through the chain of 'extends'; break the cycle")
    #expect(URL(fileURLWithPath: cycle.diagnostics.first?.file ?? "").lastPathComponent == "b.yaml")
    let lost = ScenarioLoader.load(path: dir.appendingPathComponent("lost.yaml").path)
    #expect(lost.diagnostics.first?.position == SourcePosition(line: 2, column: 10))
    #expect(lost.diagnostics.first?.message.hasPrefix("the file 'nowhere.yaml' that this scenario extends cannot be read") == true)
    let half = try #require(ScenarioLoader.load(path: dir.appendingPathComponent("half.yaml").path).scenario)
    #expect(half.info.name == "Lower Saxony shared data centre")
    if case let .activeActive(share) = half.policy.siteMode { #expect(share.value == 0.5) } else { Issue.record("not active-active") }
  }
}

extension OverlayTests {
  @Test("'extends' stays in the scenario's folder tree: '../base.yaml' and an absolute path are refused at their line, a subfolder is fine")
  func confined() throws {
    let dir = try folder(["base.yaml": Self.base])
    let sub = dir.appendingPathComponent("variants")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try "extends: ../base.yaml\n".write(to: sub.appendingPathComponent("up.yaml"), atomically: true, encoding: .utf8)
    try "extends: /etc/hostname\n".write(to: sub.appendingPathComponent("absolute.yaml"), atomically: true, encoding: .utf8)
    try "extends: variants/inner.yaml\n".write(to: dir.appendingPathComponent("down.yaml"), atomically: true, encoding: .utf8)
    try Self.base.write(to: sub.appendingPathComponent("inner.yaml"), atomically: true, encoding: .utf8)
    let up = ScenarioLoader.load(path: sub.appendingPathComponent("up.yaml").path)
    #expect(up.scenario == nil)
    #expect(up.diagnostics.first?.description.contains("up.yaml:1:10: error: 'extends' names") == true, "\(up.diagnostics)")
    #expect(up.diagnostics.first?.description.contains("--extends-anywhere") == true)
    let absolute = ScenarioLoader.load(path: sub.appendingPathComponent("absolute.yaml").path)
    #expect(absolute.scenario == nil)
    #expect(absolute.diagnostics.first?.message.contains("outside the scenario's folder") == true, "\(absolute.diagnostics)")
    #expect(ScenarioLoader.load(path: dir.appendingPathComponent("down.yaml").path).scenario != nil)
  }
}

extension OverlayTests {
  @Test("a table by year and a distribution in an overlay replace the base's whole: no year of the base's table survives")
  func wholeValues() throws {
    let base = """
      scenario: {name: Base, horizon: 2020..2030, discount_rate: 5 %}
      tenants: [{id: land, kind: state, employees: {2020: 100, 2024: 200, 2028: 300}}]
      workloads:
        - {id: eakte, tenant: land, vcpu: 10 vCPU, growth: {distribution: triangular, min: 4 %, mode: 8 %, max: 14 %}}
      """
    let dir = try folder([
      "base.yaml": base,
      "variant.yaml": "extends: base.yaml\ntenants:\n  - {id: land, employees: {2020: 100, 2030: 500}}\nworkloads:\n  - {id: eakte, growth: {distribution: uniform, min: 1 %, max: 2 %}}\n",
    ])
    let scenario = try #require(ScenarioLoader.load(path: dir.appendingPathComponent("variant.yaml").path).scenario)
    // Linear between 2020 and 2030 only: 2024 is 260, not the base's 200.
    #expect(abs(scenario.tenants[0].employees.employees(in: Year(2024)) - 260) < 1e-9)
    let input = try #require(scenario.uncertainty.inputs.first { $0.name == "workloads[eakte].growth" })
    #expect(input.distribution == .uniform(min: 0.01, max: 0.02))
  }
}
