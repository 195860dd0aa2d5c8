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
  static let price = KeySpec("price", .quantity(money), required: true, example: "9000 EUR",
                             meaning: "Purchase price per unit in the first year of the horizon.")
  static let priceEscalation = KeySpec(
    "price_escalation", .growthRate, default: "0 %", example: "-8 %",
    meaning: "Yearly change of the purchase price (falling hardware prices: negative): a unit bought in year y costs price × (1 + e)^(y − first year); maintenance follows the year's price (docs/conventions.md, \"Costs\").")
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
  static let generations = KeySpec(
    "generations", .list(ServerGenerationSection.spec), default: "none", example: "[{from: 2021, cores: 96, ram: 1536 GiB}]",
    meaning: "Later generations, ascending by year: servers bought from a generation's year on have its cores, RAM and power (the type's own figures before the first; the installed base counts as the first year's generation). Price (with 'price_escalation'), life and rack space stay the type's (docs/conventions.md, \"Hardware generations\").")
  static let spec = SectionSpec(
    name: "server", summary: "A server type (one entry of 'hardware.servers').",
    keys: [id, cores, ram, HardwareKeys.typicalPower, HardwareKeys.peakPower, HardwareKeys.price, HardwareKeys.priceEscalation, HardwareKeys.lifetime,
           HardwareKeys.perRack, generations])
}

/// Keys of one entry of a server type's `generations`.
enum ServerGenerationSection {
  static let from = KeySpec("from", .year, required: true, example: "2021",
                            meaning: "The first year of purchase with these figures (within the horizon).")
  static let cores = KeySpec("cores", .integer(1...100_000), default: "the generation before's", example: "96",
                             meaning: "Physical cores per server.")
  static let ram = KeySpec("ram", .quantity(QuantityKind(.information, example: "1536 GiB")), default: "the generation before's",
                           example: "1536 GiB", meaning: "Memory per server.")
  static let typicalPower = KeySpec("typical_power", .quantity(HardwareKeys.power), default: "the generation before's", example: "550 W",
                                    meaning: "Power drawn at typical load.")
  static let peakPower = KeySpec("peak_power", .quantity(HardwareKeys.power), default: "the generation before's, in proportion to a new 'typical_power'", example: "800 W",
                                 meaning: "Power drawn at peak load.")
  static let spec = SectionSpec(
    name: "server generation", summary: "A later generation of a server type (one entry of its 'generations').",
    keys: [from, cores, ram, typicalPower, peakPower])
}

/// Keys of one entry of `hardware.storage`.
enum StorageSection {
  static let id = KeySpec("id", .identifier, required: true, example: "san", meaning: "The id the policy refers to.")
  static let usable = KeySpec("usable", .quantity(QuantityKind(.information, example: "500 TiB")), required: true,
                              example: "500 TiB", meaning: "Usable capacity per unit, before the policy's copies.")
  static let generations = KeySpec(
    "generations", .list(StorageGenerationSection.spec), default: "none", example: "[{from: 2022, usable: 1000 TiB}]",
    meaning: "Later generations, ascending by year: units bought from a generation's year on hold its usable capacity and draw its power (the type's own before the first; the installed base counts as the first year's generation). Price (with 'price_escalation'), life and rack space stay the type's (docs/conventions.md, \"Hardware generations\").")
  static let spec = SectionSpec(
    name: "storage unit", summary: "A storage unit type (one entry of 'hardware.storage').",
    keys: [id, usable, HardwareKeys.typicalPower, HardwareKeys.peakPower, HardwareKeys.price, HardwareKeys.priceEscalation, HardwareKeys.lifetime,
           HardwareKeys.perRack, generations])
}

