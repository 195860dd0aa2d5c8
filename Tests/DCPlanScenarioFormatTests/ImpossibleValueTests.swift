import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: negative or impossible value")
struct ImpossibleValueTests {
  @Test("a horizon that ends before it starts")
  func backwardsHorizon() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 1️⃣2025..2017}
      tenants: [{id: land, kind: state}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'horizon' ends before it starts: '2025..2017'; write the first year first, e.g. '2017..2025'")
    ])
  }

  @Test("negative quantities, shares over 100 %, growth of -100 % and headcounts below zero")
  func outOfRange() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022, discount_rate: 1️⃣150 %}
      tenants:
        - {id: land, kind: state, employees: 2️⃣-5, employee_growth: 3️⃣-100 %}
      sites:
        - {id: a, kind: shared, load_share: 4️⃣120 %}
      workloads:
        - {id: w, tenant: land, ram: 5️⃣-5 GiB, availability_target: 6️⃣VK7}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'discount_rate' of section 'scenario' must lie in 0...100 %; found '150 %'"),
      at(source, "2️⃣", "'employees' of tenant 'land' must be at least 0; found '-5'"),
      at(source, "3️⃣", "'employee_growth' of tenant 'land' must lie above -100 % and at most 1000 %; found '-100 %'"),
      at(source, "4️⃣", "'load_share' of site 'a' must lie in 0...100 %; found '120 %'"),
      at(source, "5️⃣", "'ram' of workload 'w' must not be negative; found '-5 GiB'"),
      at(source, "6️⃣", "'availability_target' of workload 'w' must be an availability; found 'VK7'; did you mean 'VK0'?"),
    ])
  }

  @Test("shared load shares that do not add up to 100 %")
  func sharesSum() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants: [{id: land, kind: state}]
      sites:
        - {id: a, kind: shared, load_share: 1️⃣60 %}
        - {id: b, kind: shared, load_share: 30 %}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "the 'load_share' of the shared sites add up to 90 %, not 100 %; adjust them so they add up to 100 %")
    ])
  }
}

extension ImpossibleValueTests {
  @Test("values no plan can use are refused at their line with the range: 1e308 EUR, a PUE of 1e308, 1e300 vCPU, 1e12 employees, 5000 % growth")
  func extremes() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state, employees: 1️⃣1e12, employee_growth: 2️⃣5000 %}
      workloads:
        - {id: w, tenant: land, vcpu: 3️⃣1e300 vCPU}
      sites:
        - {id: dc, kind: shared, pue: 4️⃣1e308}
      hardware:
        servers: [{id: h, cores: 32, ram: 512 GiB, typical_power: 400 W, peak_power: 600 W, price: 5️⃣1e308 EUR, lifetime: 5 years, per_rack: 10}]
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'employees' of tenant 'land' must be at most 1000000000; found '1e12'"),
      at(source, "2️⃣", "'employee_growth' of tenant 'land' must lie above -100 % and at most 1000 %; found '5000 %'"),
      at(source, "3️⃣", "'vcpu' of workload 'w' must be at most 10^12 vCPU; found '1e300 vCPU'"),
      at(source, "4️⃣", "'pue' of site 'dc' must be at most 10; found '1e308'"),
      at(source, "5️⃣", "'price' of server type 'h' must be at most 10^15 EUR; found '1e308 EUR'"),
    ])
  }
}
