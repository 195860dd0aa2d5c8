import DCPlanModel

extension TrialFigures {
  /// Bins per column for the percentiles: a wanted rank's bin holds about trials / 1,024
  /// values, kept in the second pass.
  static let percentileBins = 1024
  /// Bins per column for the ranks of the rank correlations.
  static let rankBins = 16384

  /// The figures of `trials` trials run `chunk` at a time, none kept: a first pass counts
  /// every figure into bins whose edges are quantiles of the first chunk's figures (and sums
  /// the means, counts the shortfalls, hands each chunk to `eachChunk`); a second pass keeps
  /// the values of the bins the percentiles lie in and sums the products of the ranks, which
  /// are exact to within their bin (``BinnedColumns/rank(_:_:)``). A bin with more values
  /// than a chunk (at least 4,096) is split and counted again, one pass more.
  init(
    _ runner: TrialRunner, trials count: Int, chunk: Int, ps: [Double], threads: Int, progress: WorkProgress?,
    eachChunk: (_ firstTrial: Int, _ draws: ArraySlice<[Double]>, _ outcomes: ArraySlice<TrialOutcome>) throws -> Void
  ) rethrows {
    let scenario = runner.scenario
    let years = scenario.info.horizon.years
    let figures = SummaryFigure.allCases
    let never = (years.last ?? Year(0)) + 1
    let inputCount = scenario.uncertainty.inputs.count
    let unservedFigures = MonteCarloResults.unservedFigures
    let yearlyCount = YearlyFigure.allCases.count * years.count
    let summaryColumns = figures.count + yearlyCount
    let outputCount = 2 + unservedFigures.count
    func summaryValue(_ outcome: TrialOutcome, _ c: Int) -> Double {
      c < figures.count ? figures[c].value(outcome) : (c - figures.count < outcome.yearly.count ? outcome.yearly[c - figures.count] : 0)
    }
    func outputValue(_ outcome: TrialOutcome, _ k: Int) -> Double {
      k == 0 ? outcome.npvEUR : k == 1 ? Double((outcome.firstShortfallYear ?? never).number) : unservedFigures[k - 2].value(outcome)
    }
    func chunks() -> StrideTo<Int> { stride(from: 0, to: count, by: max(1, chunk)) }

    // Pass 1: sums, shortfall counts and the bins.
    var sums = [Double](repeating: 0, count: figures.count)
    var sampledPercentiles: BinnedColumns?
    var sampledRanks: BinnedColumns?
    var shortfallYears: [Int: Int] = [:]
    var shortfallTrials = 0
    var counts = Self.emptyShortfallCounts(scenario)
    var seen = [Bool](repeating: false, count: unservedFigures.count)
    for start in chunks() {
      let (draws, outcomes) = runner.run(start..<min(count, start + chunk), threads: threads, progress: progress)
      try eachChunk(start, draws[...], outcomes[...])
      if sampledPercentiles == nil {
        sampledPercentiles = BinnedColumns(
          samples: (0..<summaryColumns).map { c in outcomes.map { summaryValue($0, c) } }, binCount: Self.percentileBins)
        sampledRanks = BinnedColumns(
          samples: (0..<inputCount).map { i in draws.map { $0[i] } } + (0..<outputCount).map { k in outcomes.map { outputValue($0, k) } },
          binCount: Self.rankBins)
      }
      for (draw, outcome) in zip(draws, outcomes) {
        for c in 0..<summaryColumns {
          let value = summaryValue(outcome, c)
          if c < figures.count { sums[c] += value }
          sampledPercentiles!.add(c, value)
        }
        for i in 0..<inputCount { sampledRanks!.add(i, draw[i]) }
        for k in 0..<outputCount { sampledRanks!.add(inputCount + k, outputValue(outcome, k)) }
        shortfallYears[(outcome.firstShortfallYear ?? never).number, default: 0] += 1
        if outcome.firstShortfallYear != nil { shortfallTrials += 1 }
        Self.countShortfalls(outcome, years: years, into: &counts)
        for k in unservedFigures.indices where unservedFigures[k].value(outcome) > 0 { seen[k] = true }
      }
    }
    // (A run in chunks has a first chunk; without one, every bin is empty.)
    var percentileColumns = sampledPercentiles ?? BinnedColumns(samples: Array(repeating: [], count: summaryColumns), binCount: 1)
    var rankColumns = sampledRanks ?? BinnedColumns(samples: Array(repeating: [], count: inputCount + outputCount), binCount: 1)
    percentileColumns.finish()
    rankColumns.finish()

    // The ranks each percentile reads, as Statistics.percentiles reads them; NPV's P5 and P95 besides.
    let wantedPlaces = Statistics.places(ps, count: count)
    let bandPlaces = Statistics.places(Self.npvBandQuantiles, count: count)
    var wanted = [[Int]](repeating: wantedPlaces.flatMap { [$0.below, $0.above] }, count: summaryColumns)
    wanted[0] += bandPlaces.flatMap { [$0.below, $0.above] }
    var search = OrderStatisticSearch(bins: percentileColumns, wanted: wanted, capacity: max(4096, chunk))

    // Pass 2 (and more while a wanted rank's bin must be split): the percentiles' bins and
    // the ranks' products, centred on the middle rank (n + 1) / 2 for accuracy.
    let middle = Double(count + 1) / 2
    var inputSums = [Double](repeating: 0, count: inputCount)
    var inputSquares = [Double](repeating: 0, count: inputCount)
    var outputSums = [Double](repeating: 0, count: outputCount)
    var outputSquares = [Double](repeating: 0, count: outputCount)
    var products = [Double](repeating: 0, count: inputCount * outputCount)
    var inputRanks = [Double](repeating: 0, count: inputCount)
    var outputRanks = [Double](repeating: 0, count: outputCount)
    var passes = 1
    var ranksDone = inputCount == 0
    // Each split narrows a window to one part of its values' span; a few passes settle any
    // figures the engine gives (the bound only guards against values that are not numbers).
    while (!search.isDone || !ranksDone) && passes < 64 {
      search.beginPass()
      let wantedColumns = (0..<summaryColumns).filter { search.wants($0) }
      for start in chunks() {
        let (draws, outcomes) = runner.run(
          start..<min(count, start + chunk), threads: threads, progress: passes == 1 ? progress : nil)
        for (draw, outcome) in zip(draws, outcomes) {
          for c in wantedColumns { search.observe(c, summaryValue(outcome, c), bins: percentileColumns) }
          guard !ranksDone else { continue }
          for i in 0..<inputCount {
            let r = rankColumns.rank(i, draw[i]) - middle
            inputRanks[i] = r
            inputSums[i] += r
            inputSquares[i] += r * r
          }
          for k in 0..<outputCount {
            let r = rankColumns.rank(inputCount + k, outputValue(outcome, k)) - middle
            outputRanks[k] = r
            outputSums[k] += r
            outputSquares[k] += r * r
          }
          for i in 0..<inputCount {
            for k in 0..<outputCount { products[i * outputCount + k] += inputRanks[i] * outputRanks[k] }
          }
        }
      }
      search.endPass()
      ranksDone = true
      passes += 1
    }

    let n = Double(count)
    func percentile(_ c: Int, _ place: (below: Int, above: Int, weight: Double)) -> Double {
      let below = search.found[OrderStatisticSearch.Key(column: c, rank: place.below)] ?? .nan
      let above = search.found[OrderStatisticSearch.Key(column: c, rank: place.above)] ?? .nan
      return below + (above - below) * place.weight
    }
    bands = (0..<summaryColumns).map { c in wantedPlaces.map { percentile(c, $0) } }
    npvBand = bandPlaces.map { percentile(0, $0) }
    means = sums.map { $0 / n }
    let sortedYears = shortfallYears.sorted { $0.key < $1.key }
    firstShortfall = ps.map { p in
      let rank = Statistics.nearestRankNumber(p, count: count)
      var cumulative = 0
      for (year, trials) in sortedYears {
        cumulative += trials
        if cumulative >= rank { return year == never.number ? nil : Year(year) }
      }
      return nil
    }
    shortfallShare = Double(shortfallTrials) / n
    shortfallCounts = counts
    correlations = (0..<inputCount).map { i in
      (0..<outputCount).map { k in
        let sxy = products[i * outputCount + k] - inputSums[i] * outputSums[k] / n
        let sxx = inputSquares[i] - inputSums[i] * inputSums[i] / n
        let syy = outputSquares[k] - outputSums[k] * outputSums[k] / n
        guard sxx > 0, syy > 0 else { return 0 }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
      }
    }
    unservedSeen = seen
    self.passes = passes
  }
}
