import DCPlanJSON
import DCPlanEngine
import DCPlanModel

/// The results contract for scripts (DESIGN.md, docs/results-format.md): one JSON object,
/// snake_case members with the unit in the name, storage in TiB, RAM in GiB.
public enum ResultsJSON {
  /// The JSON object of a run.
  public static func value(_ results: PlanResults) -> JSONValue {
    let demand = results.demand
    var members: [(String, JSONValue)] = [
      ("format_version", .integer(1)),
      ("scenario", scenario(results.info)),
      ("yearly", .array(demand.years.indices.map { index in yearly(results, index) })),
      ("summary", summary(results)),
      ("site_capacity", .array(siteCapacity(results))),
      ("expansions", .array(results.expansion.expansions.map(expansion))),
      ("links", links(results)),
    ]
    members += [
      ("link_upgrades", .array(results.network.upgrades.map { upgrade in
        .object([
          ("link", .string(upgrade.link)), ("step", .integer(upgrade.step)), ("capacity_mbps", .number(upgrade.capacityMbps)),
          ("order_year", .integer(upgrade.orderYear.number)), ("ready_year", .integer(upgrade.readyYear.number)),
          ("capex_eur", .number(upgrade.capex.euros)), ("lease_eur_per_year", .number(upgrade.leasePerYear.euros)),
        ])
      })),
      ("disconnections", .array(results.network.disconnections.map { cut in
        .object([
          ("from", .string(cut.from)), ("to", .string(cut.to)), ("failure", .string(cut.failure)),
          ("peak_mbps", .number(cut.peakMbps)), ("carries", .array(cut.carries.map(JSONValue.string))),
        ])
      })),
    ]
    if !results.accessLineRows.isEmpty {
      members.append(("access_lines", .array(results.accessLineRows.map { row in
        .object([
          ("class", .string(row.accessClass)), ("year", .integer(row.year.number)), ("line_mbps", .number(row.lineMbps)),
          ("offices", .integer(row.offices)), ("lines", .integer(row.lines)), ("upgraded", .integer(row.upgraded)),
          ("over_target", .integer(row.overTarget)), ("peak_mbps", .number(row.peakMbps)),
        ])
      })))
    }
    members += [
      ("voice", .array(results.voice.gateways.map { gateway in
        .object([
          ("gateway", .string(gateway.gateway)), ("year", .integer(gateway.year.number)), ("erlangs", .number(gateway.erlangs)),
          ("trunks", .integer(gateway.trunks)), ("blocking", .number(gateway.blocking)), ("voice_mbps", .number(gateway.mbps)),
        ])
      })),
      ("voice_locations", .array(results.voice.locations.map { location in
        .object([
          ("tenant", .string(location.tenant)), ("node", .string(location.node)), ("gateway", .string(location.gateway)),
          ("year", .integer(location.year.number)), ("phones", .number(location.phones)),
          ("migrated_phones", .number(location.migratedPhones)), ("erlangs", .number(location.erlangs)),
          ("channels", .integer(location.channels)), ("voice_mbps", .number(location.mbps)),
          ("delay_ms", location.delayMs.map(JSONValue.number) ?? .null), ("n1_delay_ms", location.n1DelayMs.map(JSONValue.number) ?? .null),
        ])
      })),
      ("voice_costs", voiceCosts(results)),
    ]
    members += [
      ("site_outages", .array(results.siteOutages.map { result in
        .object([
          ("kind", .string(result.outage.kind.rawValue)),
          ("site", .string(result.outage.site)), ("year", .integer(result.outage.year.number)),
          ("duration_h", .number(result.outage.durationHours)), ("carried_share", .number(result.carriedShare)),
          ("data_share", .number(result.dataShare)), ("services_down", .array(result.servicesDown.map(JSONValue.string))),
          ("services_failed_over", .array(result.servicesFailedOver.map(JSONValue.string))),
          ("tenants_affected", .array(result.tenantsAffected.map(JSONValue.string))), ("downtime_h", .number(result.downtimeHours)),
          ("service_downtime", .array(result.serviceDowntimeHours.map { entry in
            .object([("service", .string(entry.service)), ("downtime_h", .number(entry.hours))])
          })),
        ])
      })),
    ]
    members += [
      ("availability", .array(results.availability.map { row in
        .object([
          ("service", .string(row.service)), ("tenant", .string(row.tenant)), ("year", .integer(row.year.number)),
          ("site", .string(row.placement)), ("availability", .number(row.availability)),
          ("downtime_min_per_year", .number(row.downtimeMinutesPerYear)),
          ("target", row.target.map { .number($0.availability.value) } ?? .null),
          ("target_class", row.target?.className.map(JSONValue.string) ?? .null),
          ("meets_target", .bool(row.meetsTarget)), ("dominant", .string(row.dominant)),
          ("unavailability_by_part", .object(row.contributions.map { ($0.part, JSONValue.number($0.unavailability)) })),
          ("simulated", row.simulated.map { sim in
            .object([
              ("trials", .integer(sim.trials)), ("mean_min", .number(sim.meanMinutes)),
              ("standard_error_min", .number(sim.standardErrorMinutes)), ("p50_min", .number(sim.p50Minutes)),
              ("p95_min", .number(sim.p95Minutes)), ("p99_min", .number(sim.p99Minutes)), ("events", .integer(sim.events)),
            ])
          } ?? .null),
        ])
      })),
    ]
    members += [
      ("demand_by_site", .array(demand.sites.flatMap { site in
        demand.years.indices.map { index in
          JSONValue.object([
            ("site", .string(site.site)), ("year", .integer(demand.years[index].number)),
            ("workloads", .integer(site.workloadCount[index])), ("demand", resources(site.demand, index)),
          ])
        }
      })),
      ("workload_demand", .array(demand.workloads.flatMap { row in
        demand.years.indices.map { index in
          JSONValue.object([
            ("workload", .string(row.workload)), ("tenant", .string(row.tenant)),
            ("year", .integer(demand.years[index].number)),
            ("site", row.placement[index].map(JSONValue.string) ?? .null), ("demand", resources(row.demand, index)),
          ])
        }
      })),
    ]
    members += sharingMembers(results)
    if let montecarlo = results.montecarlo { members.append(("montecarlo", Self.montecarlo(montecarlo))) }
    members += [
      ("cost_lines", .array(results.costs.lines.map { line in
        .object([
          ("year", .integer(line.year.number)), ("site", .string(line.site)), ("category", .string(line.category.rawValue)),
          ("type", .string(line.category.isCapex ? "capex" : "opex")), ("amount_eur", .number(line.amountEUR)),
          ("tenants", .array(line.tenants.map(JSONValue.string))),
          ("service_year", line.serviceYear.map { .integer($0.number) } ?? .null), ("driver", .string(line.driver)),
        ])
      })),
      ("warnings", .array(results.allWarnings.map { warning in
        .object([
          ("code", .string(warning.code.rawValue)), ("year", warning.year.map { .integer($0.number) } ?? .null),
          ("subject", warning.subject.map(JSONValue.string) ?? .null), ("message", .string(warning.message)),
          ("accepted_reason", warning.acceptedReason.map(JSONValue.string) ?? .null),
        ])
      })),
    ]
    return .object(members)
  }

