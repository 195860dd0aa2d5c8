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
///   infrastructures are up; with its data split between the sites, `P(up) = a_A a_B
///   (1 − c̄_A c̄_B) s_A s_B`; plus the failover windows, first order;
/// - twin sites without failover (each site serves its load share σ of the service): the
///   share of the load without service, `U = Σ_X σ_X (1 − P(X serves))`, `P(A serves) =
///   a_A c_A (s_A + (1 − s_A) a_B s_B)` mirrored, `a_A c_A s_A a_B s_B` split;
/// - a twin class that can take over only part of the load (a failover share between its own
///   load share and 100 %): `U = φ U_failover + (1 − φ) U_no-failover`, φ the share of the
///   lost site's load the survivor can carry, weighted by the load shares.
enum ServiceModel {
  /// How a service's data is kept between twin sites.
  enum DataMode {
    /// A full copy at each twin (or no data): either site's copy serves.
    case mirrored
    /// Each twin holds its share of the data: both are needed.
    case split
  }

  /// One site: `1 − a c s`.
  static func singleSite(_ x: SideParts) -> Double { 1 - x.a * x.c * x.s }

  /// Twin sites, the service failing over: the steady-state unavailability (no windows).
  static func failover(_ x: SideParts, _ y: SideParts, data: DataMode) -> Double {
    failover(a: (x.a, y.a), c: (x.c, y.c), s: (x.s, y.s), data: data)
  }

  static func failover(a: (Double, Double), c: (Double, Double), s: (Double, Double), data: DataMode) -> Double {
    let computeEither = 1 - (1 - c.0) * (1 - c.1)
    switch data {
    case .mirrored:
      let dataEither = 1 - (1 - s.0) * (1 - s.1)
      let up = a.0 * a.1 * computeEither * dataEither + a.0 * (1 - a.1) * c.0 * s.0 + (1 - a.0) * a.1 * c.1 * s.1
      return 1 - up
    case .split:
      return 1 - a.0 * a.1 * computeEither * s.0 * s.1
    }
  }

  /// Twin sites without failover: the share of the service's load without service.
  static func loadShared(_ x: SideParts, _ y: SideParts, shares: (Double, Double), data: DataMode) -> Double {
    loadShared(a: (x.a, y.a), c: (x.c, y.c), s: (x.s, y.s), shares: shares, data: data)
  }

  static func loadShared(
    a: (Double, Double), c: (Double, Double), s: (Double, Double), shares: (Double, Double), data: DataMode
  ) -> Double {
    func serves(_ a: Double, _ c: Double, _ s: Double, _ otherA: Double, _ otherS: Double) -> Double {
      switch data {
      case .mirrored: return a * c * (s + (1 - s) * otherA * otherS)
      case .split: return a * c * s * otherA * otherS
      }
    }
    return shares.0 * (1 - serves(a.0, c.0, s.0, a.1, s.1)) + shares.1 * (1 - serves(a.1, c.1, s.1, a.0, s.0))
  }

  /// The failover windows' unavailability, first order: each down episode of one side's
  /// infrastructure or clusters while the other side is up costs `failover_time` if the
  /// failover succeeds, else E[min(M, D)] = 1 / (1/manual + 1/D) (M the manual switch, D the
  /// episode's mean length): `(1 − U_B) Σ_A rate · window + (1 − U_A) Σ_B rate · window`.
  static func windows(_ x: SideParts, _ y: SideParts, components: Components) -> Double {
    func sum(_ side: SideParts) -> Double {
      side.episodes().reduce(0) { total, kind in
        let manual = kind.meanDownHours > 0 ? 1 / (1 / components.manualSwitchHours + 1 / kind.meanDownHours) : 0
        return total + kind.rate * (components.failoverSuccess.value * components.failoverHours
          + (1 - components.failoverSuccess.value) * manual)
      }
    }
    return min(1, y.a * y.c * sum(x) + x.a * x.c * sum(y))
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
