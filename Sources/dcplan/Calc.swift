import DCPlanJSON
import ArgumentParser
import DCPlanEngine
import DCPlanReports
import DCPlanScenarioFormat
import DCPlanModel

/// `dcplan calc`: the single formulas, for quick what-ifs.
struct Calc: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calc",
    abstract: "The single formulas: Erlang B, VoIP bandwidth per call, availability, NPV, annuity.",
    subcommands: [ErlangBCommand.self, VoIPBandwidthCommand.self, AvailabilityCommand.self, NPVCommand.self, AnnuityCommand.self]
  )
}

/// The formats a calculation prints in.
enum CalcFormat: String, ExpressibleByArgument {
  case markdown, json
}

/// Prints a calculation's figures as a Markdown table or a JSON object.
func printFigures(_ title: String, _ figures: [(key: String, label: String, value: JSONValue)], format: CalcFormat) {
  switch format {
  case .json:
    print(JSONWriter.write(.object(figures.map { ($0.key, $0.value) })), terminator: "")
  case .markdown:
    var table = Table(id: "calc", title: title, columns: [Column("figure", "Figure"), Column("value", "Value")])
    for figure in figures {
      let cell: Cell
      switch figure.value {
      case let .integer(n): cell = .integer(n)
      case let .number(x): cell = .text(JSONWriter.number(x))
      case let .string(s): cell = .text(s)
      case let .bool(b): cell = .text(b ? "yes" : "no")
      default: cell = .empty
      }
      table.rows.append([.text(figure.label), cell])
    }
    print(MarkdownRenderer.render(table), terminator: "")
  }
}

/// `dcplan calc erlang-b --traffic A (--trunks N | --blocking P)`.
struct ErlangBCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erlang-b",
    abstract: "Blocking for A Erlang on N trunks, or the fewest trunks for a grade of service.",
    discussion: "Examples: dcplan calc erlang-b --traffic 10 --trunks 18;  dcplan calc erlang-b --traffic 10 --blocking 1%"
  )

  @Option(help: "Offered busy-hour traffic in Erlang.")
  var traffic: Double

  @Option(help: "Number of trunks (channels).")
  var trunks: Int?

  @Option(help: "Grade of service: the blocking allowed, as a percentage (1%) or a fraction (0.01).")
  var blocking: String?

  @Option(help: "markdown or json.")
  var format: CalcFormat = .markdown

  func validate() throws {
    guard traffic.isFinite, traffic >= 0, traffic <= 10_000_000 else {
      throw ValidationError("--traffic must be a number of Erlang from 0 to 10,000,000")
    }
    guard (trunks == nil) != (blocking == nil) else { throw ValidationError("give --trunks or --blocking, one of them") }
    if let trunks, trunks < 0 || trunks > 100_000_000 { throw ValidationError("--trunks must lie in 0...100000000") }
    if let blocking, parseShare(blocking) == nil {
      throw ValidationError("--blocking must be a percentage such as '1%' or a fraction such as 0.01, above 0 and below 1")
    }
  }

  func run() {
    if let trunks {
      printFigures("Erlang B", [
        ("traffic_erlangs", "Traffic (Erlang)", .number(traffic)), ("trunks", "Trunks", .integer(trunks)),
        ("blocking", "Blocking", .number(ErlangB.blocking(traffic: traffic, trunks: trunks))),
      ], format: format)
    } else if let blocking, let grade = parseShare(blocking) {
      let needed = ErlangB.trunks(traffic: traffic, gradeOfService: grade)
      printFigures("Erlang B", [
        ("traffic_erlangs", "Traffic (Erlang)", .number(traffic)), ("grade_of_service", "Grade of service", .number(grade)),
        ("trunks", "Trunks", .integer(needed)),
        ("blocking", "Blocking with these trunks", .number(ErlangB.blocking(traffic: traffic, trunks: needed))),
      ], format: format)
    }
  }
}

/// A share written as `1%`, `1 %` or `0.01`; nil outside (0, 1).
func parseShare(_ text: String) -> Double? {
  let trimmed = text.replacingOccurrences(of: " ", with: "")
  let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
  guard let value, value > 0, value < 1 else { return nil }
  return value
}

