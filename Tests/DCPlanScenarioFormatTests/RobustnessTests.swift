import DCPlanReports
import DCPlanJSON
import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// No input may crash the loader: each of these must end in diagnostics, not a trap.
@Suite("robustness: broken input gives errors, never a crash")
struct RobustnessTests {
  @Test("an empty file")
  func empty() {
    let outcome = ScenarioLoader.load(text: "", file: "empty.yaml")
    #expect(outcome.scenario == nil)
    #expect(outcome.diagnostics.map(\.description) == [
      "empty.yaml:1:1: error: the file is empty; a scenario needs at least the sections 'scenario' and 'tenants'"
    ])
  }

  @Test("binary garbage that is not UTF-8 is reported at its first bad byte")
  func garbage() {
    // "ab\n" then an invalid byte 0xFF on line 2, column 1.
    let outcome = ScenarioLoader.load(bytes: [0x61, 0x62, 0x0A, 0xFF, 0x00, 0xC3], file: "garbage.bin")
    #expect(outcome.diagnostics.map(\.description) == [
      "garbage.bin:2:1: error: the file is not UTF-8 text; save it as UTF-8"
    ])
  }

  @Test("pseudo-random bytes never crash", arguments: 0..<20)
  func randomBytes(seed: UInt64) {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    let bytes = (0..<512).map { _ -> UInt8 in
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return UInt8(truncatingIfNeeded: state)
    }
    let outcome = ScenarioLoader.load(bytes: bytes, file: "random.bin")
    #expect(outcome.scenario == nil)
  }

  @Test("10 MB of nesting stops at the parser's depth limit")
  func deepNesting() {
    let text = String(repeating: "[", count: 10_000_000)
    let outcome = ScenarioLoader.load(text: text, file: "deep.yaml")
    #expect(outcome.scenario == nil)
    #expect(outcome.diagnostics.count == 1)
  }

  @Test("deep block nesting of mappings")
  func deepBlocks() {
    var text = ""
    for depth in 0..<3000 { text += String(repeating: " ", count: depth) + "a:\n" }
    let outcome = ScenarioLoader.load(text: text, file: "blocks.yaml")
    #expect(outcome.scenario == nil)
  }

  @Test("aliases that expand a small file into a huge tree are stopped")
  func billionLaughs() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<12 {
      let previous = "*a\(level - 1)"
      text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    // A complex key made of the largest alias: hashing it would visit 10^12 nodes.
    text += "? *a11\n: 1\n"
    let outcome = ScenarioLoader.load(text: text, file: "laughs.yaml")
    #expect(outcome.scenario == nil)
    #expect(outcome.diagnostics.map(\.description) == [
      "laughs.yaml:6:45: error: alias '*a4' expands the scenario beyond 1000000 values (aliases of aliases multiply); write the repeated part out, or reuse it less deeply"
    ])
  }

  @Test("anchors, aliases and merge keys: a module written once and merged twice, explicit keys winning; x- keys ignored")
  func mergeKeys() throws {
    let text = """
      version: 1
      x-hall: &hall {racks: 50, it_power: 400 kW, cooling: 450 kW, lead_time: 3 years, capex: 1 MEUR}
      x-more: &more {capex: 9 MEUR, racks: 7}
      scenario: {name: anchors, horizon: 2020..2022}
      tenants: [{id: a, kind: state, joins_shared_dc: 2020}]
      sites:
        - id: dc
          kind: shared
          modules:
            - {<<: *hall, name: hall 1}
            - {<<: [*more, *hall], name: hall 2, racks: 40}
      """
    let outcome = ScenarioLoader.load(text: text, file: "anchors.yaml")
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    let modules = scenario.sites[0].modules
    #expect(modules.map(\.name) == ["hall 1", "hall 2"])
    #expect(modules.map(\.capacity.racks) == [50, 40])
    // The first merged mapping wins over the later: hall 2 costs *more's 9 MEUR.
    #expect(modules.map(\.capex.euros) == [1e6, 9e6])
    #expect(modules.allSatisfy { $0.leadTimeYears == 3 })
    let bad = ScenarioLoader.load(text: "version: 1\nx-n: &n 5\nscenario: {<<: *n, name: t, horizon: 2020..2021}\n", file: "bad.yaml")
    #expect(bad.diagnostics.first?.description
      == "bad.yaml:2:6: error: the merge key '<<' (line 3) takes a mapping or a list of mappings, such as '<<: *defaults'; found '5'")
  }

  @Test("a '*' inside ordinary text is no alias")
  func starInText() {
    let outcome = ScenarioLoader.load(
      text: "scenario: {name: Test, horizon: 2020..2022, description: Note *important* here}\ntenants: [{id: a, kind: state}]\n",
      file: "star.yaml")
    #expect(outcome.scenario != nil, "\(outcome.diagnostics)")
  }

  @Test("a file that is a list, a word, or two documents")
  func wrongShapes() {
    for text in ["- a\n- b\n", "hello\n", "a: 1\n---\nb: 2\n", "\u{0}\u{1}\u{2}"] {
      let outcome = ScenarioLoader.load(text: text, file: "shape.yaml")
      #expect(outcome.scenario == nil, "\(text)")
      #expect(!outcome.diagnostics.isEmpty)
    }
  }

  @Test("JSON is read like YAML, with positions")
  func json() throws {
    let source = MarkedSource("""
      {
        "scenario": {"name": "Test", "horizon": "2020..2022"},
        "tenants": [{"id": "land", "kind": 1️⃣"stat"}]
      }
      """)
    #expect(errorLines(source) == [at(source, "1️⃣", "unknown kind 'stat' for tenant 'land'; did you mean 'state'?")])
  }
}

