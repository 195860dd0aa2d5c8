import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Errors in the hardware, policy, site-module and cost sections, at their positions.
@Suite("errors in hardware, policy, modules and costs")
struct CapacitySectionErrorTests {
  static let head = """
    scenario: {name: Test, horizon: 2020..2022}
    tenants: [{id: land, kind: state}]

    """

  @Test("hardware: a lifetime that is no whole number of years, peak below typical, a missing key")
  func hardware() {
    let source = MarkedSource(Self.head + """
      hardware:
        servers:
          - id: host
            cores: 32
            ram: 512 GiB
            typical_power: 400 W
            peak_power: 1️⃣300 W
            price: 9000 EUR
            lifetime: 2️⃣18 months
            per_rack: 10
        storage:
          - 3️⃣id: san
            usable: 100 TiB
            typical_power: 1 kW
            peak_power: 1 kW
            lifetime: 5 years
            per_rack: 4
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'peak_power' of server type 'host' is below its 'typical_power'; peak must be at least typical"),
      at(source, "2️⃣", "'lifetime' of server type 'host' must be a whole number of years from 1 to 1000; found '18 months'"),
      at(source, "3️⃣", "storage type 'san' needs 'price'; add e.g. 'price: 9000 EUR'"),
    ])
  }

  @Test("policy: an unknown server type, spares that fill the cluster, malformed erasure coding")
  func policy() {
    let source = MarkedSource(Self.head + """
      hardware:
        servers: [{id: host, cores: 32, ram: 512 GiB, typical_power: 400 W, peak_power: 600 W, price: 9000 EUR, lifetime: 5 years, per_rack: 10}]
      policy:
        cluster_size: 4
        spares_per_cluster: 1️⃣4
        erasure_coding: 2️⃣eight+3
        server_type: 3️⃣hots
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'spares_per_cluster' (4) must be below 'cluster_size' (4); a cluster needs working servers"),
      at(source, "2️⃣", "'erasure_coding' must be 'k+m' with whole numbers, such as '8+3'; found 'eight+3'"),
      at(source, "3️⃣", "unknown server type 'hots'; did you mean 'host'?"),
    ])
  }

  @Test("sites: a PUE below 1, a module without capex, a wrong unit in a module")
  func modules() {
    let source = MarkedSource(Self.head + """
      sites:
        - id: dc
          kind: shared
          pue: {2020: 1.4, 2025: 1️⃣0.9}
          modules:
            - 2️⃣{racks: 10, it_power: 100 kW}
            - {racks: 10, it_power: 3️⃣100 kWh, capex: 1 MEUR}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "the value for 2025 in 'pue' of site 'dc' must be at least 1; found '0.9'"),
      at(source, "2️⃣", "module 1 of site 'dc' needs 'capex'; add e.g. 'capex: 3.4 MEUR'"),
      at(source, "3️⃣", "'it_power' of module 2 of site 'dc' needs a power; found '100 kWh' (an energy); write e.g. '400 kW'"),
    ])
  }

  @Test("costs: a price table with a wrong unit, staff cost without servers per FTE")
  func costs() {
    let source = MarkedSource(Self.head + """
      costs:
        energy_price: {2020: 20 ct/kWh, 2021: 1️⃣21 ct}
        2️⃣fte_cost: 85000 EUR/year
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "the value for 2021 in 'energy_price' of section 'costs' needs an energy price; found '21 ct' (an amount of money); write e.g. '15.6 ct/kWh'"),
      at(source, "2️⃣", "'fte_cost' needs 'servers_per_fte' to turn servers into staff; add e.g. 'servers_per_fte: 40'"),
    ])
  }
}

extension CapacitySectionErrorTests {
  @Test("policy classes: a percentage for a class, a class given twice, spares not below the cluster size")
  func classPolicies() {
    let source = MarkedSource(Self.head + """
      policy:
        classes:
          - {class: 1️⃣99.9 %, failover_share: 0 %}
          - {class: VK3, spares_per_cluster: 2}
          - {class: 2️⃣VK3, failover_share: 50 %}
          - {class: VK2, cluster_size: 4, spares_per_cluster: 3️⃣4}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'class' of class policy 1 must name a class ('VK0', 'VK1', 'VK2', 'VK3', 'VK4', 'VK5', 'Tier I', 'Tier II', 'Tier III', 'Tier IV'), not a percentage"),
      at(source, "2️⃣", "class 'VK3' has a policy already (entry 2); give each class once"),
      at(source, "3️⃣", "'spares_per_cluster' (4) of class 'VK2' must be below its 'cluster_size' (4)"),
    ])
  }
}

extension CapacitySectionErrorTests {
  @Test("events and common causes: a logical fault without its restore rate or with a duration, an unknown site, half a location")
  func eventsAndCommonCauses() {
    let source = MarkedSource(Self.head + """
      sites:
        - {id: a, kind: shared, load_share: 50 %, 1️⃣latitude: 52.4}
        - {id: b, kind: shared, load_share: 50 %}
      components:
        common_cause:
          - {name: flood, sites: [a, 2️⃣bb], mtbf: 100000 h, mttr: 24 h}
          - {name: fire, sites: 3️⃣[a], mtbf: 100000 h, mttr: 24 h}
      events:
        - 4️⃣{kind: logical-fault, site: a, year: 2021}
        - {kind: logical-fault, site: a, year: 2021, 5️⃣duration: 8 h, restore_rate: 10 TiB/h}
        - 6️⃣{kind: site-outage, site: a, year: 2021}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "site 'a' gives 'latitude' but not 'longitude'; give both, e.g. 'latitude: 52.37, longitude: 9.73'"),
      at(source, "2️⃣", "unknown site 'bb'; did you mean 'b'?"),
      at(source, "3️⃣", "'sites' of common cause 'fire' must name at least two sites (one site alone is its 'site' part)"),
      at(source, "4️⃣", "event 1 (a logical fault) needs 'restore_rate', the backup system's throughput; add e.g. 'restore_rate: 10 TiB/h'"),
      at(source, "5️⃣", "'duration' is for a site outage; a logical fault lasts until the data is restored: give 'detection' and 'restore_rate'"),
      at(source, "6️⃣", "event 3 (a site outage) needs 'duration'; add e.g. 'duration: 72 h'"),
    ])
  }
}