/// Keys of one entry of a storage type's `generations`.
enum StorageGenerationSection {
  static let from = KeySpec("from", .year, required: true, example: "2022",
                            meaning: "The first year of purchase with this capacity (within the horizon).")
  static let usable = KeySpec("usable", .quantity(QuantityKind(.information, example: "1000 TiB")), default: "the generation before's",
                              example: "1000 TiB", meaning: "Usable capacity per unit, before the policy's copies.")
  static let spec = SectionSpec(
    name: "storage generation", summary: "A later generation of a storage type (one entry of its 'generations').",
    keys: [from, usable, ServerGenerationSection.typicalPower, ServerGenerationSection.peakPower])
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
                                meaning: "How shared sites back each other up: 'active-active' sizes each for 'failover_share' of the shared compute load; 'active-passive' sizes each for all of it (load still follows 'load_share': give a cold standby 0 %).")
  static let failoverShare = KeySpec("failover_share", .fraction, default: "100 %", example: "100 %",
                                     meaning: "Active-active: the share of the whole shared compute load each shared site must carry when the others fail.")
  static let serverType = KeySpec("server_type", .reference("server type"), default: "the first server type",
                                  example: "std-2s", meaning: "The server type bought.")
  static let storageType = KeySpec("storage_type", .reference("storage type"), default: "the first storage type",
                                   example: "san", meaning: "The storage type bought.")
  static let classes = KeySpec(
    "classes", .list(PolicyClassSection.spec), default: "the policy above for every service",
    example: "[{class: VK3, failover_share: 100 %}, {class: VK2, failover_share: 0 %}]",
    meaning: "Redundancy per availability class: services whose 'availability_target' is the class (or a percentage it is the lowest listed class to reach) get its failover share, spares and storage protection; others get the values above.")
  static let spec = SectionSpec(
    name: "policy", summary: "How demand becomes hardware: overcommit, headroom, N+k, storage protection, site mode.",
    keys: [cpuOvercommit, ramOvercommit, targetUtilisation, storageTargetUtilisation, clusterSize, spares, copies,
           erasureCoding, siteMode, failoverShare, serverType, storageType, classes])
}

/// Keys of one entry of `policy.classes`.
enum PolicyClassSection {
  static let name = KeySpec(
    "class", .availabilityTarget, required: true, example: "VK3",
    meaning: "The availability class (VK0–VK5, Tier I–IV) this redundancy is for.")
  static let spec = SectionSpec(
    name: "class policy", summary: "The redundancy of one availability class (an entry of 'policy.classes'); a key left out takes the policy's value.",
    keys: [
      name, keyWithPolicyDefault(PolicySection.failoverShare), keyWithPolicyDefault(PolicySection.clusterSize),
      keyWithPolicyDefault(PolicySection.spares), keyWithPolicyDefault(PolicySection.copies),
      keyWithPolicyDefault(PolicySection.erasureCoding),
    ])

