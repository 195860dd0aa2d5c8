import DCPlanEngine
import DCPlanModel

/// Tables of the Monte Carlo trials: bands, shortfall probabilities, tornado, rank correlations.
extension ResultTables {
  /// `10` → "10", `2.5` → "2.5".
  static func percentileText(_ p: Double) -> String {
    p == p.rounded() && abs(p) < 1e6 ? String(Int(p)) : String(p)
  }
  static func percentileLabel(_ p: Double) -> String { "P" + percentileText(p) }
  static func percentileKey(_ p: Double) -> String {
    "p" + percentileText(p).map { $0 == "." ? "_" : String($0) }.joined()
  }

  static func montecarloTables(_ mc: MonteCarloResults) -> [Table] {
    [montecarloSummary(mc), montecarloYearly(mc), shortfallProbability(mc), tornado(mc), sensitivity(mc)]
      + (mc.insurance.isEmpty ? [] : [insurance(mc)])
  }

  /// Each forecast's mean cost and shortfall, and its extra cost over the first's.
  static func insurance(_ mc: MonteCarloResults) -> Table {
    var table = Table(
      id: "insurance", title: "Planning for a percentile: what it costs and what it buys (\(mc.trials) trials each)",
      columns: [
        Column("forecast", "Orders planned on"), Column("mean_npv_eur", "Mean NPV (EUR)"),
        Column("extra_npv_eur", "Extra over the first (EUR)"), Column("trials_short_percent", "Trials short (%)", decimals: 1),
        Column("unserved_vcpu_years", "Unserved vCPU-years", decimals: 1),
        Column("link_overload_mbps_years", "Link overload Mbit/s-years", decimals: 1),
      ])
    let first = mc.insurance.first?.meanNPVEUR ?? 0
    for row in mc.insurance {
      table.rows.append([
        .text(row.forecast), .number(row.meanNPVEUR), .number(row.meanNPVEUR - first), .number(row.shortfallShare * 100),
        .number(row.meanUnservedVCPUYears), .number(row.meanLinkOverloadMbpsYears),
      ])
    }
    return table
  }

  static func montecarloSummary(_ mc: MonteCarloResults) -> Table {
    var table = Table(
      id: "montecarlo_summary", title: "Monte Carlo: \(mc.trials) trials, seed \(mc.seed) (EUR)",
      columns: [Column("figure", "Figure"), Column("baseline", "Baseline"), Column("mean", "Mean")]
        + mc.percentiles.map { Column(percentileKey($0), percentileLabel($0)) })
    for row in mc.summary {
      table.rows.append([.text(row.figure.label), .number(row.figure.value(mc.baseline)), .number(row.mean)]
                        + row.values.map(Cell.number))
    }
    table.rows.append(
      [.text("First shortfall year"), mc.baseline.firstShortfallYear.map { .year($0.number) } ?? .text("none"),
       .text("\(MarkdownRenderer.formatNumber(mc.shortfallShare * 100, decimals: 1)) % of trials short")]
        + mc.firstShortfall.map { $0.map { .year($0.number) } ?? .text("none") })
    return table
  }

  static func montecarloYearly(_ mc: MonteCarloResults) -> Table {
    let names: [YearlyFigure: String] = [
      .totalEUR: "Cost (EUR)", .servers: "Servers", .racks: "Racks", .itKW: "IT (kW)", .energyMWh: "Energy (MWh)",
    ]
    var columns = [Column("year", "Year")]
    for figure in YearlyFigure.allCases {
      for p in mc.percentiles {
        columns.append(Column("\(figure.rawValue)_\(percentileKey(p))", "\(names[figure] ?? figure.rawValue) \(percentileLabel(p))"))
      }
    }
    var table = Table(id: "montecarlo_yearly", title: "Monte Carlo bands by year", columns: columns)
    for (y, year) in mc.years.enumerated() {
      var row: [Cell] = [.year(year.number)]
      for f in YearlyFigure.allCases.indices { row += mc.yearly[f][y].map(Cell.number) }
      table.rows.append(row)
    }
    return table
  }

  static func shortfallProbability(_ mc: MonteCarloResults) -> Table {
    var table = Table(
      id: "shortfall_probability", title: "Probability of a shortfall by each year (%)",
      columns: [Column("resource", "Resource"), Column("subject", "Site, link or gateway")]
        + mc.years.map { Column("p_\($0.number)", String($0.number), decimals: 1) })
    for row in mc.shortfallProbability {
      table.rows.append([.text(row.resource.kind.rawValue), .text(row.resource.subject)] + row.byYear.map { .number($0 * 100) })
    }
    return table
  }

  /// The unserved figures (indices into ``MonteCarloResults/unservedFigures``) some trial or
  /// tornado end leaves above zero: only those get columns in the tornado and sensitivity
  /// tables (the JSON gives all).
  static func unservedShown(_ mc: MonteCarloResults) -> [Int] {
    MonteCarloResults.unservedFigures.indices.filter { k in
      let figure = MonteCarloResults.unservedFigures[k]
      return (k < mc.unservedSeen.count && mc.unservedSeen[k]) || mc.outcomes.contains { figure.value($0) > 0 } || mc.tornado.contains { $0.unservedLow[k] > 0 || $0.unservedHigh[k] > 0 }
    }
  }

