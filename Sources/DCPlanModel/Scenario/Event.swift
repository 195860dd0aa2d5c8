/// Something that happens to the plan in one year: so far, a site out for a time (a fire, a
/// cyber attack), to see whether the survivors carry the load and who loses service.
public struct SiteOutage: Hashable, Sendable {
  /// The site lost.
  public var site: String
  /// The year it happens.
  public var year: Year
  /// How long it is out, hours.
  public var durationHours: Double

  /// An outage from its values.
  public init(site: String, year: Year, durationHours: Double) {
    self.site = site
    self.year = year
    self.durationHours = durationHours
  }
}
