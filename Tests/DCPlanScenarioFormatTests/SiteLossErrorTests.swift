import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Events of kind `site-loss` and load shares by year, as the loader reads them
/// (docs/conventions.md, "Site loss", "Demand").
@Suite("error class: site losses and load shares by year")
struct SiteLossErrorTests {
  static let sites = """
    scenario: {name: Test, horizon: 2020..2024}
    tenants:
      - {id: land, kind: state, legacy_site: room, joins_shared_dc: 2021}
    sites:
      - {id: hannover, kind: shared}
      - {id: hildesheim, kind: shared}
      - {id: room, kind: legacy}

    """

  @Test("a loss names a known shared site; a typo gets a hint, a legacy room is refused with what to do instead")
  func unknownAndLegacy() {
    let source = MarkedSource(Self.sites + """
      events:
        - {kind: site-loss, site: 1️⃣hildeshiem, year: 2022}
        - {kind: site-loss, site: 2️⃣room, year: 2022}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "event 1 loses site 'hildeshiem', which is not in 'sites'; did you mean 'hildesheim'?"),
      at(source, "2️⃣", "event 2 loses site 'room', a legacy room; a site loss is for shared sites (a legacy room's tenants have nowhere else to go): move the tenant's 'joins_shared_dc' earlier or the room's 'decommission_year' instead"),
    ])
  }

  @Test("one loss year per scenario, each site lost once, and a shared site must survive")
  func oneYearOnceSurvivor() {
    let twoYears = MarkedSource(Self.sites + """
      events:
        - {kind: site-loss, site: hildesheim, year: 2022}
        - {kind: site-loss, site: hannover, year: 1️⃣2023}
      """)
    #expect(errorLines(twoYears) == [
      at(twoYears, "1️⃣", "event 2 loses a site in 2023, event 1 in 2022; dcplan plays one loss year per scenario: give every 'site-loss' the same year, or compare two scenarios"),
    ])
    let twice = MarkedSource(Self.sites + """
      events:
        - {kind: site-loss, site: hildesheim, year: 2022}
        - {kind: site-loss, site: 1️⃣hildesheim, year: 2022}
      """)
    #expect(errorLines(twice) == [at(twice, "1️⃣", "site 'hildesheim' is lost twice; keep one 'site-loss' event for it")])
    let none = MarkedSource(Self.sites + """
      events:
        - {kind: site-loss, site: 1️⃣hildesheim, year: 2022}
        - {kind: site-loss, site: hannover, year: 2022}
      """)
    #expect(errorLines(none) == [
      at(none, "1️⃣", "the site loss in 2022 leaves no shared site running; its load would have nowhere to go: add a shared site that survives, or drop the event"),
    ])
  }

  @Test("a loss lasts to the horizon's end: no duration, detection or restore rate; its year lies in the horizon")
  func noDuration() {
    let source = MarkedSource(Self.sites + """
      events:
        - {kind: site-loss, site: hildesheim, year: 2022, 1️⃣duration: 72 h}
        - {kind: site-loss, site: hildesheim, year: 2️⃣2030}
      """)
    #expect(errorLines(source) == [
      at(source, "1️⃣", "'duration' is not for a site loss, which lasts to the horizon's end; remove it"),
      at(source, "2️⃣", "'year' of event 2 must lie in the horizon 2020..2024; found 2030"),
    ])
  }

  @Test("load shares given by year must add up to 100 % in every year of the horizon (tables are linear between the years given)")
  func tableSums() {
    let head = "scenario: {name: Test, horizon: 2020..2024}\ntenants: [{id: land, kind: state, joins_shared_dc: 2020}]\n"
    let good = MarkedSource(head + """
      sites:
        - {id: a, kind: shared, load_share: {2020: 50 %, 2024: 70 %}}
        - {id: b, kind: shared, load_share: {2020: 50 %, 2024: 30 %}}
      """)
    #expect(errorLines(good) == [])
    // 2021: a 55 % (a quarter of the way from 50 % to 70 %) + b 50 % = 105 %.
    let bad = MarkedSource(head + """
      sites:
        - {id: a, kind: shared, load_share: 1️⃣{2020: 50 %, 2024: 70 %}}
        - {id: b, kind: shared, load_share: 50 %}
      """)
    #expect(errorLines(bad) == [
      at(bad, "1️⃣", "the 'load_share' of the shared sites add up to 105 % in 2021, not 100 %; adjust them so they add up to 100 % in every year (tables are linear between the years given)"),
    ])
    let outside = MarkedSource(head + """
      sites:
        - {id: a, kind: shared, load_share: {2020: 100 %, 2024: 1️⃣170 %}}
      """)
    #expect(errorLines(outside).first?.hasPrefix(at(outside, "1️⃣", "")) == true, "\(errorLines(outside))")
  }
}
