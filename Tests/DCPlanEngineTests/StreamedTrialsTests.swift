@testable import DCPlanEngine
import DCPlanModel
import DCPlanScenarioFormat
import DCPlanTestSupport
import Testing

/// Runs larger than memory (docs/conventions.md, "Runs larger than memory"): order statistics
/// found by going over the values again against a full sort, and a Monte Carlo run in chunks
/// against the same run kept in memory.
@Suite("runs larger than memory")
struct StreamedTrialsTests {
  /// Values with the awkward cases: ties over whole bins, a heavy tail, one value repeated.
  static func column(_ kind: Int, count: Int, seed: UInt64) -> [Double] {
    var random = SplitMix64(seed: seed)
    func uniform() -> Double { (Double(random.next() >> 11) + 0.5) * 0x1.0p-53 }
    return (0..<count).map { _ in
      switch kind {
      case 0: return uniform()
      case 1: return (uniform() * 7).rounded(.down)  // seven values, many ties
      case 2: return 1 / (uniform() * uniform())  // heavy tail
      case 3: return 42
      case 5: return uniform() < 0.02 ? -.infinity : uniform() > 0.98 ? .infinity : uniform()
      default: return uniform() < 0.9 ? 0 : -1e300 * uniform()  // mostly zero, a few huge
      }
    }
  }

  /// The order statistics `ranks` of each column by ``BinnedColumns`` and
  /// ``OrderStatisticSearch``, the values going past in chunks of `chunk`, the bins from
  /// the first chunk.
  static func searched(_ columns: [[Double]], ranks: [Int], chunk: Int, capacity: Int) -> (values: [[Double]], passes: Int) {
    var bins = BinnedColumns(samples: columns.map { Array($0.prefix(chunk)) }, binCount: 64)
    for (c, column) in columns.enumerated() { for value in column { bins.add(c, value) } }
    bins.finish()
    var search = OrderStatisticSearch(bins: bins, wanted: columns.map { _ in ranks }, capacity: capacity)
    var passes = 1
    while !search.isDone, passes < 100 {
      search.beginPass()
      for (c, column) in columns.enumerated() where search.wants(c) { for value in column { search.observe(c, value, bins: bins) } }
      search.endPass()
      passes += 1
    }
    let values = columns.indices.map { c in ranks.map { search.found[.init(column: c, rank: $0)] ?? .nan } }
    return (values, passes)
  }

  @Test("order statistics found by passes equal a full sort's, whatever the bins and the capacity", arguments: [4, 64, 100_000])
  func orderStatistics(capacity: Int) {
    let count = 5000
    let columns = (0..<6).map { Self.column($0, count: count, seed: UInt64(7 + $0)) }
    let ranks = [0, 1, 499, 500, 2499, 2500, 4499, 4500, 4998, 4999]
    let (values, passes) = Self.searched(columns, ranks: ranks, chunk: 300, capacity: capacity)
    for (c, column) in columns.enumerated() {
      let sorted = column.sorted()
      #expect(values[c] == ranks.map { sorted[$0] }, "column \(c)")
    }
    // A capacity of 4 values makes the search split bins: more passes, the same answer.
    #expect(capacity > 1000 ? passes == 2 : passes > 2)
  }

  @Test("binned ranks are exact for ties over a bin or at its ends and within one bin of the exact rank otherwise")
  func binnedRanks() {
    let count = 4000
    // Column 3: zero in the whole sample (the first 500), then a tenth of the values above
    // zero: one bin holds the tied zeros and the positive values.
    let sparse = Self.column(0, count: count, seed: 43).enumerated().map { $0.offset < 500 || $0.element < 0.9 ? 0 : $0.element }
    let columns = (0..<3).map { Self.column($0, count: count, seed: UInt64(40 + $0)) } + [sparse]
    var bins = BinnedColumns(samples: columns.map { Array($0.prefix(500)) }, binCount: 100)
    for (c, column) in columns.enumerated() { for value in column { bins.add(c, value) } }
    bins.finish()
    for (c, column) in columns.enumerated() {
      let exact = Statistics.ranks(column)
      let widest = bins.counts(c).max() ?? 0
      for (t, value) in column.enumerated() {
        let rank = bins.rank(c, value)
        if c == 1 || (c == 3 && value == 0) {
          #expect(rank == exact[t], "ties share their mean rank")
        } else {
          #expect(abs(rank - exact[t]) <= Double(widest), "column \(c) trial \(t)")
        }
      }
    }
  }

