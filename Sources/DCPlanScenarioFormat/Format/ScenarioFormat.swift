import DCPlanModel

/// Every key of the scenario format, declared once. The loader reads with these specs,
/// `dcplan schema` turns them into a JSON Schema and docs/scenario-format.md is generated
/// from them (`dcplan schema --format markdown`), so the three cannot drift apart.
public enum ScenarioFormat {
  /// The highest format version this dcplan reads.
  public static let version = 1

  /// The top level of a scenario file.
  public static let document = DocumentSection.spec

  /// Sections that later versions read; a file may carry them already, they are ignored with a warning.
  public static let reservedSections: [(String, String)] = []

  /// Every section spec, in documentation order.
  public static let sections: [SectionSpec] = [
    document, ScenarioSection.spec, TenantSection.spec, WorkloadSection.spec, SiteSection.spec,
    FacilityKeys.capacitySpec, ModuleSection.spec, HardwareSection.spec, ServerSection.spec, ServerGenerationSection.spec, StorageSection.spec, StorageGenerationSection.spec,
    PolicySection.spec, CostsSection.spec, ProcurementSection.spec, TierSection.spec, AssetLivesSection.spec,
    BudgetSection.spec, AllocationSection.spec, UncertaintySection.spec, UncertainInputSection.spec, InlineDistributionSection.spec, CorrelationSection.spec, NetworkSection.spec, NodeSection.spec, LinkSection.spec,
    LinkStepSection.spec, RiskGroupSection.spec, DemandSection.spec, LocationSection.spec, VoiceSection.spec,
    VoiceTenantSection.spec, GatewaySection.spec, ComponentsSection.spec, ReliabilitySection.spec, EventSection.spec,
  ]
}

/// Keys of the top level of a scenario file.
enum DocumentSection {
  static let version = KeySpec(
    "version", .integer(1...ScenarioFormat.version), default: "1", example: "1",
    meaning: "The version of the scenario format the file is written in.")
  static let scenario = KeySpec(
    "scenario", .mapping(ScenarioSection.spec), required: true, example: "{name: ..., horizon: 2017..2025}",
    meaning: "What the plan is and over which years it runs.")
  static let tenants = KeySpec(
    "tenants", .list(TenantSection.spec), required: true, example: "[{id: land, kind: state}]",
    meaning: "The public bodies that share the data centre.")
  static let workloads = KeySpec(
    "workloads", .list(WorkloadSection.spec), default: "none", example: "[{id: eakte, tenant: land}]",
    meaning: "The IT services whose demand the plan must carry.")
  static let sites = KeySpec(
    "sites", .list(SiteSection.spec), default: "none", example: "[{id: dc-north, kind: shared}]",
    meaning: "The data-centre sites, shared and legacy.")
  static let hardware = KeySpec(
    "hardware", .mapping(HardwareSection.spec), default: "none", example: "{servers: [...], storage: [...]}",
    meaning: "Server and storage types; without them the plan stops at demand.")
  static let policy = KeySpec(
    "policy", .mapping(PolicySection.spec), default: "the defaults below", example: "{cpu_overcommit: 4}",
    meaning: "How demand becomes hardware.")
  static let costs = KeySpec(
    "costs", .mapping(CostsSection.spec), default: "no running costs", example: "{energy_price: 15.6 ct/kWh}",
    meaning: "Prices for energy, maintenance, staff and space.")
  static let network = KeySpec(
    "network", .mapping(NetworkSection.spec), default: "none", example: "{nodes: [...], links: [...]}",
    meaning: "The wide-area network; without it the plan has no network tables.")
  static let voice = KeySpec(
    "voice", .mapping(VoiceSection.spec), default: "none", example: "{erlangs_per_phone: 0.1, gateways: [...]}",
    meaning: "Telephony on the network; without it the plan has no voice tables.")
  static let components = KeySpec(
    "components", .mapping(ComponentsSection.spec), default: "none", example: "{server: {mtbf: 50000 h, mttr: 8 h}}",
    meaning: "Failure and repair figures; with them the plan computes each service's availability.")
  static let events = KeySpec(
    "events", .list(EventSection.spec), default: "none", example: "[{kind: site-outage, site: dc-hannover, year: 2023, duration: 72 h}]",
    meaning: "Events to play through: a site out for a time (who loses service, for how long).")
  static let allocation = KeySpec(
    "allocation", .mapping(AllocationSection.spec), default: "usage, weighted equally", example: "{method: shapley}",
    meaning: "How costs are shared among tenants; every method is shown, this one is each tenant's cost.")
  static let extends = KeySpec(
    "extends", .text, default: "none", example: "base.yaml",
    meaning: "A scenario file (relative to this one; `dcplan:default` for the bundled default) whose values this file "
      + "overrides: mappings of named things merge key by key, lists of entries with an id entry by id; a table by year, a distribution, a list without ids and anything else is replaced whole.")
  static let accept = KeySpec(
    "accept", .list(AcceptSection.spec), default: "none", example: "[{code: n1-disconnection, subject: spoke-emden, reason: single-homed on purpose}]",
    meaning: "Warnings examined and accepted, each with its reason: still raised and counted, but shown apart from the open ones (table 'accepted_warnings').")
  static let uncertainty = KeySpec(
    "uncertainty", .mapping(UncertaintySection.spec), default: "none", example: "{inputs: [...]}",
    meaning: "Uncertain inputs for Monte Carlo trials (`dcplan run --trials N`).")
  static let reserved: [KeySpec] = ScenarioFormat.reservedSections.map { name, meaning in
    KeySpec(name, .reserved, default: "none", example: "(reserved)", meaning: "Reserved: \(meaning) Not read yet; a warning says so.")
  }
  static let spec = SectionSpec(
    name: "document", summary: "The top level of a scenario file: the format version and one key per section.",
    keys: [version, extends, scenario, tenants, workloads, sites, hardware, policy, costs, allocation, network, voice, components, events,
           uncertainty, accept]
      + reserved)
}

