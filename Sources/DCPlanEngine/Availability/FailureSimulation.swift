import DCPlanModel

/// A discrete-event Monte Carlo of failures and repairs (docs/conventions.md, "Failure
/// simulation"): each component of a service's structure runs its own timeline (components
/// are independent), and the structure says from their down intervals when the service is
/// down: a series is down while any of its parts is, a parallel group while all are, a
/// failover pair while both sides are and for a window after one side goes down while the
/// other is up. A component shared by several branches (a site's infrastructure under both
/// its compute and its storage) is simulated once.
///
/// Components: a repairable part alternating between exponential up times (rate λ) and repair
/// times (rate μ); a k-out-of-n group with r crews, simulated as its birth–death chain. Each
/// trial draws from its own SplitMix64 stream, seeded from (seed, trial), so results are the
/// same for any number of threads; trials run in parallel and are reduced in index order.
public enum FailureSimulation {
  /// One component: simulated once per trial, `count` independent copies in series.
  public enum Block: Hashable, Sendable {
    /// One repairable part, `count` copies in series, each with failure rate λ and repair rate μ.
    case parts(count: Int, failureRate: Double, repairRate: Double)
    /// Parts in parallel (mains and generators): down while all are down.
    case redundant(failureRates: [Double], repairRates: [Double])
    /// A group of n parts needing k, with `crews` repair crews: `count` such groups in series.
    case kOutOfN(count: Int, k: Int, n: Int, failureRate: Double, repairRate: Double, crews: Int)

    /// The simulated parts it holds (its copies times its parts).
    var size: Int {
      switch self {
      case let .parts(count, _, _): return count
      case let .redundant(rates, _): return rates.count
      case let .kOutOfN(count, _, n, _, _, _): return count * n
      }
    }
  }

  /// When a service is down, from its components' down intervals.
  public indirect enum Node: Hashable, Sendable {
    /// Component i of the structure.
    case component(Int)
    /// Down while any is down.
    case series([Node])
    /// Down while all are down.
    case parallel([Node])
    /// Load running on `primary` that fails over to `standby`: down while both are down, and
    /// for a window each time the primary goes down while the standby is up: the failover's
    /// `failoverHours` if it succeeds (probability `success`), else until a manual switch
    /// (exponential, mean `manualSwitchHours`), or the primary's repair if that comes first.
    case failover(primary: Node, standby: Node, failoverHours: Double, success: Double, manualSwitchHours: Double)
  }

  /// A service's structure: its components and, per alternative, a weight and when it is
  /// down. The downtime of a trial is Σ weight × downtime of the alternative (a service whose
  /// load runs at two sites without failover is down for the share of its load at the site
  /// that is down; one that fails over with probability φ mixes both).
  public struct Structure: Hashable, Sendable {
    /// The components, simulated once per trial.
    public var components: [Block]
    /// The weights of the alternatives (summing to 1).
    public var weights: [Double]
    /// When each alternative is down.
    public var nodes: [Node]

    /// A structure from its parts.
    public init(components: [Block], weights: [Double], nodes: [Node]) {
      self.components = components
      self.weights = weights
      self.nodes = nodes
    }

    /// `blocks` in series.
    public init(series blocks: [Block]) {
      self.init(components: blocks, weights: [1], nodes: [.series(blocks.indices.map(Node.component))])
    }

    /// The parts simulated per trial.
    public var size: Int { components.reduce(0) { $0 + $1.size } }
  }

  /// The outcome of a simulation.
  public struct Outcome: Hashable, Sendable {
    /// Downtime per trial over the simulated period, hours, in trial order.
    public let downtimeHours: [Double]
    /// Failure and repair events simulated inside the period.
    public let events: Int
    /// Mean unavailability over trials.
    public var meanUnavailability: Double { downtimeHours.reduce(0, +) / Double(max(1, downtimeHours.count)) / periodHours }
    /// Standard error of that mean.
    public var standardError: Double {
      let n = Double(downtimeHours.count)
      guard n > 1 else { return 0 }
      let fractions = downtimeHours.map { $0 / periodHours }
      let mean = fractions.reduce(0, +) / n
      let variance = fractions.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
      return (variance / n).squareRoot()
    }
    /// The simulated period, hours.
    public let periodHours: Double

