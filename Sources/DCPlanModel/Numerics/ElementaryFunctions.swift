#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The elementary functions the model and the engine use, in one place: the C library's (glibc's libm
// here), so that a change of library is a one-file change.
@inline(__always) public func logarithm(_ x: Double) -> Double { log(x) }
@inline(__always) public func logarithmOnePlus(_ x: Double) -> Double { log1p(x) }
@inline(__always) public func exponential(_ x: Double) -> Double { exp(x) }
@inline(__always) public func cosine(_ x: Double) -> Double { cos(x) }
/// ln Γ(x) for x > 0.
@inline(__always) public func logGamma(_ x: Double) -> Double { lgamma(x) }
/// The complementary error function, 1 − erf(x).
@inline(__always) public func complementaryError(_ x: Double) -> Double { erfc(x) }
/// √x.
@inline(__always) public func squareRoot(_ x: Double) -> Double { x.squareRoot() }
/// sin(x).
@inline(__always) public func sine(_ x: Double) -> Double { sin(x) }
/// atan2(y, x).
@inline(__always) public func arcTangent2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
/// e^x − 1, exact for small x.
@inline(__always) public func exponentialMinusOne(_ x: Double) -> Double { expm1(x) }