  /// `key` of the policy, defaulting to the policy's value.
  private static func keyWithPolicyDefault(_ key: KeySpec) -> KeySpec {
    KeySpec(key.name, key.kind, default: "the policy's", example: key.example, meaning: key.meaning)
  }
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
  static let emissionFactor = KeySpec(
    "emission_factor", .quantityOrYearTable(QuantityKind(.emissionFactor, example: "485 g/kWh")), default: "none (no emissions)",
    example: "{2017: 485 g/kWh, 2019: 401 g/kWh}",
    meaning: "CO2 per kWh of electricity drawn (the grid mix): a value or a table by year; gives each site's emissions (docs/conventions.md, \"Energy, CO2 and the Energy Efficiency Act\").")
  static let co2Price = KeySpec(
    "co2_price", .quantityOrYearTable(QuantityKind(.massPrice, example: "55 EUR/t")), default: "none", example: "{2021: 25 EUR/t, 2025: 55 EUR/t}",
    meaning: "A price per tonne of CO2 on the sites' emissions (an appraisal's shadow price): a ledger line 'co2' per site and year; leave it out where the energy price carries it already.")
  static let maintenanceBeyondLife = KeySpec(
    "maintenance_beyond_life", .fraction, default: "as 'maintenance'", example: "15 %",
    meaning: "Yearly maintenance of hardware kept past its lifetime (a room frozen before its move), as a share of its purchase value.")
  static let serversPerFTE = KeySpec("servers_per_fte", .number(0.001...1_000_000), default: "no staff cost", example: "40",
                                     meaning: "Servers one full-time operator looks after.")
  static let minFTE = KeySpec(
    "min_fte_per_site", .number(0...1_000_000), default: "0", example: "5.5",
    meaning: "The fewest operators a site with servers in service needs, however few servers it has (one 24×7 seat is about 5.5 FTE).")
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
  static let licencePerCore = KeySpec(
    "licence_per_core", .quantityOrYearTable(QuantityKind(.moneyRate, example: "150 EUR/year")), default: "0 EUR/year",
    example: "150 EUR/year", meaning: "Licences per physical core of the servers in service (hypervisor, operating system): a value or a table.")
  static let licencePerCoreEscalation = KeySpec("licence_per_core_escalation", .growthRate, default: "0 %", example: "3 %",
                                                meaning: "Yearly change of a single per-core licence price.")
  static let licencePerVCPU = KeySpec(
    "licence_per_vcpu", .quantityOrYearTable(QuantityKind(.moneyRate, example: "40 EUR/year")), default: "0 EUR/year",
    example: "40 EUR/year", meaning: "Licences per vCPU of demand placed at a site (per-VM software counted by its vCPU): a value or a table.")
  static let licencePerVCPUEscalation = KeySpec("licence_per_vcpu_escalation", .growthRate, default: "0 %", example: "3 %",
                                                meaning: "Yearly change of a single per-vCPU licence price.")
  static let procurement = KeySpec(
    "procurement_tiers", .mapping(ProcurementSection.spec), default: "no volume discounts",
    example: "{servers: [{from: 100, discount: 8 %}]}",
    meaning: "Volume discounts on the units bought in a year (docs/conventions.md, \"Procurement tiers\").")
  static let money = KeySpec(
    "money", .choice(["nominal", "real"]), default: "nominal", example: "real",
    meaning: "'nominal': each year's prices, escalation included; 'real': every amount deflated by 'inflation' to money of the horizon's first year.")
  static let inflation = KeySpec("inflation", .growthRate, default: "none (required with 'money: real')", example: "2 %",
                                 meaning: "Yearly inflation for 'money: real'.")
  static let assetLives = KeySpec(
    "asset_lives", .mapping(AssetLivesSection.spec), default: "modules 25, link upgrades 10, phones and gateways 7 years",
    example: "{modules: 30 years}", meaning: "Lifetimes for depreciation and annuities; servers and storage use their catalogue lifetime.")
  static let residualValue = KeySpec(
    "residual_value", .boolean, default: "true", example: "false",
    meaning: "Whether the book value of the assets still in service at the horizon's end is credited in its last year (docs/conventions.md, \"Residual value\"); 'false' for a cash-only view.")
  static let items = KeySpec(
    "items", .list(CostItemSection.spec), default: "none", example: "[{id: ms-ea, category: licences, per: employee, amount: 120 EUR/year}]",
    meaning: "Costs declared in the scenario: licences per user or phone, security, projects; one-off or recurring (docs/conventions.md, \"Cost items\").")
  static let vat = KeySpec(
    "vat", .mapping(VATSection.spec), default: "not modelled (prices as written)", example: "{rate: 19 %, cooperative: exempt}",
    meaning: "Value-added tax: every price of the scenario is then net of it; a body that cannot reclaim VAT pays it on every price but its own staff (docs/conventions.md, \"VAT\").")
  static let budget = KeySpec(
    "budget", .list(BudgetSection.spec), default: "none", example: "[{id: it, amount: 40 MEUR}]",
    meaning: "Budget lines: money per year for some cost categories; each year's headroom or overrun is shown.")
  static let spec = SectionSpec(
    name: "costs", summary: "Prices for energy, maintenance, staff, space and licences; discounts, money basis, budgets (docs/conventions.md, \"Costs\").",
    keys: [energyPrice, energyEscalation, emissionFactor, co2Price, maintenance, maintenanceBeyondLife, serversPerFTE, minFTE, fteCost, fteEscalation, spaceCost, spaceEscalation,
           licencePerCore, licencePerCoreEscalation, licencePerVCPU, licencePerVCPUEscalation, procurement, money, inflation,
           assetLives, residualValue, items, vat, budget])
}

