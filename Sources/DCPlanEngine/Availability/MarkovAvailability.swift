/// Steady-state availability of small continuous-time Markov models, where parts share repair
/// crews or a failover can fail, solved through LAPACK on the generator matrix.
///
/// Construction (docs/conventions.md, "Markov models"): the generator `Q` holds the rate
/// from state i to j at (i, j) and minus the row's total on the diagonal; the steady state π
/// solves `π Q = 0` with `Σ π = 1`. dcplan solves `Qᵀ π = 0` with the last equation replaced by
/// the normalisation (dgesv, LU with partial pivoting).
public enum MarkovAvailability {
  /// The steady-state distribution of a generator given as transitions (from, to, rate) on
  /// `states` states; nil if LAPACK finds the system singular (a state that cannot be left
  /// and is not reached, say).
  public static func steadyState(states: Int, transitions: [(from: Int, to: Int, rate: Double)]) -> [Double]? {
    guard states > 0 else { return [] }
    var generator = Matrix(rows: states, columns: states)
    for t in transitions where t.from != t.to && t.rate > 0 {
      generator[t.from, t.to] += t.rate
      generator[t.from, t.from] -= t.rate
    }
    // Qᵀ π = 0, last row replaced by Σ π = 1.
    var system = Matrix(rows: states, columns: states)
    for i in 0..<states { for j in 0..<states { system[i, j] = generator[j, i] } }
    for j in 0..<states { system[states - 1, j] = 1 }
    var rhs = Matrix(rows: states, columns: 1)
    rhs[states - 1, 0] = 1
    guard let solution = BLAS.solve(system, rhs) else { return nil }
    return solution.storage
  }

  /// `k`-out-of-`n` identical parts (failure rate λ each, repair rate μ per crew) with `crews`
  /// repair crews: a birth–death chain on the number failed, up while at most `n − k` are.
  ///
  /// - Returns: the unavailability, nil if the solve fails.
  public static func kOutOfNUnavailability(k: Int, n: Int, failureRate λ: Double, repairRate μ: Double, crews: Int) -> Double? {
    guard n > 0, k > 0, k <= n else { return k > n ? 1 : 0 }
    guard let π = kOutOfNDistribution(n: n, failureRate: λ, repairRate: μ, crews: crews) else { return nil }
    return π[(n - k + 1)...].reduce(0, +)
  }

  /// The steady-state probability of each number failed (0 … n) of n parts with `crews` crews.
  public static func kOutOfNDistribution(n: Int, failureRate λ: Double, repairRate μ: Double, crews: Int) -> [Double]? {
    guard n > 0 else { return [1] }
    let transitions = (0...n).flatMap { failed -> [(from: Int, to: Int, rate: Double)] in
      var out: [(from: Int, to: Int, rate: Double)] = []
      if failed < n { out.append((failed, failed + 1, Double(n - failed) * λ)) }
      if failed > 0 { out.append((failed, failed - 1, Double(min(failed, max(1, crews))) * μ)) }
      return out
    }
    return steadyState(states: n + 1, transitions: transitions)
  }

  /// Two units, one running and one standing by, one repair crew. The running unit fails at
  /// rate λ, the standby at `standbyFailureRate` (0: cold standby, λ: hot); a switch-over
  /// succeeds with probability `switchSuccess`; a failed switch is done by hand at rate
  /// `manualSwitchRate`. States: 0 both up; 1 one down, service running; 2 one down, switch
  /// failed (service down); 3 both down.
  ///
  /// - Returns: the unavailability, nil if the solve fails.
  public static func standbyUnavailability(
    failureRate λ: Double, standbyFailureRate λs: Double, repairRate μ: Double, switchSuccess c: Double,
    manualSwitchRate σ: Double
  ) -> Double? {
    let transitions: [(from: Int, to: Int, rate: Double)] = [
      (0, 1, λ * c + λs), (0, 2, λ * (1 - c)), (1, 0, μ), (1, 3, λ),
      (2, 1, σ), (2, 0, μ), (2, 3, λs), (3, 1, μ),
    ]
    guard let π = steadyState(states: 4, transitions: transitions) else { return nil }
    return π[2] + π[3]
  }
}
