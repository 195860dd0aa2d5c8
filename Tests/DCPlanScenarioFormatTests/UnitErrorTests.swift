import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

@Suite("error class: missing or wrong unit")
struct UnitErrorTests {
  static let head = """
    scenario: {name: Test, horizon: 2020..2022}
    tenants: [{id: land, kind: state, employees: 100}]
    workloads:
      - id: office
        tenant: land

    """

  @Test("a unit of another dimension is named with what is due")
  func wrongDimension() {
    let source = MarkedSource(Self.head + """
          ram: 1️⃣10 kW
          vcpu: 2️⃣4 GiB
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'ram' of workload 'office' needs a storage size; found '10 kW' (a power); write e.g. '512 GiB' or '0.2 GiB/employee'"),
      at(source, "2️⃣", "'vcpu' of workload 'office' needs a vCPU count; found '4 GiB' (a storage size); write e.g. '200 vCPU' or '0.05 vCPU/employee'"),
    ])
  }

  @Test("a bare number where a unit is due")
  func missingUnit() {
    let source = MarkedSource(Self.head + """
          storage: 1️⃣40
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'storage' of workload 'office' needs a storage size; found '40' without a unit; write e.g. '40 TiB' or '30 GB/employee'")
    ])
  }

  @Test("a misspelt unit suggests the known one")
  func unknownUnit() {
    let source = MarkedSource(Self.head + """
          storage: 1️⃣40 TiBs
          storage_accrual: 2️⃣2 GiB/employe/year
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown unit 'TiBs' in '40 TiBs' for 'storage' of workload 'office'; did you mean 'TiB'?"),
      at(source, "2️⃣", "unknown unit 'employe' in '2 GiB/employe/year' for 'storage_accrual' of workload 'office'; did you mean 'employee'?"),
    ])
  }

  @Test("a percentage without '%', and a decimal comma")
  func percentages() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022, discount_rate: 1️⃣3}
      tenants:
        - id: land
          kind: state
          employee_growth: 2️⃣1,5 %
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'discount_rate' of section 'scenario' needs a percentage; found '3' without '%'; write e.g. '3 %'"),
      at(source, "2️⃣", "'employee_growth' of tenant 'land': found '1,5 %' with a decimal comma; write the decimal with a point, e.g. '1.5 %'"),
    ])
  }
}

extension UnitErrorTests {
  @Test("'growth' beside all three growths of its own is named as unused, at its key; beside two it stands for the third")
  func unusedGrowth() {
    let source = MarkedSource(Self.head + """
          vcpu: 10 vCPU
          1️⃣growth: 5 %
          vcpu_growth: 1 %
          ram_growth: 1 %
          storage_growth: 1 %
      """)
    let warnings = diagnostics(of: source).filter { $0.severity == .warning }
    #expect(warnings.map { "\($0.position.line):\($0.position.column): \($0.message)" } == [
      at(source, "1️⃣", "'growth' of workload 'office' is not used: 'vcpu_growth', 'ram_growth' and 'storage_growth' are all given; remove it, or one of those to let it stand for that one"),
    ])
    let standing = MarkedSource(Self.head + """
          vcpu: 10 vCPU
          growth: 5 %
          vcpu_growth: 1 %
          ram_growth: 1 %
      """)
    #expect(diagnostics(of: standing).isEmpty)
  }
}
