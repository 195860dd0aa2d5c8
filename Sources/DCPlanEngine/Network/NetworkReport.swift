import DCPlanModel

/// What the network stage reports besides its loads: a row per link, the warnings of links
/// over their targets (``Shortfall``) and of demands a single failure cuts off.
enum NetworkReport {
  /// The link rows and the over-target warnings, link by link, year by year.
  static func links(
    _ network: Network, years: [Year], load: Matrix, voiceLoad: Matrix, arcLoad: Matrix, failures: SingleFailures.Outcome,
    plan: LinkUpgradePlan
  ) -> (rows: [LinkResult], warnings: [PlanWarning]) {
    let yearCount = years.count
    let (n1Load, worst, standing) = (failures.n1Load, failures.worst, plan.standing)
    var rows: [LinkResult] = []
    var warnings: [PlanWarning] = []
    for (l, link) in network.links.enumerated() {
      for (y, year) in years.enumerated() {
        if Shortfall.linkOverTarget(loadMbps: load[l, y], capacityMbps: standing[l, y], target: network.targetUtilisation.value) {
          let utilisation = load[l, y] / standing[l, y]
          let comesLate = plan.hasStepLeft[l] || plan.stepReady[l][y...].contains { $0 != nil }
          warnings.append(PlanWarning(
            code: .linkOverTarget, year: year, subject: link.id,
            message: "link '\(link.id)' runs at \(percent(utilisation)) % in \(year), above the \(percent(network.targetUtilisation.value)) % target; "
              + (comesLate ? "its upgrade comes too late: order it earlier" : "no larger step is left: add an upgrade step or another route")))
        }
        if Shortfall.linkOverTarget(loadMbps: n1Load[l, y], capacityMbps: standing[l, y], target: network.failureUtilisation.value) {
          let n1 = n1Load[l, y] / standing[l, y]
          warnings.append(PlanWarning(
            code: .linkOverFailureTarget, year: year, subject: link.id,
            message: "link '\(link.id)' runs at \(percent(n1)) % in \(year) when \(worst[l * yearCount + y] ?? "another element") fails, above the \(percent(network.failureUtilisation.value)) % failure target; add capacity or another route"))
        }
      }
      var row = LinkResult(
        id: link.id, from: link.from, to: link.to, capacityMbps: Array(standing.row(l)), loadMbps: Array(load.row(l)),
        voiceMbps: Array(voiceLoad.row(l)),
        n1LoadMbps: Array(n1Load.row(l)), n1WorstFailure: Array(worst[(l * yearCount)..<((l + 1) * yearCount)]),
        upgradeStep: plan.stepReady[l])
      row.forwardLoadMbps = Array(arcLoad.row(2 * l))
      row.reverseLoadMbps = Array(arcLoad.row(2 * l + 1))
      rows.append(row)
    }
    return (rows, warnings)
  }

  /// One warning per demand that some failure cuts off, naming the first such failure.
  static func cutWarnings(_ disconnections: [Disconnection]) -> [PlanWarning] {
    var cutCount: [String: Int] = [:]
    for cut in disconnections { cutCount["\(cut.from)>\(cut.to)", default: 0] += 1 }
    var warned = Set<String>()
    var warnings: [PlanWarning] = []
    for cut in disconnections where warned.insert("\(cut.from)>\(cut.to)").inserted {
      let count = cutCount["\(cut.from)>\(cut.to)"] ?? 1
      warnings.append(PlanWarning(
        code: .n1Disconnection, year: nil, subject: "\(cut.from)–\(cut.to)",
        message: "the demand from '\(cut.from)' to '\(cut.to)' (\(cut.carries.joined(separator: ", "))) loses its only path when \(cut.failure) fails"
          + (count > 1 ? " (and under \(count - 1) other failure\(count > 2 ? "s" : ""))" : "") + "; give it a second path"))
    }
    return warnings
  }

  private static func percent(_ fraction: Double) -> String { NumberText.fixed(fraction * 100, decimals: 1) }
}