  static func tornado(_ mc: MonteCarloResults) -> Table {
    let shown = unservedShown(mc)
    var table = Table(
      id: "tornado", title: "Tornado: one input at its P10 and P90, the others at the file's values",
      columns: [
        Column("input", "Input"), Column("p10_value", "P10 value", decimals: 4), Column("p90_value", "P90 value", decimals: 4),
        Column("npv_delta_p10_eur", "NPV change at P10 (EUR)"), Column("npv_delta_p90_eur", "NPV change at P90 (EUR)"),
        Column("swing_eur", "Swing (EUR)"), Column("shortfall_p10", "First shortfall at P10"),
        Column("shortfall_p90", "First shortfall at P90"),
      ] + shown.flatMap { k in
        let figure = MonteCarloResults.unservedFigures[k]
        return [Column("\(figure.rawValue)_p10", "\(figure.label) at P10"), Column("\(figure.rawValue)_p90", "\(figure.label) at P90")]
      })
    for bar in mc.tornado {
      table.rows.append([
        .text(bar.input), .number(bar.low), .number(bar.high), .number(bar.npvLowDelta), .number(bar.npvHighDelta),
        .number(abs(bar.npvHighDelta - bar.npvLowDelta)), bar.shortfallLow.map { .year($0.number) } ?? .text("none"),
        bar.shortfallHigh.map { .year($0.number) } ?? .text("none"),
      ] + shown.flatMap { k in [Cell.number(bar.unservedLow[k]), .number(bar.unservedHigh[k])] })
    }
    return table
  }

  static func sensitivity(_ mc: MonteCarloResults) -> Table {
    let shown = unservedShown(mc)
    var table = Table(
      id: "sensitivity",
      title: "Sensitivity: rank correlation of each input with the outcomes over all trials"
        + (mc.trialsKept ? "" : " (a run larger than memory: ranks exact to within their bin, docs/conventions.md)"),
      columns: [
        Column("input", "Input"), Column("rank_correlation_npv", "ρ with NPV", decimals: 3),
        Column("rank_correlation_shortfall", "ρ with first shortfall year", decimals: 3),
      ] + shown.map { k in
        let figure = MonteCarloResults.unservedFigures[k]
        return Column("rank_correlation_\(figure.rawValue)", "ρ with \(figure.label.prefix(1).lowercased() + figure.label.dropFirst())", decimals: 3)
      })
    for row in mc.rankCorrelations {
      table.rows.append([.text(row.input), .number(row.npv), .number(row.shortfall)] + shown.map { Cell.number(row.unserved[$0]) })
    }
    return table
  }

  /// One row per trial: each input's draw (element inputs: their mean) and the summary figures.
  public static func trialsTable(_ mc: MonteCarloResults) -> Table {
    trialsTable(names: mc.inputNames, draws: mc.inputDraws, outcomes: mc.outcomes, firstTrial: 0)
  }

  /// The trials table of trials `firstTrial ..< firstTrial + outcomes.count` (a shard's part).
  public static func trialsTable(names: [String], draws: [[Double]], outcomes: [TrialOutcome], firstTrial: Int) -> Table {
    let mc = (inputNames: names, inputDraws: draws, outcomes: outcomes)
    var table = Table(
      id: "trials", title: "Trials",
      columns: [Column("trial", "Trial")] + mc.inputNames.map { Column($0, $0) } + [
        Column(SummaryFigure.npvEUR.rawValue, "NPV"), Column(SummaryFigure.totalCapexEUR.rawValue, "Capex"), Column(SummaryFigure.totalOpexEUR.rawValue, "Opex"),
        Column(SummaryFigure.tcoEUR.rawValue, "TCO"), Column(SummaryFigure.residualValueEUR.rawValue, "Residual value"),
        Column(SummaryFigure.unservedVCPUYears.rawValue, "Unserved vCPU-years"),
        Column(SummaryFigure.unservedTiBYears.rawValue, "Unserved TiB-years"),
        Column(SummaryFigure.linkOverloadMbpsYears.rawValue, "Link overload Mbit/s-years"),
        Column("first_shortfall_year", "First shortfall"),
      ])
    for (t, outcome) in mc.outcomes.enumerated() {
      table.rows.append(
        [.integer(firstTrial + t)] + mc.inputDraws[t].map(Cell.number) + [
          .number(outcome.npvEUR), .number(outcome.capexEUR), .number(outcome.opexEUR), .number(outcome.tcoEUR),
          .number(outcome.residualValueEUR), .number(outcome.unservedVCPUYears), .number(outcome.unservedTiBYears),
          .number(outcome.linkOverloadMbpsYears),
          outcome.firstShortfallYear.map { .year($0.number) } ?? .empty,
        ])
    }
    return table
  }
}
