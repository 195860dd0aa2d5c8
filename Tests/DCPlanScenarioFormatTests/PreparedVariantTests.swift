import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

/// A sweep's variants decode only the sections their settings change and take the rest from
/// the base decoded once (``ScenarioLoader/prepare(text:file:)``). The independent method is
/// the whole load of the text with the settings put in (parsed, merged and decoded from
/// scratch): every variant must come out the same, scenario, diagnostics and source map.
@Suite("sweep variants from a prepared base")
struct PreparedVariantTests {
  /// The same outcome both ways, or a description of the first difference.
  static func expectSame(_ text: String, _ settings: [(path: String, value: String)], _ comment: Comment) throws {
    let prepared = try ScenarioLoader.prepare(text: text, file: "base.yaml").get()
    let reused = ScenarioLoader.load(prepared, settings: settings)
    let fresh = ScenarioLoader.load(text: text, file: "base.yaml", settings: settings)
    #expect(reused.scenario == fresh.scenario, comment)
    #expect((reused.scenario == nil) == (fresh.scenario == nil), comment)
    #expect(reused.diagnostics == fresh.diagnostics, comment)
    #expect(reused.sourceMap.positions == fresh.sourceMap.positions, comment)
  }

  @Test("on the default: settings in one section, in several, on the horizon, and none, give what a whole load gives")
  func defaultVariants() throws {
    let text = BundledScenarios.niedersachsen2025
    let cases: [[(path: String, value: String)]] = [
      [],
      [("policy.failover_share", "60 %")],
      [("scenario.discount_rate", "1.5 %")],
      [("policy.failover_share", "75 %"), ("scenario.discount_rate", "4 %")],
      // A longer horizon: every section that reads the horizon is decoded again.
      [("scenario.horizon", "2017..2030")],
      [("workloads[land-office].vcpu_growth", "20 %")],
      [("sites[dc-hannover].pue", "1.5")],
      [("network.links[0].capacity", "40 Gbit/s"), ("costs.maintenance", "9 %")],
      [("voice.grade_of_service", "0.5 %")],
      // Errors in the changed section, with the others reused.
      [("policy.failover_share", "150 %")],
      [("hardware.servers[0].cores", "many")],
      // A section the base lacks.
      [("scenario.seed", "7"), ("accept", "[]")],
      // Ids that uncertainty paths name: a renamed server type leaves 'hardware.servers[host-2s]'
      // naming nothing, and the uncertainty section must be decoded again to say so.
      [("hardware.servers[host-2s].id", "host-3s")],
      [("tenants[land].id", "state")],
      [("uncertainty.inputs[0].path", "workloads[*].storage_growth")],
    ]
    for settings in cases {
      try Self.expectSame(text, settings, "\(settings)")
    }
  }

  @Test("a base with errors, warnings and inline distributions in sections a variant leaves alone")
  func baseWithProblems() throws {
    var text = BundledScenarios.niedersachsen2025
    // An unknown key in a site (an error) and a distribution written inline in a tenant: each
    // in a section the settings below do not touch.
    text = text.replacingOccurrences(of: "    load_share: 50 %\n", with: "    load_share: 50 %\n    load_shaer: 1\n", options: [], range: nil)
    text = text.replacingOccurrences(
      of: "    employee_growth: 1.3 %\n", with: "    employee_growth: {distribution: triangular, min: 0.5 %, mode: 1.3 %, max: 2 %}\n")
    let base = ScenarioLoader.load(text: text, file: "base.yaml")
    #expect(base.diagnostics.contains { $0.severity == .error && $0.message.contains("load_shaer") })
    for settings: [(path: String, value: String)] in [
      [("policy.failover_share", "60 %")], [("scenario.discount_rate", "2 %")], [("sites[dc-hannover].load_shaer", "2")], [],
    ] {
      try Self.expectSame(text, settings, "\(settings)")
    }
    // Without the error, the inline distribution reaches the scenario's uncertain inputs both ways.
    let clean = text.replacingOccurrences(of: "    load_shaer: 1\n", with: "")
    let prepared = try ScenarioLoader.prepare(text: clean, file: "base.yaml").get()
    let variant = try #require(ScenarioLoader.load(prepared, settings: [("policy.failover_share", "60 %")]).scenario)
    #expect(variant.uncertainty.inputs.contains { $0.name.contains("employee_growth") })
    try Self.expectSame(clean, [("policy.failover_share", "60 %")], "inline distribution")
  }

  @Test("a variant file that extends the default: diagnostics located in the file that holds them")
  func extendingFile() throws {
    // An error in the variant's own lines (an unknown key in 'costs') and settings elsewhere.
    let text = "extends: dcplan:default\npolicy: {cpu_overcommit: 3}\ncosts: {maintenanse: 5 %}\n"
    for settings: [(path: String, value: String)] in [[], [("policy.cpu_overcommit", "5")], [("scenario.discount_rate", "2 %")]] {
      try Self.expectSame(text, settings, "\(settings)")
    }
    let prepared = try ScenarioLoader.prepare(text: text, file: "variant.yaml").get()
    let outcome = ScenarioLoader.load(prepared, settings: [("scenario.discount_rate", "2 %")])
    #expect(outcome.diagnostics.contains { $0.file == "variant.yaml" && $0.position.line == 3 && $0.message.contains("maintenanse") })
  }

  @Test("every bundled teaching scenario, with a setting in each of its sections")
  func teachingScenarios() throws {
    let folder = RepositoryPaths.root.appendingPathComponent("Scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("teaching-") }.sorted()
    #expect(files.count >= 5)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for settings: [(path: String, value: String)] in [
        [("scenario.discount_rate", "2 %")], [("policy.cpu_overcommit", "3")], [("costs.energy_price", "0.3 EUR/kWh")],
        [("scenario.horizon", "2020..2040")],
      ] {
        try Self.expectSame(text, settings, "\(file) \(settings)")
      }
    }
  }
}