  private static func yearly(_ results: PlanResults, _ y: Int) -> JSONValue {
    let sum = { (values: (Int) -> Double) in results.sizing.indices.reduce(0.0) { $0 + values($1) } }
    return .object([
      ("year", .integer(results.demand.years[y].number)),
      ("demand", resources(results.demand.totals, y)),
      ("capacity", .object([
        ("servers", .integer(results.sizing.reduce(0) { $0 + $1.servers[y] })),
        ("storage_units", .integer(results.sizing.reduce(0) { $0 + $1.storageUnits[y] })),
        ("servers_bought", .integer(results.fleets.reduce(0) { $0 + $1.servers.purchases[y] })),
        ("storage_units_bought", .integer(results.fleets.reduce(0) { $0 + $1.storage.purchases[y] })),
      ])),
      ("facility", .object([
        ("racks", .integer(results.facility.reduce(0) { $0 + $1.racks[y] })),
        ("it_kw", .number(sum { results.facility[$0].itKW[y] })),
        ("it_peak_kw", .number(sum { results.facility[$0].itPeakKW[y] })),
        ("facility_kw", .number(sum { results.facility[$0].facilityKW[y] })),
        ("energy_mwh", .number(sum { results.facility[$0].energyMWh[y] })),
      ])),
      ("costs", .object([
        ("capex_eur", .number(results.costs.capexEUR[y])), ("opex_eur", .number(results.costs.opexEUR[y])),
        ("residual_value_eur", .number(-results.costs.residualEUR[y])), ("total_eur", .number(results.costs.totalEUR[y])),
      ])),
    ])
  }

