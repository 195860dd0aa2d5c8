import DCPlanModel

/// The summary figures of a plan or a trial, each once: the results' `summary`, the Monte Carlo
/// bands, the comparison's key figures and the trials' CSV read these names.
public enum SummaryFigure: String, Hashable, Sendable, CaseIterable {
  /// Net present value of all costs (docs/conventions.md, "NPV").
  case npvEUR = "npv_eur"
  /// Capital expenditure over the horizon, undiscounted.
  case totalCapexEUR = "total_capex_eur"
  /// Operating expenditure over the horizon, undiscounted.
  case totalOpexEUR = "total_opex_eur"
  /// Capex plus opex less the residual value over the horizon, undiscounted.
  case tcoEUR = "tco_eur"
  /// The book value of the assets still in service at the horizon's end, undiscounted
  /// (docs/conventions.md, "Residual value").
  case residualValueEUR = "residual_value_eur"
  /// vCPU of demand left unserved where capacity is short, summed over sites and years
  /// (docs/conventions.md, "Planning under uncertainty").
  case unservedVCPUYears = "unserved_vcpu_years"
  /// TiB of stored data left unserved the same way.
  case unservedTiBYears = "unserved_tib_years"
  /// Busy-hour load above links' capacity, summed over links and years.
  case linkOverloadMbpsYears = "link_overload_mbps_years"

  /// A short label for tables ("NPV", "Total capex").
  public var label: String {
    switch self {
    case .npvEUR: return "NPV"
    case .totalCapexEUR: return "Total capex"
    case .totalOpexEUR: return "Total opex"
    case .tcoEUR: return "TCO"
    case .residualValueEUR: return "Residual value"
    case .unservedVCPUYears: return "Unserved vCPU-years"
    case .unservedTiBYears: return "Unserved TiB-years"
    case .linkOverloadMbpsYears: return "Link overload Mbit/s-years"
    }
  }

  /// The figure of a trial.
  public func value(_ outcome: TrialOutcome) -> Double {
    switch self {
    case .npvEUR: return outcome.npvEUR
    case .totalCapexEUR: return outcome.capexEUR
    case .totalOpexEUR: return outcome.opexEUR
    case .tcoEUR: return outcome.tcoEUR
    case .residualValueEUR: return outcome.residualValueEUR
    case .unservedVCPUYears: return outcome.unservedVCPUYears
    case .unservedTiBYears: return outcome.unservedTiBYears
    case .linkOverloadMbpsYears: return outcome.linkOverloadMbpsYears
    }
  }

  /// The figure of a plan.
  public func value(_ results: PlanResults) -> Double {
    switch self {
    case .npvEUR: return results.costs.npvEUR
    case .totalCapexEUR: return results.costs.capexEUR.reduce(0, +)
    case .totalOpexEUR: return results.costs.opexEUR.reduce(0, +)
    case .tcoEUR: return results.costs.totalEUR.reduce(0, +)
    case .residualValueEUR: return results.costs.residualValueEUR
    case .unservedVCPUYears: return results.unserved.vcpuYears
    case .unservedTiBYears: return results.unserved.tibYears
    case .linkOverloadMbpsYears: return results.unserved.linkMbpsYears
    }
  }
}
