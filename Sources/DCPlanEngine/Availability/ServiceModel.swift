import DCPlanModel

/// The availability of one service from the parts it uses (docs/conventions.md, "Service
/// availability"): closed forms over independent parts, the same structure the failure
/// simulation runs (``structure(...)``).
///
/// With `a`, `c`, `s` the probabilities that a site's infrastructure, the service's clusters
/// there and its storage there are up:
///
/// - one site: `U = 1 − a c s`;
/// - twin sites A and B, the service failing over (it runs where a side is up):
///   with its data mirrored (a full copy at each), `P(up) = a_A a_B (1 − c̄_A c̄_B)(1 − s̄_A s̄_B)
///   + a_A (1 − a_B) c_A s_A + (1 − a_A) a_B c_B s_B` (c̄ = 1 − c), conditioning on which
///   infrastructures are up; with a full copy at A only, `P(up) = a_A s_A (1 − c̄_A (1 − a_B
///   c_B))`; with its data split between the sites, `P(up) = a_A a_B (1 − c̄_A c̄_B) s_A s_B`;
///   plus the failover windows, first order;
/// - twin sites without failover (each site serves its load share σ of the service): the
///   share of the load without service, `U = Σ_X σ_X (1 − P(X serves))`, `P(A serves) =
///   a_A c_A (s_A + (1 − s_A) a_B s_B)` mirrored, `a_A c_A s_A` with the copy at A,
///   `a_A c_A a_B s_B` with it at B, `a_A c_A s_A a_B s_B` split;
/// - a twin class that can take over only part of the load (a failover share between its own
///   load share and 100 %): `U = φ U_failover + (1 − φ) U_no-failover`, φ the share of the
///   lost site's load the survivor can carry, weighted by the load shares.
enum ServiceModel {
  /// How a service's data is kept between twin sites.
  enum DataMode: Equatable {
    /// A full copy at each twin (or no data): either site's copy serves.
    case mirrored
    /// A full copy at one twin only (index 0 or 1; the other holds part of one or none).
    case onlyAt(Int)
    /// No twin holds a full copy: both are needed.
    case split

    /// Whether the data can be read with the twins' infrastructure up as given and their
    /// storage up with probabilities `s`.
    func available(_ up: (Bool, Bool), _ s: (Double, Double)) -> Double {
      switch self {
      case .mirrored: return 1 - (up.0 ? 1 - s.0 : 1) * (up.1 ? 1 - s.1 : 1)
      case let .onlyAt(i): return i == 0 ? (up.0 ? s.0 : 0) : (up.1 ? s.1 : 0)
      case .split: return up.0 && up.1 ? s.0 * s.1 : 0
      }
    }
  }

  /// One site: `1 − a c s`.
  static func singleSite(_ x: SideParts) -> Double { 1 - x.a * x.c * x.s }

  /// The four states of the twins' infrastructure (up or down) and their probabilities.
  private static func infrastructureStates(_ a: (Double, Double)) -> [(up: (Bool, Bool), p: Double)] {
    [((true, true), a.0 * a.1), ((true, false), a.0 * (1 - a.1)), ((false, true), (1 - a.0) * a.1)]
  }

  /// Twin sites, the service failing over: the steady-state unavailability (no windows),
  /// conditioning on which infrastructures are up: the service runs if a side with its
  /// infrastructure up has its clusters up and the data can be read.
  static func failover(a: (Double, Double), c: (Double, Double), s: (Double, Double), data: DataMode) -> Double {
    var up = 0.0
    for state in infrastructureStates(a) {
      let compute = 1 - (state.up.0 ? 1 - c.0 : 1) * (state.up.1 ? 1 - c.1 : 1)
      up += state.p * compute * data.available(state.up, s)
    }
    return 1 - up
  }

  /// Twin sites without failover: the share of the service's load without service, each twin
  /// serving its share while its infrastructure and clusters are up and the data can be read.
  static func loadShared(
    a: (Double, Double), c: (Double, Double), s: (Double, Double), shares: (Double, Double), data: DataMode
  ) -> Double {
    var served = (0.0, 0.0)
    for state in infrastructureStates(a) {
      let readable = data.available(state.up, s)
      if state.up.0 { served.0 += state.p * c.0 * readable }
      if state.up.1 { served.1 += state.p * c.1 * readable }
    }
    return shares.0 * (1 - served.0) + shares.1 * (1 - served.1)
  }

  /// The failover windows' unavailability, first order: each down episode of one side's
  /// infrastructure or clusters while the other side is up interrupts that side's share σ of
  /// the service's load for the failover, when the service can run after it (the other side's
  /// clusters up, its data readable without the failed side): E[min(F, D)] = D (1 − e^(−F/D))
  /// if the failover succeeds (it takes F; the side may be back first: D is the episode's mean
  /// length, taken as exponential), else until the manual switch or the repair,
  /// E[min(M, D)] = 1 / (1/M + 1/D): `σ_A (1 − U_B) Σ_A rate · window · P(readable)` and the same
  /// for B. An episode after which the data cannot be read is down anyway (the steady-state
  /// term counts it) and adds no window.
  static func windows(
    _ x: SideParts, _ y: SideParts, shares: (Double, Double), data: DataMode, components: Components
  ) -> Double {
    let s = (x.s, y.s)
    func sum(_ side: SideParts, primary: Int) -> Double {
      // Readable after the failover: with the primary's infrastructure down, or only its clusters.
      let infrastructureDown = data.available(primary == 0 ? (false, true) : (true, false), s)
      let clustersDown = data.available((true, true), s)
      return side.episodes().reduce(0) { total, kind in
        guard kind.meanDownHours > 0 else { return total }
        let d = kind.meanDownHours
        let automatic = d * -exponentialMinusOne(-components.failoverHours / d)
        let manual = 1 / (1 / components.manualSwitchHours + 1 / d)
        let window = components.failoverSuccess.value * automatic + (1 - components.failoverSuccess.value) * manual
        return total + kind.rate * window * (kind.infrastructure ? infrastructureDown : clustersDown)
      }
    }
    return min(1, shares.0 * y.a * y.c * sum(x, primary: 0) + shares.1 * x.a * x.c * sum(y, primary: 1))
  }

  /// The share of one twin's class load the other can take over, weighted by load shares: a
  /// survivor sized for `failoverShare` of the class's whole shared load carries, beyond its own
  /// share σ_X, `(f − σ_X) / σ_Y` of the lost site's load (clamped to 0 … 1).
  static func failoverFraction(failoverShare f: Double, shares: (Double, Double)) -> Double {
    func carried(lost: Double, survivor: Double) -> Double {
      lost > 0 ? min(1, max(0, (f - survivor) / lost)) : 0
    }
    return shares.0 * carried(lost: shares.0, survivor: shares.1) + shares.1 * carried(lost: shares.1, survivor: shares.0)
  }
}
