import DCPlanScenarioFormat
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

  @Test("a room closing after a move: not with a year, not for a shared site, and only a tenant's legacy site")
  func closesAfterMove() {
    let source = MarkedSource("""
      scenario: {name: Test, horizon: 2020..2022}
      tenants:
        - {id: land, kind: state, legacy_site: room, joins_shared_dc: 2021}
      sites:
        - {id: dc, kind: shared, 1️⃣closes_after_move: true}
        - {id: room, kind: legacy, decommission_year: 2022, 2️⃣closes_after_move: true}
        - {id: spare, kind: legacy, closes_after_move: 3️⃣true}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'closes_after_move' is for legacy rooms; site 'dc' is a shared site; remove it"),
      at(source, "2️⃣", "give 'decommission_year' or 'closes_after_move', not both"),
      at(source, "3️⃣", "site 'spare' closes after a move, but no tenant has it as its 'legacy_site'; name it in a tenant's 'legacy_site', or give a 'decommission_year'"),
    ])
    let good = ScenarioLoader.load(text: """
      scenario: {name: Test, horizon: 2020..2023}
      tenants:
        - {id: land, kind: state, legacy_site: room, joins_shared_dc: 2021}
      sites:
        - {id: dc, kind: shared}
        - {id: room, kind: legacy, closes_after_move: true}
      """, file: "good.yaml")
    #expect(good.scenario?.sites.last?.decommissionYear?.number == 2022)
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