/// `dcplan calc voip-bandwidth --codec C --ptime MS [--ipv6] [--vlan] [--tunnel BYTES]`.
struct VoIPBandwidthCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "voip-bandwidth",
    abstract: "Bandwidth of one call in one direction, every header counted.",
    discussion: "Example: dcplan calc voip-bandwidth --codec G.711 --ptime 20 --vlan"
  )

  @Option(help: "G.711, G.729, G.722 or Opus.")
  var codec: String

  @Option(help: "Opus only: its fixed bit rate in kbit/s.")
  var bitrate: Double = 32

  @Option(help: "Packetisation in ms: 10, 20, 30 or 40.")
  var ptime: Double = 20

  @Flag(help: "IPv6 (40-byte header) instead of IPv4.")
  var ipv6 = false

  @Flag(help: "An 802.1Q VLAN tag (4 bytes).")
  var vlan = false

  @Option(help: "Tunnel overhead per packet in bytes (IPsec, MPLS labels).")
  var tunnel = 0

  @Flag(help: "Count Ethernet's preamble and inter-frame gap (20 bytes).")
  var layer1 = false

  @Option(help: "markdown or json.")
  var format: CalcFormat = .markdown

  func validate() throws {
    guard Codec.named(codec) != nil else {
      throw ValidationError("unknown codec '\(codec)'; use one of \(Codec.names.joined(separator: ", "))")
    }
    guard [10.0, 20, 30, 40].contains(ptime) else { throw ValidationError("--ptime must be 10, 20, 30 or 40") }
    guard (0...1000).contains(tunnel) else { throw ValidationError("--tunnel must lie in 0...1000 bytes") }
    guard bitrate > 0, bitrate <= 512 else { throw ValidationError("--bitrate must lie in 0...512 kbit/s") }
  }

  func run() {
    guard let chosen = Codec.named(codec, opusBitsPerSecond: bitrate * 1000) else { return }
    let framing = VoiceFraming(packetisationMs: ptime, ipv6: ipv6, vlanTag: vlan, tunnelBytes: tunnel, ethernetLayer1: layer1)
    let call = VoIPBandwidth.perCall(chosen, framing)
    printFigures("VoIP bandwidth per call and direction", [
      ("codec", "Codec", .string(chosen.name)), ("codec_kbps", "Codec bit rate (kbit/s)", .number(chosen.bitsPerSecond / 1000)),
      ("ptime_ms", "Packetisation (ms)", .number(ptime)), ("payload_bytes", "Payload (bytes)", .number(call.payloadBytes)),
      ("header_bytes", "Headers (bytes)", .integer(call.headerBytes)),
      ("packets_per_second", "Packets per second", .number(call.packetsPerSecond)),
      ("kbps", "Bandwidth (kbit/s)", .number(call.kbps)),
    ], format: format)
  }
}

/// `dcplan calc npv --rate R (--flows "y0,y1,..." | AMOUNT...)`.
struct NPVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "npv",
    abstract: "Net present value of yearly amounts, the first year undiscounted (end-of-year convention).",
    discussion: """
      Example: dcplan calc npv --rate 3% --flows "100000,50000,50000"
      Also prints the equivalent yearly amount: the constant amount over the same years with
      the same NPV (docs/conventions.md, "NPV").
      """
  )

  @Option(help: "Discount rate per year: a percentage (3%) or a fraction (0.03).")
  var rate: String

  @Option(help: "Amounts per year in EUR, comma-separated, the first year first: \"y0,y1,...\"; write --flows=-100,60 when the first is negative.")
  var flows: String?

  @Argument(help: "Amounts per year in EUR, the first year first (instead of --flows).")
  var amounts: [Double] = []

  @Option(help: "markdown or json.")
  var format: CalcFormat = .markdown

  /// The amounts from --flows or the arguments.
  private var cashFlows: [Double]? {
    guard let flows else { return amounts }
    let parts = flows.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    let values = parts.map(Double.init)
    return values.allSatisfy { $0 != nil } ? values.compactMap { $0 } : nil
  }

  func validate() throws {
    guard parseRate(rate) != nil else {
      throw ValidationError("--rate must be a percentage such as '3%' or '-0.5%', or a fraction such as 0.03, above -100 % and below 100 %")
    }
    guard flows == nil || amounts.isEmpty else { throw ValidationError("give the amounts either with --flows or as arguments, not both") }
    guard let values = cashFlows else {
      throw ValidationError("--flows must be numbers separated by commas, such as \"-100000,30000,40000\"; found '\(flows ?? "")'")
    }
    guard !values.isEmpty else { throw ValidationError("give at least one amount, e.g. --flows \"-100000,30000,40000\"") }
    if let bad = values.first(where: { !$0.isFinite || abs($0) > 1e15 }) {
      throw ValidationError("every amount must be a finite number of at most 10^15 EUR; found '\(bad)'")
    }
  }

  func run() {
    let value = parseRate(rate) ?? 0
    let values = cashFlows ?? []
    let npv = NPV.value(values, rate: value)
    let presentOfOne = NPV.value([Double](repeating: 1, count: values.count), rate: value)
    printFigures("NPV", [
      ("rate", "Discount rate", .number(value)), ("years", "Years", .integer(values.count)),
      ("npv_eur", "NPV (EUR)", .number(npv)),
      ("equivalent_yearly_eur", "Equivalent yearly amount (EUR)", .number(npv / presentOfOne)),
    ], format: format)
  }
}

