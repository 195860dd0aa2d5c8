import DCPlanModel

/// A forecast of demand for planning under uncertainty: per site, class, resource and year,
/// a percentile of the trials' demand (docs/conventions.md, "Planning under uncertainty").
enum ForecastDemand {
  /// The trials the percentile is taken over: the first of the seed's stream, the same draws
  /// the run's trials use, so the forecast does not depend on how many trials run.
  static let trials = 1_000

  /// The `quantile` (0…1) of the first `trials` trials' demand, figure by figure (each site's,
  /// class's, resource's and year's own percentile; sums are percentiles of their own, not sums
  /// of percentiles). Workload counts and per-workload rows stay the deterministic projection's.
  static func percentile(
    _ scenario: Scenario, sampler: Sampler, demand: TrialDemand, quantile: Double, trials n: Int, threads: Int
  ) -> DemandProjection {
    var forecast = DemandStage.project(scenario)
    let onWorkloads = demand.handledSlots(count: sampler.slots.count)
    let scenarioSlotIndices = sampler.slots.indices.filter { !onWorkloads[$0] }
    let scenarioSlots = scenarioSlotIndices.map { sampler.slots[$0] }
    let scenarioElements = Perturbation.elements(of: scenarioSlots, in: scenario)
    var width = 0
    visit(&forecast) { width += $0.count }
    guard n > 0, width > 0 else { return forecast }
    // Column-major: element e of trial t at e · n + t.
    var columns = [Double](repeating: 0, count: width * n)
    var scratch = demand.makeScratch()
    var values = [Double](repeating: 0, count: sampler.slots.count)
    var scenarioDraws = [Double?](repeating: nil, count: scenarioSlots.count)
    var perturbed = scenario
    var projection = forecast
    for t in 0..<n {
      sampler.draws(trial: t, into: &values)
      for (k, s) in scenarioSlotIndices.enumerated() { scenarioDraws[k] = values[s] }
      Perturbation.apply(scenarioDraws, slots: scenarioSlots, elements: scenarioElements, base: scenario, into: &perturbed)
      demand.project(perturbed, draws: values, scratch: &scratch, into: &projection)
      var e = 0
      visit(&projection) { series in
        for value in series where e < width {
          columns[e * n + t] = value
          e += 1
        }
      }
    }
    var e = 0
    visit(&forecast) { series in
      for i in series.indices where e < width {
        var column = Array(columns[(e * n)..<((e + 1) * n)])
        series[i] = Statistics.percentiles(of: &column, [quantile])[0]
        e += 1
      }
    }
    return forecast
  }

  /// Every demand series of `projection` the plan's stages read, in a fixed order.
  static func visit(_ projection: inout DemandProjection, _ body: (inout [Double]) -> Void) {
    for s in projection.sites.indices {
      body(&projection.sites[s].demand.vcpu)
      body(&projection.sites[s].demand.ramGiB)
      body(&projection.sites[s].demand.storageTiB)
      for c in projection.sites[s].byClass.indices {
        body(&projection.sites[s].byClass[c].vcpu)
        body(&projection.sites[s].byClass[c].ramGiB)
        body(&projection.sites[s].byClass[c].storageTiB)
      }
    }
    for c in projection.sharedByClass.indices {
      body(&projection.sharedByClass[c].vcpu)
      body(&projection.sharedByClass[c].ramGiB)
      body(&projection.sharedByClass[c].storageTiB)
    }
    body(&projection.totals.vcpu)
    body(&projection.totals.ramGiB)
    body(&projection.totals.storageTiB)
    body(&projection.tenantTotals)
  }
}
