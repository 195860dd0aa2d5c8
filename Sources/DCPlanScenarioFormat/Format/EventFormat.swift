import DCPlanModel

/// Keys of one entry of `events`.
enum EventSection {
  static let kind = KeySpec(
    "kind", .choice(kinds), required: true, example: "site-outage",
    meaning: "What happens: 'site-outage' (a whole site lost for a time), 'logical-fault' (ransomware or corrupted replication in the data at a site, reaching every site holding a copy: services restored from backup) or 'site-loss' (a shared site lost for good from 'year', unforeseen: its load passes to the other shared sites, which order what they lack only then; docs/conventions.md, \"Site loss\").")
  /// The kinds of event: the availability stage's and the permanent loss.
  static let kinds = SiteOutage.Kind.allCases.map(\.rawValue) + [siteLoss]
  /// The kind of a permanent, unforeseen loss of a shared site.
  static let siteLoss = "site-loss"
  static let site = KeySpec(
    "site", .reference("site"), required: true, example: "dc-hannover", meaning: "The site lost, or where the logical fault starts.")
  static let year = KeySpec(
    "year", .year, required: true, example: "2023",
    meaning: "The year it happens (within the horizon); a site loss holds from this year on.")
  static let duration = KeySpec(
    "duration", .quantity(QuantityKind(.duration, example: "72 h")), default: "none (required for a site outage)", example: "72 h",
    meaning: "How long the site is out (site-outage).")
  static let detection = KeySpec(
    "detection", .quantity(QuantityKind(.duration, example: "8 h")), default: "0 h", example: "8 h",
    meaning: "Logical fault: time from the fault to the start of the restore (detection, decision, clean-up).")
  static let restoreRate = KeySpec(
    "restore_rate", .quantity(QuantityKind(.bandwidth, example: "10 TiB/h")), default: "none (required for a logical fault)",
    example: "10 TiB/h", meaning: "Logical fault: the data the backup system restores per hour (its measured throughput).")
  static let spec = SectionSpec(
    name: "event", summary: "An event to play through (one entry of 'events').",
    keys: [kind, site, year, duration, detection, restoreRate])
}
