import DCPlanTestSupport
import Foundation
import Testing

extension CLITests {
  @Test("run --format json on the default: redundancy per class, like for like, the logical fault, georedundancy")
  func likeForLikeJSON() throws {
    let outcome = try dcplan(["run", "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try jsonObject(outcome.stdout)
    let summary = try #require(object["summary"] as? [String: Any])
    // Every municipal data centre has a second room alone: its saving is like for like.
    #expect(summary["sharing_like_for_like"] as? Bool == true)
    let totals = try #require(object["tenant_totals"] as? [[String: Any]])
    #expect(totals.allSatisfy { $0["standalone_meets_targets"] as? Bool == true })
    // The sites only standalone plans use stay out of the plan's tables.
    let capacity = try #require(object["site_capacity"] as? [[String: Any]])
    #expect(!capacity.contains { ($0["site"] as? String)?.hasSuffix("second-room") == true })
    let outages = try #require(object["site_outages"] as? [[String: Any]])
    let fault = try #require(outages.first { $0["kind"] as? String == "logical-fault" })
    let restored = try #require(fault["service_downtime"] as? [[String: Any]])
    // VK3 services come back first: hours never fall along the restore order.
    let hours = restored.compactMap { $0["downtime_h"] as? Double }
    #expect(hours == hours.sorted() && hours.count == 7)
    let warnings = try #require(object["warnings"] as? [[String: Any]])
    #expect(warnings.contains { $0["code"] as? String == "twins-not-georedundant" })
  }
}