/// Keys of one entry of `accept`.
enum AcceptSection {
  static let code = KeySpec("code", .text, required: true, example: "n1-disconnection",
                            meaning: "The warning's code (docs/results-format.md lists them).")
  static let subject = KeySpec("subject", .text, default: "every subject", example: "spoke-emden",
                               meaning: "The site, link, tenant or workload the warning concerns, as the warning names it.")
  static let year = KeySpec("year", .year, default: "every year", example: "2023", meaning: "The year the warning concerns.")
  static let reason = KeySpec("reason", .text, required: true, example: "single-homed on purpose: a backup line is not worth its cost",
                              meaning: "Why the planner accepts it; shown with the warning.")
  static let spec = SectionSpec(
    name: "acceptance", summary: "A warning the planner has examined and accepts (one entry of 'accept').", keys: [code, subject, year, reason])
}

/// Keys of the `scenario` section.
enum ScenarioSection {
  static let name = KeySpec("name", .text, required: true, example: "Lower Saxony shared data centre",
                            meaning: "A short name for tables and reports.")
  static let description = KeySpec("description", .text, default: "empty", example: "Joint DC of state and municipalities",
                                   meaning: "Free text for the reader of a report.")
  static let horizon = KeySpec("horizon", .yearRange, required: true, example: "2017..2025",
                               meaning: "First and last year of the plan, both included.")
  static let currency = KeySpec("currency", .choice(["EUR"]), default: "EUR", example: "EUR",
                                meaning: "The currency of every amount of money; only EUR so far.")
  static let discountRate = KeySpec("discount_rate", .fraction, default: "3 %", example: "3 %",
                                    meaning: "Yearly discount rate for net present values.")
  static let discountRateBasis = KeySpec(
    "discount_rate_basis", .choice(["nominal", "real"]), default: "the money basis of 'costs.money'", example: "real",
    meaning: "Whether 'discount_rate' is a nominal rate (to discount nominal money) or a real one (real money); a rate that does not match 'costs.money' gets the warning 'discount-basis-mismatch'.")
  static let seed = KeySpec("seed", .integer(0...Int.max), default: "1", example: "2016",
                            meaning: "Seed of every random draw; the same seed gives the same results.")
  static let spec = SectionSpec(
    name: "scenario", summary: "What the plan is and over which years it runs.",
    keys: [name, description, horizon, currency, discountRate, discountRateBasis, seed])
}

