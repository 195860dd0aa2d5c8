import DCPlanModel
import DCPlanTestSupport
import Testing

@Suite("years, growth and per-year tables")
struct TimeSeriesTests {
  @Test("a per-year table is linear between given years and flat beyond")
  func yearSeries() throws {
    let series = try #require(YearSeries([(Year(2022), 300), (Year(2020), 200)]))
    // 2021 lies halfway between 200 and 300.
    #expect(series.value(in: Year(2021)) == 250)
    #expect(series.value(in: Year(2019)) == 200)
    #expect(series.value(in: Year(2030)) == 300)
    #expect(YearSeries([(Year(2020), 1), (Year(2020), 2)]) == nil)
    #expect(YearSeries([]) == nil)
  }

  @Test("growth compounds by whole years, backwards too")
  func growth() throws {
    let rate = try #require(GrowthRate(perYear: 0.1))
    // 1.1^3 = 1.331; 1.1^-2 = 1/1.21
    #expect(approximately(rate.factor(afterYears: 3), 1.331))
    #expect(approximately(rate.factor(afterYears: -2), 1 / 1.21))
    #expect(rate.factor(afterYears: 0) == 1)
    #expect(GrowthRate(perYear: -1) == nil)
  }

  @Test("a headcount follows its growth or its table")
  func headcount() throws {
    let rate = try #require(GrowthRate(perYear: 0.1))
    let compounding = Headcount.compounding(base: 1000, baseYear: Year(2020), growth: rate)
    #expect(approximately(compounding.employees(in: Year(2023)), 1331))
  }

  @Test("a horizon counts both ends and refuses to end before it starts")
  func horizon() throws {
    let range = try #require(YearRange(first: Year(2017), last: Year(2025)))
    #expect(range.count == 9)
    #expect(YearRange(first: Year(2025), last: Year(2017)) == nil)
  }

  @Test("fractions stay in 0...1 and classes map to their published figures")
  func fractions() {
    #expect(Fraction(1.2) == nil)
    #expect(Fraction(-0.1) == nil)
    // BSI HV-Kompendium: VK3 is 99.99 %; Uptime Institute: Tier III is 99.982 %.
    #expect(AvailabilityTarget(className: "VK3")?.availability.value == 0.9999)
    #expect(AvailabilityTarget(className: "Tier III")?.availability.value == 0.99982)
    #expect(AvailabilityTarget(className: "VK9") == nil)
  }

  @Test("did-you-mean picks near misses only")
  func spelling() {
    #expect(Spelling.nearest(to: "tennants", among: ["tenants", "sites", "workloads"]) == "tenants")
    #expect(Spelling.nearest(to: "zzzzzz", among: ["tenants", "sites"]) == nil)
    // A swap of neighbours is one edit: 'lnad' is one step from 'land'.
    #expect(Spelling.editDistance("lnad", "land") == 1)
    #expect(Spelling.editDistance("gib", "GiB") == 1)
  }
}
