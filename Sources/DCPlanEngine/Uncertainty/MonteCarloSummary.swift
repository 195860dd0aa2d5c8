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
  /// Per trial: each input's draw (element inputs: mean) and the outcome, for `--trials-csv`.
  public let inputNames: [String]
  public let inputDraws: [[Double]]
  public let outcomes: [TrialOutcome]
  /// What planning for higher percentiles costs and buys, when asked for (``MonteCarlo/insurance(_:trials:seed:quantiles:threads:)``).
  public var insurance: [InsuranceRow] = []
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

  /// Runs the trials and summarises them.
  public static func analyse(
    _ file: Scenario, trials: Int, seed: UInt64, percentiles: [Double] = [10, 50, 90], threads: Int = 2,
    progress: WorkProgress? = nil
  ) -> MonteCarloResults {
    let scenario = file.forSharedPlan()
    let (inputDraws, outcomes, sampler, decisions) = runWithDecisions(
      scenario, trials: trials, seed: seed, threads: threads, progress: progress)
    // The baseline and the tornado's ends (one input at its P10 or P90): whole plan runs,
    // shared by the threads, each keeping its routes.
    let inputs = scenario.uncertainty.inputs
    let fixed = [scenario] + inputs.indices.flatMap { i in
      [0.1, 0.9].map { p in Perturbation.apply(sampler.quantileDraws(p, onlyInput: i), slots: sampler.slots, to: scenario) }
    }
    let fixedOutcomes = Self.trials(fixed, decisions: decisions, threads: threads)
    let baseline = fixedOutcomes[0]
    let years = scenario.info.horizon.years
    let ps = percentiles.map { min(100, max(0, $0)) / 100 }
    let figures = SummaryFigure.allCases
    let never = (years.last ?? Year(0)) + 1
    // Each figure's values over the trials, column by column: the summary figures, then each
    // yearly figure by year (one pass over the outcomes, read in place).
    let n = outcomes.count
    let summaryColumns = figures.count + YearlyFigure.allCases.count * years.count
    var filling = [Double](repeating: 0, count: summaryColumns * n)
    outcomes.withUnsafeBufferPointer { outcomes in
      for t in 0..<n {
        for c in figures.indices { filling[c * n + t] = figures[c].value(outcomes[t]) }
        outcomes[t].yearly.withUnsafeBufferPointer { values in
          for i in 0..<min(YearlyFigure.allCases.count * years.count, values.count) { filling[(figures.count + i) * n + t] = values[i] }
        }
      }
    }
    let columns = filling
    @Sendable func column(_ c: Int) -> ArraySlice<Double> { columns[(c * n)..<((c + 1) * n)] }
    // The bands of every column and the ranks for the correlations, on the workers side by side.
    var bands = [[Double]](repeating: [], count: summaryColumns)
    var inputRanks = [[Double]](repeating: [], count: inputs.count)
    let unservedFigures = MonteCarloResults.unservedFigures
    var outputRanks = [[Double]](repeating: [], count: 2 + unservedFigures.count)
    bands.withUnsafeMutableBufferPointer { bandBuffer in
      inputRanks.withUnsafeMutableBufferPointer { inputBuffer in
        outputRanks.withUnsafeMutableBufferPointer { outputBuffer in
          let (bandSlots, inputSlots, outputSlots) = (
            DisjointSlots(base: bandBuffer.baseAddress), DisjointSlots(base: inputBuffer.baseAddress),
            DisjointSlots(base: outputBuffer.baseAddress))
          let jobs = summaryColumns + inputs.count + 2 + unservedFigures.count
          let workers = max(1, min(threads, jobs))
          Workers.run(workers) { worker in
            for job in stride(from: worker, to: jobs, by: workers) {
              if job < summaryColumns {
                var values = Array(column(job))
                bandSlots.base?[job] = Statistics.percentiles(of: &values, ps)
              } else if job < summaryColumns + inputs.count {
                let i = job - summaryColumns
                inputSlots.base?[i] = Statistics.ranks(inputDraws.map { $0[i] })
              } else if job == summaryColumns + inputs.count {
                outputSlots.base?[0] = Statistics.ranks(outcomes.map(\.npvEUR))
              } else if job == summaryColumns + inputs.count + 1 {
                outputSlots.base?[1] = Statistics.ranks(outcomes.map { Double(($0.firstShortfallYear ?? never).number) })
              } else {
                let k = job - summaryColumns - inputs.count - 2
                outputSlots.base?[2 + k] = Statistics.ranks(outcomes.map { unservedFigures[k].value($0) })
              }
            }
          }
        }
      }
    }
    let summary = figures.indices.map { c in
      (figures[c], column(c).reduce(0, +) / Double(max(1, outcomes.count)), bands[c])
    }
    let shortfallYears = outcomes.map { $0.firstShortfallYear ?? never }.sorted()
    let firstShortfall: [Year?] = ps.map { p in
      guard !shortfallYears.isEmpty else { return nil }
      let year = Statistics.nearestRank(sorted: shortfallYears, p)
      return year == never ? nil : year
    }
    let yearly = YearlyFigure.allCases.indices.map { f in
      years.indices.map { y in bands[figures.count + f * years.count + y] }
    }
    let resources = resourceKeys(scenario)
    var probability: [(ShortfallResource, [Double])] = []
    // Per resource: trials whose first shortfall falls in each year, then cumulated.
    let firstYear = years.first ?? Year(0)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: years.count), count: resources.count)
    for outcome in outcomes where !years.isEmpty {
      for (r, year) in outcome.shortfalls.enumerated() where r < resources.count {
        guard let year else { continue }
        counts[r][min(years.count - 1, max(0, year - firstYear))] += 1
      }
    }
    for (r, resource) in resources.enumerated() {
      var cumulative = 0
      let byYear = years.indices.map { y -> Double in
        cumulative += counts[r][y]
        return Double(cumulative) / Double(max(1, outcomes.count))
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
    let correlations = inputs.indices.map { i -> (String, Double, Double, [Double]) in
      (inputs[i].name, Statistics.pearson(inputRanks[i], outputRanks[0]), Statistics.pearson(inputRanks[i], outputRanks[1]),
       unservedFigures.indices.map { Statistics.pearson(inputRanks[i], outputRanks[2 + $0]) })
    }.sorted { abs($0.1) > abs($1.1) }
    var results = MonteCarloResults(
      trials: outcomes.count, seed: seed, percentiles: percentiles, summary: summary, firstShortfall: firstShortfall,
      shortfallShare: Double(outcomes.filter { $0.firstShortfallYear != nil }.count) / Double(max(1, outcomes.count)),
      yearly: yearly, years: years, shortfallProbability: probability, tornado: tornado,
      rankCorrelations: correlations.map { (input: $0.0, npv: $0.1, shortfall: $0.2, unserved: $0.3) }, baseline: baseline,
      inputNames: inputs.map(\.name), inputDraws: inputDraws, outcomes: outcomes)
    results.warnings = baselineWarnings(baseline, outcomes)
    return results
  }

  /// A warning when the baseline's NPV lies outside the trials' P5–P95 band: the file's values
  /// are not a typical draw (a skewed distribution, a mode far from the mean), so the
  /// deterministic figures are not what to expect.
  static func baselineWarnings(_ baseline: TrialOutcome, _ outcomes: [TrialOutcome]) -> [PlanWarning] {
    guard outcomes.count >= 20 else { return [] }
    var npv = outcomes.map(\.npvEUR)
    let band = Statistics.percentiles(of: &npv, [0.05, 0.95])
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
    // The ranks each percentile reads: below and above its position p · (n − 1).
    let positions = ps.map { p -> (below: Int, above: Int, weight: Double) in
      let rank = p * Double(n - 1)
      let below = Int(rank.rounded(.down))
      return (below, min(n - 1, below + 1), rank - Double(below))
    }
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
    let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
    return sorted[min(sorted.count, rank) - 1]
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