/// Keys of `costs.vat`.
enum VATSection {
  static let rate = KeySpec("rate", .fraction, required: true, example: "19 %", meaning: "The VAT rate on the prices it falls on.")
  static let cooperative = KeySpec(
    "cooperative", .choice(VATRule.Charges.allCases.map(\.rawValue)), default: "exempt", example: "taxable",
    meaning: "How the shared plan's body treats its services to its members: 'exempt' (§2b(3) or §4 Nr. 29 UStG: no VAT charged, none reclaimed: its purchases cost it VAT) or 'taxable' (it reclaims the VAT on its purchases and charges VAT on each member's whole charge, staff included).")
  static let spec = SectionSpec(name: "vat", summary: "Value-added tax (the 'vat' of section 'costs').", keys: [rate, cooperative])
}

/// Keys of `costs.procurement_tiers`.
enum ProcurementSection {
  static let servers = KeySpec("servers", .list(TierSection.spec), default: "none", example: "[{from: 100, discount: 8 %}]",
                               meaning: "Tiers for servers.")
  static let storage = KeySpec("storage", .list(TierSection.spec), default: "none", example: "[{from: 20, discount: 5 %}]",
                               meaning: "Tiers for storage units.")
  static let spec = SectionSpec(
    name: "procurement_tiers", summary: "Volume discounts by kind of hardware (the 'procurement_tiers' of section 'costs').",
    keys: [servers, storage])
}

/// Keys of one procurement tier.
enum TierSection {
  static let from = KeySpec("from", .integer(0...1_000_000_000), required: true, example: "100",
                            meaning: "Units bought in one year from which the tier applies (pooled over the buyers of the plan).")
  static let discount = KeySpec("discount", .fraction, required: true, example: "8 %",
                                meaning: "The discount on the catalogue price of every unit bought that year.")
  static let spec = SectionSpec(name: "tier", summary: "One volume tier (an entry of 'procurement_tiers.servers' or '.storage').",
                                keys: [from, discount])
}

/// Keys of `costs.asset_lives`.
enum AssetLivesSection {
  static func life(_ name: String, _ fallback: Int, _ what: String) -> KeySpec {
    KeySpec(name, .quantity(QuantityKind(.duration, example: "\(fallback) years")), default: "\(fallback) years",
            example: "\(fallback) years", meaning: "Lifetime of \(what); rounded up to whole years.")
  }
  static let modules = life("modules", 25, "building modules")
  static let linkUpgrades = life("link_upgrades", 10, "link upgrades")
  static let ipPhones = life("ip_phones", 7, "IP phones")
  static let voiceGateways = life("voice_gateways", 7, "voice gateways")
  static let spec = SectionSpec(name: "asset_lives", summary: "Lifetimes of capital assets (the 'asset_lives' of section 'costs').",
                                keys: [modules, linkUpgrades, ipPhones, voiceGateways])
}

/// Keys of one budget line.
enum BudgetSection {
  static let id = KeySpec("id", .identifier, required: true, example: "network-voice", meaning: "The id tables show.")
  static let categories = KeySpec(
    "categories", .identifierList("cost category"), default: "all", example: "[link_leases, link_upgrades]",
    meaning: "The ledger categories it pays for: \(CostCategory.allCases.filter { !$0.isResidual }.map(\.rawValue).joined(separator: ", ")).")
  static let amount = KeySpec(
    "amount", .quantityOrYearTable(QuantityKind(.money, example: "20 MEUR")), required: true, example: "{2017: 20 MEUR, 2018: 20 MEUR}",
    meaning: "Money per year: one amount for every year, or a table (years not listed: the nearest given, linear between).")
  static let body = KeySpec(
    "body", .reference("tenant"), default: "the shared plan's body", example: "land",
    meaning: "Whose budget: a tenant (it pays that tenant's charges under the sharing method, VAT it cannot reclaim included; no 'categories'), else the body running the shared plan (it pays the ledger).")
  static let doubleBudgets = KeySpec(
    "double_budgets", .yearList, default: "none", example: "[2017, 2022]",
    meaning: "First years of double budgets (Doppelhaushalt, § 12 LHO): that year and the next are one period; money the first year leaves unspent is available in the second.")
  static let carryOver = KeySpec(
    "carry_over", .boolean, default: "false", example: "true",
    meaning: "Whether money unspent in a year carries into the next across periods too (transferable appropriations, § 19 LHO).")
  static let commitmentAppropriation = KeySpec(
    "commitment_appropriation", .quantityOrYearTable(QuantityKind(.money, example: "5 MEUR")), default: "none (the need is reported)",
    example: "{2017: 12 MEUR, 2018: 3 MEUR}",
    meaning: "Commitment appropriation (Verpflichtungsermächtigung, § 16 LHO) per year: contracts concluded that year may bind this much of later years' payments (module orders, rent terms).")
  static let spec = SectionSpec(
    name: "budget", summary: "A budget line (one entry of 'costs.budget').",
    keys: [id, categories, amount, body, doubleBudgets, carryOver, commitmentAppropriation])
}

