import DCPlanModel

/// Keys of the `uncertainty` section.
enum UncertaintySection {
  static let inputs = KeySpec(
    "inputs", .list(UncertainInputSection.spec), default: "none",
    example: "[{path: 'workloads[*].growth', distribution: triangular, min: 4 %, mode: 8 %, max: 14 %}]",
    meaning: "The uncertain inputs, each drawn in every Monte Carlo trial (`dcplan run --trials N`).")
  static let correlations = KeySpec(
    "correlations", .list(CorrelationSection.spec), default: "none", example: "[{between: [growth, energy], rank: 0.5}]",
    meaning: "Rank (Spearman) correlations between inputs that draw once per trial.")
  static let planning = KeySpec(
    "planning", .mapping(PlanningSection.spec), default: "orders on the deterministic forecast, no reviews",
    example: "{forecast: P80, review_every: 2 years}",
    meaning: "How module and link upgrade orders are decided; each trial realises its demand against them (docs/conventions.md, \"Planning under uncertainty\").")
  static let spec = SectionSpec(
    name: "uncertainty", summary: "Uncertain inputs and their correlations (docs/conventions.md, \"Uncertainty\").",
    keys: [inputs, correlations, planning])
}

/// Keys of `uncertainty.planning`.
enum PlanningSection {
  static let forecast = KeySpec(
    "forecast", .text, default: "deterministic", example: "P80",
    meaning: "The demand orders are planned on: 'deterministic' (the scenario's own), or 'P50' … 'P99', that percentile of the trials' demand per site, class, resource and year.")
  static let foresight = KeySpec(
    "foresight", .choice(["forecast", "perfect"]), default: "forecast", example: "perfect",
    meaning: "'perfect': each trial plans on its own future (what a clairvoyant would pay; for comparison).")
  static let reviewEvery = KeySpec(
    "review_every", .quantity(QuantityKind(.duration, example: "2 years")), default: "no reviews", example: "2 years",
    meaning: "Years between reviews: at each, orders not yet placed are planned again on the forecast scaled to the demand observed so far.")
  static let emergencyPremium = KeySpec(
    "emergency_premium", .fraction, default: "0 %", example: "25 %",
    meaning: "The extra paid for servers and storage units bought beyond the forecast plan's purchases of the year.")
  static let spec = SectionSpec(
    name: "planning", summary: "How orders are decided under uncertainty (the 'planning' of section 'uncertainty').",
    keys: [forecast, foresight, reviewEvery, emergencyPremium])
}

/// Keys of one uncertain input.
enum UncertainInputSection {
  static let name = KeySpec("name", .identifier, default: "the path", example: "growth", meaning: "The name tables and correlations use.")
  static let path = KeySpec(
    "path", .text, required: true, example: "'workloads[*].growth'",
    meaning: "The parameter: \(ParameterTarget.allCases.map { "`\($0.pattern)`" }.joined(separator: ", ")); "
      + "X is an id, or `*` for every element, each drawing on its own. Growth rates, shares, overcommit, "
      + "lead times, join delays and the discount rate take the drawn value; amounts with units take the draw as a factor. "
      + "Inside `{…}` write the path in quotes: its brackets would end the value.")
  static let distribution = KeySpec(
    "distribution", .choice(DistributionName.allCases.map(\.rawValue)), required: true, example: "triangular",
    meaning: "normal (mean, sd), log-normal (median, sigma of the logarithm), triangular and pert (min, mode, max), "
      + "uniform (min, max), discrete (values, probabilities).")
  static func parameter(_ key: String, _ example: String, _ meaning: String) -> KeySpec {
    KeySpec(key, .numberOrPercentage, default: "none", example: example, meaning: meaning)
  }
  static let mean = parameter("mean", "8 %", "Mean of a normal distribution.")
  static let sd = parameter("sd", "2 %", "Standard deviation of a normal distribution (> 0).")
  static let median = parameter("median", "1", "Median of a log-normal distribution (> 0).")
  static let sigma = parameter("sigma", "0.2", "Standard deviation of the logarithm of a log-normal distribution (> 0).")
  static let min = parameter("min", "4 %", "Lowest value of a triangular, PERT or uniform distribution.")
  static let mode = parameter("mode", "8 %", "Most likely value of a triangular or PERT distribution.")
  static let max = parameter("max", "14 %", "Highest value of a triangular, PERT or uniform distribution.")
  static let values = KeySpec("values", .numberList, default: "none", example: "[2019, 2020, 2021]", meaning: "Values of a discrete distribution.")
  static let probabilities = KeySpec("probabilities", .numberList, default: "none", example: "[25 %, 50 %, 25 %]",
                                     meaning: "Their probabilities, adding up to 100 %.")
  static let per = KeySpec(
    "per", .choice(["element", "trial"]), default: "element", example: "trial",
    meaning: "With `[*]` in the path: 'element' draws for each element on its own; 'trial' draws once for all of them (a common factor).")
  static let spec = SectionSpec(
    name: "uncertain_input", summary: "One uncertain input (an entry of 'uncertainty.inputs').",
    keys: [name, path, per, distribution, mean, sd, median, sigma, min, mode, max, values, probabilities])
}

/// Keys of a distribution written where a value stands (`growth: {distribution: triangular, ...}`).
enum InlineDistributionSection {
  static let spec = SectionSpec(
    name: "distribution",
    summary: "A distribution in place of a growth rate, share or plain number: that parameter is uncertain "
      + "(docs/conventions.md, \"Uncertainty\"). The deterministic run uses its mode (triangular, PERT), mean (normal), "
      + "median (log-normal), midpoint (uniform) or most probable value (discrete).",
    keys: UncertainInputSection.spec.keys.filter { $0.name != "name" && $0.name != "path" })
}

/// Keys of one rank correlation.
enum CorrelationSection {
  static let between = KeySpec("between", .identifierList("uncertain input"), required: true, example: "[growth, energy]",
                               meaning: "The two inputs' names.")
  static let rank = KeySpec("rank", .number(-1...1), required: true, example: "0.5", meaning: "Spearman's rank correlation, -1 … 1.")
  static let spec = SectionSpec(
    name: "correlation", summary: "A rank correlation between two uncertain inputs (an entry of 'uncertainty.correlations').",
    keys: [between, rank])
}

/// The distribution names a file may use.
enum DistributionName: String, CaseIterable {
  case normal, logNormal = "log-normal", triangular, uniform, pert, discrete
}
