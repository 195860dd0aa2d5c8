import DCPlanModel

/// Steady-state availability of independent parts combined in a reliability block diagram
/// (series, parallel, k-out-of-n). Unavailability is carried alongside, so that five nines do
/// not lose their digits in `1 − A` (docs/conventions.md, "Availability").
public enum Availability {
  /// A repairable part's availability, `MTBF / (MTBF + MTTR)`.
  public static func part(mtbfHours: Double, mttrHours: Double) -> Double {
    mtbfHours / (mtbfHours + mttrHours)
  }

  /// A part's unavailability, `MTTR / (MTBF + MTTR)`.
  public static func unavailability(mtbfHours: Double, mttrHours: Double) -> Double {
    mttrHours / (mtbfHours + mttrHours)
  }

  /// All parts needed: `Π A_i`.
  public static func series(_ availabilities: [Double]) -> Double {
    availabilities.reduce(1, *)
  }

  /// One part of several is enough: `1 − Π (1 − A_i)`, given as unavailabilities `U_i`.
  public static func parallelUnavailability(_ unavailabilities: [Double]) -> Double {
    unavailabilities.reduce(1, *)
  }

  /// Unavailability of `k`-out-of-`n` identical independent parts with unavailability `u`:
  /// the probability that more than `n − k` have failed,
  /// `Σ_{f = n−k+1}^{n} C(n, f) u^f (1 − u)^{n−f}`, each term from log-gamma (no factorial,
  /// no underflow of `(1 − u)^n`), summed until a term adds less than 1e-17.
  public static func kOutOfNUnavailability(k: Int, n: Int, unavailability u: Double) -> Double {
    guard n > 0, k > 0 else { return 0 }
    guard k <= n else { return 1 }
    guard u > 0 else { return 0 }
    guard u < 1 else { return 1 }
    let logU = logarithm(u)
    let logUp = logarithmOnePlus(-u)
    let logNFactorial = logGamma(Double(n) + 1)
    var sum = 0.0
    for failed in (n - k + 1)...n {
      let logTerm = logNFactorial - logGamma(Double(failed) + 1) - logGamma(Double(n - failed) + 1)
        + Double(failed) * logU + Double(n - failed) * logUp
      let term = exponential(logTerm)
      sum += term
      if term < 1e-17 * sum { break }
    }
    return min(1, sum)
  }

  /// Expected downtime in minutes per year of 365 days (docs/conventions.md, "Time").
  public static func downtimeMinutesPerYear(unavailability: Double) -> Double {
    unavailability * 365 * 24 * 60
  }
}
