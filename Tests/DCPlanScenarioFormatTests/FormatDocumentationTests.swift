import DCPlanJSON
import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing

@Suite("schema and reference documentation")
struct FormatDocumentationTests {
  @Test("docs/scenario-format.md is the generated reference, up to date")
  func referenceUpToDate() throws {
    let path = RepositoryPaths.root.appendingPathComponent("docs/scenario-format.md").path
    let onDisk = try String(contentsOfFile: path, encoding: .utf8)
    #expect(onDisk == FormatReference.markdown(), "regenerate with: swift run dcplan schema --format markdown -o docs/scenario-format.md")
  }

  @Test("the JSON Schema is valid JSON and lists every section and key")
  func schemaParses() throws {
    let text = JSONWriter.write(JSONSchemaGenerator.schema())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let properties = try #require(object["properties"] as? [String: Any])
    #expect(Set(properties.keys).isSuperset(of: ["version", "scenario", "tenants", "workloads", "sites"]))
    let tenants = try #require(properties["tenants"] as? [String: Any])
    let items = try #require(tenants["items"] as? [String: Any])
    let tenantKeys = try #require(items["properties"] as? [String: Any])
    #expect(tenantKeys.keys.contains("joins_shared_dc"))
    #expect(items["additionalProperties"] as? Bool == false)
  }

  @Test("the schema's quantity pattern accepts what the loader accepts")
  func quantityPattern() throws {
    let pattern = try Regex(JSONSchemaGenerator.quantityPatternForTests)
    for text in ["10 Gbit/s", "2 GiB/employee/year", "4.2 ct/kWh", "1_000 GiB", ".5 TiB", "1e3 W"] {
      #expect(text.wholeMatch(of: pattern) != nil, "\(text)")
    }
    #expect("ten GiB".wholeMatch(of: pattern) == nil)
  }

  @Test("the bundled default scenario is Scenarios/niedersachsen-2025.yaml byte for byte")
  func bundledMatchesFile() throws {
    let onDisk = try String(contentsOfFile: RepositoryPaths.scenario("niedersachsen-2025.yaml"), encoding: .utf8)
    #expect(BundledScenarios.niedersachsen2025 + "\n" == onDisk, "regenerate with Scripts/embed-default-scenario.sh")
  }

  @Test("every bundled scenario validates without errors")
  func bundledScenariosValidate() throws {
    let folder = RepositoryPaths.root.appendingPathComponent("Scenarios")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(!files.isEmpty)
    for file in files {
      let outcome = ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
      #expect(!outcome.diagnostics.containsErrors, "\(file): \(outcome.diagnostics)")
    }
  }
}
