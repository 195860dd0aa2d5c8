import DCPlanModel

/// Keys of the `components` section.
enum ComponentsSection {
  static func part(_ name: String, _ mtbf: String, _ mttr: String, _ meaning: String) -> KeySpec {
    KeySpec(name, .mapping(ReliabilitySection.spec), default: "MTBF \(mtbf), MTTR \(mttr) (estimates)",
            example: "{mtbf: \(mtbf), mttr: \(mttr)}", meaning: meaning)
  }
  static let server = part("server", "50000 h", "8 h", "One compute server.")
  static let storageUnit = part("storage_unit", "200000 h", "8 h", "One storage unit.")
  static let link = part("link", "20000 h", "6 h", "One network link (a shared-risk group fails like one link).")
  static let node = part("node", "100000 h", "4 h", "One network node.")
  static let power = KeySpec(
    "power", .mapping(ReliabilitySection.spec), default: "from 'ups', 'mains' and 'generator'", example: "{mtbf: 100000 h, mttr: 8 h}",
    meaning: "A site's whole power chain as one block, instead of 'ups', 'mains' and 'generator'.")
  static let ups = part("ups", "250000 h", "8 h", "A site's UPS (batteries, inverters) as one block, in series.")
  static let mains = part("mains", "8760 h", "2 h", "A site's utility feed; power holds while it or the generators run.")
  static let generator = part("generator", "5000 h", "24 h", "A site's generators as one block (failing to start or to run), in parallel with the mains.")
  static let cooling = part("cooling", "50000 h", "12 h", "A site's cooling as one block.")
  static let site = part("site", "876000 h", "72 h", "A whole site lost (fire, flood, a cyber attack) and recovered.")
  static let crews = KeySpec("repair_crews", .integer(1...10_000), default: "1", example: "2",
                             meaning: "Repair crews per site, shared by the servers of a cluster.")
  static let failoverTime = KeySpec("failover_time", .quantity(QuantityKind(.duration, example: "15 min")), default: "15 min",
                                    example: "15 min", meaning: "Downtime of a successful failover to the twin site.")
  static let failoverSuccess = KeySpec("failover_success", .fraction, default: "99 %", example: "99 %",
                                       meaning: "Probability that a failover to the twin site succeeds on its own.")
  static let manualSwitch = KeySpec("manual_switch_time", .quantity(QuantityKind(.duration, example: "1 h")), default: "1 h",
                                    example: "1 h", meaning: "Time to switch over by hand when the failover failed.")
  static let commonCause = KeySpec(
    "common_cause", .list(CommonCauseSection.spec), default: "none",
    example: "[{name: regional blackout, sites: [dc-a, dc-b], mtbf: 876000 h, mttr: 24 h}]",
    meaning: "Events that take several sites down together (a regional power failure, a flood, a shared carrier): in series with every service whose sites they all take down.")
  static let spec = SectionSpec(
    name: "components", summary: "Failure and repair figures for the availability of each service (docs/conventions.md, \"Service availability\").",
    keys: [server, storageUnit, link, node, ups, mains, generator, power, cooling, site, crews, failoverTime, failoverSuccess, manualSwitch,
           commonCause])
}

/// Keys of one entry of `components.common_cause`.
enum CommonCauseSection {
  static let name = KeySpec("name", .text, required: true, example: "regional blackout", meaning: "A name for tables.")
  static let sites = KeySpec("sites", .identifierList("site"), required: true, example: "[dc-a, dc-b]",
                             meaning: "The sites it takes down together.")
  static let spec = SectionSpec(
    name: "common cause", summary: "An event that takes several sites down together (an entry of 'components.common_cause').",
    keys: [name, sites, ReliabilitySection.mtbf, ReliabilitySection.mttr])
}

/// Keys of a part's reliability.
enum ReliabilitySection {
  static let mtbf = KeySpec("mtbf", .quantity(QuantityKind(.duration, example: "50000 h")), required: true, example: "50000 h",
                            meaning: "Mean time between failures.")
  static let mttr = KeySpec("mttr", .quantity(QuantityKind(.duration, example: "8 h")), required: true, example: "8 h",
                            meaning: "Mean time to repair.")
  static let spec = SectionSpec(name: "reliability", summary: "A part's MTBF and MTTR (entries of 'components').", keys: [mtbf, mttr])
}