  /// One row per link and year, made as it is written (a state has tens of thousands).
  private static func links(_ results: PlanResults) -> JSONValue {
    let years = results.demand.years
    return .lazyArray(count: results.network.links.count * years.count) { row in
      let link = results.network.links[row / years.count]
      let y = row % years.count
      // As ``LinkResult/utilisation`` and ``LinkResult/n1Utilisation`` give them, for one year.
      let capacity = link.capacityMbps[y]
      let utilisation = capacity > 0 ? link.loadMbps[y] / capacity : 0
      let n1 = capacity > 0 ? link.n1LoadMbps[y] / capacity : 0
      return JSONValue.object([
        ("id", .string(link.id)), ("from", .string(link.from)), ("to", .string(link.to)),
        ("year", .integer(years[y].number)), ("capacity_mbps", .number(link.capacityMbps[y])),
        ("load_mbps", .number(link.loadMbps[y])),
        ("load_mbps_forward", .number(y < link.forwardLoadMbps.count ? link.forwardLoadMbps[y] : link.loadMbps[y])),
        ("load_mbps_reverse", .number(y < link.reverseLoadMbps.count ? link.reverseLoadMbps[y] : link.loadMbps[y])),
        ("voice_mbps", .number(link.voiceMbps[y])),
        ("voice_share", .number(link.voiceShare[y])), ("utilisation", .number(utilisation)),
        ("n1_load_mbps", .number(link.n1LoadMbps[y])), ("n1_utilisation", .number(n1)),
        ("n1_worst_failure", link.n1WorstFailure[y].map(JSONValue.string) ?? .null),
        ("upgrade", link.upgradeStep[y].map { .integer($0) } ?? .null),
      ])
    }
  }

  private static func voiceCosts(_ results: PlanResults) -> JSONValue {
    let comparison = results.voiceComparison
    return .object([
      ("yearly", .array(results.demand.years.indices.map { y in
        .object([
          ("year", .integer(results.demand.years[y].number)), ("separate_eur", .number(comparison.separateEUR[y])),
          ("converged_eur", .number(comparison.convergedEUR[y])),
          ("saving_eur", .number(comparison.separateEUR[y] - comparison.convergedEUR[y])),
        ])
      })),
      ("separate_npv_eur", .number(comparison.separateNPV)), ("converged_npv_eur", .number(comparison.convergedNPV)),
      ("saving_npv_eur", .number(comparison.separateNPV - comparison.convergedNPV)),
    ])
  }

