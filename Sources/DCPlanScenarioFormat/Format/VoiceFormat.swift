import DCPlanModel

/// Keys of the `voice` section.
enum VoiceSection {
  static let perPhoneRate = QuantityKind(.moneyRate, example: "30 EUR/month")
  static let erlangs = KeySpec("erlangs_per_phone", .number(0...1), default: "from calls and holding time, else 0.1",
                              example: "0.1", meaning: "Busy-hour traffic per phone in Erlang.")
  static let calls = KeySpec("calls_per_hour", .number(0...1000), default: "none", example: "2",
                             meaning: "Busy-hour calls per phone; with 'holding_time' instead of 'erlangs_per_phone'.")
  static let holding = KeySpec("holding_time", .quantity(QuantityKind(.duration, example: "180 s")), default: "none",
                               example: "180 s", meaning: "Mean call duration; Erlang = calls per hour × holding time ÷ 1 h.")
  static let phonesPerEmployee = KeySpec("phones_per_employee", .number(0...100), default: "1", example: "1",
                                         meaning: "Phones per employee of every tenant not listed under 'tenants'.")
  static let tenants = KeySpec("tenants", .list(VoiceTenantSection.spec), default: "none",
                               example: "[{tenant: kdo, phones: 0.8 phone/employee}]", meaning: "Tenants with their own number of phones.")
  static let external = KeySpec("external_share", .fraction, default: "60 %", example: "60 %",
                                meaning: "Share of the traffic that leaves the location (public network, other sites) through a gateway.")
  static let codec = KeySpec("codec", .choice(Codec.names), default: "G.711", example: "G.711", meaning: "The voice codec.")
  static let opusBitrate = KeySpec("opus_bitrate", .quantity(QuantityKind(.bandwidth, example: "32 kbit/s")), default: "32 kbit/s",
                                   example: "24 kbit/s", meaning: "Opus only: its fixed bit rate.")
  static let packetisation = KeySpec("packetisation", .quantity(QuantityKind(.duration, example: "20 ms")), default: "20 ms",
                                     example: "20 ms", meaning: "Voice per packet: 10, 20, 30 or 40 ms.")
  static let ipVersion = KeySpec("ip_version", .choice(["IPv4", "IPv6"]), default: "IPv4", example: "IPv6",
                                 meaning: "IP header of 20 (IPv4) or 40 bytes (IPv6).")
  static let vlan = KeySpec("vlan_tag", .boolean, default: "false", example: "true", meaning: "An 802.1Q tag (4 bytes) on every frame.")
  static let tunnel = KeySpec("tunnel_overhead", .quantity(QuantityKind(.information, example: "56 B")), default: "0 B",
                              example: "56 B", meaning: "Tunnel bytes per packet (IPsec, MPLS labels at 4 B each).")
  static let layer1 = KeySpec("ethernet_layer1", .boolean, default: "false", example: "true",
                              meaning: "Count Ethernet's preamble and inter-frame gap (20 bytes per frame).")
  static let grade = KeySpec("grade_of_service", .fraction, default: "1 %", example: "1 %",
                             meaning: "Blocking allowed, for gateway trunks and for each location's channels (Erlang B).")
  static let gateways = KeySpec("gateways", .list(GatewaySection.spec), required: true,
                                example: "[{id: gw-hannover, node: hannover, capex: 250 kEUR}]",
                                meaning: "Gateways to the public network; each location uses the nearest by routing weight.")
  static let convergence = KeySpec("convergence_year", .year, default: "none", example: "2019",
                                   meaning: "The year all phones move to the converged network. Not with 'migration'.")
  static let migration = KeySpec("migration", .quantityOrYearTable(QuantityKind(.dimensionless, example: "50 %")),
                                 default: "100 % from the first year", example: "{2018: 0 %, 2020: 100 %}",
                                 meaning: "Share of phones migrated, by year (a per-year table, linear in between).")
  static let jitter = KeySpec("jitter_buffer", .quantity(QuantityKind(.duration, example: "40 ms")), default: "40 ms",
                              example: "40 ms", meaning: "Receiver jitter buffer, part of the one-way delay.")
  static let budget = KeySpec("delay_budget", .quantity(QuantityKind(.duration, example: "150 ms")), default: "150 ms",
                              example: "150 ms", meaning: "One-way delay allowed (ITU-T G.114 recommends at most 150 ms).")
  static let legacyLine = KeySpec("legacy_line_cost", .quantityOrYearTable(perPhoneRate), default: "0 EUR/month",
                                  example: "30 EUR/month", meaning: "Legacy line per phone not yet migrated.")
  static let pbx = KeySpec("pbx_maintenance", .quantityOrYearTable(QuantityKind(.moneyRate, example: "40 EUR/year")),
                           default: "0 EUR/year", example: "40 EUR/year", meaning: "PBX maintenance per phone not yet migrated.")
  static let sip = KeySpec("sip_trunk_cost", .quantityOrYearTable(QuantityKind(.moneyRate, example: "15 EUR/month")),
                           default: "0 EUR/month", example: "15 EUR/month", meaning: "SIP trunk per channel at the gateways.")
  static let phonePrice = KeySpec("ip_phone_price", .quantity(QuantityKind(.money, example: "150 EUR")), default: "0 EUR",
                                  example: "150 EUR", meaning: "Price of an IP phone, bought when a phone migrates.")
  static let legacyPBXs = KeySpec(
    "legacy_pbxs", .mapping(LegacyPBXSection.spec), default: "none (legacy phones costed per phone only)",
    example: "{phones_per_pbx: 70, maintenance: 4000 EUR/year, isdn_channel_cost: 20 EUR/month, isdn_end: 2019}",
    meaning: "The legacy PBXs of the phones not yet migrated, costed per PBX and per ISDN trunk channel.")
  static let sizeForGatewayFailure = KeySpec(
    "size_for_gateway_failure", .boolean, default: "false", example: "true",
    meaning: "Size each gateway's SIP trunks so that the grade of service holds with any one other gateway down (its calls at their next-nearest gateway); otherwise such a failure only warns ('voice-gateway-n1').")
  static let spec = SectionSpec(
    name: "voice", summary: "Telephony on the shared network: traffic, codec, gateways, migration and costs (docs/conventions.md, \"Voice\").",
    keys: [erlangs, calls, holding, phonesPerEmployee, tenants, external, codec, opusBitrate, packetisation, ipVersion, vlan,
           tunnel, layer1, grade, gateways, convergence, migration, jitter, budget, legacyLine, pbx, sip, phonePrice,
           legacyPBXs, sizeForGatewayFailure])
}

