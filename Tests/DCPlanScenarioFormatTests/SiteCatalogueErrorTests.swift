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

@Suite("error class: rented sites")
struct RentErrorTests {
  @Test("a rent price needs its unit, and a rent gives a price")
  func errors() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state, legacy_site: room}]
      sites:
        - {id: room, kind: legacy, rent: {per_rack: 1️⃣1500}}
        - {id: other, kind: legacy, rent: 2️⃣{energy: included}}
        - {id: both, kind: legacy, rent: 3️⃣{per_rack: 1500 EUR/month, per_vcpu: 20 EUR/month}}
        - {id: cloud, kind: legacy, rent: {per_vcpu: 20 EUR/month, 4️⃣energy: metered}, modules: 5️⃣[{name: hall, racks: 10, it_power: 100 kW, cooling: 100 kW, capex: 1 MEUR, lead_time: 1 year}]}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'per_rack' of 'rent' of site 'room' needs a cost per period; found '1500' without a unit; write e.g. '1500 EUR/month'"),
      at(source, "2️⃣", "'rent' of site 'other' gives no price; add e.g. 'per_rack: 1500 EUR/month' (colocation) or 'per_vcpu: 20 EUR/month' (a provider's service)"),
      at(source, "3️⃣", "'rent' of site 'both' prices both space (per_rack, per_kw) and a provider's service (per_vcpu, per_gib_ram, per_tib); a site rents one or the other: make two sites to compare them"),
      at(source, "4️⃣", "'energy' of 'rent' of site 'cloud' does not apply to a provider's service: its prices include the energy; remove it"),
      at(source, "5️⃣", "site 'cloud' is a provider's service (its 'rent' prices vCPU, RAM or TiB) and has 'modules'; the provider builds its own: remove the modules, or rent space ('per_rack', 'per_kw') instead"),
    ])
  }
}

@Suite("error class: hardware generations")
struct HardwareGenerationErrorTests {
  @Test("a generation's year lies in the horizon and after the one before; it changes something; its capacity is above zero")
  func errors() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2025}
      tenants: [{id: land, kind: state}]
      hardware:
        servers:
          - {id: host, cores: 32, ram: 512 GiB, typical_power: 400 W, peak_power: 500 W, price: 9000 EUR, lifetime: 5 years, per_rack: 20,
             generations: [{from: 1️⃣2019, cores: 48}, {from: 2022, cores: 64}, {from: 2️⃣2022, cores: 96}, 3️⃣{from: 2024}, {from: 2025, ram: 4️⃣0 GiB}]}
        storage:
          - {id: array, usable: 100 TiB, typical_power: 1 kW, peak_power: 1 kW, price: 50000 EUR, lifetime: 5 years, per_rack: 4,
             generations: [{from: 5️⃣2031, usable: 200 TiB}, 6️⃣{from: 2023}, {from: 2024, typical_power: 2 kW, peak_power: 7️⃣1 kW}]}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'from' of generation 1 of server type 'host' is 2019, outside the horizon 2020..2025; give a year within it"),
      at(source, "2️⃣", "'from' of generation 3 of server type 'host' is 2022, not after the generation before (2022); list generations by rising year"),
      at(source, "3️⃣", "generation 4 of server type 'host' changes nothing; give its 'cores', 'ram', 'typical_power' or 'peak_power'"),
      at(source, "4️⃣", "'ram' of generation 5 of server type 'host' must be more than zero"),
      at(source, "5️⃣", "'from' of generation 1 of storage type 'array' is 2031, outside the horizon 2020..2025; give a year within it"),
      at(source, "6️⃣", "generation 2 of storage type 'array' changes nothing; give its 'usable', 'typical_power' or 'peak_power'"),
      at(source, "7️⃣", "'peak_power' of generation 3 of storage type 'array' is below its 'typical_power'; peak must be at least typical"),
    ])
  }
}
