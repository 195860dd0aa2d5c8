import DCPlanModel

/// The redundancy each workload gets (docs/conventions.md, "Redundancy per availability
/// class"), resolved once per scenario: class 0 is the policy's own, classes 1… are
/// `policy.classes` in their order. Compute pools group the classes whose clusters are alike
/// (cluster size and spares): a site sizes one set of clusters per pool.
struct RedundancyClasses: Sendable {
  /// Each class's redundancy (0: the policy's).
  let redundancy: [Redundancy]
  /// Each class's name (`default` for class 0).
  let names: [String]
  /// Each workload's class, in scenario order.
  let workloadClass: [Int]
  /// Each class's compute pool.
  let pool: [Int]
  /// Each pool's cluster size and spares.
  let pools: [(clusterSize: Int, spares: Int)]

  /// The classes of `scenario`.
  init(_ scenario: Scenario) {
    let policy = scenario.policy
    let classes = policy.classes
    redundancy = [policy.defaultRedundancy] + classes.map(\.redundancy)
    names = ["default"] + classes.map { $0.target.className ?? "class" }
    workloadClass = scenario.workloads.map { Self.classIndex(of: $0.availabilityTarget, among: classes) }
    var pools: [(clusterSize: Int, spares: Int)] = []
    var pool: [Int] = []
    for r in redundancy {
      if let found = pools.firstIndex(where: { $0.clusterSize == r.clusterSize && $0.spares == r.sparesPerCluster }) {
        pool.append(found)
      } else {
        pools.append((r.clusterSize, r.sparesPerCluster))
        pool.append(pools.count - 1)
      }
    }
    self.pool = pool
    self.pools = pools
  }

  /// How many classes (at least 1).
  var count: Int { redundancy.count }

  /// The class of a workload with `target`: the entry naming its class; for a percentage (or
  /// a class with no entry), the entry of the lowest availability that reaches it; else 0.
  static func classIndex(of target: AvailabilityTarget?, among classes: [ClassRedundancy]) -> Int {
    guard let target, !classes.isEmpty else { return 0 }
    if let name = target.className, let named = classes.firstIndex(where: { $0.target.className == name }) {
      return named + 1
    }
    var best: Int?
    for (i, entry) in classes.enumerated() where entry.target.availability.value >= target.availability.value - 1e-12 {
      if best.map({ entry.target.availability.value < classes[$0].target.availability.value }) ?? true { best = i }
    }
    return best.map { $0 + 1 } ?? 0
  }
}
