import DCPlanModel

/// Keys of the `hardware` section.
enum HardwareSection {
  static let servers = KeySpec(
    "servers", .list(ServerSection.spec), default: "none", example: "[{id: std-2s, cores: 64, ...}]",
    meaning: "Server types the plan may buy.")
  static let storage = KeySpec(
    "storage", .list(StorageSection.spec), default: "none", example: "[{id: san, usable: 500 TiB, ...}]",
    meaning: "Storage unit types the plan may buy.")
  static let spec = SectionSpec(
    name: "hardware", summary: "The hardware catalogue: server and storage types.", keys: [servers, storage])
}

/// Keys shared by server and storage types.
enum HardwareKeys {
  static let power = QuantityKind(.power, example: "450 W")
  static let money = QuantityKind(.money, example: "9000 EUR")
  static let duration = QuantityKind(.duration, example: "5 years")
  static let typicalPower = KeySpec("typical_power", .quantity(power), required: true, example: "450 W",
                                    meaning: "Power drawn at typical load; energy is computed from it.")
  static let peakPower = KeySpec("peak_power", .quantity(power), required: true, example: "750 W",
                                 meaning: "Power drawn at peak load; power and cooling capacity are checked against it.")
  static let price = KeySpec("price", .quantity(money), required: true, example: "9000 EUR", meaning: "Purchase price per unit.")
  static let lifetime = KeySpec("lifetime", .quantity(duration), required: true, example: "5 years",
                                meaning: "Years in service before replacement; a whole number of years.")
  static let perRack = KeySpec("per_rack", .integer(1...1000), required: true, example: "20", meaning: "Units that fit in one rack.")
}

/// Keys of one entry of `hardware.servers`.
enum ServerSection {
  static let id = KeySpec("id", .identifier, required: true, example: "std-2s", meaning: "The id the policy refers to.")
  static let cores = KeySpec("cores", .integer(1...100_000), required: true, example: "64", meaning: "Physical cores per server.")
  static let ram = KeySpec("ram", .quantity(QuantityKind(.information, example: "1 TiB")), required: true, example: "1 TiB",
                           meaning: "Memory per server.")
  static let spec = SectionSpec(
    name: "server", summary: "A server type (one entry of 'hardware.servers').",
    keys: [id, cores, ram, HardwareKeys.typicalPower, HardwareKeys.peakPower, HardwareKeys.price, HardwareKeys.lifetime,
           HardwareKeys.perRack])
}

/// Keys of one entry of `hardware.storage`.
enum StorageSection {
  static let id = KeySpec("id", .identifier, required: true, example: "san", meaning: "The id the policy refers to.")
  static let usable = KeySpec("usable", .quantity(QuantityKind(.information, example: "500 TiB")), required: true,
                              example: "500 TiB", meaning: "Usable capacity per unit, before the policy's copies.")
  static let spec = SectionSpec(
    name: "storage unit", summary: "A storage unit type (one entry of 'hardware.storage').",
    keys: [id, usable, HardwareKeys.typicalPower, HardwareKeys.peakPower, HardwareKeys.price, HardwareKeys.lifetime,
           HardwareKeys.perRack])
}

/// Keys of the `policy` section.
enum PolicySection {
  static let cpuOvercommit = KeySpec("cpu_overcommit", .number(0.01...1000), default: "4", example: "4",
                                     meaning: "vCPU per physical core.")
  static let ramOvercommit = KeySpec("ram_overcommit", .number(0.01...100), default: "1", example: "1",
                                     meaning: "Allocated RAM per physical RAM (1: none).")
  static let targetUtilisation = KeySpec("target_utilisation", .fraction, default: "70 %", example: "70 %",
                                         meaning: "Share of server capacity planned to be used; the rest is headroom.")
  static let storageTargetUtilisation = KeySpec("storage_target_utilisation", .fraction, default: "80 %", example: "80 %",
                                                meaning: "Share of usable storage planned to be filled.")
  static let clusterSize = KeySpec("cluster_size", .integer(2...10_000), default: "16", example: "16",
                                   meaning: "Most servers in one compute cluster, spares included.")
  static let spares = KeySpec("spares_per_cluster", .integer(0...1000), default: "1", example: "1",
                              meaning: "Spare servers per cluster: the k of N+k.")
  static let copies = KeySpec("storage_copies", .number(1...10), default: "2", example: "2",
                              meaning: "Copies of every stored byte (2: mirrored). Not with 'erasure_coding'.")
  static let erasureCoding = KeySpec("erasure_coding", .text, default: "none", example: "8+3",
                                     meaning: "Erasure coding 'k+m': raw storage is (k+m)/k of the data. Not with 'storage_copies'.")
  static let siteMode = KeySpec("site_mode", .choice(["active-active", "active-passive"]), default: "active-active",
                                example: "active-active",
                                meaning: "How shared sites back each other up: all run load, or one runs and the others stand by sized like it.")
  static let failoverShare = KeySpec("failover_share", .fraction, default: "100 %", example: "100 %",
                                     meaning: "Active-active: the share of the whole shared compute load each shared site must carry when the others fail.")
  static let serverType = KeySpec("server_type", .reference("server type"), default: "the first server type",
                                  example: "std-2s", meaning: "The server type bought.")
  static let storageType = KeySpec("storage_type", .reference("storage type"), default: "the first storage type",
                                   example: "san", meaning: "The storage type bought.")
  static let spec = SectionSpec(
    name: "policy", summary: "How demand becomes hardware: overcommit, headroom, N+k, storage protection, site mode.",
    keys: [cpuOvercommit, ramOvercommit, targetUtilisation, storageTargetUtilisation, clusterSize, spares, copies,
           erasureCoding, siteMode, failoverShare, serverType, storageType])
}

