/// Telephony on the shared network: phones, traffic, codec and framing, grade of service,
/// gateways, migration from the legacy lines and the costs of both worlds
/// (docs/conventions.md, "Voice").
public struct Voice: Hashable, Sendable {
  /// Busy-hour traffic per phone, Erlang.
  public var erlangsPerPhone: Double
  /// Phones per employee, unless a tenant sets its own.
  public var phonesPerEmployee: Double
  /// Tenants with their own number of phones, in scenario order.
  public var tenantPhones: [TenantPhones]
  /// Share of the traffic that leaves the location for the public network or another site.
  public var externalShare: Fraction
  /// The codec's name (`G.711`, `G.729`, `G.722`, `Opus`).
  public var codecName: String
  /// Opus's fixed bit rate, bit/s.
  public var opusBitsPerSecond: Double
  /// Packetisation, ms.
  public var packetisationMs: Double
  /// IPv6 instead of IPv4.
  public var ipv6: Bool
  /// An 802.1Q tag on every frame.
  public var vlanTag: Bool
  /// Tunnel overhead per packet, bytes.
  public var tunnelBytes: Int
  /// Count Ethernet's preamble and inter-frame gap.
  public var ethernetLayer1: Bool
  /// Blocking allowed at gateways and on each location's channels.
  public var gradeOfService: Fraction
  /// The gateways to the public network.
  public var gateways: [VoiceGateway]
  /// Share of phones migrated to the converged network, by year.
  public var migration: YearValue
  /// Jitter buffer at the receiver, ms.
  public var jitterBufferMs: Double
  /// One-way delay allowed (ITU-T G.114: 150 ms), ms.
  public var delayBudgetMs: Double
  /// Legacy line per phone per year, EUR.
  public var legacyLinePerPhoneYear: YearValue
  /// PBX maintenance per legacy phone per year, EUR.
  public var pbxPerPhoneYear: YearValue
  /// SIP trunk per channel per year, EUR.
  public var sipPerChannelYear: YearValue
  /// Price of one IP phone, EUR (bought when a phone migrates).
  public var ipPhonePrice: Double
  /// Whether each gateway's trunks are sized to keep the grade of service with any one other
  /// gateway down (its calls moved to their next-nearest gateway).
  public var sizeForGatewayFailure = false
  /// The legacy PBXs of the phones not yet migrated, costed per PBX and per trunk channel;
  /// nil: legacy telephony is costed per phone only (docs/conventions.md, "Voice costs").
  public var legacyPBXs: LegacyPBXs?

  /// A voice section from its values.
  public init(
    erlangsPerPhone: Double, phonesPerEmployee: Double, tenantPhones: [TenantPhones], externalShare: Fraction,
    codecName: String, opusBitsPerSecond: Double, packetisationMs: Double, ipv6: Bool, vlanTag: Bool, tunnelBytes: Int,
    ethernetLayer1: Bool, gradeOfService: Fraction, gateways: [VoiceGateway], migration: YearValue, jitterBufferMs: Double,
    delayBudgetMs: Double, legacyLinePerPhoneYear: YearValue, pbxPerPhoneYear: YearValue, sipPerChannelYear: YearValue,
    ipPhonePrice: Double
  ) {
    self.erlangsPerPhone = erlangsPerPhone
    self.phonesPerEmployee = phonesPerEmployee
    self.tenantPhones = tenantPhones
    self.externalShare = externalShare
    self.codecName = codecName
    self.opusBitsPerSecond = opusBitsPerSecond
    self.packetisationMs = packetisationMs
    self.ipv6 = ipv6
    self.vlanTag = vlanTag
    self.tunnelBytes = tunnelBytes
    self.ethernetLayer1 = ethernetLayer1
    self.gradeOfService = gradeOfService
    self.gateways = gateways
    self.migration = migration
    self.jitterBufferMs = jitterBufferMs
    self.delayBudgetMs = delayBudgetMs
    self.legacyLinePerPhoneYear = legacyLinePerPhoneYear
    self.pbxPerPhoneYear = pbxPerPhoneYear
    self.sipPerChannelYear = sipPerChannelYear
    self.ipPhonePrice = ipPhonePrice
  }

  /// The phones of `tenant` in `year`.
  public func phones(of tenant: Tenant, in year: Year) -> Double {
    phoneCount(of: tenant).phones(of: tenant, in: year)
  }

  /// How `tenant`'s phones are counted: its own entry, or the default per employee.
  public func phoneCount(of tenant: Tenant) -> PhoneCount {
    tenantPhones.first(where: { $0.tenant == tenant.id })?.phones ?? .perEmployee(phonesPerEmployee)
  }
}

/// A tenant's own number of phones.
public struct TenantPhones: Hashable, Sendable {
  /// The tenant's id.
  public var tenant: String
  /// Its phones.
  public var phones: PhoneCount

  /// An entry from its values.
  public init(tenant: String, phones: PhoneCount) {
    self.tenant = tenant
    self.phones = phones
  }
}

/// A number of phones: fixed, or per employee.
public enum PhoneCount: Hashable, Sendable {
  /// This many phones whatever the headcount.
  case absolute(Double)
  /// This many phones per employee.
  case perEmployee(Double)

  /// The phones of `tenant` in `year`.
  public func phones(of tenant: Tenant, in year: Year) -> Double {
    switch self {
    case let .absolute(count): return count
    case let .perEmployee(perHead): return perHead * tenant.employees.employees(in: year)
    }
  }
}

/// A gateway to the public network (SIP trunks, session border controller).
public struct VoiceGateway: Hashable, Sendable, Identifiable {
  /// The id tables name.
  public var id: String
  /// The network node it sits on.
  public var node: String
  /// What it costs, once, in the first year it carries calls (EUR).
  public var capex: Double
  /// SIP trunk channels contracted: a year needing more is a shortfall of the trunk group;
  /// nil when the group is sized to the year's need (no shortfall).
  public var trunks: Int?

  /// A gateway from its values.
  public init(id: String, node: String, capex: Double, trunks: Int? = nil) {
    self.id = id
    self.node = node
    self.capex = capex
    self.trunks = trunks
  }
}

/// The legacy telephone systems: phones not yet migrated sit on PBXs of `phonesPerPBX`, each
/// maintained at a price a year and connected to the public network by ISDN trunk channels
/// sized by Erlang B (docs/conventions.md, "Voice costs").
public struct LegacyPBXs: Hashable, Sendable {
  /// Phones one PBX serves: a location's PBXs are ⌈unmigrated phones ÷ this⌉.
  public var phonesPerPBX: Double
  /// Maintenance and operation of one PBX per year, EUR.
  public var maintenancePerPBXYear: YearValue
  /// One ISDN trunk channel (a B channel) per year, EUR.
  public var isdnChannelYear: YearValue
  /// The first year ISDN trunks are no longer offered: PBXs still running then are connected
  /// by SIP trunk channels at the gateways' price, and a warning says how many; nil: never.
  public var isdnEndYear: Year?

  /// The legacy PBXs from their values.
  public init(phonesPerPBX: Double, maintenancePerPBXYear: YearValue, isdnChannelYear: YearValue, isdnEndYear: Year?) {
    self.phonesPerPBX = phonesPerPBX
    self.maintenancePerPBXYear = maintenancePerPBXYear
    self.isdnChannelYear = isdnChannelYear
    self.isdnEndYear = isdnEndYear
  }
}