/// Keys of one entry of `tenants`.
enum TenantSection {
  static let id = KeySpec("id", .identifier, required: true, example: "land", meaning: "The id other sections refer to.")
  static let name = KeySpec("name", .text, default: "the id", example: "Land Niedersachsen", meaning: "A readable name.")
  static let kind = KeySpec("kind", .choice(Tenant.Kind.allCases.map(\.rawValue)), required: true, example: "state",
                            meaning: "The state, a municipality, or a municipal data centre acting for its members.")
  static let employees = KeySpec(
    "employees", .numberOrYearTable(minimum: 0), default: "0", example: "65000",
    meaning: "Employees whose workplaces the plan serves: a number (changing by 'employee_growth' from "
      + "'employees_base_year') or a table from year to number, linear between the years given and flat beyond.")
  static let employeeGrowth = KeySpec("employee_growth", .growthRate, default: "0 %", example: "0.5 %",
                                      meaning: "Yearly change of a headcount given as one number.")
  static let employeesBaseYear = KeySpec("employees_base_year", .year, default: "first year of the horizon",
                                         example: "2016", meaning: "The year a headcount given as one number refers to.")
  static let joins = KeySpec("joins_shared_dc", .year, default: "never", example: "2019",
                             meaning: "The first year its workloads run in the shared data centre.")
  static let legacySite = KeySpec("legacy_site", .reference("site"), default: "none", example: "hannover-legacy",
                                  meaning: "The legacy site its workloads run at before it joins; without one they have no site until then (a warning says so).")
  static let node = KeySpec("node", .reference("node"), default: "none", example: "oldenburg",
                            meaning: "The network node where all its employees work (short for one location).")
  static let locations = KeySpec("locations", .list(LocationSection.spec), default: "'node', if given",
                                 example: "[{node: oldenburg, share: 60 %}, {node: emden, share: 40 %}]",
                                 meaning: "Where its employees work on the network. Not with 'node'.")
  static let costKey = KeySpec("cost_key", .number(0...1e15), default: "none", example: "62.5",
                               meaning: "Its fixed cost-sharing key (a treaty share, population, ...): lines serving several tenants are split in proportion to their keys (allocation method 'keys').")
  static let standaloneTwin = KeySpec(
    "standalone_twin", .reference("site"), default: "none", example: "kdo-second-room",
    meaning: "A second room (a legacy site no one uses in the plan) the tenant would run beside its legacy room alone, from its join year, as a twin pair: its standalone cost and availability then meet the same classes as the shared plan.")
  static let standalone = KeySpec(
    "standalone", .choice(["legacy-room", "shared-design"]), default: "legacy-room if it has a legacy site, else shared-design",
    example: "shared-design",
    meaning: "What it would do alone, for its standalone cost: keep its legacy room (extended by the room's modules) or build the shared sites' design on its own.")
  static let migration = KeySpec(
    "migration", .mapping(MigrationSection.spec), default: "no migration cost", example: "{fixed: 200 kEUR, per_tib: 150 EUR}",
    meaning: "The one-off cost of moving its workloads into the shared data centre, charged in its join year (docs/conventions.md, \"Moves\").")
  static let reclaimsVAT = KeySpec(
    "reclaims_vat", .boolean, default: "false", example: "true",
    meaning: "Whether it can reclaim the VAT it pays (input tax deduction); public bodies in their sovereign tasks cannot (docs/conventions.md, \"VAT\").")
  static let spec = SectionSpec(
    name: "tenant", summary: "A public body that uses the shared data centre (one entry of 'tenants').",
    keys: [id, name, kind, employees, employeeGrowth, employeesBaseYear, joins, legacySite, node, locations, costKey, standalone,
           standaloneTwin, migration, reclaimsVAT])
}

/// Keys of `tenants[].migration`.
enum MigrationSection {
  static let fixed = KeySpec("fixed", .quantity(QuantityKind(.money, example: "200 kEUR")), default: "0 EUR", example: "200 kEUR",
                             meaning: "A fixed amount (project management, tests, cut-over).")
  static let perVCPU = KeySpec("per_vcpu", .quantity(QuantityKind(.money, example: "40 EUR")), default: "0 EUR", example: "40 EUR",
                               meaning: "Per vCPU of the tenant's demand in its join year.")
  static let perTiB = KeySpec("per_tib", .quantity(QuantityKind(.money, example: "150 EUR")), default: "0 EUR", example: "150 EUR",
                              meaning: "Per TiB of its stored data in its join year (copying, checking).")
  static let staffDays = KeySpec("staff_days", .number(0...1e9), default: "0", example: "400",
                                 meaning: "Days of staff work (the tenant's and the operator's).")
  static let dayRate = KeySpec(
    "day_rate", .quantity(QuantityKind(.money, example: "600 EUR")), default: "the year's 'fte_cost' ÷ 200 days", example: "900 EUR",
    meaning: "The cost of one staff day (an external consultant's rate, say).")
  static let spec = SectionSpec(
    name: "migration", summary: "The one-off cost of a tenant's move into the shared data centre (the 'migration' of a tenant).",
    keys: [fixed, perVCPU, perTiB, staffDays, dayRate])
}

