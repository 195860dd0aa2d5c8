import DCPlanEngine
import DCPlanScenarioFormat
import DCPlanModel
import DCPlanTestSupport
import Testing

/// Scenarios/teaching-voice.yaml against the figures worked by hand in its comments.
@Suite("teaching scenario: voice by hand")
struct TeachingVoiceTests {
  let results: PlanResults

  init() throws {
    let outcome = ScenarioLoader.load(path: RepositoryPaths.scenario("teaching-voice.yaml"))
    let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
    results = Planner.run(scenario)
  }

  @Test("30 Erlang at 1 % need 42 channels; 42 × 87.2 kbit/s on the path to the gateway")
  func channelsAndBandwidth() throws {
    let location = try #require(results.voice.locations.last)
    #expect(approximately(location.erlangs, 30))
    #expect(location.channels == 42)
    #expect(approximately(location.mbps, 3.6624))
    let gateway = try #require(results.voice.gateways.last)
    #expect(gateway.trunks == 42)
    #expect(approximately(gateway.blocking, 0.007397146595099951, relative: 1e-9))
    // Nothing migrated in 2021: no traffic, no channels, nothing blocked.
    #expect(results.voice.locations.first?.channels == 0)
    #expect(results.voice.gateways.first?.blocking == 0)
    let link = try #require(results.network.links.first { $0.id == "A-B" })
    #expect(approximately(link.voiceMbps, [0, 3.6624], relative: 1e-9))
    #expect(approximately(link.loadMbps, [50, 53.6624], relative: 1e-9))
  }

  @Test("one-way delay: codec, packetisation, jitter buffer, serialisation, queueing, propagation")
  func delay() throws {
    let location = try #require(results.voice.locations.last)
    // 60 + 0.01744 + 0.031845677367922806 + 0.5
    #expect(approximately(try #require(location.delayMs), 60.54928567736792, relative: 1e-9))
    // Link A-B down: two links of 200 km at their worst single-failure load.
    #expect(approximately(try #require(location.n1DelayMs), 62.098571354735846, relative: 1e-9))
    #expect(results.warnings.isEmpty)
  }

  @Test("separate network against converged, per year and as NPV")
  func costs() {
    let comparison = results.voiceComparison
    #expect(approximately(comparison.separateEUR, [180_000, 180_000]))
    #expect(approximately(comparison.convergedEUR, [180_000, 85_040]))
    #expect(approximately(comparison.separateNPV, 180_000 + 180_000 / 1.1))
    #expect(approximately(comparison.convergedNPV, 180_000 + 85_040 / 1.1))
    #expect(approximately(results.costs.capexEUR, [0, 80_000]))
  }
}
