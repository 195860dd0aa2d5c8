import DCPlanModel

/// The Monte Carlo results a planner reads: percentiles of every summary and yearly figure,
/// the probability of a shortfall by each year, the tornado and the rank correlations.
public struct MonteCarloResults: Hashable, Sendable {
  /// Trials run, and the seed.
  public let trials: Int
  public let seed: UInt64
  /// The percentiles reported (10, 50, 90 unless asked otherwise).
  public let percentiles: [Double]
  /// Per summary figure (`npv_eur`, `total_capex_eur`, `total_opex_eur`, `tco_eur`, `residual_value_eur`): its mean
  /// and its value at each percentile.
  public let summary: [(figure: SummaryFigure, mean: Double, values: [Double])]
  /// The first shortfall year at each percentile (nil: none by the end of the horizon), and
  /// the share of trials with any shortfall.
  public let firstShortfall: [Year?]
  public let shortfallShare: Double
  /// Per yearly figure (``YearlyFigure`` order) and year: the values at each percentile.
  public let yearly: [[[Double]]]
  /// The years.
  public let years: [Year]
  /// Every resource short in some trial: P(short by year y) for each year.
  public let shortfallProbability: [(resource: ShortfallResource, byYear: [Double])]
  /// One input at a time at its P10 and P90 (the others at the file's values): the change
  /// of NPV from the baseline, the first shortfall year and the unserved demand; sorted by
  /// the NPV swing.
  public let tornado: [TornadoBar]
  /// Spearman's rank correlation of each input's draw (an element input: the mean of its
  /// elements' draws) with NPV, with the first shortfall year and with each of
  /// ``unservedFigures`` (0 where a side is constant); sorted by |ρ| with NPV.
  public let rankCorrelations: [(input: String, npv: Double, shortfall: Double, unserved: [Double])]
  /// The unserved-demand figures the tornado and the rank correlations give, in order.
  public static let unservedFigures: [SummaryFigure] = [.unservedVCPUYears, .unservedTiBYears, .linkOverloadMbpsYears]
  /// The baseline (the file's values) outcome.
  public let baseline: TrialOutcome
  /// Per trial: each input's draw (element inputs: mean) and the outcome, for `--trials-csv`;
  /// empty when the trials did not fit in memory (``trialsKept`` false).
  public let inputNames: [String]
  public let inputDraws: [[Double]]
  public let outcomes: [TrialOutcome]
  /// What planning for higher percentiles costs and buys, when asked for (``MonteCarlo/insurance(_:trials:seed:quantiles:threads:)``).
  public var insurance: [InsuranceRow] = []
  /// Per ``unservedFigures``: whether some trial left it above zero.
  public var unservedSeen: [Bool] = []
  /// How many times the trials were run: 1 when their figures fitted in memory (ranks exact),
  /// more when they were run in chunks (ranks exact to within their bin; docs/conventions.md,
  /// "Runs larger than memory").
  public var passes = 1
  /// Whether every trial's draws and outcome are kept (``inputDraws``, ``outcomes``): the
  /// trials fitted in memory.
  public var trialsKept = true
  /// Warnings about the run itself (the deterministic run outside the trials' P5–P95 NPV band).
  public var warnings: [PlanWarning] = []

  public static func == (a: MonteCarloResults, b: MonteCarloResults) -> Bool {
    a.trials == b.trials && a.seed == b.seed && a.outcomes == b.outcomes && a.inputDraws == b.inputDraws
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(trials)
    hasher.combine(seed)
    hasher.combine(outcomes)
  }
}

/// One bar of the tornado.
public struct TornadoBar: Hashable, Sendable {
  public let input: String
  /// The input's P10 and P90 draws.
  public let low: Double
  public let high: Double
  /// NPV minus the baseline's at each end, EUR.
  public let npvLowDelta: Double
  public let npvHighDelta: Double
  /// The first shortfall year at each end.
  public let shortfallLow: Year?
  public let shortfallHigh: Year?
  /// Each of ``MonteCarloResults/unservedFigures`` at each end (not a change: the baseline's
  /// is in the summary).
  public let unservedLow: [Double]
  public let unservedHigh: [Double]
}

extension MonteCarlo {
  /// One trial of each scenario, on `threads` workers that keep their routes.
  static func trials(_ scenarios: [Scenario], decisions: PlanDecisions?, threads: Int) -> [TrialOutcome] {
    var outcomes = [TrialOutcome?](repeating: nil, count: scenarios.count)
    outcomes.withUnsafeMutableBufferPointer { buffer in
      let slots = DisjointSlots(base: buffer.baseAddress)
      let workers = max(1, min(threads, scenarios.count))
      Workers.run(workers) { worker in
        let routes = RouteCache()
        for k in stride(from: worker, to: scenarios.count, by: workers) { slots.base?[k] = trial(scenarios[k], decisions: decisions, routes: routes) }
      }
    }
    return outcomes.compactMap { $0 }
  }

