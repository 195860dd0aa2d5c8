/// Something that happens to the plan in one year, to see who loses service and for how long
/// (docs/conventions.md, "Site outages").
public struct SiteOutage: Hashable, Sendable {
  /// The kinds of event.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// A whole site out for a time (a fire, a cooling failure): do the survivors carry?
    case siteOutage = "site-outage"
    /// A logical fault (ransomware, corrupted replication) in the data at a site, replicated
    /// to every site holding a copy: services are restored from backup.
    case logicalFault = "logical-fault"
  }

  /// What happens.
  public var kind: Kind = .siteOutage
  /// The site lost, or where the logical fault starts.
  public var site: String
  /// The year it happens.
  public var year: Year
  /// How long the site is out, hours (a site outage).
  public var durationHours: Double
  /// A logical fault: hours from the fault to the start of the restore (detection, decision,
  /// clean-up), and TiB per hour the backup system restores.
  public var detectionHours: Double = 0
  public var restoreTiBPerHour: Double = 0

  /// A site outage from its values.
  public init(site: String, year: Year, durationHours: Double) {
    self.site = site
    self.year = year
    self.durationHours = durationHours
  }

  /// A logical fault from its values.
  public init(logicalFaultAt site: String, year: Year, detectionHours: Double, restoreTiBPerHour: Double) {
    kind = .logicalFault
    self.site = site
    self.year = year
    durationHours = 0
    self.detectionHours = detectionHours
    self.restoreTiBPerHour = restoreTiBPerHour
  }
}
