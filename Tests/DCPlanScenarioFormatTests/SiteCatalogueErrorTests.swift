import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: a site's own types and staffing")
struct SiteCatalogueErrorTests {
  @Test("a site names a type of the catalogue (a typo gets a hint); its staffing gives at least one figure")
  func references() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state, legacy_site: room}]
      sites:
        - {id: room, kind: legacy, server_type: 1️⃣smal, storage_type: 2️⃣nas, staffing: 3️⃣{}}
      hardware:
        servers: [{id: small, cores: 8, ram: 64 GiB, typical_power: 150 W, peak_power: 150 W, price: 3000 EUR, lifetime: 5 years, per_rack: 40}]
      """)
    let lines = errorLines(source)
    #expect(lines.contains(at(source, "1️⃣", "unknown server type 'smal'; did you mean 'small'?")), "\(lines)")
    #expect(lines.contains { $0.hasPrefix(at(source, "2️⃣", "unknown storage type 'nas'")) }, "\(lines)")
    #expect(lines.contains(at(source, "3️⃣", "'staffing' of site 'room' gives neither 'servers_per_fte' nor 'min_fte'; add e.g. '{servers_per_fte: 25, min_fte: 0.5}', or remove it")), "\(lines)")
  }
}