/// Keys of one entry of `workloads`.
enum WorkloadSection {
  static let vcpuKind = QuantityKind(.vcpuCount, example: "200 vCPU", perEmployeeExample: "0.05 vCPU/employee")
  static let ramKind = QuantityKind(.information, example: "512 GiB", perEmployeeExample: "0.2 GiB/employee")
  static let storageKind = QuantityKind(.information, example: "40 TiB", perEmployeeExample: "30 GB/employee")
  static let accrualKind = QuantityKind(.information.perTime, example: "5 TiB/year", perEmployeeExample: "2 GiB/employee/year")

  static let id = KeySpec("id", .identifier, required: true, example: "eakte", meaning: "The id other sections refer to.")
  static let name = KeySpec("name", .text, default: "the id", example: "e-Akte", meaning: "A readable name.")
  static let tenant = KeySpec("tenant", .reference("tenant"), required: true, example: "land", meaning: "The tenant that owns it.")
  static let vcpu = KeySpec("vcpu", .quantity(vcpuKind), default: "0 vCPU", example: "0.05 vCPU/employee",
                            meaning: "Virtual CPUs in the base year, absolute or per employee of the tenant.")
  static let ram = KeySpec("ram", .quantity(ramKind), default: "0 GiB", example: "0.2 GiB/employee",
                           meaning: "Memory in the base year, absolute or per employee.")
  static let storage = KeySpec("storage", .quantity(storageKind), default: "0 GiB", example: "30 GB/employee",
                               meaning: "Stored data in the base year, absolute or per employee; grows by 'storage_growth'.")
  static let storageAccrual = KeySpec(
    "storage_accrual", .quantity(accrualKind), default: "0 GiB/year", example: "2 GiB/employee/year",
    meaning: "Data added every year and kept (retention), absolute or per employee; summed from 'start_year' on.")
  static let growth = KeySpec("growth", .growthRate, default: "0 %", example: "8 %",
                              meaning: "Yearly growth of vCPU, RAM and stored base unless set one by one below.")
  static let vcpuGrowth = KeySpec("vcpu_growth", .growthRate, default: "'growth'", example: "8 %", meaning: "Yearly growth of vCPU.")
  static let ramGrowth = KeySpec("ram_growth", .growthRate, default: "'growth'", example: "8 %", meaning: "Yearly growth of RAM.")
  static let storageGrowth = KeySpec("storage_growth", .growthRate, default: "'growth'", example: "20 %",
                                     meaning: "Yearly growth of the stored base (not of the accrual).")
  static let baseYear = KeySpec("base_year", .year, default: "'start_year'", example: "2016",
                                meaning: "The year the figures above refer to.")
  static let startYear = KeySpec("start_year", .year, default: "first year of the horizon", example: "2019",
                                 meaning: "The first year the workload runs; no demand before it.")
  static let availability = KeySpec("availability_target", .availabilityTarget, default: "none", example: "VK3",
                                    meaning: "The availability it must reach: a percentage or a class (VK0–VK5, Tier I–IV; docs/conventions.md).")
  static let spec = SectionSpec(
    name: "workload", summary: "An IT service of one tenant (one entry of 'workloads').",
    keys: [id, name, tenant, vcpu, ram, storage, storageAccrual, growth, vcpuGrowth, ramGrowth, storageGrowth,
           baseYear, startYear, availability])
}

