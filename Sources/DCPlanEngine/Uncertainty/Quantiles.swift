import CKernels
import DCPlanModel

/// Quantile functions (inverse CDFs) of the distributions an uncertain input may have, and
/// the standard normal's CDF; draws are `quantile(u)` of a uniform or copula-correlated `u`.
public enum Quantiles {
  /// Φ(z), the standard normal CDF.
  public static func normalCDF(_ z: Double) -> Double { 0.5 * complementaryError(-z / 2.0.squareRoot()) }

  /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error 1.15e-9) refined
  /// by one Halley step on Φ, to about machine precision.
  public static func standardNormal(_ p: Double) -> Double {
    let q = min(max(p, 1e-300), 1 - 1e-16)
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
             -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
             -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
             4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if q < low {
      let r = (-2 * logarithm(q)).squareRoot()
      x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    } else if q <= 1 - low {
      let r = q - 0.5
      let s = r * r
      x = (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r
        / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1)
    } else {
      let r = (-2 * logarithm(1 - q)).squareRoot()
      x = -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    }
    // Halley: e = Φ(x) − p, u = e · √(2π) · exp(x²/2), x ← x − u / (1 + x·u/2).
    let e = normalCDF(x) - q
    let u = e * (2 * Double.pi).squareRoot() * exponential(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
  }

  /// The value of `distribution` at probability `u` in (0, 1).
  public static func value(_ distribution: Distribution, at u: Double) -> Double {
    let p = min(max(u, 1e-15), 1 - 1e-15)
    switch distribution {
    case let .normal(mean, sd):
      return mean + sd * standardNormal(p)
    case let .logNormal(median, sigma):
      return median * exponential(sigma * standardNormal(p))
    case let .uniform(low, high):
      return low + (high - low) * p
    case let .triangular(low, mode, high):
      let cut = (mode - low) / (high - low)
      return p < cut
        ? low + ((high - low) * (mode - low) * p).squareRoot()
        : high - ((high - low) * (high - mode) * (1 - p)).squareRoot()
    case let .pert(low, mode, high):
      let (alpha, beta) = pertShape(low, mode, high)
      return low + (high - low) * betaQuantile(p, alpha, beta)
    case let .discrete(values, probabilities):
      var cumulative = 0.0
      for (value, probability) in zip(values, probabilities) {
        cumulative += probability
        if p < cumulative { return value }
      }
      return values.last ?? 0
    }
  }

  /// Each uniform in `uniforms` replaced by `distribution`'s quantile at it: the same values as
  /// ``value(_:at:)``, with the constants of a triangular or uniform distribution worked out
  /// once for the whole run (a per-workload input draws thousands per trial).
  public static func values(_ distribution: Distribution, at uniforms: UnsafeMutableBufferPointer<Double>) {
    switch distribution {
    case let .triangular(low, mode, high):
      let cut = (mode - low) / (high - low)
      let below = (high - low) * (mode - low)
      let above = (high - low) * (high - mode)
      // One square root per draw, four draws per vector step where the processor has the
      // units (CKernels; the same values as ``value(_:at:)`` on every path).
      dcplan_triangular_quantiles(uniforms.baseAddress, uniforms.count, low, high, cut, below, above)
    case let .uniform(low, high):
      for i in uniforms.indices { uniforms[i] = low + (high - low) * min(max(uniforms[i], 1e-15), 1 - 1e-15) }
    default:
      for i in uniforms.indices { uniforms[i] = value(distribution, at: uniforms[i]) }
    }
  }

  /// The mean of `distribution`.
  public static func mean(_ distribution: Distribution) -> Double {
    switch distribution {
    case let .normal(mean, _): return mean
    case let .logNormal(median, sigma): return median * exponential(sigma * sigma / 2)
    case let .uniform(low, high): return (low + high) / 2
    case let .triangular(low, mode, high): return (low + mode + high) / 3
    case let .pert(low, mode, high): return (low + 4 * mode + high) / 6
    case let .discrete(values, probabilities): return zip(values, probabilities).reduce(0) { $0 + $1.0 * $1.1 }
    }
  }

  /// The variance of `distribution`.
  public static func variance(_ distribution: Distribution) -> Double {
    switch distribution {
    case let .normal(_, sd): return sd * sd
    case let .logNormal(median, sigma):
      return (exponential(sigma * sigma) - 1) * median * median * exponential(sigma * sigma)
    case let .uniform(low, high): return (high - low) * (high - low) / 12
    case let .triangular(a, c, b): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case let .pert(low, mode, high):
      let (alpha, beta) = pertShape(low, mode, high)
      return (high - low) * (high - low) * alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1))
    case let .discrete(values, probabilities):
      let m = mean(distribution)
      return zip(values, probabilities).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
    }
  }

  /// The beta shapes of a PERT distribution: α = 1 + 4 (mode − min) / (max − min), β = 1 + 4 (max − mode) / (max − min).
  static func pertShape(_ low: Double, _ mode: Double, _ high: Double) -> (Double, Double) {
    (1 + 4 * (mode - low) / (high - low), 1 + 4 * (high - mode) / (high - low))
  }

  /// The regularised incomplete beta function I_x(a, b) by its continued fraction (modified
  /// Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges faster.
  public static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let front = exponential(logGamma(a + b) - logGamma(a) - logGamma(b) + a * logarithm(x) + b * logarithm(1 - x))
    if x < (a + 1) / (a + b + 2) { return front * betaFraction(x, a, b) / a }
    return 1 - front * betaFraction(1 - x, b, a) / b
  }

  private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return h
  }

  /// The p-quantile of Beta(a, b) by bisection on I_x(a, b) (monotone), to 1e-14.
  static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
    // Newton's method on I_x(a, b) − p with the density as slope, kept inside a bracket
    // that shrinks with every step (a step leaving it bisects instead): a handful of
    // evaluations where bisection alone needs about 47.
    var low = 0.0
    var high = 1.0
    var x = a / (a + b)
    let logBeta = logGamma(a) + logGamma(b) - logGamma(a + b)
    for _ in 0..<100 {
      let f = incompleteBeta(x, a, b) - p
      if f < 0 { low = x } else { high = x }
      if f == 0 || high - low < 1e-14 { break }
      let density = exponential((a - 1) * logarithm(x) + (b - 1) * logarithmOnePlus(-x) - logBeta)
      var next = x - f / density
      if !(next > low && next < high) || !next.isFinite { next = (low + high) / 2 }
      if abs(next - x) < 1e-15 { return next }
      x = next
    }
    return x
  }
}
