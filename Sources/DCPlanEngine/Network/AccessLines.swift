import DCPlanModel

/// One office's access line year by year (docs/conventions.md, "Access lines").
public struct AccessLine: Hashable, Sendable {
  /// The office and whose it is.
  public let site: String
  public let tenant: String
  /// Its class in each year (index into `network.access_classes`).
  public let classIndex: [Int]
  /// Its busy-hour rate in each year, the busier direction, Mbit/s.
  public let mbps: [Double]
  /// Whether the rate exceeds the target utilisation of its line even in the largest class it
  /// can reach.
  public let overTarget: [Bool]
}

/// Access lines of the offices: each sized for its busy-hour rate (its employees, following
/// its tenant's headcount, × the busier direction of `busy_hour_per_employee`), upgraded along
/// `upgrade_to` when the rate exceeds the network's target utilisation of the line, never
/// downgraded; each line priced by its class, two for a dual-homed office.
enum AccessLines {
  /// Every office's line over `years`.
  static func plan(_ scenario: Scenario, years: [Year]) -> [AccessLine] {
    let network = scenario.network
    guard !network.accessSites.isEmpty, let first = years.first else { return [] }
    let classIndex = Dictionary(network.accessClasses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let upgrade = network.accessClasses.map { $0.upgradeTo.flatMap { classIndex[$0] } }
    let tenantIndex = Dictionary(scenario.tenants.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let perEmployee = years.map { year -> Double in
      let down = network.perEmployeeMbps.value(in: year)
      return network.perEmployeeUpMbps.map { max(down, $0.value(in: year)) } ?? down
    }
    let target = network.targetUtilisation.value
    // Each tenant's headcount against the first year's.
    let scale = scenario.tenants.map { tenant -> [Double] in
      let base = tenant.employees.employees(in: first)
      return years.map { base > 0 ? tenant.employees.employees(in: $0) / base : 1 }
    }
    return network.accessSites.compactMap { site in
      guard var c = classIndex[site.accessClass], let t = tenantIndex[site.tenant] else { return nil }
      var classes = [Int](repeating: c, count: years.count)
      var rates = [Double](repeating: 0, count: years.count)
      var over = [Bool](repeating: false, count: years.count)
      for y in years.indices {
        let rate = site.employees * scale[t][y] * perEmployee[y]
        // Upgrades only give more bandwidth (checked at load): the walk ends.
        var steps = 0
        while rate > target * network.accessClasses[c].mbps * (1 + 1e-12), let next = upgrade[c], steps < network.accessClasses.count {
          c = next
          steps += 1
        }
        classes[y] = c
        rates[y] = rate
        over[y] = rate > target * network.accessClasses[c].mbps * (1 + 1e-12)
      }
      return AccessLine(site: site.id, tenant: site.tenant, classIndex: classes, mbps: rates, overTarget: over)
    }
  }

  /// The lines' costs: per tenant, class and year, the lines standing × the class's price.
  static func add<Sink: CostLineSink>(_ scenario: Scenario, _ lines: [AccessLine], years: [Year], into sink: inout Sink) {
    let classes = scenario.network.accessClasses
    guard !lines.isEmpty else { return }
    // Lines per (tenant, class) and year, in first-seen order.
    var keys: [String: Int] = [:]
    var groups: [(tenant: String, classIndex: Int, lines: [Int])] = []
    for line in lines {
      for y in years.indices {
        let c = line.classIndex[y]
        let key = "\(line.tenant)\u{0}\(c)"
        let g: Int
        if let known = keys[key] {
          g = known
        } else {
          g = groups.count
          keys[key] = g
          groups.append((line.tenant, c, [Int](repeating: 0, count: years.count)))
        }
        groups[g].lines[y] += classes[c].dualHomed ? 2 : 1
      }
    }
    for group in groups {
      let accessClass = classes[group.classIndex]
      for (y, year) in years.enumerated() where group.lines[y] > 0 && accessClass.pricePerYearEUR > 0 {
        let count = Double(group.lines[y])
        sink.add(
          year, .accessLines, count * accessClass.pricePerYearEUR, at: "access lines '\(accessClass.id)'", serving: [group.tenant],
          .units(count: count, noun: "lines of class '\(accessClass.id)' (\(CostStage.rounded(accessClass.mbps)) Mbit/s\(accessClass.dualHomed ? ", dual-homed" : ""))",
                 unitEUR: accessClass.pricePerYearEUR))
      }
    }
  }

  /// One warning per class and year in which offices stay above the target utilisation of
  /// the largest class they can reach.
  static func warnings(_ scenario: Scenario, _ lines: [AccessLine], years: [Year]) -> [PlanWarning] {
    var warnings: [PlanWarning] = []
    let classes = scenario.network.accessClasses
    for (y, year) in years.enumerated() {
      var byClass: [Int: [String]] = [:]
      for line in lines where line.overTarget[y] { byClass[line.classIndex[y], default: []].append(line.site) }
      for (c, sites) in byClass.sorted(by: { $0.key < $1.key }) {
        let named = sites.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (sites.count > 5 ? " and \(sites.count - 5) more" : "")
        warnings.append(PlanWarning(
          code: .accessLineOverTarget, year: year, subject: classes[c].id,
          message: "\(sites.count) office(s) on access class '\(classes[c].id)' (\(CostStage.rounded(classes[c].mbps)) Mbit/s) exceed the "
            + "target utilisation of \(CostStage.rounded(scenario.network.targetUtilisation.value * 100)) % in \(year) with no larger class to "
            + "move to: \(named); give the class an 'upgrade_to'"))
      }
    }
    return warnings
  }
}

/// The offices of one access class in one year (table `access_lines`).
public struct AccessLineRow: Hashable, Sendable {
  public let accessClass: String
  public let year: Year
  /// Bandwidth per direction of one line, Mbit/s.
  public let lineMbps: Double
  /// Offices on the class, lines standing (two per dual-homed office).
  public let offices: Int
  public let lines: Int
  /// Offices that moved up into the class this year.
  public let upgraded: Int
  /// Offices above the target utilisation with no larger class.
  public let overTarget: Int
  /// The busiest office's rate, Mbit/s.
  public let peakMbps: Double
}

extension AccessLines {
  /// Per class (in the scenario's order) and year, the classes that have offices.
  static func rows(_ scenario: Scenario, _ lines: [AccessLine], years: [Year]) -> [AccessLineRow] {
    let classes = scenario.network.accessClasses
    var rows: [AccessLineRow] = []
    for (c, accessClass) in classes.enumerated() {
      for (y, year) in years.enumerated() {
        let on = lines.filter { $0.classIndex[y] == c }
        guard !on.isEmpty else { continue }
        rows.append(AccessLineRow(
          accessClass: accessClass.id, year: year, lineMbps: accessClass.mbps, offices: on.count,
          lines: on.count * (accessClass.dualHomed ? 2 : 1),
          upgraded: on.filter { y > 0 && $0.classIndex[y - 1] != c }.count, overTarget: on.filter { $0.overTarget[y] }.count,
          peakMbps: on.map { $0.mbps[y] }.max() ?? 0))
      }
    }
    return rows
  }
}