  /// Runs the trials and summarises them (``analyse(_:trials:seed:percentiles:threads:progress:memoryBudgetBytes:chunk:eachChunk:)``
  /// with no use for the trials one by one).
  public static func analyse(
    _ file: Scenario, trials: Int, seed: UInt64, percentiles: [Double] = [10, 50, 90], threads: Int = 2,
    progress: WorkProgress? = nil, memoryBudgetBytes: Double = .infinity, chunk: Int? = nil
  ) -> MonteCarloResults {
    analyse(
      file, trials: trials, seed: seed, percentiles: percentiles, threads: threads, progress: progress,
      memoryBudgetBytes: memoryBudgetBytes, chunk: chunk, eachChunk: { _, _, _ in })
  }

  /// Runs the trials and summarises them.
  ///
  /// Trials whose figures fit in `memoryBudgetBytes` (``bytesPerTrial(_:withTable:)`` each)
  /// are run once and kept (in ``MonteCarloResults/outcomes``); more are run in chunks that
  /// fit, twice or more (docs/conventions.md, "Runs larger than memory"), and only the
  /// summary stays: the same percentiles, means and shortfall shares, rank correlations from
  /// ranks exact to within their bin.
  ///
  /// - Parameter chunk: trials per chunk whatever the memory (for tests and fuzzing: a run
  ///   of more trials than this goes over them in chunks).
  /// - Parameter eachChunk: called on the calling thread with consecutive trials' numbers,
  ///   draws and outcomes, once per trial in trial order (for `--trials-csv`); what it
  ///   throws ends the run.
  public static func analyse(
    _ file: Scenario, trials: Int, seed: UInt64, percentiles: [Double] = [10, 50, 90], threads: Int = 2,
    progress: WorkProgress? = nil, memoryBudgetBytes: Double = .infinity, chunk chunkTrials: Int? = nil,
    eachChunk: (_ firstTrial: Int, _ draws: ArraySlice<[Double]>, _ outcomes: ArraySlice<TrialOutcome>) throws -> Void
  ) rethrows -> MonteCarloResults {
    let scenario = file.forSharedPlan()
    let runner = TrialRunner(scenario, seed: seed, threads: threads)
    let (sampler, decisions) = (runner.sampler, runner.decisions)
    // The baseline and the tornado's ends (one input at its P10 or P90): whole plan runs,
    // shared by the threads, each keeping its routes.
    let inputs = scenario.uncertainty.inputs
    let fixed = [scenario] + inputs.indices.flatMap { i in
      [0.1, 0.9].map { p in Perturbation.apply(sampler.quantileDraws(p, onlyInput: i), slots: sampler.slots, to: scenario) }
    }
    let fixedOutcomes = Self.trials(fixed, decisions: decisions, threads: threads)
    let baseline = fixedOutcomes[0]
    let count = max(0, trials)
    let ps = percentiles.map { min(100, max(0, $0)) / 100 }
    let chunk = chunkTrials.map { max(1, $0) } ?? trialsPerChunk(scenario, memoryBudgetBytes: memoryBudgetBytes)
    var kept: (draws: [[Double]], outcomes: [TrialOutcome]) = ([], [])
    let figures: TrialFigures
    if count <= chunk {
      kept = runner.run(0..<count, threads: threads, progress: progress)
      // Handed on 4,096 trials at a time: a CSV writer renders one slice's rows at a time.
      for start in stride(from: 0, to: count, by: 4096) {
        let end = min(count, start + 4096)
        try eachChunk(start, kept.draws[start..<end], kept.outcomes[start..<end])
      }
      figures = TrialFigures(scenario, draws: kept.draws, outcomes: kept.outcomes, ps: ps, threads: threads)
    } else {
      figures = try TrialFigures(
        runner, trials: count, chunk: chunk, ps: ps, threads: threads, progress: progress, eachChunk: eachChunk)
    }
    let unservedFigures = MonteCarloResults.unservedFigures
    let years = scenario.info.horizon.years
    let resources = resourceKeys(scenario)
    var probability: [(ShortfallResource, [Double])] = []
    for (r, resource) in resources.enumerated() where r < figures.shortfallCounts.count {
      var cumulative = 0
      let byYear = years.indices.map { y -> Double in
        cumulative += figures.shortfallCounts[r][y]
        return Double(cumulative) / Double(max(1, count))
      }
      if (byYear.last ?? 0) > 0 { probability.append((resource, byYear)) }
    }
    let tornado = inputs.indices.map { i -> TornadoBar in
      let (low, high) = (fixedOutcomes[1 + 2 * i], fixedOutcomes[2 + 2 * i])
      return TornadoBar(
        input: inputs[i].name, low: Quantiles.value(inputs[i].distribution, at: 0.1),
        high: Quantiles.value(inputs[i].distribution, at: 0.9), npvLowDelta: low.npvEUR - baseline.npvEUR,
        npvHighDelta: high.npvEUR - baseline.npvEUR, shortfallLow: low.firstShortfallYear, shortfallHigh: high.firstShortfallYear,
        unservedLow: unservedFigures.map { $0.value(low) }, unservedHigh: unservedFigures.map { $0.value(high) })
    }.sorted { abs($0.npvHighDelta - $0.npvLowDelta) > abs($1.npvHighDelta - $1.npvLowDelta) }
    let correlations = inputs.indices.map { i in
      (input: inputs[i].name, npv: figures.correlations[i][0], shortfall: figures.correlations[i][1],
       unserved: Array(figures.correlations[i].dropFirst(2)))
    }.sorted { abs($0.npv) > abs($1.npv) }
    let summaryFigures = SummaryFigure.allCases
    var results = MonteCarloResults(
      trials: count, seed: seed, percentiles: percentiles,
      summary: summaryFigures.indices.map { (summaryFigures[$0], figures.means[$0], figures.bands[$0]) },
      firstShortfall: figures.firstShortfall, shortfallShare: figures.shortfallShare,
      yearly: YearlyFigure.allCases.indices.map { f in
        years.indices.map { y in figures.bands[summaryFigures.count + f * years.count + y] }
      },
      years: years, shortfallProbability: probability, tornado: tornado, rankCorrelations: correlations, baseline: baseline,
      inputNames: inputs.map(\.name), inputDraws: kept.draws, outcomes: kept.outcomes)
    results.unservedSeen = figures.unservedSeen
    results.passes = figures.passes
    results.trialsKept = count <= chunk
    results.warnings = baselineWarnings(baseline, band: figures.npvBand, trials: count)
    return results
  }

