import DCPlanModel

/// Keys of the `network` section.
enum NetworkSection {
  static let bandwidth = QuantityKind(.bandwidth, example: "10 Gbit/s")
  static let targetUtilisation = KeySpec("target_utilisation", .fraction, default: "70 %", example: "70 %",
                                         meaning: "Highest link utilisation planned in normal operation.")
  static let failureUtilisation = KeySpec("failure_utilisation", .fraction, default: "90 %", example: "90 %",
                                          meaning: "Highest link utilisation accepted while one link, node or shared-risk group is down.")
  static let perEmployee = KeySpec(
    "busy_hour_per_employee", .directional(QuantityKind(.bandwidth, example: "0.15 Mbit/s")), default: "0 Mbit/s",
    example: "{down: 0.3 Mbit/s, up: 0.1 Mbit/s}",
    meaning: "Busy-hour rate per employee between a tenant location and where its workloads run: the same each way (a value or a table by year), or '{down: …, up: …}': down towards the location, up from it (docs/conventions.md, \"Network\").")
  static let replicationChange = KeySpec("replication_daily_change", .fraction, default: "0 %", example: "2 %",
                                         meaning: "Share of the data stored at a shared site that changes per day and is replicated to each other shared site.")
  static let replicationWindow = KeySpec("replication_window", .quantity(QuantityKind(.duration, example: "8 h")),
                                         default: "24 h", example: "8 h", meaning: "The time each day's replication must fit in.")
  static let nodes = KeySpec("nodes", .list(NodeSection.spec), default: "none", example: "[{id: hannover}]",
                             meaning: "Places where sites and tenant locations attach.")
  static let links = KeySpec("links", .list(LinkSection.spec), default: "none", example: "[{id: H-HI, from: hannover, to: hildesheim, capacity: 10 Gbit/s}]",
                             meaning: "Full-duplex links; capacity is per direction.")
  static let groups = KeySpec("shared_risk_groups", .list(RiskGroupSection.spec), default: "none",
                              example: "[{id: duct-a7, links: [H-HI, H-GÖ]}]", meaning: "Links that fail together.")
  static let demands = KeySpec("demands", .list(DemandSection.spec), default: "none",
                               example: "[{from: hannover, to: oldenburg, bandwidth: 200 Mbit/s}]",
                               meaning: "Node-to-node demands besides the derived ones, the same rate each way.")
  static let accessClasses = KeySpec(
    "access_classes", .list(AccessClassSection.spec), default: "none",
    example: "[{id: small, bandwidth: 10 Mbit/s, price: 150 EUR/month, upgrade_to: medium}]",
    meaning: "Classes of access line that offices attach with, each with its bandwidth, price and the class it is upgraded to (docs/conventions.md, \"Access lines\").")
  static let accessSites = KeySpec(
    "access_sites", .list(AccessSiteSection.spec), default: "none", example: "[{id: office-12, node: emden, tenant: land, employees: 40, class: small}]",
    meaning: "Offices on access lines, written out.")
  static let accessSitesFile = KeySpec(
    "access_sites_file", .text, default: "none", example: "offices.csv",
    meaning: "A CSV table of offices (relative to this file, inside its folder): a header 'id,node,tenant,employees,class', then one office per row; errors point into it.")
  static let spec = SectionSpec(
    name: "network", summary: "The wide-area network: nodes, links with upgrade steps, shared-risk groups, targets and demands.",
    keys: [targetUtilisation, failureUtilisation, perEmployee, replicationChange, replicationWindow, nodes, links, groups, demands,
           accessClasses, accessSites, accessSitesFile])
}

