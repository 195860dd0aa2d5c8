import DCPlanModel

/// Keys of one entry of `events`.
enum EventSection {
  static let kind = KeySpec("kind", .choice(["site-outage"]), required: true, example: "site-outage",
                            meaning: "What happens; so far 'site-outage': a whole site is lost for a time.")
  static let site = KeySpec("site", .reference("site"), required: true, example: "dc-hannover", meaning: "The site lost.")
  static let year = KeySpec("year", .year, required: true, example: "2023", meaning: "The year it happens (within the horizon).")
  static let duration = KeySpec("duration", .quantity(QuantityKind(.duration, example: "72 h")), required: true, example: "72 h",
                                meaning: "How long the site is out.")
  static let spec = SectionSpec(name: "event", summary: "An event to play through (one entry of 'events').", keys: [kind, site, year, duration])
}
