import DCPlanEngine
import DCPlanModel

/// The network tables: links, upgrades, disconnections.
extension ResultTables {
  /// Links shown in Markdown unless `--all`: the most loaded ones.
  public static let defaultLinkCount = 20

  /// One row per link and year, the `limit` links with the highest single-failure utilisation
  /// in any year first (all links when `limit` is nil).
  static func links(_ results: PlanResults, limit: Int?) -> Table {
    var table = Table(
      id: "links", title: limit.map { "Links (the \($0) most loaded; all with --all)" } ?? "Links",
      columns: [
        Column("link", "Link"), Column("from", "From"), Column("to", "To"), Column("year", "Year"),
        Column("capacity_mbps", "Capacity (Mbit/s)"), Column("load_mbps", "Load (Mbit/s)", decimals: 1),
        Column("voice_mbps", "Voice (Mbit/s)", decimals: 1),
        Column("utilisation_pct", "Utilisation (%)", decimals: 1), Column("n1_utilisation_pct", "N-1 (%)", decimals: 1),
        Column("n1_worst_failure", "Worst failure"), Column("upgrade_step", "Upgrade ready"),
      ])
    let peak = results.network.links.map { ($0.n1Utilisation + $0.utilisation).max() ?? 0 }
    var order = Array(results.network.links.indices)
    if let limit {
      order.sort { peak[$0] != peak[$1] ? peak[$0] > peak[$1] : $0 < $1 }
      order = Array(order.prefix(limit))
    }
    for index in order {
      let link = results.network.links[index]
      let utilisation = link.utilisation
      let n1 = link.n1Utilisation
      for (y, year) in results.demand.years.enumerated() {
        table.rows.append([
          .text(link.id), .text(link.from), .text(link.to), .year(year.number), .number(link.capacityMbps[y]),
          .number(link.loadMbps[y]), .number(link.voiceMbps[y]), .number(utilisation[y] * 100), .number(n1[y] * 100),
          link.n1WorstFailure[y].map(Cell.text) ?? .empty, link.upgradeStep[y].map { .text("step \($0)") } ?? .empty,
        ])
      }
    }
    return table
  }

  static func linkUpgrades(_ results: PlanResults) -> Table {
    var table = Table(
      id: "link_upgrades", title: "Link upgrades",
      columns: [
        Column("link", "Link"), Column("step", "Step"), Column("capacity_mbps", "Capacity (Mbit/s)"),
        Column("order_year", "Order"), Column("ready_year", "Ready"), Column("capex_eur", "Capex (EUR)"),
        Column("lease_eur_per_year", "Lease (EUR/year)"),
      ])
    for upgrade in results.network.upgrades {
      table.rows.append([
        .text(upgrade.link), .integer(upgrade.step), .number(upgrade.capacityMbps), .year(upgrade.orderYear.number),
        .year(upgrade.readyYear.number), .number(upgrade.capex.euros), .number(upgrade.leasePerYear.euros),
      ])
    }
    return table
  }

  static func accessLines(_ results: PlanResults) -> Table {
    var table = Table(
      id: "access_lines", title: "Access lines by class",
      columns: [
        Column("class", "Class"), Column("year", "Year"), Column("line_mbps", "Line (Mbit/s)"), Column("offices", "Offices"),
        Column("lines", "Lines"), Column("upgraded", "Upgraded into"), Column("over_target", "Over target"),
        Column("peak_mbps", "Busiest office (Mbit/s)", decimals: 1),
      ])
    for row in results.accessLineRows {
      table.rows.append([
        .text(row.accessClass), .year(row.year.number), .number(row.lineMbps), .integer(row.offices), .integer(row.lines),
        .integer(row.upgraded), .integer(row.overTarget), .number(row.peakMbps),
      ])
    }
    return table
  }

  static func disconnections(_ results: PlanResults) -> Table {
    var table = Table(
      id: "disconnections", title: "Demands cut off by a single failure",
      columns: [
        Column("from", "From"), Column("to", "To"), Column("failure", "Failure"), Column("peak_mbps", "Peak (Mbit/s)", decimals: 1),
        Column("carries", "Carries"),
      ])
    for cut in results.network.disconnections {
      table.rows.append([
        .text(cut.from), .text(cut.to), .text(cut.failure), .number(cut.peakMbps), .text(cut.carries.joined(separator: "; ")),
      ])
    }
    return table
  }
}
