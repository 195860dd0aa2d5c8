import DCPlanJSON
import DCPlanEngine
import DCPlanModel

/// The JSON members of cost sharing, budgets and capital costs (docs/results-format.md).
extension ResultsJSON {
  static func sharingMembers(_ results: PlanResults) -> [(String, JSONValue)] {
    let years = results.demand.years
    let rate = results.info.discountRate.value
    let sharing = results.sharing
    func optional(_ values: [Double]?, _ y: Int) -> JSONValue { values.map { .number($0[y]) } ?? .null }
    func npv(_ values: [Double]?) -> JSONValue { values.map { .number(NPV.value($0, rate: rate)) } ?? .null }
    var members: [(String, JSONValue)] = [
      ("tenants", .array(sharing.tenants.flatMap { tenant in
        years.indices.map { y in
          JSONValue.object([
            ("id", .string(tenant.tenant)), ("year", .integer(years[y].number)), ("cost_eur", .number(tenant.costEUR[y])),
            ("standalone_cost_eur", .number(tenant.standaloneEUR[y])), ("saving_eur", .number(tenant.savingEUR[y])),
            ("usage_eur", .number(tenant.usageEUR[y])), ("keys_eur", optional(tenant.keysEUR, y)),
            ("shapley_eur", optional(tenant.shapleyEUR, y)), ("network_eur", .number(tenant.networkEUR[y])),
          ])
        }
      })),
      ("tenant_totals", .array(sharing.tenants.map { tenant in
        .object([
          ("id", .string(tenant.tenant)), ("cost_npv_eur", npv(tenant.costEUR)),
          ("standalone_npv_eur", npv(tenant.standaloneEUR)), ("saving_npv_eur", npv(tenant.savingEUR)),
          ("usage_npv_eur", npv(tenant.usageEUR)), ("keys_npv_eur", npv(tenant.keysEUR)),
          ("shapley_npv_eur", npv(tenant.shapleyEUR)), ("network_npv_eur", npv(tenant.networkEUR)),
          ("standalone_shortfall_year", tenant.standaloneShortfallYear.map { .integer($0.number) } ?? .null),
          ("vat_on_charge_npv_eur", .number(tenant.vatOnChargeEUR.isEmpty ? 0 : NPV.value(tenant.vatOnChargeEUR, rate: rate))),
        ] + likeForLike(results.likeForLike.first { $0.tenant == tenant.tenant }))
      })),
    ]
    members.append(("sharing", .object([
      ("method", .string(sharing.method.rawValue)),
      ("shapley", .string(sharing.shapleySamples.map { $0 == 0 ? "exact" : "sampled" } ?? "not computed")),
      ("shapley_samples", sharing.shapleySamples.map { .integer($0) } ?? .null),
      ("shapley_standard_error_npv_eur", .number(sharing.shapleyStandardErrorNPV)),
      ("blocking_coalition", sharing.blockingCoalition.map { coalition in
        .object([
          ("members", .array(coalition.members.map(JSONValue.string))), ("excess_npv_eur", .number(coalition.excessNPV)),
        ])
      } ?? .null),
    ])))
    members.append(("budgets", .array(results.budgets.flatMap { budget in
      years.indices.map { y in
        JSONValue.object([
          ("id", .string(budget.id)), ("body", budget.body.map(JSONValue.string) ?? .null), ("year", .integer(years[y].number)),
          ("period_first_year", .integer(budget.periods[y].lowerBound.number)),
          ("period_last_year", .integer(budget.periods[y].upperBound.number)),
          ("categories", .array(budget.categories.map { .string($0.rawValue) })),
          ("budget_eur", .number(budget.budgetEUR[y])), ("carried_in_eur", .number(budget.carriedInEUR[y])),
          ("spent_eur", .number(budget.spentEUR[y])), ("headroom_eur", .number(budget.headroomEUR[y])),
          ("commitments_eur", .number(budget.commitmentsEUR[y])),
          ("commitment_appropriation_eur", budget.commitmentAppropriationEUR.map { .number($0[y]) } ?? .null),
        ])
      }
    })))
    members.append(("commitments", .array(results.commitments.map { commitment in
      .object([
        ("year", .integer(commitment.year.number)), ("category", .string(commitment.category.rawValue)),
        ("site", .string(commitment.site)), ("what", .string(commitment.what)),
        ("first_payment_year", .integer(commitment.paymentYears.lowerBound.number)),
        ("last_payment_year", .integer(commitment.paymentYears.upperBound.number)),
        ("amount_eur", .number(commitment.amountEUR)),
      ])
    })))
    members.append(("status_quo", .array(StatusQuo.rows(results).map { row in
      .object([
        ("year", .integer(row.year.number)), ("shared_eur", .number(row.sharedEUR)), ("alone_eur", .number(row.aloneEUR)),
        ("extra_eur", .number(row.extraEUR)),
      ])
    })))
    members.append(("emissions", .array(results.emissions.map { row in
      .object([
        ("site", .string(row.site)), ("year", .integer(row.year.number)), ("energy_mwh", .number(row.energyMWh)),
        ("pue", .number(row.pue)), ("grams_per_kwh", .number(row.gramsPerKWh)), ("tonnes_co2", .number(row.tonnesCO2)),
      ])
    })))
    members.append(("stranded_hardware", .array(results.stranded.map { entry in
      .object([
        ("site", .string(entry.site)), ("year", .integer(entry.year.number)), ("kind", .string(entry.kind)),
        ("units", .integer(entry.units)), ("bought_year", entry.boughtYear.map { .integer($0.number) } ?? .null),
        ("years_left", .integer(entry.yearsLeft)), ("life_years", .integer(entry.lifeYears)),
        ("book_value_eur", .number(entry.bookValueEUR)),
      ])
    })))
    let capital = results.capital
    members.append(("capital", .array(capital.classes.indices.flatMap { c in
      years.indices.map { y in
        JSONValue.object([
          ("category", .string(capital.classes[c].category.rawValue)), ("life_years", .integer(capital.classes[c].lifeYears)),
          ("year", .integer(years[y].number)), ("depreciation_eur", .number(capital.depreciationEUR[c][y])),
          ("annuity_eur", .number(capital.annuityEUR[c][y])),
        ])
      }
    })))
    return members
  }

  static func money(_ results: PlanResults) -> JSONValue {
    let rate: [(String, JSONValue)] = [
      ("discount_rate_basis", .string(results.discountRateBasis.rawValue)),
      ("discount_rate_basis_stated", .bool(results.info.discountRateBasis != nil)),
      ("vat", results.vat.map { vat in
        .object([("rate", .number(vat.rate)), ("cooperative", .string(vat.cooperativeCharges.rawValue))])
      } ?? .null),
    ]
    switch results.money {
    case .nominal:
      return .object([("basis", .string("nominal")), ("inflation", .null), ("base_year", .null)] + rate)
    case let .real(inflation):
      return .object([
        ("basis", .string("real")), ("inflation", .number(inflation.perYear)),
        ("base_year", .integer(results.info.horizon.first.number)),
      ] + rate)
    }
  }

  /// Whether the tenant's standalone plan meets its services' targets as the shared plan does.
  private static func likeForLike(_ entry: TenantLikeForLike?) -> [(String, JSONValue)] {
    [
      ("standalone_meets_targets", entry?.meetsTargets.map(JSONValue.bool) ?? .null),
      ("standalone_target_gap_min_per_year", .number(entry?.shortfallMinutesPerYear ?? 0)),
      ("standalone_worst_service", entry?.worstService.map(JSONValue.string) ?? .null),
    ]
  }
}
