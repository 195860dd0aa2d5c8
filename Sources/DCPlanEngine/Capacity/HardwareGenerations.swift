import DCPlanModel

/// A hardware type's performance by year of purchase, as sizing reads it
/// (``ServerType/generations``, ``StorageType/generations``; docs/conventions.md, "Hardware
/// generations").
///
/// Generation 0 is the type's own figures; generation g > 0 the type's g-th entry of
/// `generations`. The installed base counts as the first year's generation. A class: sizing
/// rules are copied site by site and trial by trial, and one reference costs one retain where
/// six arrays cost six.
final class HardwareGenerations: Sendable {
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
    // Scratch on the stack (no heap allocation per site and trial): the need, the units by
    // end of life, and per generation the units kept past their life and those worn out.
    let unitsCount = yearCount + life + 1
    withUnsafeTemporaryAllocation(of: Int.self, capacity: yearCount + unitsCount + 2 * genCount) { scratch in
      scratch.initialize(repeating: 0)
      let need = UnsafeMutableBufferPointer(rebasing: scratch[0..<yearCount])
      let units = UnsafeMutableBufferPointer(rebasing: scratch[yearCount..<(yearCount + unitsCount)])
      let kept = UnsafeMutableBufferPointer(rebasing: scratch[(yearCount + unitsCount)..<(yearCount + unitsCount + genCount)])
      let worn = UnsafeMutableBufferPointer(rebasing: scratch[(yearCount + unitsCount + genCount)...])
      fleet(
        ifAll: ifAll, ofYear: generations.ofYear, life: life, freezeYears: freezeYears, need: need, units: units, kept: kept, worn: worn,
        counts: &counts, byGeneration: &byGeneration)
    }
  }

  /// ``inService(ifAll:generations:lifetime:freezeYears:counts:byGeneration:)`` on scratch
  /// buffers of zeros: `need` (a year each), `units` (by end-of-life index), `kept` and `worn`
  /// (a generation each).
  // swiftlint:disable:next function_parameter_count
  private static func fleet(
    ifAll: [Int], ofYear: [Int], life: Int, freezeYears: Int, need: UnsafeMutableBufferPointer<Int>,
    units: UnsafeMutableBufferPointer<Int>, kept: UnsafeMutableBufferPointer<Int>, worn: UnsafeMutableBufferPointer<Int>,
    counts: inout [Int], byGeneration: inout [Int]
  ) {
    let yearCount = need.count
    let genCount = kept.count
    for y in 0..<yearCount { need[y] = ifAll[ofYear[y] * yearCount + y] }
    let frozen = RefreshStage.frozenYears(need, years: freezeYears)
    // Units in service by the year index they reach end of life, as in RefreshStage: the
    // installed base at 1 … L (the first year's generation), a purchase in year y at y + L.
    func generation(endOfLife e: Int) -> Int { e <= life ? ofYear[0] : ofYear[e - life] }
    let initial = need[0]
    for remaining in 1...life { units[remaining] = initial / life + (remaining <= initial % life ? 1 : 0) }
    var oldest = 1
    func record(_ y: Int) {
      var total = 0
      for g in 0..<genCount {
        byGeneration[g * yearCount + y] = kept[g]
        total += kept[g]
      }
      for e in oldest..<units.count where units[e] > 0 {
        byGeneration[generation(endOfLife: e) * yearCount + y] += units[e]
        total += units[e]
      }
      counts[y] = total
    }
    record(0)
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
          var keptAll = true
          for g in 0..<genCount where kept[g] > 0 {
            if !retire(&kept[g], share: share(g), met: &met) {
              keptAll = false
              break
            }
          }
          if keptAll {
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
