import DCPlanModel

/// The Shapley value of a cost game, per player and year (docs/conventions.md, "Cost sharing"):
///
///     φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (c(S ∪ {i}) − c(S))
///
/// exactly from every coalition's cost for up to ``exactLimit`` players, or as the mean
/// marginal cost over random orders of the players beyond (with its standard error).
public enum Shapley {
  /// The most players computed exactly (2^20 coalitions).
  public static let exactLimit = 20

  /// Shapley values from a table of coalition costs: `table[mask · width + y]` is the cost in
  /// year `y` of the coalition whose members are the set bits of `mask`.
  public static func values(table: [Double], players n: Int, width: Int) -> [[Double]] {
    precondition(table.count == (1 << n) * width)
    // weight[s] = s! (n − s − 1)! / n!, built as a ratio to stay finite.
    var weight = [Double](repeating: 0, count: max(1, n))
    if n > 0 {
      weight[0] = 1 / Double(n)
      for s in stride(from: 1, to: n, by: 1) { weight[s] = weight[s - 1] * Double(s) / Double(n - s) }
    }
    var phi = [[Double]](repeating: [Double](repeating: 0, count: width), count: n)
    for mask in 0..<(1 << n) {
      let size = mask.nonzeroBitCount
      guard size < n else { continue }
      let w = weight[size]
      for i in 0..<n where mask & (1 << i) == 0 {
        let with = (mask | (1 << i)) * width
        let without = mask * width
        for y in 0..<width { phi[i][y] += w * (table[with + y] - table[without + y]) }
      }
    }
    return phi
  }

  /// Every coalition's cost of `game`, `table[mask · years + y]`, on `threads` workers (the
  /// table does not depend on the number).
  static func table(_ game: CostGame, threads: Int) -> [Double] {
    let n = game.tenantCount
    let width = game.years.count
    var table = [Double](repeating: 0, count: (1 << n) * width)
    // Tasks: every subset of the first k players, each enumerating the rest depth first;
    // members are always added in ascending order, so sums do not depend on the split.
    let k = min(n, 6)
    let tasks = 1 << k
    table.withUnsafeMutableBufferPointer { buffer in
      let slots = DisjointSlots(base: buffer.baseAddress)
      let workers = max(1, min(threads, tasks))
      Workers.run(workers) { worker in
        var cache = CostGame.Cache()
        for prefix in stride(from: worker, to: tasks, by: workers) {
          var state = game.emptyState()
          for i in 0..<k where prefix & (1 << i) != 0 { game.add(i, to: &state) }
          func visit(_ state: CostGame.State, _ mask: Int, _ next: Int) {
            let value = game.value(state, cache: &cache)
            for y in 0..<width { slots.base?[mask * width + y] = value[y] }
            for j in next..<n {
              var child = state
              game.add(j, to: &child)
              visit(child, mask | (1 << j), j + 1)
            }
          }
          visit(state, prefix, k)
        }
      }
    }
    return table
  }

  /// The sampled estimate: the mean over `samples` random orders (seeded; the same for any
  /// number of threads) of each player's marginal cost per year, and the standard error of
  /// each player's NPV.
  static func sampled(_ game: CostGame, samples: Int, seed: UInt64, rate: Double, threads: Int)
    -> (values: [[Double]], standardErrorNPV: [Double])
  {
    let n = game.tenantCount
    let width = game.years.count
    let count = max(1, samples)
    // A fixed number of blocks of consecutive orders, summed in block order: the result does
    // not depend on the number of threads, and memory stays at 64 blocks whatever the samples.
    let blocks = min(64, count)
    var sums = [Double](repeating: 0, count: blocks * n * width)
    var squares = [Double](repeating: 0, count: blocks * n)
    var npvSums = [Double](repeating: 0, count: blocks * n)
    sums.withUnsafeMutableBufferPointer { sumBuffer in
      squares.withUnsafeMutableBufferPointer { squareBuffer in
        npvSums.withUnsafeMutableBufferPointer { npvBuffer in
          let sumSlots = DisjointSlots(base: sumBuffer.baseAddress)
          let squareSlots = DisjointSlots(base: squareBuffer.baseAddress)
          let npvSlots = DisjointSlots(base: npvBuffer.baseAddress)
          let workers = max(1, min(threads, blocks))
          Workers.run(workers) { worker in
            var cache = CostGame.Cache()
            for block in stride(from: worker, to: blocks, by: workers) {
              for sample in (count * block / blocks)..<(count * (block + 1) / blocks) {
                var random = SplitMix64(seed: FailureSimulation.trialSeed(seed, sample))
                var order = Array(0..<n)
                for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, random.integer(0...i)) }
                var state = game.emptyState()
                var previous = [Double](repeating: 0, count: width)
                for player in order {
                  game.add(player, to: &state)
                  let value = game.value(state, cache: &cache)
                  var marginal = [Double](repeating: 0, count: width)
                  for y in 0..<width {
                    marginal[y] = value[y] - previous[y]
                    sumSlots.base?[(block * n + player) * width + y] += marginal[y]
                  }
                  let npv = NPV.value(marginal, rate: rate)
                  npvSlots.base?[block * n + player] += npv
                  squareSlots.base?[block * n + player] += npv * npv
                  previous = value
                }
              }
            }
          }
        }
      }
    }
    var values = [[Double]](repeating: [Double](repeating: 0, count: width), count: n)
    var errors = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var npv = 0.0
      var square = 0.0
      for block in 0..<blocks {
        for y in 0..<width { values[i][y] += sums[(block * n + i) * width + y] }
        npv += npvSums[block * n + i]
        square += squares[block * n + i]
      }
      for y in 0..<width { values[i][y] /= Double(count) }
      let mean = npv / Double(count)
      let variance = count > 1 ? max(0, (square - Double(count) * mean * mean) / Double(count - 1)) : 0
      errors[i] = (variance / Double(count)).squareRoot()
    }
    return (values, errors)
  }
}