  /// What one trial's figures take in memory while the run is summarised, in bytes (an
  /// estimate with a margin; `withTable`: its row of `--trials-csv` too): its summary and
  /// yearly figures (twice: as outcomes and as columns), its draws and its first shortfall per
  /// site, link and trunk group.
  public static func bytesPerTrial(_ scenario: Scenario, withTable: Bool = false) -> Double {
    let years = Double(scenario.info.horizon.count)
    let perTrial = 128 + 16 * Double(SummaryFigure.allCases.count) + 16 * Double(YearlyFigure.allCases.count) * years
      + 17 * Double(resourceKeys(scenario).count) + 8 * Double(scenario.uncertainty.inputs.count)
      + (withTable ? 48 * Double(1 + scenario.uncertainty.inputs.count + SummaryFigure.allCases.count) : 0)
    return 1.25 * perTrial
  }

  /// How many trials are run and kept at a time within `memoryBudgetBytes` (at least
  /// ``minimumChunk``); a run of more trials goes over them in chunks of this size.
  public static func trialsPerChunk(_ scenario: Scenario, memoryBudgetBytes: Double) -> Int {
    let fit = memoryBudgetBytes / bytesPerTrial(scenario, withTable: true)
    return fit >= Double(Int.max / 2) ? Int.max / 2 : max(minimumChunk, Int(fit))
  }

  /// The fewest trials a chunk holds: the bins of a run larger than memory are quantiles of
  /// the first chunk's figures.
  public static let minimumChunk = 1024

  /// How many times a run of `trials` trials goes over them at least: once when their figures
  /// fit in `memoryBudgetBytes`, else twice (a run whose percentiles lie among many different
  /// values in one bin takes one more pass for each such split; a progress bar counts two).
  public static func passes(_ scenario: Scenario, trials: Int, memoryBudgetBytes: Double) -> Int {
    // (Without uncertain inputs every trial is the same: one pass settles every percentile.)
    trials <= trialsPerChunk(scenario, memoryBudgetBytes: memoryBudgetBytes) || scenario.uncertainty.inputs.isEmpty ? 1 : 2
  }

  /// A warning when the baseline's NPV lies outside the trials' P5–P95 band: the file's values
  /// are not a typical draw (a skewed distribution, a mode far from the mean), so the
  /// deterministic figures are not what to expect.
  static func baselineWarnings(_ baseline: TrialOutcome, band: [Double], trials: Int) -> [PlanWarning] {
    guard trials >= 20, band.count == 2 else { return [] }
    guard baseline.npvEUR < band[0] || baseline.npvEUR > band[1] else { return [] }
    func eur(_ value: Double) -> String { NumberText.euros(value) }
    return [PlanWarning(
      code: .baselineOutsideBand, year: nil, subject: "npv_eur",
      message: "the deterministic run's NPV \(eur(baseline.npvEUR)) EUR lies \(baseline.npvEUR < band[0] ? "below" : "above") the "
        + "trials' P5–P95 band (\(eur(band[0])) to \(eur(band[1])) EUR): the scenario's values are not a typical draw; "
        + "present the Monte Carlo's band, or check the inputs' modes against their means")]
  }
}

