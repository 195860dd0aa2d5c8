import DCPlanModel

/// A hardware type's performance by year of purchase, as sizing reads it
/// (``ServerType/generations``, ``StorageType/generations``; docs/conventions.md, "Hardware
/// generations").
///
/// Generation 0 is the type's own figures; generation g > 0 the type's g-th entry of
/// `generations`. The installed base counts as the first year's generation.
struct HardwareGenerations: Sendable {
  /// Per year index of the horizon: the generation of the units bought that year.
  let ofYear: [Int]
  /// Per generation: what one unit carries at the policy's overcommit and target utilisation
  /// (servers: vCPU; storage: TiB).
  let perUnit: [Double]
  /// Per generation, servers only: GiB one server carries likewise (empty for storage).
  let ramPerUnit: [Double]
  /// Per generation, servers only: physical cores per server (licences; empty for storage).
  let cores: [Int]
  /// Per generation: kW drawn per unit at typical and at peak load.
  let typicalKW: [Double]
  let peakKW: [Double]

  var count: Int { perUnit.count }

  /// The server generations of `type` over `years`, or nil when it has none.
  init?(server type: ServerType, policy: SizingPolicy, years: [Year]) {
    guard !type.generations.isEmpty else { return nil }
    let utilisation = policy.targetUtilisation.value
    let cores = [type.cores] + type.generations.map(\.cores)
    let ram = [type.ram] + type.generations.map(\.ram)
    ofYear = Self.generationOfYear(type.generations.map(\.fromYear), years: years)
    perUnit = cores.map { Double($0) * policy.cpuOvercommit * utilisation }
    ramPerUnit = ram.map { $0.gibibytes * policy.ramOvercommit * utilisation }
    self.cores = cores
    typicalKW = [type.typicalPower.kilowatts] + type.generations.map(\.typicalPower.kilowatts)
    peakKW = [type.peakPower.kilowatts] + type.generations.map(\.peakPower.kilowatts)
  }

  /// The storage generations of `type` over `years`, or nil when it has none.
  init?(storage type: StorageType, policy: SizingPolicy, years: [Year]) {
    guard !type.generations.isEmpty else { return nil }
    let usable = [type.usable] + type.generations.map(\.usable)
    ofYear = Self.generationOfYear(type.generations.map(\.fromYear), years: years)
    perUnit = usable.map { $0.tebibytes * policy.storageTargetUtilisation.value }
    ramPerUnit = []
    cores = []
    typicalKW = [type.typicalPower.kilowatts] + type.generations.map(\.typicalPower.kilowatts)
    peakKW = [type.peakPower.kilowatts] + type.generations.map(\.peakPower.kilowatts)
  }

  /// The typical and peak kW of the units in service in year index `y`, given per
  /// generation and year in `byGeneration` (`[g · years + y]`). Generations drawing the same
  /// power are counted together (units × kW once: the same figure as without generations).
  func power(_ byGeneration: [Int], year y: Int, years: Int) -> (typicalKW: Double, peakKW: Double) {
    func sum(_ kW: [Double]) -> Double {
      var total = 0.0
      for g in 0..<count where !(0..<g).contains(where: { kW[$0] == kW[g] }) {
        let units = (g..<count).reduce(0) { kW[$1] == kW[g] ? $0 + byGeneration[$1 * years + y] : $0 }
        total += Double(units) * kW[g]
      }
      return total
    }
    return (sum(typicalKW), sum(peakKW))
  }

  /// For each year, the last generation whose year it has reached (0 before the first).
  private static func generationOfYear(_ fromYears: [Year], years: [Year]) -> [Int] {
    years.map { year in fromYears.lastIndex { $0 <= year }.map { $0 + 1 } ?? 0 }
  }
}

/// The units in service when they differ by generation: a fleet of units bought in different
/// years meets a year's need when its units, each counted as the share of the need that one
/// unit of its generation meets, add up to the whole (docs/conventions.md, "Hardware
/// generations").
///
/// `ifAll[g · years + y]` is the count that would meet year y's need if every unit were of
/// generation g (spares and cluster rounding included). Units leave as in ``RefreshStage``:
/// at the end of their life (kept in the frozen years before a room empties), and, when the
/// fleet meets more than the need, the oldest first while the rest still meets it; when it
/// meets less, units of the year's generation are bought for the rest. ``RefreshStage`` fed
/// the counts this returns buys and retires the same units.
enum GenerationFleet {
  /// Counts as met: forgives 1e-9 of the need (as sizing's rounding does).
  private static let tolerance = 1e-9