/// Keys of one entry of `sites`.
enum SiteSection {
  static let id = KeySpec("id", .identifier, required: true, example: "dc-north", meaning: "The id other sections refer to.")
  static let name = KeySpec("name", .text, default: "the id", example: "Shared DC north", meaning: "A readable name.")
  static let kind = KeySpec("kind", .choice(Site.Kind.allCases.map(\.rawValue)), required: true, example: "shared",
                            meaning: "'shared': part of the shared data centre; 'legacy': a tenant's own room.")
  static let node = KeySpec("node", .identifier, default: "none", example: "hannover",
                            meaning: "The network node the site sits on.")
  static let decommission = KeySpec("decommission_year", .year, default: "never", example: "2022",
                                    meaning: "The first year the site no longer runs.")
  static let closesAfterMove = KeySpec(
    "closes_after_move", .boolean, default: "false", example: "true",
    meaning: "A legacy room closes the year after the last tenant with it as 'legacy_site' joins the shared data centre (instead of a 'decommission_year'); a drawn join delay moves the closing with it.")
  static let loadShare = KeySpec(
    "load_share", .fractionOrYearTable, default: "equal split among shared sites", example: "{2017: 50 %, 2025: 60 %}",
    meaning: "A shared site's share of the shared data centre's load, or a table by year (linear between the years given, flat beyond); the shares must add up to 100 % in every year of the horizon. A closed or lost site's share passes to the shared sites still running, in proportion to theirs (docs/conventions.md, \"Demand\").")
  static let capacity = KeySpec(
    "capacity", .mapping(FacilityKeys.capacitySpec), default: "nothing", example: "{racks: 40, it_power: 200 kW}",
    meaning: "What stands at the start of the plan: a legacy room's fixed capacity, or a shared site's first hall.")
  static let modules = KeySpec(
    "modules", .list(ModuleSection.spec), default: "none", example: "[{racks: 40, it_power: 400 kW, capex: 3.4 MEUR}]",
    meaning: "Modules the site can add, built in list order when demand needs them.")
  static let pue = KeySpec(
    "pue", .numberOrYearTable(minimum: 1), default: "1", example: "{2019: 1.35, 2027: 1.2}",
    meaning: "Power usage effectiveness (facility power ÷ IT power): a number or a table from year to number.")
  static let latitude = KeySpec(
    "latitude", .number(-90...90), default: "none", example: "52.37",
    meaning: "Degrees north (WGS 84), with 'longitude': distances between sites for georedundancy (docs/conventions.md).")
  static let longitude = KeySpec(
    "longitude", .number(-180...180), default: "none", example: "9.73", meaning: "Degrees east (WGS 84), with 'latitude'.")
  static let freezeBeforeMove = KeySpec(
    "freeze_before_move", .quantity(QuantityKind(.duration, example: "1 year")), default: "0 years", example: "1 year",
    meaning: "For a legacy room: in this many years before it empties, worn hardware stays in service instead of being replaced (only growth is bought), at 'maintenance_beyond_life' (docs/conventions.md, \"Moves\").")
  static let parallelRunning = KeySpec(
    "parallel_running", .quantity(QuantityKind(.duration, example: "6 months")), default: "0 months", example: "6 months",
    meaning: "For a legacy room: months (at most 12) its running costs go on for the load that leaves it, while the new site already runs (docs/conventions.md, \"Moves\").")
  static let overhead = KeySpec(
    "overhead", .mapping(OverheadSection.spec), default: "none (the PUE stands)", example: "{fixed: 120 kW, proportional: 25 %}",
    meaning: "The facility's overhead as a fixed part and a part proportional to the IT load, instead of 'pue': the PUE then rises at part load (docs/conventions.md, \"Facility\").")
  static let inOperationSince = KeySpec(
    "in_operation_since", .year, default: "before the horizon with capacity standing, else its first year with IT load", example: "2019",
    meaning: "The year the site began operating: whether the Energy Efficiency Act's limits for existing or for new data centres apply.")
  static let serverType = KeySpec(
    "server_type", .reference("server type"), default: "the policy's server type", example: "small-2s",
    meaning: "The server type this site buys: a municipality's room its own small hosts, say (docs/conventions.md, \"Sizing\"). A tenant alone keeps its room's types.")
  static let storageType = KeySpec(
    "storage_type", .reference("storage type"), default: "the policy's storage type", example: "nas-small",
    meaning: "The storage type this site buys.")
  static let staffing = KeySpec(
    "staffing", .mapping(StaffingSection.spec), default: "the costs' 'servers_per_fte' and 'min_fte_per_site'",
    example: "{servers_per_fte: 25, min_fte: 0.5}",
    meaning: "This site's staffing rule, instead of the costs' (docs/conventions.md, \"Costs\").")
  static let rent = KeySpec(
    "rent", .mapping(RentSection.spec), default: "none (the site is owned)", example: "{per_rack: 1500 EUR/month, energy: metered, term: 5 years}",
    meaning: "A rented site (colocation): rent for the racks and IT power contracted (its 'capacity' and the modules standing) instead of space costs; its modules are contract extensions (capex: a set-up fee, if any) (docs/conventions.md, \"Rented sites\").")
  static let spec = SectionSpec(
    name: "site", summary: "A data-centre site (one entry of 'sites').",
    keys: [id, name, kind, node, decommission, closesAfterMove, loadShare, capacity, modules, pue, latitude, longitude,
           freezeBeforeMove, parallelRunning, overhead, inOperationSince, serverType, storageType, staffing, rent])
}

