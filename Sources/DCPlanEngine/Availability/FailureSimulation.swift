import DCPlanModel

/// A discrete-event Monte Carlo of failures and repairs: each block of a service's structure
/// runs its own timeline (blocks are independent), and the service is down whenever any
/// block of its series is down (docs/conventions.md, "Failure simulation").
///
/// Blocks: a repairable part alternating between exponential up times (rate λ) and repair
/// times (rate μ); a k-out-of-n group with r crews, simulated as its birth–death chain. Each
/// trial draws from its own SplitMix64 stream, seeded from (seed, trial), so results are the
/// same for any number of threads; trials run in parallel and are reduced in index order.
public enum FailureSimulation {
  /// One block of a series structure.
  public enum Block: Hashable, Sendable {
    /// One repairable part, `count` copies in series, each with failure rate λ and repair rate μ.
    case parts(count: Int, failureRate: Double, repairRate: Double)
    /// Parts in parallel (mains and generators): down while all are down.
    case redundant(failureRates: [Double], repairRates: [Double])
    /// A group of n parts needing k, with `crews` repair crews: `count` such groups in series.
    case kOutOfN(count: Int, k: Int, n: Int, failureRate: Double, repairRate: Double, crews: Int)
    /// Two sites, each a series of blocks, backing each other up: down while both are down,
    /// and for a failover window each time one goes down while the other is up: the failover
    /// takes `failoverHours` if it succeeds (probability `success`), else until a manual switch
    /// (exponential, mean `manualSwitchHours`) or the site's repair, whichever comes first.
    indirect case twin(a: [Block], b: [Block], failoverHours: Double, success: Double, manualSwitchHours: Double)
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
          var intervals: [(Double, Double)] = []
          for trial in lower..<upper {
            var random = SplitMix64(seed: trialSeed(seed, trial))
            intervals.removeAll(keepingCapacity: true)
            var eventCount = 0
            for block in blocks {
              simulate(block, periodHours, &random, &intervals, &eventCount)
            }
            downBase.base?[trial] = unionLength(&intervals)
            countBase.base?[trial] = eventCount
          }
        }
      }
    }
    return Outcome(downtimeHours: downtime, events: events.reduce(0, +), periodHours: periodHours)
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
    case let .twin(a, b, failoverHours, success, manualSwitchHours):
      var first: [(Double, Double)] = []
      var second: [(Double, Double)] = []
      for block in a { simulate(block, period, &random, &first, &events) }
      for block in b { simulate(block, period, &random, &second, &events) }
      let downA = merged(&first)
      let downB = merged(&second)
      // Both down.
      intervals += intersection(downA, downB)
      // Failover windows: one site goes down while the other is up.
      for (mine, other) in [(downA, downB), (downB, downA)] {
        var k = 0
        for (start, end) in mine {
          while k < other.count, other[k].1 <= start { k += 1 }
          let otherDown = k < other.count && other[k].0 <= start
          guard !otherDown else { continue }
          let window = random.unit() < success
            ? failoverHours : min(exponentialDraw(1 / manualSwitchHours, &random), end - start)
          intervals.append((start, min(period, start + window)))
        }
      }
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
