import DCPlanModel

/// A block of a site's infrastructure (UPS, mains ∥ generators, cooling, the site, a common
/// cause at this site alone): what the availability model and the failure simulation need.
struct InfrastructureBlock {
  /// For tables ("cooling").
  let name: String
  /// Steady-state unavailability.
  let unavailability: Double
  /// Down episodes per hour while it is up (a part's failure rate; for a redundant pair, the
  /// rate at which the second goes down while the first is, over the pair's up time).
  let episodeRate: Double
  /// Mean length of a down episode, hours.
  let meanDownHours: Double
  /// The failure simulation's component.
  let block: FailureSimulation.Block

  /// One repairable part.
  init(_ name: String, _ part: Reliability) {
    self.name = name
    unavailability = part.unavailability
    episodeRate = part.failureRate
    meanDownHours = part.mttrHours
    block = .parts(count: 1, failureRate: part.failureRate, repairRate: part.repairRate)
  }

  /// Two parts of which one is enough (mains and generators).
  init(_ name: String, either first: Reliability, or second: Reliability) {
    self.name = name
    let pairU = first.unavailability * second.unavailability
    // Both down begins when one fails while the other is already down.
    let episodes = (1 - first.unavailability) * second.unavailability * first.failureRate
      + first.unavailability * (1 - second.unavailability) * second.failureRate
    unavailability = pairU
    episodeRate = episodes / (1 - pairU)
    meanDownHours = episodes > 0 ? pairU / episodes : 0
    block = .redundant(failureRates: [first.failureRate, second.failureRate], repairRates: [first.repairRate, second.repairRate])
  }

  /// A site's infrastructure in series: its power chain (one `power` block, or the UPS with the
  /// mains and generators in parallel), cooling, the site itself.
  static func chain(_ components: Components) -> [InfrastructureBlock] {
    var blocks: [InfrastructureBlock] = []
    if let power = components.power {
      blocks.append(InfrastructureBlock("power", power))
    } else {
      blocks.append(InfrastructureBlock("UPS", components.ups))
      blocks.append(InfrastructureBlock("mains and generators", either: components.mains, or: components.generator))
    }
    blocks.append(InfrastructureBlock("cooling", components.cooling))
    blocks.append(InfrastructureBlock("site", components.site))
    return blocks
  }
}

/// The compute clusters a service runs on at one site: `count` clusters of its class's pool,
/// each of `size` servers of which `size − spares` must be up (a k-out-of-n Markov chain with
/// the site's repair crews; docs/conventions.md, "Service availability").
struct ClusterPart {
  let count: Int
  let size: Int
  let spares: Int
  /// One cluster's unavailability and its down episodes per hour, π_{n−k} · (n − spares) · λ.
  let unavailability: Double
  let episodes: Double
  let block: FailureSimulation.Block

  /// All `count` clusters up.
  var up: Double { pow1p(-unavailability, count) }
}

/// The storage a service's data at one site lives on: `groups` groups of `units` units, each
/// group down while more than `tolerates` of its units are (a mirror of L copies: L units
/// tolerating L − 1; erasure coding k+m: k+m units tolerating m).
struct StoragePart {
  let groups: Int
  let units: Int
  let tolerates: Int
  /// One group's unavailability, Σ_{f > tolerates} C(units, f) u^f (1 − u)^(units − f).
  let unavailability: Double
  let block: FailureSimulation.Block

  /// All groups up.
  var up: Double { pow1p(-unavailability, groups) }
}

/// What one service depends on at one site: the site's infrastructure (with the common causes
/// that take this site down alone), the clusters that carry it and the storage holding its
/// data there.
struct SideParts {
  let site: Int
  let infrastructure: [InfrastructureBlock]
  let compute: ClusterPart?
  let storage: StoragePart?

  /// P(infrastructure up), P(its clusters up), P(its storage up).
  var a: Double { infrastructure.reduce(1.0) { $0 * (1 - $1.unavailability) } }
  var c: Double { compute?.up ?? 1 }
  var s: Double { storage?.up ?? 1 }

  /// The kinds of down episode of the side that runs the service (infrastructure and
  /// compute; storage failures do not move the service): (episodes per hour, mean hours,
  /// whether the site's infrastructure is down with it), counted while the whole side is up.
  func episodes() -> [(rate: Double, meanDownHours: Double, infrastructure: Bool)] {
    let up = a * c
    var kinds = infrastructure.map { (rate: up * $0.episodeRate, meanDownHours: $0.meanDownHours, infrastructure: true) }
    if let compute, compute.episodes > 0 {
      kinds.append((
        up * Double(compute.count) * compute.episodes / (1 - compute.unavailability),
        compute.unavailability / compute.episodes, false))
    }
    return kinds
  }
}
