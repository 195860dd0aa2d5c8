import DCPlanModel

/// The trials of one Monte Carlo run, set up once and run over any range of trial numbers,
/// as often as needed: trial t's draws come from its own stream (``Sampler/draws(trial:into:)``),
/// so running a range again gives the same outcomes, bit for bit. A run whose figures do not
/// fit in memory goes over its trials more than once (``MonteCarlo/analyse(_:trials:seed:percentiles:threads:progress:memoryBudgetBytes:chunk:eachChunk:)``).
struct TrialRunner {
  /// The plan's scenario (the sites only standalone plans use left out).
  let scenario: Scenario
  let sampler: Sampler
  /// Demand projected in a batch over the workloads, their draws put in directly.
  let demand: TrialDemand
  /// The draws the demand kernel does not take, which go into a copy of the scenario.
  let scenarioSlotIndices: [Int]
  let scenarioSlots: [Sampler.Slot]
  let scenarioElements: [[Int]]
  /// The forecast plan's orders the trials realise their demand against (nil: perfect foresight).
  let decisions: PlanDecisions?
  /// What each worker keeps from trial to trial, and from one range of trials to the next
  /// (a run in chunks calls ``run(_:threads:progress:)`` once per chunk and pass).
  private let workers: [Worker]

  /// One worker's routes, scratch arrays, perturbed scenario and capacity plan, which each
  /// trial rewrites; only that worker touches them, and ranges run one after another.
  private final class Worker: @unchecked Sendable {
    /// Trials never change the topology: a worker keeps the routes it has found.
    let routes = RouteCache()
    var scratch: TrialDemand.Scratch
    var scenarioDraws: [Double?]
    var values: [Double]
    var plan: CapacityPlan?
    var perturbed: Scenario

    init(_ runner: (scenario: Scenario, demand: TrialDemand, slots: Int, scenarioSlots: Int)) {
      scratch = runner.demand.makeScratch()
      scenarioDraws = Array(repeating: nil, count: runner.scenarioSlots)
      values = Array(repeating: 0, count: runner.slots)
      perturbed = runner.scenario
    }
  }

  init(_ file: Scenario, seed: UInt64, threads: Int) {
    scenario = file.forSharedPlan()
    sampler = Sampler(scenario, seed: seed)
    demand = TrialDemand(scenario, sampler: sampler)
    let onWorkloads = demand.handledSlots(count: sampler.slots.count)
    let (scenario, sampler, demand) = (scenario, sampler, demand)
    let indices = sampler.slots.indices.filter { !onWorkloads[$0] }
    let slots = indices.map { sampler.slots[$0] }
    scenarioSlotIndices = indices
    scenarioSlots = slots
    scenarioElements = Perturbation.elements(of: slots, in: scenario)
    decisions = MonteCarlo.planningDecisions(scenario, sampler: sampler, demand: demand, threads: threads)
    workers = (0..<max(1, threads)).map { _ in
      Worker((scenario, demand, sampler.slots.count, slots.count))
    }
  }

  /// Runs trials `trials` on `threads` workers; returns, in trial order, each trial's input
  /// draws (an input drawn per element: the mean of its elements' draws) and its outcome.
  func run(_ trials: Range<Int>, threads: Int, progress: WorkProgress?) -> (draws: [[Double]], outcomes: [TrialOutcome]) {
    let count = trials.count
    var outcomes = [TrialOutcome?](repeating: nil, count: count)
    var draws = [[Double]](repeating: [], count: count)
    outcomes.withUnsafeMutableBufferPointer { outcomeBuffer in
      draws.withUnsafeMutableBufferPointer { drawBuffer in
        let outcomeSlots = DisjointSlots(base: outcomeBuffer.baseAddress)
        let drawSlots = DisjointSlots(base: drawBuffer.baseAddress)
        let workers = max(1, min(threads, count, self.workers.count))
        Workers.run(workers) { worker in
          // The worker's state taken into locals for the loop and handed back after it.
          let state = self.workers[worker]
          let routes = state.routes
          var scratch = state.scratch
          var scenarioDraws = state.scenarioDraws
          var values = state.values
          var plan = state.plan
          var perturbed = state.perturbed
          state.plan = nil
          defer {
            (state.scratch, state.scenarioDraws, state.values, state.plan, state.perturbed) = (
              scratch, scenarioDraws, values, plan, perturbed)
          }
          for t in stride(from: worker, to: count, by: workers) {
            sampler.draws(trial: trials.lowerBound + t, into: &values)
            for (k, s) in scenarioSlotIndices.enumerated() { scenarioDraws[k] = values[s] }
            Perturbation.apply(
              scenarioDraws, slots: scenarioSlots, elements: scenarioElements, base: scenario, into: &perturbed)
            if plan == nil {
              plan = CapacityPlan(
                perturbed, demand: demand.project(perturbed, draws: values, scratch: &scratch), warnings: false,
                decisions: decisions)
            } else {
              demand.project(perturbed, draws: values, scratch: &scratch, into: &plan!.demand)
              plan!.replan(perturbed, warnings: false)
            }
            drawSlots.base?[t] = sampler.inputMeans(values)
            if let plan { outcomeSlots.base?[t] = MonteCarlo.trial(perturbed, plan: plan, routes: routes) }
            progress?.advance()
          }
        }
      }
    }
    return (draws, outcomes.compactMap { $0 })
  }
}

extension MonteCarlo {
  /// Runs trials `trials` of `file` (the same draws as in a whole run), `chunk` at a time,
  /// handing each chunk's draws and outcomes to `body` in trial order and keeping none: a
  /// shard's rows of `--trials-csv` in memory bounded by the chunk.
  public static func runInChunks(
    _ file: Scenario, trials: Range<Int>, seed: UInt64, threads: Int = 2, chunk: Int, progress: WorkProgress? = nil,
    _ body: (_ firstTrial: Int, _ draws: ArraySlice<[Double]>, _ outcomes: ArraySlice<TrialOutcome>) throws -> Void
  ) rethrows {
    let runner = TrialRunner(file, seed: seed, threads: threads)
    for start in stride(from: trials.lowerBound, to: trials.upperBound, by: max(1, chunk)) {
      let (draws, outcomes) = runner.run(start..<min(trials.upperBound, start + chunk), threads: threads, progress: progress)
      try body(start, draws[...], outcomes[...])
    }
  }
}
