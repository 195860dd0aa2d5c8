import DCPlanIO
import DCPlanTestSupport
import Testing

@Suite("error class: reference to an unknown tenant or site")
struct UnknownReferenceTests {
  @Test("an unknown tenant suggests a near one, an unknown site lists the known ones")
  func unknown() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state, legacy_site: 1️⃣braunschweig}
      sites:
        - {id: hannover, kind: legacy}
        - {id: oldenburg, kind: legacy}
      workloads:
        - {id: w, tenant: 2️⃣lnad}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "unknown site 'braunschweig'; known sites: 'hannover' and 'oldenburg'"),
      at(source, "2️⃣", "unknown tenant 'lnad'; did you mean 'land'?"),
    ])
  }

  @Test("a legacy site that is shared, and joining a shared data centre that has no site")
  func wrongKind() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state, legacy_site: 1️⃣dc}
      sites:
        - {id: dc, kind: shared}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'legacy_site' of tenant 'land' names site 'dc', which is a shared site; name a site of kind 'legacy', or leave 'legacy_site' out")
    ])
    let noShared = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state, joins_shared_dc: 1️⃣2021}
      """)
    #expect(errorLines(noShared) == [
      at(noShared, "1️⃣", "tenant 'land' joins the shared data centre in 2021, but no site has 'kind: shared'; add a shared site or leave 'joins_shared_dc' out")
    ])
  }
}