/// `dcplan calc annuity --rate R --amount C --years N`.
struct AnnuityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annuity",
    abstract: "The yearly payment over N years, each at a year's end, that repays an amount today: C · r / (1 − (1 + r)^−N).",
    discussion: "Example: dcplan calc annuity --rate 3% --amount 3200000 --years 25"
  )

  @Option(help: "Interest rate per year: a percentage (3%) or a fraction (0.03).")
  var rate: String

  @Option(help: "The capital amount in EUR.")
  var amount: Double

  @Option(help: "The life in whole years.")
  var years: Int

  @Option(help: "markdown or json.")
  var format: CalcFormat = .markdown

  func validate() throws {
    guard parseRate(rate) != nil else {
      throw ValidationError("--rate must be a percentage such as '3%' or '-0.5%', or a fraction such as 0.03, above -100 % and below 100 %")
    }
    guard amount.isFinite else { throw ValidationError("--amount must be a number of EUR") }
    guard (1...1000).contains(years) else { throw ValidationError("--years must be a whole number from 1 to 1000") }
  }

  func run() {
    let value = parseRate(rate) ?? 0
    let factor = CapitalStage.annuityFactor(rate: value, years: years)
    printFigures("Annuity", [
      ("rate", "Interest rate", .number(value)), ("years", "Years", .integer(years)), ("amount_eur", "Amount (EUR)", .number(amount)),
      ("annuity_factor", "Annuity factor", .number(factor)), ("annuity_eur", "Yearly payment (EUR)", .number(amount * factor)),
      ("total_eur", "Paid in all (EUR)", .number(amount * factor * Double(years))),
    ], format: format)
  }
}

/// A rate as a percentage or a fraction, zero included; nil if neither or negative.
/// A discount rate: a percentage ('3%', '0 %', '-0.5%') or a fraction ('0.03', '0.0'), above
/// −100 % (negative real rates happen: Germany's from 2015 to 2021) and below 100 %.
func parseRate(_ text: String) -> Double? {
  let trimmed = text.replacingOccurrences(of: " ", with: "")
  let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
  guard let value, value.isFinite, value > -1, value < 1 else { return nil }
  return value
}

/// `dcplan calc availability --mtbf H --mttr H [--n N --k K --crews R]`.
struct AvailabilityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "availability",
    abstract: "Availability and downtime of one part, or of k-out-of-n parts with shared repair crews.",
    discussion: "Example: dcplan calc availability --mtbf 50000 --mttr 8 --n 16 --k 15 --crews 1"
  )

  @Option(help: "Mean time between failures of one part, hours.")
  var mtbf: Double

  @Option(help: "Mean time to repair one part, hours.")
  var mttr: Double

  @Option(help: "Parts in the group.")
  var n = 1

  @Option(help: "Parts needed for service (default: all).")
  var k: Int?

  @Option(help: "Repair crews shared by the group (default: one per part, i.e. independent parts).")
  var crews: Int?

  @Option(help: "markdown or json.")
  var format: CalcFormat = .markdown

  func validate() throws {
    guard mtbf > 0, mtbf.isFinite, mttr > 0, mttr.isFinite else { throw ValidationError("--mtbf and --mttr must be positive hours") }
    guard (1...2000).contains(n) else { throw ValidationError("--n must lie in 1...2000") }
    if let k, !(1...n).contains(k) { throw ValidationError("--k must lie in 1...\(n)") }
    if let crews, !(1...n).contains(crews) { throw ValidationError("--crews must lie in 1...\(n)") }
  }

  func run() throws {
    let needed = k ?? n
    let unavailability: Double
    if let crews, crews < n {
      guard let markov = MarkovAvailability.kOutOfNUnavailability(
        k: needed, n: n, failureRate: 1 / mtbf, repairRate: 1 / mttr, crews: crews)
      else { throw ValidationError("the Markov model could not be solved") }
      unavailability = markov
    } else {
      unavailability = Availability.kOutOfNUnavailability(
        k: needed, n: n, unavailability: Availability.unavailability(mtbfHours: mtbf, mttrHours: mttr))
    }
    let classes = DCPlanModel.AvailabilityTarget.classes.filter { !$0.name.hasPrefix("Tier") && 1 - unavailability >= $0.availability }
    printFigures("Availability", [
      ("n", "Parts", .integer(n)), ("k", "Needed", .integer(needed)), ("crews", "Repair crews", .integer(crews ?? n)),
      ("availability", "Availability", .number(1 - unavailability)), ("unavailability", "Unavailability", .number(unavailability)),
      ("downtime_min_per_year", "Downtime (min/year)", .number(Availability.downtimeMinutesPerYear(unavailability: unavailability))),
      ("bsi_class", "Highest BSI class met", .string(classes.last?.name ?? "none")),
    ], format: format)
  }
}