/// Inputs the fuzzer found crashing the engine once, kept as regression tests.
@Suite("robustness: fuzzer finds")
struct FuzzerFindTests {
  @Test("25 % growth over 173 years: numbers beyond Int64 in ledger drivers and warnings")
  func hugeNumbers() throws {
    let path = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/crashes/huge-growth-over-173-years.yaml").path
    let outcome = ScenarioLoader.load(path: path)
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    let results = Planner.run(scenario)
    _ = MarkdownRenderer.render(ResultTables.tables(results))
    _ = JSONWriter.write(ResultsJSON.value(results))
    #expect(results.costs.lines.contains { $0.driver.contains("e+") })
  }

  /// Finds of the structure-aware fuzzer (Fuzz/Sources/ExtremesFuzzer): the default scenario
  /// with one value set to an extreme, as `dcplan sweep --set` would.
  static func loadDefault(_ settings: [(path: String, value: String)]) -> LoadOutcome {
    ScenarioLoader.load(text: BundledScenarios.niedersachsen2025, file: "default.yaml", settings: settings)
  }

  @Test("links 1e-300 km long: weights of 1e-6, next hops strictly nearer, voice delays without endless recursion")
  func nearZeroWeights() throws {
    let settings = (0..<8).map { (path: "network.links[\($0)].length", value: "1e-300 km") }
    let outcome = Self.loadDefault(settings)
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    #expect(scenario.network.links.prefix(8).allSatisfy { $0.weight == 0.000001 })
    let results = Planner.run(scenario)
    #expect(results.voice.locations.allSatisfy { ($0.delayMs ?? 0).isFinite })
    _ = JSONWriter.write(ResultsJSON.value(results))
  }

  @Test("an uncertain input drawing up to 1e308: a located error naming the range, not a trap in its message")
  func hugeDistributionBound() throws {
    let outcome = Self.loadDefault([("uncertainty.inputs[0].max", "1e308")])
    #expect(outcome.scenario == nil)
    let message = try #require(outcome.diagnostics.first { $0.message.contains("draws values from") }?.message)
    #expect(message.contains("e+"), "\(message)")
  }
}
