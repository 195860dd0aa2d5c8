import DCPlanModel

/// Decoding of the components section.
extension ScenarioDecoder {
  func decodeComponents(_ node: Node) -> Components? {
    typealias C = ComponentsSection
    guard let reader = MappingReader(node, spec: C.spec, path: "components", label: "section 'components'", context: context)
    else { return nil }
    defer { reader.finish() }
    func part(_ key: KeySpec, _ mtbf: Double, _ mttr: Double) -> Reliability {
      guard let node = reader.node(key),
        let entry = MappingReader(node, spec: ReliabilitySection.spec, path: "components.\(key.name)", label: "'\(key.name)' of section 'components'", context: context)
      else { return Reliability(mtbfHours: mtbf, mttrHours: mttr) }
      defer { entry.finish() }
      func hours(_ spec: KeySpec, _ fallback: Double) -> Double {
        guard let seconds = entry.quantity(spec, QuantityKind(.duration, example: spec.example))?.value.baseValue else { return fallback }
        guard seconds > 0 else {
          context.error("'\(spec.name)' of '\(key.name)' must be more than zero", at: entry.position(of: spec))
          return fallback
        }
        return seconds / 3600
      }
      return Reliability(mtbfHours: hours(ReliabilitySection.mtbf, mtbf), mttrHours: hours(ReliabilitySection.mttr, mttr))
    }
    func hours(_ key: KeySpec, _ fallback: Double) -> Double {
      (reader.quantity(key, QuantityKind(.duration, example: key.example))?.value.baseValue).map { $0 / 3600 } ?? fallback
    }
    var components = Components(
      server: part(C.server, 50_000, 8), storageUnit: part(C.storageUnit, 200_000, 8), link: part(C.link, 20_000, 6),
      node: part(C.node, 100_000, 4), power: reader.has(C.power) ? part(C.power, 100_000, 8) : nil,
      ups: part(C.ups, 250_000, 8), generator: part(C.generator, 5_000, 24), mains: part(C.mains, 8_760, 2),
      cooling: part(C.cooling, 50_000, 12),
      site: part(C.site, 876_000, 72), repairCrews: reader.integer(C.crews, in: 1...10_000) ?? 1,
      failoverHours: hours(C.failoverTime, 0.25), failoverSuccess: reader.fraction(C.failoverSuccess) ?? Fraction(0.99) ?? .one,
      manualSwitchHours: max(1e-6, hours(C.manualSwitch, 1)))
    components.commonCauses = list(reader, C.commonCause, CommonCauseSection.spec) { entry, index -> CommonCause? in
      var entry = entry
      entry.label = "common cause \(index + 1)"
      defer { entry.finish() }
      let name = entry.text(CommonCauseSection.name) ?? "common cause \(index + 1)"
      let sites = entry.identifierList(CommonCauseSection.sites) ?? []
      if entry.has(CommonCauseSection.sites), sites.count < 2 {
        context.error("'sites' of common cause '\(name)' must name at least two sites (one site alone is its 'site' part)",
                      at: entry.position(of: CommonCauseSection.sites))
      }
      func hours(_ spec: KeySpec) -> Double? {
        guard let seconds = entry.quantity(spec, QuantityKind(.duration, example: spec.example))?.value.baseValue else { return nil }
        guard seconds > 0 else {
          context.error("'\(spec.name)' of common cause '\(name)' must be more than zero", at: entry.position(of: spec))
          return nil
        }
        return seconds / 3600
      }
      guard let mtbf = hours(ReliabilitySection.mtbf), let mttr = hours(ReliabilitySection.mttr) else { return nil }
      return CommonCause(name: name, sites: sites.map(\.id), reliability: Reliability(mtbfHours: mtbf, mttrHours: mttr))
    }
    return components
  }
}

extension ScenarioDecoder {
  /// The events: site outages and logical faults for the availability stage; site losses are
  /// set on their sites (``Site/lossYear``) and checked (``applySiteLosses(_:to:)``).
  func decodeEvents(_ reader: MappingReader, horizon: YearRange, sites: inout [Site]) -> [SiteOutage] {
    var losses: [SiteLossEvent] = []
    let outages = list(reader, DocumentSection.events, EventSection.spec) { entry, index -> SiteOutage? in
      decodeEvent(entry, index, horizon: horizon, losses: &losses)
    }
    applySiteLosses(losses, to: &sites)
    return outages
  }

  /// A site loss as written: which site, from which year, where.
  struct SiteLossEvent {
    let site: String
    let year: Year
    let index: Int
    let sitePosition: SourcePosition
    let yearPosition: SourcePosition
  }