  static func scenario() throws -> Scenario {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("niedersachsen-2025.yaml"))
    return try #require(outcome.scenario, "\(outcome.diagnostics)")
  }

  @Test("a run in chunks gives the kept run's percentiles, means and shortfalls exactly, its rank correlations to 0.001")
  func chunkedRun() throws {
    let scenario = try Self.scenario()
    let trials = 2500
    let kept = MonteCarlo.analyse(scenario, trials: trials, seed: 11, percentiles: [5, 10, 50, 90, 95])
    // A budget of one byte: chunks of the fewest trials, three of them.
    var rows: [Int] = []
    let chunked = MonteCarlo.analyse(
      scenario, trials: trials, seed: 11, percentiles: [5, 10, 50, 90, 95], memoryBudgetBytes: 1
    ) { first, draws, outcomes in
      rows.append(contentsOf: first..<(first + outcomes.count))
      #expect(Array(outcomes) == Array(kept.outcomes[first..<(first + outcomes.count)]))
      #expect(Array(draws) == Array(kept.inputDraws[first..<(first + draws.count)]))
    }
    #expect(rows == Array(0..<trials), "every trial handed on once, in order")
    #expect(kept.passes == 1 && chunked.passes >= 2)
    #expect(chunked.outcomes.isEmpty && chunked.inputDraws.isEmpty, "nothing kept")
    for (a, b) in zip(kept.summary, chunked.summary) {
      #expect(a.figure == b.figure && a.mean == b.mean && a.values == b.values, "\(a.figure)")
    }
    #expect(kept.yearly == chunked.yearly)
    #expect(kept.firstShortfall == chunked.firstShortfall && kept.shortfallShare == chunked.shortfallShare)
    #expect(kept.shortfallProbability.map(\.resource) == chunked.shortfallProbability.map(\.resource))
    #expect(kept.shortfallProbability.map(\.byYear) == chunked.shortfallProbability.map(\.byYear))
    #expect(kept.tornado == chunked.tornado && kept.warnings == chunked.warnings)
    #expect(kept.unservedSeen == chunked.unservedSeen)
    #expect(kept.rankCorrelations.map(\.input).sorted() == chunked.rankCorrelations.map(\.input).sorted())
    for row in kept.rankCorrelations {
      let other = try #require(chunked.rankCorrelations.first { $0.input == row.input })
      #expect(abs(row.npv - other.npv) < 0.001, "\(row.input): \(row.npv) vs \(other.npv)")
      #expect(abs(row.shortfall - other.shortfall) < 0.001, "\(row.input)")
      for (a, b) in zip(row.unserved, other.unserved) { #expect(abs(a - b) < 0.001, "\(row.input)") }
    }
  }

  @Test("chunks of 1, 7 or 64 trials: still the kept run's percentiles and shortfalls", arguments: [1, 7, 64])
  func smallChunks(chunk: Int) throws {
    let scenario = try Self.scenario()
    let kept = MonteCarlo.analyse(scenario, trials: 150, seed: 3, percentiles: [0, 2.5, 50, 97.5, 100])
    let chunked = MonteCarlo.analyse(scenario, trials: 150, seed: 3, percentiles: [0, 2.5, 50, 97.5, 100], chunk: chunk)
    #expect(chunked.passes >= 2)
    #expect(kept.summary.map(\.values) == chunked.summary.map(\.values) && kept.summary.map(\.mean) == chunked.summary.map(\.mean))
    #expect(kept.yearly == chunked.yearly && kept.firstShortfall == chunked.firstShortfall)
    #expect(kept.shortfallProbability.map(\.byYear) == chunked.shortfallProbability.map(\.byYear))
    #expect(kept.warnings == chunked.warnings)
  }

  @Test("insurance in chunks equals insurance in one go")
  func chunkedInsurance() throws {
    let scenario = try Self.scenario()
    let whole = MonteCarlo.insurance(scenario, trials: 300, seed: 4, quantiles: [0.5, 0.9])
    let chunked = MonteCarlo.insurance(scenario, trials: 300, seed: 4, quantiles: [0.5, 0.9], chunk: 70)
    #expect(whole == chunked)
  }
}