/// Percentiles and rank correlations (docs/conventions.md, "Uncertainty").
public enum Statistics {
  /// The p-quantile (0 … 1) of sorted values, linear between neighbours at rank p · (n − 1)
  /// (Hyndman–Fan type 7, numpy's default).
  public static func percentile(sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    guard sorted.count > 1 else { return first }
    let rank = p * Double(sorted.count - 1)
    let below = Int(rank.rounded(.down))
    let above = min(sorted.count - 1, below + 1)
    let weight = rank - Double(below)
    return sorted[below] + (sorted[above] - sorted[below]) * weight
  }

  /// ``percentile(sorted:_:)`` at each of `ps`, without sorting: each needed order statistic
  /// is selected in place (Hoare's quickselect, expected linear time), and `values` is left
  /// partly ordered. The values must not be NaN.
  public static func percentiles(of values: inout [Double], _ ps: [Double]) -> [Double] {
    let n = values.count
    guard n > 1 else { return ps.map { _ in values.first ?? .nan } }
    let positions = places(ps, count: n)
    let ranks = Set(positions.flatMap { [$0.below, $0.above] }).sorted()
    var known: [Int: Double] = [:]
    values.withUnsafeMutableBufferPointer { buffer in
      // Ranks in ascending order: each selection leaves larger ranks to the right of the last.
      var low = 0
      for rank in ranks {
        select(rank, in: buffer, from: low)
        known[rank] = buffer[rank]
        low = rank + 1
      }
    }
    return positions.map { position in
      let below = known[position.below] ?? .nan
      let above = known[position.above] ?? .nan
      return below + (above - below) * position.weight
    }
  }

  /// The two 0-based ranks each percentile in `ps` reads among `count` values, below and above
  /// its place p · (count − 1), and the weight of the one above (``percentile(sorted:_:)``).
  static func places(_ ps: [Double], count: Int) -> [(below: Int, above: Int, weight: Double)] {
    ps.map { p in
      let rank = p * Double(count - 1)
      let below = Int(rank.rounded(.down))
      return (below, min(count - 1, below + 1), rank - Double(below))
    }
  }

  /// The 1-based rank of the p-quantile by nearest rank among `count` values
  /// (``nearestRank(sorted:_:)``).
  static func nearestRankNumber(_ p: Double, count: Int) -> Int { max(1, Int((p * Double(count)).rounded(.up))) }

  /// Moves the k-th smallest of `buffer[low...]` to index k, the smaller before it and the
  /// larger after it (Hoare partition around the median of three).
  private static func select(_ k: Int, in buffer: UnsafeMutableBufferPointer<Double>, from low: Int) {
    var low = low
    var high = buffer.count - 1
    while high > low {
      let mid = low + (high - low) / 2
      // Median of three as the pivot.
      if buffer[mid] < buffer[low] { buffer.swapAt(mid, low) }
      if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
      if buffer[high] < buffer[mid] { buffer.swapAt(high, mid) }
      let pivot = buffer[mid]
      var i = low
      var j = high
      while i <= j {
        while buffer[i] < pivot { i += 1 }
        while pivot < buffer[j] { j -= 1 }
        if i <= j {
          buffer.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      // Now buffer[low...j] ≤ pivot ≤ buffer[i...high], and j < i.
      if k <= j {
        high = j
      } else if k >= i {
        low = i
      } else {
        return  // between j and i: equal to the pivot, in place
      }
    }
  }

  /// The smallest value whose share of values at or below it reaches p (nearest rank), for
  /// years.
  public static func nearestRank<T: Comparable>(sorted: [T], _ p: Double) -> T {
    sorted[min(sorted.count, nearestRankNumber(p, count: sorted.count)) - 1]
  }

  /// Spearman's ρ: Pearson's correlation of the ranks (ties share their mean rank); 0 when a
  /// side is constant.
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(ranks(x), ranks(y))
  }

  /// Each value's rank, 1-based; tied values share their mean rank.
  static func ranks(_ values: [Double]) -> [Double] {
    // Sorted as (value, index) pairs: the values sit next to their indices, not behind them.
    let order = values.enumerated().map { (value: $0.element, index: $0.offset) }.sorted { $0.value < $1.value }
    var ranks = [Double](repeating: 0, count: values.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count, order[j + 1].value == order[i].value { j += 1 }
      let mean = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k].index] = mean }
      i = j + 1
    }
    return ranks
  }

  static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    guard n > 1 else { return 0 }
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    guard sxx > 0, syy > 0 else { return 0 }
    return sxy / (sxx * syy).squareRoot()
  }
}
