@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// What an availability engineer checks first (docs/conventions.md, "Service availability"),
/// on random scenarios with failure figures: more redundancy never lowers a service's
/// availability, less never raises it, a site a service does not use does not touch it, and
/// the failure simulation agrees with the closed forms.
@Suite("availability properties")
struct AvailabilityPropertyTests {
  static let seeds = Array(UInt64(0)..<30)

  static func scenario(_ seed: UInt64) throws -> Scenario {
    var random = RandomScenario(seed: seed)
    let text = random.yaml(.init(uncertainty: false, network: false, components: true))
    let outcome = ScenarioLoader.load(text: text, file: "random-\(seed).yaml")
    guard let scenario = outcome.scenario else {
      Issue.record("seed \(seed): \(outcome.diagnostics.map(\.description).joined(separator: "\n"))\n\(text)")
      throw InvalidRandomScenario()
    }
    return scenario
  }

  /// Each service's availability per year, by "service year".
  static func availability(_ scenario: Scenario) -> [String: Double] {
    Dictionary(
      Planner.run(scenario).availability.map { ("\($0.service) \($0.year)", $0.availability) }, uniquingKeysWith: { a, _ in a })
  }

  /// `scenario` with every redundancy (the policy's and each class's) changed by `change`.
  static func everyClass(_ scenario: Scenario, _ change: (inout Redundancy) -> Void) -> Scenario {
    var s = scenario
    var base = s.policy.defaultRedundancy
    change(&base)
    s.policy.clusterSize = base.clusterSize
    s.policy.sparesPerCluster = base.sparesPerCluster
    s.policy.erasureCoding = base.erasureCoding
    s.policy.storageRawFactor = base.storageRawFactor
    if case .activeActive = s.policy.siteMode { s.policy.siteMode = .activeActive(failoverShare: base.failoverShare) }
    for i in s.policy.classes.indices { change(&s.policy.classes[i].redundancy) }
    return s
  }

  /// Every service year of `after` at least as available as in `before`, within `tolerance`.
  static func neverLower(_ before: [String: Double], _ after: [String: Double], _ label: String, tolerance: Double = 1e-12) {
    #expect(Set(before.keys) == Set(after.keys), "\(label): the same services run")
    for (key, value) in before {
      guard let changed = after[key] else { continue }
      #expect(changed >= value - tolerance, "\(label): \(key) \(value) → \(changed)")
    }
  }

  @Test("a spare server per cluster never lowers a service's availability", arguments: seeds)
  func spareServer(_ seed: UInt64) throws {
    let scenario = try Self.scenario(seed)
    // One more server and one more spare in every cluster: as many clusters, each sturdier.
    let spared = Self.everyClass(scenario) {
      $0.clusterSize += 1
      $0.sparesPerCluster += 1
    }
    Self.neverLower(Self.availability(scenario), Self.availability(spared), "seed \(seed)")
  }

  @Test("more storage units for the same data never lower a service's availability", arguments: seeds)
  func moreStorageUnits(_ seed: UInt64) throws {
    let scenario = try Self.scenario(seed)
    // One more copy, or one more parity unit per erasure-coded group.
    let protected = Self.everyClass(scenario) { redundancy in
      if let code = redundancy.erasureCoding {
        redundancy.erasureCoding = ErasureCode(k: code.k, m: code.m + 1)
      } else {
        redundancy.storageCopies = min(10, redundancy.storageCopies + 1)
      }
    }
    Self.neverLower(Self.availability(scenario), Self.availability(protected), "seed \(seed)")
  }

  @Test("a lower failover share never raises a service's availability", arguments: seeds)
  func lowerFailoverShare(_ seed: UInt64) throws {
    let scenario = try Self.scenario(seed)
    guard case .activeActive = scenario.policy.siteMode else { return }
    let lower = Self.everyClass(scenario) { $0.failoverShare = Fraction($0.failoverShare.value / 2) ?? .zero }
    // The reserve a lower share takes out of a pool was slack in normal operation: never more
    // available with less of it.
    Self.neverLower(Self.availability(lower), Self.availability(scenario), "seed \(seed)")
  }

  @Test("removing the twin (its data mirrored) never raises a shared service's availability", arguments: seeds)
  func removingTheTwin(_ seed: UInt64) throws {
    var scenario = try Self.scenario(seed)
    let shared = scenario.sites.indices.filter { scenario.sites[$0].kind == .shared }
    guard shared.count == 2 else { return }
    // Full failover and a full copy at each twin; then one site of the pair alone.
    scenario = Self.everyClass(scenario) { redundancy in
      redundancy.failoverShare = .one
      redundancy.erasureCoding = nil
      redundancy.storageCopies = max(redundancy.storageCopies, 4)
    }
    var single = scenario
    single.sites.remove(at: shared[1])
    single.sites[shared[0]].loadShare = .one
    single.components?.commonCauses = []
    scenario.components?.commonCauses = []
    let twin = Planner.run(scenario).availability.filter { $0.placement == WorkloadDemand.sharedDataCentre }
    let alone = Dictionary(
      Planner.run(single).availability.map { ("\($0.service) \($0.year)", $0.availability) }, uniquingKeysWith: { a, _ in a })
    for row in twin {
      guard let value = alone["\(row.service) \(row.year)"] else { continue }
      #expect(value <= row.availability + 1e-12, "seed \(seed): \(row.service) \(row.year) twin \(row.availability), one site \(value)")
    }
  }

  @Test("a service is not touched by demand at sites it does not use", arguments: seeds)
  func otherSites(_ seed: UInt64) throws {
    let scenario = try Self.scenario(seed)
    let plan = Planner.run(scenario)
    let years = plan.demand.years
    for row in plan.availability where row.placement != WorkloadDemand.sharedDataCentre {
      // Tenants whose workloads never run at this service's legacy room grow tenfold.
      let room = row.placement
      let elsewhere = Set(scenario.tenants.filter { $0.legacySite != room }.map(\.id))
      var grown = scenario
      for w in grown.workloads.indices where elsewhere.contains(grown.workloads[w].tenant) {
        grown.workloads[w].vcpu = grown.workloads[w].vcpu.scaled(by: 10)
        grown.workloads[w].storage = grown.workloads[w].storage.scaled(by: 10)
      }
      let after = Planner.run(grown).availability.first { $0.service == row.service && $0.year == row.year }
      #expect(after?.availability == row.availability, "seed \(seed): \(row.service) \(row.year) at '\(room)'")
      _ = years
      break
    }
  }

  @Test("the failure simulation agrees with the closed forms within 4 standard errors", arguments: seeds.prefix(12))
  func simulationAgrees(_ seed: UInt64) throws {
    let scenario = try Self.scenario(seed)
    let rows = Planner.run(scenario, failureTrials: 4000).availability
    for row in rows.prefix(12) {
      guard let simulated = row.simulated else { continue }
      let tolerance = 4 * simulated.standardErrorMinutes + 0.02 * row.downtimeMinutesPerYear + 1e-3
      #expect(abs(simulated.meanMinutes - row.downtimeMinutesPerYear) < tolerance,
              "seed \(seed) \(row.service) \(row.year): simulated \(simulated.meanMinutes) ± \(simulated.standardErrorMinutes), analytic \(row.downtimeMinutesPerYear)")
    }
  }
}