/// Keys of one entry of `network.access_classes`.
enum AccessClassSection {
  static let id = KeySpec("id", .identifier, required: true, example: "medium", meaning: "The id offices and upgrades refer to.")
  static let bandwidth = KeySpec("bandwidth", .quantity(NetworkSection.bandwidth), required: true, example: "100 Mbit/s",
                                 meaning: "Bandwidth per direction of one line.")
  static let price = KeySpec("price", .quantity(QuantityKind(.moneyRate, example: "400 EUR/month")), required: true, example: "400 EUR/month",
                             meaning: "Price of one line.")
  static let dualHomed = KeySpec("dual_homed", .boolean, default: "false", example: "true",
                                 meaning: "Two lines per office (survives a line's failure), each at the price.")
  static let upgradeTo = KeySpec("upgrade_to", .reference("access class"), default: "none", example: "large",
                                 meaning: "The class an office moves to when its busy-hour rate exceeds the network's target utilisation of the line.")
  static let spec = SectionSpec(
    name: "access class", summary: "A class of access line (one entry of 'network.access_classes').",
    keys: [id, bandwidth, price, dualHomed, upgradeTo])
}

/// Keys of one entry of `network.access_sites` (and the columns of `access_sites_file`).
enum AccessSiteSection {
  static let id = KeySpec("id", .identifier, required: true, example: "office-12", meaning: "The office's id.")
  static let node = KeySpec("node", .reference("node"), required: true, example: "emden", meaning: "The backbone node its line attaches to.")
  static let tenant = KeySpec("tenant", .reference("tenant"), required: true, example: "land", meaning: "Whose office it is: its line is that tenant's cost.")
  static let employees = KeySpec("employees", .number(0...10_000_000), required: true, example: "40",
                                 meaning: "People working there in the horizon's first year (they follow the tenant's headcount).")
  static let accessClass = KeySpec("class", .reference("access class"), required: true, example: "small", meaning: "The class of line it starts with.")
  static let spec = SectionSpec(
    name: "access site", summary: "An office on an access line (one entry of 'network.access_sites').",
    keys: [id, node, tenant, employees, accessClass])
}

/// Keys of one entry of `network.nodes`.
enum NodeSection {
  static let id = KeySpec("id", .identifier, required: true, example: "hannover", meaning: "The id links, sites and tenants refer to.")
  static let name = KeySpec("name", .text, default: "the id", example: "Hannover", meaning: "A readable name.")
  static let transit = KeySpec(
    "transit", .boolean, default: "true", example: "false",
    meaning: "Whether traffic between other nodes may pass through it; 'false' for a stub (an office or agency that sends and receives but is no path for others). A failure that would need transit through a stub cuts the demand off (docs/conventions.md, \"Routing\").")
  static let spec = SectionSpec(name: "node", summary: "A network node (one entry of 'network.nodes').", keys: [id, name, transit])
}

/// Keys of one entry of `network.links`.
enum LinkSection {
  static let money = QuantityKind(.money, example: "50 kEUR")
  static let rate = QuantityKind(.moneyRate, example: "24000 EUR/year")
  static let id = KeySpec("id", .identifier, required: true, example: "H-HI", meaning: "The id tables and shared-risk groups refer to.")
  static let from = KeySpec("from", .reference("node"), required: true, example: "hannover", meaning: "One end.")
  static let to = KeySpec("to", .reference("node"), required: true, example: "hildesheim", meaning: "The other end.")
  static let capacity = KeySpec("capacity", .quantity(NetworkSection.bandwidth), required: true, example: "10 Gbit/s",
                                meaning: "Capacity per direction at the start of the plan.")
  static let length = KeySpec("length", .quantity(QuantityKind(.length, example: "30 km")), default: "0 km", example: "30 km",
                              meaning: "Route length (for delay, and the default weight).")
  static let weight = KeySpec("weight", .number(0.000001...1e9), default: "the length in km, else 1", example: "30",
                              meaning: "Routing weight; traffic takes the paths of least total weight, split evenly where several tie.")
  static let lease = KeySpec("lease", .quantity(rate), default: "0 EUR/year", example: "24000 EUR/year",
                             meaning: "Yearly lease at the start capacity.")
  static let steps = KeySpec("steps", .list(LinkStepSection.spec), default: "none",
                             example: "[{capacity: 40 Gbit/s, capex: 50 kEUR, lease: 36000 EUR/year, lead_time: 1 year}]",
                             meaning: "Upgrade steps in order of capacity; the plan takes the first that is enough.")
  static let spec = SectionSpec(
    name: "link", summary: "A full-duplex link (one entry of 'network.links').",
    keys: [id, from, to, capacity, length, weight, lease, steps])
}

