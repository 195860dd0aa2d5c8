import DCPlanModel

/// Telephony's cost per year in two worlds: every phone on legacy lines (a separate voice
/// network), and this plan (legacy until migration, then SIP trunks, IP phones, gateways).
public struct VoiceComparison: Hashable, Sendable {
  /// The separate network per year, EUR.
  public let separateEUR: [Double]
  /// This plan's voice lines per year, EUR.
  public let convergedEUR: [Double]
  /// NPVs at the scenario's discount rate (docs/conventions.md, "NPV").
  public let separateNPV: Double
  /// NPV of this plan's voice lines.
  public let convergedNPV: Double
}

extension PlanResults {
  /// Voice costs against a separate voice network; empty without a voice section.
  public var voiceComparison: VoiceComparison {
    let years = demand.years
    guard let first = years.first else {
      return VoiceComparison(separateEUR: [], convergedEUR: [], separateNPV: 0, convergedNPV: 0)
    }
    var converged = [Double](repeating: 0, count: years.count)
    let voiceCategories: Set<CostCategory> = [.voiceLegacy, .sipTrunks, .ipPhones, .voiceGateways]
    for line in costs.lines where voiceCategories.contains(line.category) { converged[line.year - first] += line.amountEUR }
    let separate = voiceSeparateEUR.isEmpty ? [Double](repeating: 0, count: years.count) : voiceSeparateEUR
    return VoiceComparison(
      separateEUR: separate, convergedEUR: converged, separateNPV: NPV.value(separate, rate: info.discountRate.value),
      convergedNPV: NPV.value(converged, rate: info.discountRate.value))
  }
}