/// Keys of the `allocation` section.
enum AllocationSection {
  static let method = KeySpec(
    "method", .choice(CostAllocation.Method.allCases.map(\.rawValue)), default: "usage", example: "shapley",
    meaning: "Whose figures are each tenant's cost: 'usage' (weighted vCPU, RAM, storage, bandwidth), 'keys' (tenants' 'cost_key') or 'shapley' (the cost game).")
  static func weight(_ name: String, _ what: String) -> KeySpec {
    KeySpec(name, .number(0...1e9), default: "1", example: "2", meaning: "Weight of \(what) in the usage key.")
  }
  static let vcpu = weight("vcpu_weight", "the vCPU share")
  static let ram = weight("ram_weight", "the RAM share")
  static let storage = weight("storage_weight", "the storage share")
  static let bandwidth = weight("bandwidth_weight", "the busy-hour bandwidth share")
  static let samples = KeySpec(
    "shapley_samples", .integer(1...10_000_000), default: "2000", example: "5000",
    meaning: "Random tenant orders sampled (seeded) when there are more than 20 tenants; the standard error is shown.")
  static let spec = SectionSpec(
    name: "allocation", summary: "How costs are shared among tenants (docs/conventions.md, \"Cost sharing\").",
    keys: [method, vcpu, ram, storage, bandwidth, samples])
}

/// Keys of one entry of `costs.items`.
enum CostItemSection {
  static let categories: [CostCategory] = [.licences, .staff, .maintenance, .space, .energy, .security, .projects, .other]
  static let id = KeySpec("id", .identifier, required: true, example: "ms-ea", meaning: "The id its ledger lines carry.")
  static let category = KeySpec(
    "category", .choice(categories.map(\.rawValue)), default: "other", example: "licences",
    meaning: "The ledger category of its lines.")
  static let per = KeySpec(
    "per", .choice(CostItem.Basis.allCases.map(\.rawValue)), default: "fixed", example: "employee",
    meaning: "What the amount is counted against: each served tenant's employees, phones or vCPU of the year, each site it is paid at, or once.")
  static let amount = KeySpec(
    "amount", .text, required: true, example: "120 EUR/year",
    meaning: "Per unit of 'per': money per year for a recurring item (e.g. '120 EUR/year'), money for a one-off item with 'year' (e.g. '500 kEUR').")
  static let year = KeySpec("year", .year, default: "recurring", example: "2019", meaning: "The year of a one-off item.")
  static let years = KeySpec("years", .yearRange, default: "the horizon", example: "2019..2025", meaning: "The years a recurring item runs.")
  static let tenants = KeySpec("tenants", .identifierList("tenant"), default: "every tenant", example: "[land, kdo]",
                               meaning: "The tenants it serves and is counted for.")
  static let sites = KeySpec("sites", .identifierList("site"), default: "the shared sites", example: "[dc-hannover]",
                             meaning: "For 'per: site': the sites it is paid at (in the years they run IT).")
  static let alone = KeySpec(
    "alone", .choice(CostItem.Alone.allCases.map(\.rawValue)), default: "own", example: "share",
    meaning: "For 'per: site' and 'fixed': 'own' (each tenant alone pays the whole item, as for its own security centre) or 'share' (it costs the same whoever bears it).")
  static let vat = KeySpec(
    "vat", .choice(["standard", "exempt"]), default: "standard (exempt for 'category: staff')", example: "exempt",
    meaning: "Whether VAT falls on it when 'costs.vat' is given (docs/conventions.md, \"VAT\").")
  static let spec = SectionSpec(
    name: "cost_item", summary: "A cost declared in the scenario (one entry of 'costs.items').",
    keys: [id, category, per, amount, year, years, tenants, sites, alone, vat])
}
