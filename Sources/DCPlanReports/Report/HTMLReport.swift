import DCPlanEngine
import DCPlanModel

/// One self-contained HTML file: the plan's charts (SVG, no script, no network) and tables,
/// readable on screen and on paper.
public enum HTMLReport {
  /// The most groups of bars a chart shows; the tables hold every row.
  static let barGroups = 12

  /// The report of `results`; `comparison` adds the key figures of other scenarios.
  public static func render(_ results: PlanResults, comparison: Comparison? = nil, yearly: YearlyComparison? = nil) -> String {
    let info = results.info
    let years = results.demand.years.map { String($0.number) }
    var body = "<h1>\(SVGChart.escape(info.name)), \(info.horizon.first)–\(info.horizon.last)</h1>"
    if !info.description.isEmpty { body += "<p>\(SVGChart.escape(info.description))</p>" }
    // Demand against capacity: each site's racks needed and standing.
    // The largest sites first, so that the legend names them (the rest are grey lines).
    var rackSeries: [SVGChart.Series] = []
    let racked = results.facility.indices.filter { results.facility[$0].racks.contains(where: { $0 > 0 }) }
    func peak(_ s: Int) -> Int {
      max(results.facility[s].racks.max() ?? 0, s < results.expansion.capacity.count ? results.expansion.capacity[s].map(\.racks).max() ?? 0 : 0)
    }
    for s in racked.sorted(by: { (peak($0), $1) > (peak($1), $0) }) {
      let site = results.facility[s]
      rackSeries.append(.init(name: "\(site.site) needed", values: site.racks.map(Double.init)))
      rackSeries.append(.init(name: "\(site.site) standing", values: results.expansion.capacity[s].map { Double($0.racks) }))
    }
    body += SVGChart.lines("Racks needed and standing per site", labels: years, series: rackSeries)
    // The cost stack by category: cash only (the residual value, a credit, is in the tables).
    let first = results.demand.years.first ?? Year(0)
    let categories = CostCategory.allCases.filter { category in
      !category.isResidual && results.costs.lines.contains { $0.category == category }
    }
    let stack = categories.map { category -> SVGChart.Series in
      var values = [Double](repeating: 0, count: years.count)
      for line in results.costs.lines where line.category == category { values[line.year - first] += line.amountEUR }
      return .init(name: category.rawValue, values: values)
    }
    body += SVGChart.stackedBars(
      results.costs.residualValueEUR > 0
        ? "Costs by category and year (EUR); the residual value credited at the end is in the costs table"
        : "Costs by category and year (EUR)", labels: years, series: stack)
    // Link utilisation over the years: the ten links most loaded under a single failure.
    if !results.network.links.isEmpty {
      let links = results.network.links.sorted { ($0.n1Utilisation.max() ?? 0) > ($1.n1Utilisation.max() ?? 0) }.prefix(10)
      body += SVGChart.lines(
        "Link utilisation under the worst single failure (%), ten most loaded links", labels: years,
        series: links.map { .init(name: $0.id, values: $0.n1Utilisation.map { $0 * 100 }) })
    }
    // Availability against targets in the last year.
    if let last = results.demand.years.last {
      let all = results.availability.filter { $0.year == last && $0.target != nil }
      // At most a dozen bars: the services with the least margin (downtime against allowance).
      func allowed(_ row: ServiceAvailability) -> Double { (1 - (row.target?.availability.value ?? 1)) * 525_600 }
      let rows = all.count <= Self.barGroups ? all : Array(all.enumerated().sorted { a, b in
        let (ra, rb) = (a.element.downtimeMinutesPerYear / max(1e-9, allowed(a.element)), b.element.downtimeMinutesPerYear / max(1e-9, allowed(b.element)))
        return ra != rb ? ra > rb : a.offset < b.offset
      }.prefix(Self.barGroups).sorted { $0.offset < $1.offset }.map(\.element))
      let which = all.count > rows.count ? "; the \(rows.count) of \(all.count) services with the least margin, all in the table" : ""
      if !rows.isEmpty {
        body += SVGChart.groupedBars(
          "Downtime in \(last) against what the availability target allows (minutes a year\(which))", labels: rows.map(\.service),
          series: [
            .init(name: "downtime", values: rows.map(\.downtimeMinutesPerYear)),
            .init(name: "allowed", values: rows.map(allowed)),
          ])
      }
    }
    // Monte Carlo bands of the yearly cost.
    if let mc = results.montecarlo, mc.percentiles.count >= 3 {
      let bands = mc.yearly[0]
      body += SVGChart.lines(
        "Cost per year: P\(Int(mc.percentiles[0]))–P\(Int(mc.percentiles[mc.percentiles.count - 1])) band and median (EUR, \(mc.trials) trials)",
        labels: years, series: [.init(name: "median", values: bands.map { $0[mc.percentiles.count / 2] })],
        band: (bands.map { $0[0] }, bands.map { $0[mc.percentiles.count - 1] }))
    }
    // Tenants' costs and savings.
    if results.sharing.tenants.count > 1 {
      let rate = info.discountRate.value
      let tenants = results.sharing.tenants
      let figures = tenants.map {
        [NPV.value($0.costEUR, rate: rate), NPV.value($0.standaloneEUR, rate: rate), NPV.value($0.savingEUR, rate: rate)]
      }
      // At most a dozen groups: the largest tenants alone (by standalone cost), the rest summed.
      var labels = tenants.map(\.tenant)
      var shown = figures
      var which = ""
      if tenants.count > Self.barGroups {
        let order = tenants.indices.sorted { (figures[$0][1], $1) > (figures[$1][1], $0) }
        let kept = Array(order.prefix(Self.barGroups - 1)).sorted()
        let rest = order.dropFirst(Self.barGroups - 1)
        labels = kept.map { tenants[$0].tenant } + ["\(rest.count) others"]
        shown = kept.map { figures[$0] } + [(0..<3).map { k in rest.reduce(0.0) { $0 + figures[$1][k] } }]
        which = "; the \(Self.barGroups - 1) largest alone and the other \(rest.count) together, each in the table"
      }
      body += SVGChart.groupedBars(
        "Tenants: cost, standalone cost and saving (NPV, EUR\(which))", labels: labels,
        series: ["cost", "alone", "saving"].enumerated().map { k, name in .init(name: name, values: shown.map { $0[k] }) })
    }
    if let comparison {
      body += table(comparison.figuresTable())
      if let yearly, let cost = yearly.series("total_eur") {
        body += SVGChart.lines(
          "Total cost by year in each scenario (EUR; the last year less the residual value)", labels: cost.years.map { String($0.number) },
          series: zip(yearly.labels, cost.values).map { SVGChart.Series(name: $0, values: $1) })
        body += table(yearly.table())
      }
      body += table(comparison.assumptionsTable())
    }
    let shown = ResultTables.tables(results, allLinks: false).filter { !ResultTables.detailIDs.contains($0.id) }
    for shownTable in shown { body += table(shownTable) }
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(SVGChart.escape(info.name))</title>
      <style>
      body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:1100px}
      h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em}
      figure{margin:1.5em 0;page-break-inside:avoid}figcaption{font-weight:600;margin-bottom:.4em}
      svg{max-width:100%;height:auto}
      table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1.5em;page-break-inside:auto}
      th,td{border:1px solid #ccc;padding:.2em .5em}td.n{text-align:right;font-variant-numeric:tabular-nums}
      th{background:#f2f2f2}tr{page-break-inside:avoid}
      @media print{body{margin:0}figure,table{break-inside:avoid}}
      </style></head><body>
      \(body)
      </body></html>

      """
  }

  private static func table(_ table: Table) -> String {
    var html = "<h2>\(SVGChart.escape(table.title))</h2><table><thead><tr>"
    html += table.columns.map { "<th>\(SVGChart.escape($0.header))</th>" }.joined() + "</tr></thead><tbody>"
    for row in table.rows {
      html += "<tr>"
      for (cell, column) in zip(row, table.columns) {
        switch cell {
        case let .text(text): html += "<td>\(SVGChart.escape(text))</td>"
        case let .integer(value): html += "<td class=\"n\">\(MarkdownRenderer.formatNumber(Double(value), decimals: 0))</td>"
        case let .year(value): html += "<td class=\"n\">\(value)</td>"
        case let .number(value): html += "<td class=\"n\">\(MarkdownRenderer.formatNumber(value, decimals: column.decimals))</td>"
        case .empty: html += "<td></td>"
        }
      }
      html += "</tr>"
    }
    return html + "</tbody></table>"
  }
}
