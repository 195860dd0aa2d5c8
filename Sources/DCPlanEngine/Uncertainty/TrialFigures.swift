import DCPlanModel

/// What a Monte Carlo run's summary takes from its trials: percentiles and means of every
/// figure, shortfall counts and shares, rank correlations. Made from the trials kept in
/// memory, or from trials run in chunks and gone over again (docs/conventions.md, "Runs
/// larger than memory"); both give the same figures but for the rank correlations.
struct TrialFigures {
  /// Per ``SummaryFigure``: the mean over the trials.
  var means: [Double]
  /// Per column (the summary figures, then each ``YearlyFigure`` by year): the values at each
  /// percentile (Hyndman–Fan type 7).
  var bands: [[Double]]
  /// The first shortfall year at each percentile (nearest rank; nil: none by the horizon's end).
  var firstShortfall: [Year?]
  /// The share of trials with a shortfall.
  var shortfallShare: Double
  /// Per resource (``MonteCarlo/resourceKeys(_:)``) and year: the trials first short then.
  var shortfallCounts: [[Int]]
  /// Per input: Spearman's ρ of its draw with NPV, the first shortfall year and each of
  /// ``MonteCarloResults/unservedFigures``.
  var correlations: [[Double]]
  /// Per ``MonteCarloResults/unservedFigures``: whether some trial left it above zero.
  var unservedSeen: [Bool]
  /// NPV's P5 and P95 (for the baseline's warning).
  var npvBand: [Double]
  /// How many times the trials were run.
  var passes = 1

  /// The quantiles of the NPV band the baseline is checked against.
  static let npvBandQuantiles = [0.05, 0.95]

  /// The figures of trials kept in memory: percentiles selected in place, ranks exact.
  init(_ scenario: Scenario, draws inputDraws: [[Double]], outcomes: [TrialOutcome], ps: [Double], threads: Int) {
    let years = scenario.info.horizon.years
    let figures = SummaryFigure.allCases
    let never = (years.last ?? Year(0)) + 1
    let inputCount = scenario.uncertainty.inputs.count
    let unservedFigures = MonteCarloResults.unservedFigures
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
    var inputRanks = [[Double]](repeating: [], count: inputCount)
    var outputRanks = [[Double]](repeating: [], count: 2 + unservedFigures.count)
    bands.withUnsafeMutableBufferPointer { bandBuffer in
      inputRanks.withUnsafeMutableBufferPointer { inputBuffer in
        outputRanks.withUnsafeMutableBufferPointer { outputBuffer in
          let (bandSlots, inputSlots, outputSlots) = (
            DisjointSlots(base: bandBuffer.baseAddress), DisjointSlots(base: inputBuffer.baseAddress),
            DisjointSlots(base: outputBuffer.baseAddress))
          let jobs = summaryColumns + inputCount + 2 + unservedFigures.count
          let workers = max(1, min(threads, jobs))
          Workers.run(workers) { worker in
            for job in stride(from: worker, to: jobs, by: workers) {
              if job < summaryColumns {
                var values = Array(column(job))
                bandSlots.base?[job] = Statistics.percentiles(of: &values, ps)
              } else if job < summaryColumns + inputCount {
                let i = job - summaryColumns
                inputSlots.base?[i] = Statistics.ranks(inputDraws.map { $0[i] })
              } else if job == summaryColumns + inputCount {
                outputSlots.base?[0] = Statistics.ranks(outcomes.map(\.npvEUR))
              } else if job == summaryColumns + inputCount + 1 {
                outputSlots.base?[1] = Statistics.ranks(outcomes.map { Double(($0.firstShortfallYear ?? never).number) })
              } else {
                let k = job - summaryColumns - inputCount - 2
                outputSlots.base?[2 + k] = Statistics.ranks(outcomes.map { unservedFigures[k].value($0) })
              }
            }
          }
        }
      }
    }
    self.bands = bands
    means = figures.indices.map { column($0).reduce(0, +) / Double(max(1, n)) }
    let shortfallYears = outcomes.map { $0.firstShortfallYear ?? never }.sorted()
    firstShortfall = ps.map { p in
      guard !shortfallYears.isEmpty else { return nil }
      let year = Statistics.nearestRank(sorted: shortfallYears, p)
      return year == never ? nil : year
    }
    shortfallShare = Double(outcomes.filter { $0.firstShortfallYear != nil }.count) / Double(max(1, n))
    var counts = Self.emptyShortfallCounts(scenario)
    for outcome in outcomes { Self.countShortfalls(outcome, years: years, into: &counts) }
    shortfallCounts = counts
    correlations = inputRanks.map { ranks in outputRanks.map { Statistics.pearson(ranks, $0) } }
    unservedSeen = unservedFigures.map { figure in outcomes.contains { figure.value($0) > 0 } }
    var npv = Array(column(0))
    npvBand = n > 0 ? Statistics.percentiles(of: &npv, Self.npvBandQuantiles) : []
  }

  /// Per resource, a count for each year.
  static func emptyShortfallCounts(_ scenario: Scenario) -> [[Int]] {
    let years = scenario.info.horizon.count
    return Array(repeating: Array(repeating: 0, count: years), count: MonteCarlo.resourceKeys(scenario).count)
  }

  /// Counts `outcome`'s first shortfall of each resource in its year.
  static func countShortfalls(_ outcome: TrialOutcome, years: [Year], into counts: inout [[Int]]) {
    guard let firstYear = years.first else { return }
    for (r, year) in outcome.shortfalls.enumerated() where r < counts.count {
      guard let year else { continue }
      counts[r][min(years.count - 1, max(0, year - firstYear))] += 1
    }
  }
}