    /// The downtime in minutes at quantile `q` (0...1), nearest rank.
    public func downtimeMinutes(quantile q: Double) -> Double {
      let sorted = downtimeHours.sorted()
      guard !sorted.isEmpty else { return 0 }
      let rank = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
      return sorted[rank] * 60
    }
  }

  /// Simulates `trials` periods of `periodHours` of a series of `blocks`, starting all up.
  ///
  /// - Parameter threads: worker threads; the result does not depend on it.
  public static func run(blocks: [Block], periodHours: Double, trials: Int, seed: UInt64, threads: Int = 2) -> Outcome {
    run(Structure(series: blocks), periodHours: periodHours, trials: trials, seed: seed, threads: threads)
  }

  /// Simulates `trials` periods of `periodHours` of `structure`, starting all up.
  ///
  /// - Parameter threads: worker threads; the result does not depend on it.
  public static func run(_ structure: Structure, periodHours: Double, trials: Int, seed: UInt64, threads: Int = 2) -> Outcome {
    let trialCount = max(0, trials)
    var downtime = [Double](repeating: 0, count: trialCount)
    var events = [Int](repeating: 0, count: trialCount)
    let chunks = max(1, min(threads, trialCount))
    downtime.withUnsafeMutableBufferPointer { down in
      events.withUnsafeMutableBufferPointer { counts in
        // Each trial writes only its own slot: disjoint writes, no lock needed.
        let downBase = DisjointSlots(base: down.baseAddress)
        let countBase = DisjointSlots(base: counts.baseAddress)
        Workers.run(chunks) { chunk in
          let lower = trialCount * chunk / chunks
          let upper = trialCount * (chunk + 1) / chunks
          var own: [(Double, Double)] = []
          var componentDown = [[(Double, Double)]](repeating: [], count: structure.components.count)
          for trial in lower..<upper {
            var random = SplitMix64(seed: trialSeed(seed, trial))
            var eventCount = 0
            for (c, block) in structure.components.enumerated() {
              own.removeAll(keepingCapacity: true)
              simulate(block, periodHours, &random, &own, &eventCount)
              componentDown[c] = merged(&own)
            }
            var total = 0.0
            for (weight, node) in zip(structure.weights, structure.nodes) {
              var intervals = evaluate(node, componentDown, periodHours, &random)
              total += weight * unionLength(&intervals)
            }
            downBase.base?[trial] = total
            countBase.base?[trial] = eventCount
          }
        }
      }
    }
    return Outcome(downtimeHours: downtime, events: events.reduce(0, +), periodHours: periodHours)
  }

  /// The down intervals of `node` (disjoint, in order) from the components' down intervals.
  private static func evaluate(
    _ node: Node, _ down: [[(Double, Double)]], _ period: Double, _ random: inout SplitMix64
  ) -> [(Double, Double)] {
    switch node {
    case let .component(c):
      return down[c]
    case let .series(nodes):
      var all: [(Double, Double)] = []
      for child in nodes { all += evaluate(child, down, period, &random) }
      return merged(&all)
    case let .parallel(nodes):
      var common: [(Double, Double)]?
      for child in nodes {
        let intervals = evaluate(child, down, period, &random)
        common = common.map { intersection($0, intervals) } ?? intervals
      }
      return common ?? []
    case let .failover(primary, standby, failoverHours, success, manualSwitchHours):
      let downA = evaluate(primary, down, period, &random)
      let downB = evaluate(standby, down, period, &random)
      // Both down.
      var intervals = intersection(downA, downB)
      // Failover windows: the primary goes down while the standby is up.
      var k = 0
      for (start, end) in downA {
        while k < downB.count, downB[k].1 <= start { k += 1 }
        let standbyDown = k < downB.count && downB[k].0 <= start
        guard !standbyDown else { continue }
        let window = random.unit() < success ? failoverHours : exponentialDraw(1 / manualSwitchHours, &random)
        intervals.append((start, min(period, start + min(window, end - start))))
      }
      return merged(&intervals)
    }
  }

