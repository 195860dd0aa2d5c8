import Foundation

// The elementary functions the engine uses, in one place: Foundation's (glibc's libm here),
// so that a change of library is a one-file change.
@inline(__always) func logarithm(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) func exponential(_ x: Double) -> Double { Foundation.exp(x) }
@inline(__always) func cosine(_ x: Double) -> Double { Foundation.cos(x) }