/// Keys of `voice.legacy_pbxs`.
enum LegacyPBXSection {
  static let phonesPerPBX = KeySpec(
    "phones_per_pbx", .number(1...1_000_000), required: true, example: "70",
    meaning: "Phones one PBX serves: each location's unmigrated phones sit on ⌈phones ÷ this⌉ PBXs, sharing the phones evenly.")
  static let maintenance = KeySpec(
    "maintenance", .quantityOrYearTable(QuantityKind(.moneyRate, example: "4000 EUR/year")), default: "0 EUR/year",
    example: "4000 EUR/year", meaning: "Maintenance and operation of one PBX.")
  static let isdnChannel = KeySpec(
    "isdn_channel_cost", .quantityOrYearTable(QuantityKind(.moneyRate, example: "20 EUR/month")), default: "0 EUR/month",
    example: "20 EUR/month",
    meaning: "One ISDN trunk channel; each PBX has the fewest channels that carry its external calls at the grade of service (Erlang B).")
  static let isdnEnd = KeySpec(
    "isdn_end", .year, default: "none", example: "2019",
    meaning: "The first year ISDN is no longer offered: PBXs still running then use SIP trunk channels at 'sip_trunk_cost', with a warning.")
  static let spec = SectionSpec(
    name: "legacy_pbxs", summary: "The legacy PBXs of the phones not yet migrated ('voice.legacy_pbxs').",
    keys: [phonesPerPBX, maintenance, isdnChannel, isdnEnd])
}

/// Keys of one entry of `voice.tenants`.
enum VoiceTenantSection {
  static let tenant = KeySpec("tenant", .reference("tenant"), required: true, example: "kdo", meaning: "The tenant.")
  static let phones = KeySpec("phones", .quantity(QuantityKind(.dimensionless, example: "500 phones", perEmployeeExample: "0.8 phone/employee")),
                              required: true, example: "0.8 phone/employee", meaning: "Its phones: a number, or per employee.")
  static let spec = SectionSpec(name: "voice tenant", summary: "A tenant's phones (one entry of 'voice.tenants').", keys: [tenant, phones])
}

/// Keys of one entry of `voice.gateways`.
enum GatewaySection {
  static let id = KeySpec("id", .identifier, required: true, example: "gw-hannover", meaning: "The id tables name.")
  static let node = KeySpec("node", .reference("node"), required: true, example: "hannover", meaning: "The network node it sits on.")
  static let capex = KeySpec("capex", .quantity(QuantityKind(.money, example: "250 kEUR")), default: "0 EUR", example: "250 kEUR",
                             meaning: "Its cost, once, in the first year it carries calls.")
  static let trunks = KeySpec("trunks", .integer(0...10_000_000), example: "1200",
                              meaning: "SIP channels contracted; a year that needs more at the grade of service is a trunk shortfall (left out: sized to each year's need).")
  static let spec = SectionSpec(
    name: "gateway", summary: "A gateway to the public network (one entry of 'voice.gateways').", keys: [id, node, capex, trunks])
}