  /// Units in service per year into `counts`, and per generation into `byGeneration`
  /// (`[g · years + y]`).
  // swiftlint:disable:next function_parameter_count
  static func inService(
    ifAll: [Int], generations: HardwareGenerations, lifetime: Int, freezeYears: Int,
    counts: inout [Int], byGeneration: inout [Int]
  ) {
    let yearCount = generations.ofYear.count
    let life = max(1, lifetime)
    let genCount = generations.count
    counts.reset(count: yearCount, to: 0)
    byGeneration.reset(count: genCount * yearCount, to: 0)
    guard yearCount > 0 else { return }
    let ofYear = generations.ofYear
    let need = (0..<yearCount).map { ifAll[ofYear[$0] * yearCount + $0] }
    let frozen = RefreshStage.frozenYears(need, years: freezeYears)
    // Units in service by the year index they reach end of life, as in RefreshStage: the
    // installed base at 1 … L (the first year's generation), a purchase in year y at y + L.
    var units = [Int](repeating: 0, count: yearCount + life + 1)
    func generation(endOfLife e: Int) -> Int { e <= life ? ofYear[0] : ofYear[e - life] }
    let initial = need[0]
    for remaining in 1...life { units[remaining] = initial / life + (remaining <= initial % life ? 1 : 0) }
    var kept = [Int](repeating: 0, count: genCount)  // past their life in frozen years, by generation
    var oldest = 1
    func record(_ y: Int) {
      for g in 0..<genCount { byGeneration[g * yearCount + y] = kept[g] }
      for e in oldest..<units.count where units[e] > 0 { byGeneration[generation(endOfLife: e) * yearCount + y] += units[e] }
      counts[y] = (0..<genCount).reduce(0) { $0 + byGeneration[$1 * yearCount + y] }
    }
    record(0)
    var worn = [Int](repeating: 0, count: genCount)
    for y in 1..<yearCount {
      for g in 0..<genCount { worn[g] = 0 }
      while oldest <= y {
        worn[generation(endOfLife: oldest)] += units[oldest]
        units[oldest] = 0
        oldest += 1
      }
      if frozen.contains(y) {
        for g in 0..<genCount { kept[g] += worn[g] }
      } else {
        for g in 0..<genCount { kept[g] = 0 }
      }
      // The share of the year's need each unit of a generation meets.
      func share(_ g: Int) -> Double { 1 / Double(ifAll[g * yearCount + y]) }
      if need[y] == 0 {
        for g in 0..<genCount { kept[g] = 0 }
        for e in oldest..<units.count { units[e] = 0 }
      } else {
        var met = 0.0
        for g in 0..<genCount where kept[g] > 0 { met += Double(kept[g]) * share(g) }
        for e in oldest..<units.count where units[e] > 0 { met += Double(units[e]) * share(generation(endOfLife: e)) }
        if met < 1 - tolerance {
          let missing = (1 - met) * Double(need[y])
          units[y + life] += Int((missing - tolerance * max(1, missing)).rounded(.up))
        } else {
          // The oldest leave first (those past their life, oldest generation first) while the
          // rest still meets the need; the first unit that cannot leave stops the rest.
          retireOldest(&kept, share: share, met: &met)
          if kept.allSatisfy({ $0 == 0 }) {
            var e = oldest
            while e < units.count {
              if units[e] > 0, !retire(&units[e], share: share(generation(endOfLife: e)), met: &met) { break }
              e += 1
            }
          }
        }
      }
      record(y)
    }
  }

  /// Retires units past their life, oldest generation first, while the need stays met.
  private static func retireOldest(_ kept: inout [Int], share: (Int) -> Double, met: inout Double) {
    for g in kept.indices where kept[g] > 0 {
      if !retire(&kept[g], share: share(g), met: &met) { return }
    }
  }

  /// Retires as many of `units` (each meeting `share` of the need) as the need allows; true
  /// when all of them left.
  private static func retire(_ units: inout Int, share: Double, met: inout Double) -> Bool {
    let spare = ((met - 1) / share + tolerance).rounded(.down)
    let leaving = min(units, max(0, Int(min(spare, Double(units)))))
    units -= leaving
    met -= Double(leaving) * share
    return units == 0
  }
}
