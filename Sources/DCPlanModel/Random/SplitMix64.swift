/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a small, fast generator whose streams are fixed by the seed on every
/// platform. dcplan draws all its random numbers from it, never from the system
/// (docs/conventions.md, "Determinism").
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator seeded with `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform number in [0, 1) from the top 53 bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform number in `range`.
  public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * unit()
  }

  /// A uniform whole number in `range` (by multiply-shift; bias below 2^-32 for small ranges).
  public mutating func integer(_ range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
  }

  /// A log-normal draw with the given median and spread factor (σ = ln(spread)), via
  /// Box–Muller from two uniform draws.
  public mutating func logNormal(median: Double, spread: Double) -> Double {
    let u1 = max(unit(), 0x1.0p-53)
    let u2 = unit()
    let normal = (-2 * logarithm(u1)).squareRoot() * cosine(2 * Double.pi * u2)
    return median * exponential(normal * logarithm(spread))
  }
}
