import DCPlanModel

/// The network stage's result: per link and year its capacity, load and worst single failure;
/// the upgrades; the demands that some failure cuts off.
public struct NetworkResults: Hashable, Sendable {
  /// One row per link, in scenario order.
  public let links: [LinkResult]
  /// Upgrades the plan makes, by link then year.
  public let upgrades: [LinkUpgrade]
  /// Demands that lose connectivity under a single failure although both ends stay up.
  public let disconnections: [Disconnection]
  /// How many failures were analysed (links, nodes, shared-risk groups).
  public let failuresAnalysed: Int
  /// The loads and capacities by link index (all a Monte Carlo trial keeps: its `links` is empty).
  let table: LinkTable

  /// No network.
  public static let empty = NetworkResults(
    links: [], upgrades: [], disconnections: [], failuresAnalysed: 0,
    table: LinkTable(loadMbps: Matrix(rows: 0, columns: 0), n1LoadMbps: Matrix(rows: 0, columns: 0), capacityMbps: Matrix(rows: 0, columns: 0)))
}

/// Per link (rows, in scenario order) and year (columns), Mbit/s: the figures the costs and the
/// Monte Carlo trials read.
struct LinkTable: Hashable, Sendable {
  /// Busy-hour load in normal operation, voice included.
  let loadMbps: Matrix
  /// Highest load under any single failure.
  let n1LoadMbps: Matrix
  /// Capacity per direction standing.
  let capacityMbps: Matrix
  /// Busy-hour load per direction (arc `2l` from the link's `from` end, `2l + 1` back), in
  /// the plan (nil in a Monte Carlo trial).
  var arcLoadMbps: Matrix? = nil

  /// Load ÷ capacity of link `l` in year `y` (0 where no capacity stands), as ``LinkResult/utilisation``.
  func utilisation(link l: Int, year y: Int) -> Double {
    let capacity = capacityMbps[l, y]
    return capacity > 0 ? loadMbps[l, y] / capacity : 0
  }
}

/// One link over the horizon.
public struct LinkResult: Hashable, Sendable {
  /// The link's id and ends.
  public let id: String
  /// One end.
  public let from: String
  /// The other end.
  public let to: String
  /// Capacity per direction standing in each year, Mbit/s.
  public let capacityMbps: [Double]
  /// Busy-hour load in normal operation, Mbit/s (voice included): the busier direction's.
  public let loadMbps: [Double]
  /// The load from `from` to `to`, and back, Mbit/s (docs/conventions.md, "Routing").
  public var forwardLoadMbps: [Double] = []
  public var reverseLoadMbps: [Double] = []
  /// Of that, voice (the priority class), Mbit/s.
  public let voiceMbps: [Double]
  /// Highest load under any single failure (at least the normal load), Mbit/s.
  public let n1LoadMbps: [Double]
  /// The failure that causes ``n1LoadMbps`` ("link H-OL", "node hannover", "group duct-a7"),
  /// nil where no failure raises the load above normal.
  public let n1WorstFailure: [String?]
  /// The step that becomes ready in each year, 1-based, or nil.
  public let upgradeStep: [Int?]

  /// Load ÷ capacity per year.
  public var utilisation: [Double] { zip(loadMbps, capacityMbps).map { $1 > 0 ? $0 / $1 : 0 } }
  /// Voice's share of the load per year.
  public var voiceShare: [Double] { zip(voiceMbps, loadMbps).map { $1 > 0 ? $0 / $1 : 0 } }
  /// Worst single-failure load ÷ capacity per year.
  public var n1Utilisation: [Double] { zip(n1LoadMbps, capacityMbps).map { $1 > 0 ? $0 / $1 : 0 } }
}

/// An upgrade of a link to one of its steps.
public struct LinkUpgrade: Hashable, Sendable {
  /// The link's id.
  public let link: String
  /// The step, 1-based.
  public let step: Int
  /// Capacity after the upgrade, Mbit/s.
  public let capacityMbps: Double
  /// The year it must be ordered.
  public let orderYear: Year
  /// The first year it carries traffic.
  public let readyYear: Year
  /// One-off cost.
  public let capex: Money
  /// Yearly lease from the ready year on.
  public let leasePerYear: Money
}

/// A demand that a single failure cuts off while both of its ends stay up.
public struct Disconnection: Hashable, Sendable {
  /// One end (node id).
  public let from: String
  /// The other end (node id).
  public let to: String
  /// The failure that cuts it off.
  public let failure: String
  /// What the demand carries.
  public let carries: [String]
  /// Its highest yearly rate, Mbit/s.
  public let peakMbps: Double
}