  /// Sets each lost site's ``Site/lossYear``, reporting a site that is not shared or unknown,
  /// lost twice, a second loss year, and a loss that leaves no shared site running.
  func applySiteLosses(_ losses: [SiteLossEvent], to sites: inout [Site]) {
    guard let first = losses.first else { return }
    for loss in losses {
      guard let s = sites.firstIndex(where: { $0.id == loss.site }) else {
        let hint = Spelling.nearest(to: loss.site, among: sites.map(\.id)).map { "did you mean '\($0)'?" }
          ?? "name one of the sites in 'sites'"
        context.error("event \(loss.index + 1) loses site '\(loss.site)', which is not in 'sites'; \(hint)", at: loss.sitePosition)
        continue
      }
      guard sites[s].kind == .shared else {
        context.error(
          "event \(loss.index + 1) loses site '\(loss.site)', a legacy room; a site loss is for shared sites (a legacy room's "
            + "tenants have nowhere else to go): move the tenant's 'joins_shared_dc' earlier or the room's 'decommission_year' instead",
          at: loss.sitePosition)
        continue
      }
      guard loss.year == first.year else {
        context.error(
          "event \(loss.index + 1) loses a site in \(loss.year), event \(first.index + 1) in \(first.year); dcplan plays one "
            + "loss year per scenario: give every 'site-loss' the same year, or compare two scenarios",
          at: loss.yearPosition)
        continue
      }
      guard sites[s].lossYear == nil else {
        context.error("site '\(loss.site)' is lost twice; keep one 'site-loss' event for it", at: loss.sitePosition)
        continue
      }
      sites[s].lossYear = loss.year
    }
    let survivors = sites.filter { $0.kind == .shared && $0.isOperating(in: first.year) }
    if sites.contains(where: { $0.lossYear != nil }), survivors.isEmpty {
      context.error(
        "the site loss in \(first.year) leaves no shared site running; its load would have nowhere to go: add a shared "
          + "site that survives, or drop the event",
        at: first.sitePosition)
    }
  }

  private func decodeEvent(_ entry: MappingReader, _ index: Int, horizon: YearRange, losses: inout [SiteLossEvent]) -> SiteOutage? {
    typealias E = EventSection
    var entry = entry
    entry.label = "event \(index + 1)"
    defer { entry.finish() }
    let kindName = entry.choice(E.kind, E.kinds)
    let kind = kindName.flatMap(SiteOutage.Kind.init) ?? .siteOutage
    let site = entry.identifier(E.site) ?? ""
    guard let year = entry.year(E.year) else { return nil }
    if !horizon.contains(year) {
      context.error("'year' of event \(index + 1) must lie in the horizon \(horizon.first)..\(horizon.last); found \(year)",
                    at: entry.position(of: E.year))
    }
    if kindName == E.siteLoss {
      for key in [E.duration, E.detection, E.restoreRate] where entry.has(key) {
        context.error("'\(key.name)' is not for a site loss, which lasts to the horizon's end; remove it",
                      at: entry.keyPosition(of: key))
      }
      if horizon.contains(year) {
        losses.append(SiteLossEvent(
          site: site, year: year, index: index, sitePosition: entry.position(of: E.site), yearPosition: entry.position(of: E.year)))
      }
      return nil
    }
    func seconds(_ key: KeySpec) -> Double? {
      entry.quantity(key, QuantityKind(.duration, example: key.example))?.value.baseValue
    }
    switch kind {
    case .siteOutage:
      for key in [E.detection, E.restoreRate] where entry.has(key) {
        context.error("'\(key.name)' is for a logical fault; event \(index + 1) is a site outage; remove it",
                      at: entry.keyPosition(of: key))
      }
      guard entry.has(E.duration) else {
        context.error("event \(index + 1) (a site outage) needs 'duration'; add e.g. 'duration: 72 h'", at: entry.position)
        return nil
      }
      guard let duration = seconds(E.duration) else { return nil }
      if duration <= 0 {
        context.error("'duration' of event \(index + 1) must be more than zero", at: entry.position(of: E.duration))
      }
      return SiteOutage(site: site, year: year, durationHours: duration / 3600)
    case .logicalFault:
      if entry.has(E.duration) {
        context.error("'duration' is for a site outage; a logical fault lasts until the data is restored: give 'detection' and 'restore_rate'",
                      at: entry.keyPosition(of: E.duration))
      }
      guard entry.has(E.restoreRate) else {
        context.error("event \(index + 1) (a logical fault) needs 'restore_rate', the backup system's throughput; add e.g. 'restore_rate: 10 TiB/h'",
                      at: entry.position)
        return nil
      }
      guard let rate = entry.quantity(E.restoreRate, QuantityKind(.bandwidth, example: "10 TiB/h"))?.value.baseValue else { return nil }
      guard rate > 0 else {
        context.error("'restore_rate' of event \(index + 1) must be more than zero", at: entry.position(of: E.restoreRate))
        return nil
      }
      let detection = seconds(E.detection) ?? 0
      // Bytes per second to TiB per hour.
      return SiteOutage(
        logicalFaultAt: site, year: year, detectionHours: max(0, detection) / 3600,
        restoreTiBPerHour: rate * 3600 / 1_099_511_627_776)
    }
  }
}