/// Keys of `sites[].rent`.
enum RentSection {
  static let perRack = KeySpec(
    "per_rack", .quantity(QuantityKind(.moneyRate, example: "1500 EUR/month")), default: "0 EUR/month", example: "1500 EUR/month",
    meaning: "Rent per rack position contracted.")
  static let perKW = KeySpec(
    "per_kw", .quantity(QuantityKind(.energyPrice, example: "150 EUR/kW/month")), default: "0 EUR/kW/month", example: "150 EUR/kW/month",
    meaning: "Rent per kW of IT power contracted.")
  static let energy = KeySpec(
    "energy", .choice(["metered", "included"]), default: "metered", example: "included",
    meaning: "'metered': the site's energy is paid as at an owned site (its PUE, the energy price); 'included': the rent covers it.")
  static let term = KeySpec(
    "term", .quantity(QuantityKind(.duration, example: "5 years")), default: "0 years", example: "5 years",
    meaning: "The shortest contract, from the first year with IT load: rent is paid to its end even if the site closes earlier.")
  static let notice = KeySpec(
    "notice", .quantity(QuantityKind(.duration, example: "12 months")), default: "0 months", example: "12 months",
    meaning: "Rent paid on after the site closes ('decommission_year').")
  static let perVCPU = KeySpec(
    "per_vcpu", .quantity(QuantityKind(.moneyRate, example: "20 EUR/month")), default: "none", example: "20 EUR/month",
    meaning: "A provider's service (IaaS): price per vCPU the site is sized for (failover included). The provider owns, runs, powers and houses the hardware.")
  static let perGiBRAM = KeySpec(
    "per_gib_ram", .quantity(QuantityKind(.moneyRate, example: "3 EUR/month")), default: "none", example: "3 EUR/month",
    meaning: "A provider's service: price per GiB of RAM the site is sized for.")
  static let perTiB = KeySpec(
    "per_tib", .quantity(QuantityKind(.moneyRate, example: "40 EUR/month")), default: "none", example: "40 EUR/month",
    meaning: "A provider's service: price per TiB stored at the site (the copies the plan places there; the provider's own redundancy is in its price).")
  static let spec = SectionSpec(
    name: "rent", summary: "A colocation contract for space and power, or a provider's service (IaaS) priced per vCPU, RAM and TiB (the 'rent' of a site).",
    keys: [perRack, perKW, energy, term, notice, perVCPU, perGiBRAM, perTiB])
}

/// Keys of `sites[].staffing`.
enum StaffingSection {
  static let serversPerFTE = KeySpec(
    "servers_per_fte", .number(0.001...1_000_000), default: "no staff by servers", example: "25",
    meaning: "Servers one full-time operator looks after at this site.")
  static let minimumFTE = KeySpec(
    "min_fte", .number(0...1_000_000), default: "0", example: "0.5",
    meaning: "The fewest operators this site needs while it has servers in service (a municipality's part-time administrator: 0.5).")
  static let spec = SectionSpec(
    name: "staffing", summary: "A site's staffing rule (the 'staffing' of a site).", keys: [serversPerFTE, minimumFTE])
}

/// Keys of `sites[].overhead`.
enum OverheadSection {
  static let fixed = KeySpec("fixed", .quantity(QuantityKind(.power, example: "120 kW")), required: true, example: "120 kW",
                             meaning: "Power drawn while the site runs any IT load, whatever its size (lighting, fixed cooling, idle UPS).")
  static let proportional = KeySpec("proportional", .fraction, required: true, example: "25 %",
                                    meaning: "Power drawn on top of each kW of IT load (cooling, UPS losses).")
  static let spec = SectionSpec(
    name: "overhead", summary: "A facility's overhead (the 'overhead' of a site).", keys: [fixed, proportional])
}
