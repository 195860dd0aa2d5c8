import DCPlanJSON
import DCPlanEngine
import DCPlanModel

/// The `montecarlo` member (docs/results-format.md).
extension ResultsJSON {
  static func montecarlo(_ mc: MonteCarloResults) -> JSONValue {
    func band(_ values: [Double]) -> [(String, JSONValue)] {
      zip(mc.percentiles, values).map { (ResultTables.percentileKey($0), JSONValue.number($1)) }
    }
    var summary: [(String, JSONValue)] = mc.summary.map { row in
      (row.figure.rawValue, JSONValue.object(
        [("baseline", .number(row.figure.value(mc.baseline))), ("mean", .number(row.mean))] + band(row.values)))
    }
    let shortfallBand: [(String, JSONValue)] = zip(mc.percentiles, mc.firstShortfall).map { p, year in
      (ResultTables.percentileKey(p), year.map { JSONValue.integer($0.number) } ?? .null)
    }
    summary.append((
      "first_shortfall_year",
      .object([
        ("baseline", mc.baseline.firstShortfallYear.map { .integer($0.number) } ?? .null),
        ("share_of_trials", .number(mc.shortfallShare)),
      ] + shortfallBand)))
    let yearly: [JSONValue] = mc.years.indices.map { y in
      var members: [(String, JSONValue)] = [("year", .integer(mc.years[y].number))]
      for (f, figure) in YearlyFigure.allCases.enumerated() {
        members.append((figure.rawValue, .object(band(mc.yearly[f][y]))))
      }
      return .object(members)
    }
    var members: [(String, JSONValue)] = [
      ("trials", .integer(mc.trials)), ("seed", .string(String(mc.seed))), ("passes", .integer(mc.passes)),
      ("percentiles", .array(mc.percentiles.map(JSONValue.number))), ("summary", .object(summary)),
      ("yearly", .array(yearly)),
    ]
    members.append(("shortfall_probability", .array(mc.shortfallProbability.map { row in
      .object([
        ("resource", .string(row.resource.kind.rawValue)), ("subject", .string(row.resource.subject)),
        ("by_year", .object(zip(mc.years, row.byYear).map { (String($0.number), JSONValue.number($1)) })),
      ])
    })))
    members.append(("tornado", .array(mc.tornado.map { bar in
      .object([
        ("input", .string(bar.input)), ("p10_value", .number(bar.low)), ("p90_value", .number(bar.high)),
        ("npv_delta_p10_eur", .number(bar.npvLowDelta)), ("npv_delta_p90_eur", .number(bar.npvHighDelta)),
        ("first_shortfall_p10", bar.shortfallLow.map { .integer($0.number) } ?? .null),
        ("first_shortfall_p90", bar.shortfallHigh.map { .integer($0.number) } ?? .null),
      ] + MonteCarloResults.unservedFigures.indices.flatMap { k in
        [("\(MonteCarloResults.unservedFigures[k].rawValue)_p10", JSONValue.number(bar.unservedLow[k])),
         ("\(MonteCarloResults.unservedFigures[k].rawValue)_p90", JSONValue.number(bar.unservedHigh[k]))]
      })
    })))
    members.append(("rank_correlations", .array(mc.rankCorrelations.map { row in
      .object([("input", .string(row.input)), ("npv", .number(row.npv)), ("first_shortfall_year", .number(row.shortfall))]
        + zip(MonteCarloResults.unservedFigures, row.unserved).map { ($0.rawValue, JSONValue.number($1)) })
    })))
    if !mc.insurance.isEmpty {
      members.append(("insurance", .array(mc.insurance.map { row in
        .object([
          ("forecast", .string(row.forecast)), ("mean_npv_eur", .number(row.meanNPVEUR)),
          ("share_of_trials_short", .number(row.shortfallShare)), ("unserved_vcpu_years", .number(row.meanUnservedVCPUYears)),
          ("link_overload_mbps_years", .number(row.meanLinkOverloadMbpsYears)),
        ])
      })))
    }
    return .object(members)
  }
}