  private static func summary(_ results: PlanResults) -> JSONValue {
    let worstN1: Double = results.network.links.flatMap(\.n1Utilisation).max() ?? 0
    let shortfall: JSONValue = results.firstShortfallYear.map { .integer($0.number) } ?? .null
    var members: [(String, JSONValue)] = [
      (SummaryFigure.npvEUR.rawValue, .number(results.costs.npvEUR)),
      (SummaryFigure.totalCapexEUR.rawValue, .number(results.costs.capexEUR.reduce(0, +))),
      (SummaryFigure.totalOpexEUR.rawValue, .number(results.costs.opexEUR.reduce(0, +))),
    ]
    members.append(("first_shortfall_year", shortfall))
    members.append(("worst_n1_utilisation", .number(worstN1)))
    members.append((SummaryFigure.tcoEUR.rawValue, .number(results.costs.totalEUR.reduce(0, +))))
    members.append((SummaryFigure.residualValueEUR.rawValue, .number(results.costs.residualValueEUR)))
    let unserved = [SummaryFigure.unservedVCPUYears, .unservedTiBYears, .linkOverloadMbpsYears]
    for figure in unserved { members.append((figure.rawValue, .number(figure.value(results)))) }
    members.append(("co2_tonnes", .number(results.emissions.reduce(0) { $0 + $1.tonnesCO2 })))
    members.append(("stranded_hardware_eur", .number(results.stranded.reduce(0) { $0 + $1.bookValueEUR })))
    members.append(("money", money(results)))
    members.append(("allocation_method", .string(results.sharing.method.rawValue)))
    let rate = results.info.discountRate.value
    let alone = results.sharing.tenants.reduce(0.0) { $0 + NPV.value($1.standaloneEUR, rate: rate) }
    members.append(("sharing_saving_npv_eur", results.sharing.tenants.isEmpty ? .null : .number(alone - results.sharedPlanPaidNPV)))
    // Whether every tenant's alone option meets the targets the shared plan meets (null: no
    // availability figures).
    let known = results.likeForLike.compactMap(\.meetsTargets)
    members.append(("sharing_like_for_like", known.isEmpty ? .null : .bool(known.allSatisfy { $0 })))
    return .object(members)
  }

  private static func siteCapacity(_ results: PlanResults) -> [JSONValue] {
    results.sizing.indices.flatMap { index in
      results.demand.years.indices.map { y in
        let sized = results.sizing[index]
        let needs = results.facility[index]
        let capacity = results.expansion.capacity[index][y]
        let fleet = results.fleets[index]
        return JSONValue.object([
          ("site", .string(sized.site)), ("year", .integer(results.demand.years[y].number)),
          ("sized_vcpu", .number(sized.sizedVCPU[y])), ("sized_ram_gib", .number(sized.sizedRAMGiB[y])),
          ("stored_tib", .number(sized.storedTiB[y])), ("clusters", .integer(sized.clusters[y])),
          ("servers", .integer(sized.servers[y])), ("servers_bought", .integer(fleet.servers.purchases[y])),
          ("servers_replaced", .integer(fleet.servers.replacements[y])),
          ("storage_units", .integer(sized.storageUnits[y])), ("storage_units_bought", .integer(fleet.storage.purchases[y])),
          ("racks", .integer(needs.racks[y])), ("it_kw", .number(needs.itKW[y])), ("it_peak_kw", .number(needs.itPeakKW[y])),
          ("pue", .number(needs.pue[y])), ("facility_kw", .number(needs.facilityKW[y])), ("energy_mwh", .number(needs.energyMWh[y])),
          ("racks_capacity", .integer(capacity.racks)), ("it_capacity_kw", .number(capacity.itPower.kilowatts)),
          ("cooling_capacity_kw", .number(capacity.cooling.kilowatts)),
        ])
      }
    }
  }

  private static func expansion(_ module: Expansion) -> JSONValue {
    .object([
      ("site", .string(module.site)), ("module", .string(module.module)), ("order_year", .integer(module.orderYear.number)),
      ("ready_year", .integer(module.readyYear.number)), ("racks", .integer(module.capacity.racks)),
      ("it_kw", .number(module.capacity.itPower.kilowatts)), ("cooling_kw", .number(module.capacity.cooling.kilowatts)),
      ("capex_eur", .number(module.capex.euros)), ("fixed", .bool(module.isFixed)),
    ])
  }

  private static func scenario(_ info: ScenarioInfo) -> JSONValue {
    .object([
      ("name", .string(info.name)), ("description", .string(info.description)),
      ("seed", .integer(Int(clamping: info.seed))),
      ("horizon", .array([.integer(info.horizon.first.number), .integer(info.horizon.last.number)])),
      ("currency", .string(info.currency)), ("discount_rate", .number(info.discountRate.value)),
    ])
  }

  private static func resources(_ series: ResourceSeries, _ index: Int) -> JSONValue {
    .object([
      ("vcpu", .number(series.vcpu[index])), ("ram_gib", .number(series.ramGiB[index])),
      ("storage_tib", .number(series.storageTiB[index])),
    ])
  }
}