/// Keys of a facility capacity (`sites[].capacity`) and of a module.
enum FacilityKeys {
  static let power = QuantityKind(.power, example: "400 kW")
  static let racks = KeySpec("racks", .integer(0...1_000_000), required: true, example: "40", meaning: "Rack positions.")
  static let itPower = KeySpec("it_power", .quantity(power), required: true, example: "400 kW",
                               meaning: "IT power the electrical chain can deliver (checked against peak IT power).")
  static let cooling = KeySpec("cooling", .quantity(power), default: "the IT power", example: "450 kW",
                               meaning: "Heat the cooling can remove (checked against peak IT power).")
  static let capacitySpec = SectionSpec(
    name: "capacity", summary: "What a site's building offers at the start of the plan (`sites[].capacity`).",
    keys: [racks, itPower, cooling])
}

/// Keys of one entry of `sites[].modules`.
enum ModuleSection {
  static let name = KeySpec("name", .text, default: "'module N'", example: "hall 2", meaning: "A name for tables.")
  static let capex = KeySpec("capex", .quantity(QuantityKind(.money, example: "3.4 MEUR")), required: true, example: "3.4 MEUR",
                             meaning: "What it costs to build, spread evenly over its lead time.")
  static let leadTime = KeySpec("lead_time", .quantity(QuantityKind(.duration, example: "2 years")), default: "0 years",
                                example: "2 years", meaning: "From order to operation; rounded up to whole years.")
  static let readyYear = KeySpec("ready_year", .year, default: "when demand needs it", example: "2019",
                                 meaning: "A fixed year of operation (already built or under construction); its capex before the horizon is sunk.")
  static let spec = SectionSpec(
    name: "module", summary: "A building module a site can add (one entry of 'sites[].modules'); built in list order as needed.",
    keys: [name, FacilityKeys.racks, FacilityKeys.itPower, FacilityKeys.cooling, capex, leadTime, readyYear])
}

/// Keys of the `costs` section.
enum CostsSection {
  static let energyPrice = KeySpec(
    "energy_price", .quantityOrYearTable(QuantityKind(.energyPrice, example: "15.6 ct/kWh")), default: "0 ct/kWh",
    example: "15.6 ct/kWh", meaning: "Price of electricity: a value (escalating by 'energy_price_escalation') or a table from year to price.")
  static let energyEscalation = KeySpec("energy_price_escalation", .growthRate, default: "0 %", example: "2 %",
                                        meaning: "Yearly change of a single energy price from the first year of the horizon.")
  static let maintenance = KeySpec("maintenance", .fraction, default: "0 %", example: "8 %",
                                   meaning: "Yearly maintenance as a share of the purchase value of the hardware in service.")
  static let serversPerFTE = KeySpec("servers_per_fte", .number(0.001...1_000_000), default: "no staff cost", example: "40",
                                     meaning: "Servers one full-time operator looks after.")
  static let fteCost = KeySpec(
    "fte_cost", .quantityOrYearTable(QuantityKind(.moneyRate, example: "85000 EUR/year")), default: "0 EUR/year",
    example: "85000 EUR/year", meaning: "Fully loaded cost of one operator: a value (escalating by 'fte_cost_escalation') or a table.")
  static let fteEscalation = KeySpec("fte_cost_escalation", .growthRate, default: "0 %", example: "2.5 %",
                                     meaning: "Yearly change of a single operator cost.")
  static let spaceCost = KeySpec(
    "space_cost_per_rack", .quantityOrYearTable(QuantityKind(.moneyRate, example: "1200 EUR/year")), default: "0 EUR/year",
    example: "1200 EUR/year", meaning: "Cost of one occupied rack position (space, building upkeep): a value or a table.")
  static let spaceEscalation = KeySpec("space_cost_escalation", .growthRate, default: "0 %", example: "2 %",
                                       meaning: "Yearly change of a single space cost.")
  static let spec = SectionSpec(
    name: "costs", summary: "Prices for energy, maintenance, staff and space (docs/conventions.md, \"Costs\").",
    keys: [energyPrice, energyEscalation, maintenance, serversPerFTE, fteCost, fteEscalation, spaceCost, spaceEscalation])
}