/// Keys of one entry of `network.links[].steps`.
enum LinkStepSection {
  static let capacity = KeySpec("capacity", .quantity(NetworkSection.bandwidth), required: true, example: "40 Gbit/s",
                                meaning: "Capacity per direction after the upgrade.")
  static let capex = KeySpec("capex", .quantity(LinkSection.money), default: "0 EUR", example: "50 kEUR",
                             meaning: "One-off cost, spread over the lead time like a module's.")
  static let lease = KeySpec("lease", .quantity(LinkSection.rate), default: "the link's lease", example: "36000 EUR/year",
                             meaning: "Yearly lease at this capacity, replacing the previous one.")
  static let leadTime = KeySpec("lead_time", .quantity(QuantityKind(.duration, example: "1 year")), default: "0 years",
                                example: "1 year", meaning: "From order to operation; rounded up to whole years.")
  static let spec = SectionSpec(
    name: "step", summary: "An upgrade step of a link (one entry of 'network.links[].steps').",
    keys: [capacity, capex, lease, leadTime])
}

/// Keys of one entry of `network.shared_risk_groups`.
enum RiskGroupSection {
  static let id = KeySpec("id", .identifier, required: true, example: "duct-a7", meaning: "The group's id, named in failure tables.")
  static let links = KeySpec("links", .identifierList("link"), required: true, example: "[H-HI, H-GÖ]",
                             meaning: "The links that fail together.")
  static let spec = SectionSpec(
    name: "shared-risk group", summary: "Links that fail together (one entry of 'network.shared_risk_groups').", keys: [id, links])
}

/// Keys of one entry of `network.demands`.
enum DemandSection {
  static let from = KeySpec("from", .reference("node"), required: true, example: "hannover", meaning: "One end.")
  static let to = KeySpec("to", .reference("node"), required: true, example: "oldenburg", meaning: "The other end.")
  static let bandwidth = KeySpec(
    "bandwidth", .directional(NetworkSection.bandwidth), required: true, example: "{2017: 100 Mbit/s, 2025: 400 Mbit/s}",
    meaning: "Busy-hour rate: the same each way (a value or a table by year), or '{down: …, up: …}': up from 'from' to 'to', down back from 'to' to 'from' ('from' the client end, 'to' the serving end).")
  static let oneWay = KeySpec(
    "one_way", .boolean, default: "false", example: "true",
    meaning: "Only from 'from' to 'to', at 'bandwidth' (a backup stream, a feed): nothing comes back.")
  static let spec = SectionSpec(
    name: "demand", summary: "A node-to-node demand (one entry of 'network.demands').", keys: [from, to, bandwidth, oneWay])
}

/// Keys of a rate given each way (`{down: …, up: …}`).
enum DirectionSection {
  static func spec(_ kind: QuantityKind) -> SectionSpec {
    SectionSpec(
      name: "rate each way", summary: "A rate given for each direction.",
      keys: [
        KeySpec("down", .quantityOrYearTable(kind), required: true, example: kind.example,
                meaning: "Towards the client end (the location; a demand's 'from'): a value or a table by year."),
        KeySpec("up", .quantityOrYearTable(kind), required: true, example: kind.example,
                meaning: "From the client end towards the serving end: a value or a table by year."),
      ])
  }
}

/// Keys of one entry of `tenants[].locations`.
enum LocationSection {
  static let node = KeySpec("node", .reference("node"), required: true, example: "oldenburg", meaning: "The network node.")
  static let share = KeySpec("share", .fraction, default: "an equal split", example: "40 %",
                             meaning: "The share of the tenant's employees there; the shares add up to 100 %.")
  static let spec = SectionSpec(
    name: "location", summary: "Where some of a tenant's employees work (one entry of 'tenants[].locations').", keys: [node, share])
}