  /// The seed of one trial's stream: the scenario seed and the trial index scrambled by
  /// SplitMix64's output function, so that streams of neighbouring trials do not overlap
  /// (a plain `seed + trial · γ` would make trial t + 1 replay trial t shifted by one draw).
  static func trialSeed(_ seed: UInt64, _ trial: Int) -> UInt64 {
    var seeder = SplitMix64(seed: seed)
    let base = seeder.next()
    var mixer = SplitMix64(seed: base ^ (UInt64(trial) &* 0xBF58_476D_1CE4_E5B9))
    return mixer.next()
  }

  /// A buffer whose slots the worker threads write one each.
  @inline(__always)
  private static func exponentialDraw(_ rate: Double, _ random: inout SplitMix64) -> Double {
    // Inverse CDF on (0, 1]: never log(0).
    -logarithm(1 - random.unit()) / rate
  }

  private static func simulate(
    _ block: Block, _ period: Double, _ random: inout SplitMix64, _ intervals: inout [(Double, Double)], _ events: inout Int
  ) {
    switch block {
    case let .parts(count, λ, μ):
      for _ in 0..<count {
        var time = exponentialDraw(λ, &random)
        while time < period {
          let repaired = time + exponentialDraw(μ, &random)
          intervals.append((time, min(repaired, period)))
          events += repaired < period ? 2 : 1
          time = repaired + exponentialDraw(λ, &random)
        }
      }
    case let .redundant(failureRates, repairRates):
      var common: [(Double, Double)]? = nil
      for (λ, μ) in zip(failureRates, repairRates) {
        var own: [(Double, Double)] = []
        simulate(.parts(count: 1, failureRate: λ, repairRate: μ), period, &random, &own, &events)
        let down = merged(&own)
        common = common.map { intersection($0, down) } ?? down
      }
      intervals += common ?? []
    case let .kOutOfN(count, k, n, λ, μ, crews):
      let maxDown = n - k
      for _ in 0..<count {
        var time = 0.0
        var failed = 0
        var downSince = -1.0
        while true {
          let failureRate = Double(n - failed) * λ
          let repairRate = Double(min(failed, max(1, crews))) * μ
          let total = failureRate + repairRate
          time += exponentialDraw(total, &random)
          if time >= period { break }
          events += 1
          if random.unit() * total < failureRate { failed += 1 } else { failed -= 1 }
          if failed > maxDown, downSince < 0 { downSince = time }
          if failed <= maxDown, downSince >= 0 {
            intervals.append((downSince, time))
            downSince = -1
          }
        }
        if downSince >= 0 { intervals.append((downSince, period)) }
      }
    }
  }

  /// The intersection of two lists of disjoint, ordered intervals.
  private static func intersection(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> [(Double, Double)] {
    var out: [(Double, Double)] = []
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      let start = max(a[i].0, b[j].0)
      let end = min(a[i].1, b[j].1)
      if start < end { out.append((start, end)) }
      if a[i].1 < b[j].1 { i += 1 } else { j += 1 }
    }
    return out
  }

  /// The intervals merged into disjoint ones, in order.
  private static func merged(_ intervals: inout [(Double, Double)]) -> [(Double, Double)] {
    guard !intervals.isEmpty else { return [] }
    intervals.sort { $0.0 < $1.0 }
    var out: [(Double, Double)] = []
    var (start, end) = intervals[0]
    for (s, e) in intervals.dropFirst() {
      if s > end {
        out.append((start, end))
        (start, end) = (s, e)
      } else if e > end {
        end = e
      }
    }
    out.append((start, end))
    return out
  }

  /// The total length covered by the intervals (their union), sorting them in place.
  private static func unionLength(_ intervals: inout [(Double, Double)]) -> Double {
    guard !intervals.isEmpty else { return 0 }
    intervals.sort { $0.0 < $1.0 }
    var total = 0.0
    var (start, end) = intervals[0]
    for (s, e) in intervals.dropFirst() {
      if s > end {
        total += end - start
        (start, end) = (s, e)
      } else if e > end {
        end = e
      }
    }
    return total + (end - start)
  }
}
