import Synchronization

/// Where one value read from a scenario stood: its dotted path (`network.links[3].to`) kept in
/// parts, the enclosing mapping's path, the key and the list index, so that reading a value
/// costs an append and no string is made until someone asks for it.
struct SourceRecord: Sendable {
  /// The dotted path of the mapping the value was read from (`network.links[3]`).
  let parent: String
  /// The key read in it, or "" for the mapping itself.
  let key: String
  /// The index in the key's list, or -1.
  let index: Int32
  let position: SourcePosition

  /// The mapping at `path` itself.
  init(_ path: String, _ position: SourcePosition) {
    self.init(parent: path, key: "", index: -1, position: position)
  }

  init(parent: String, key: String, index: Int32 = -1, position: SourcePosition) {
    self.parent = parent
    self.key = key
    self.index = index
    self.position = position
  }

  /// The dotted path: the parent, `.key`, then `[index]` for a list entry.
  var path: String {
    if key.isEmpty && index < 0 { return parent }
    return index < 0 ? parent + "." + key : "\(parent).\(key)[\(index)]"
  }

  /// The length of ``path`` in UTF-8 bytes, without making it.
  var pathLength: Int {
    if key.isEmpty && index < 0 { return parent.utf8.count }
    var length = parent.utf8.count + 1 + key.utf8.count
    if index >= 0 {
      var digits = 1
      var rest = index / 10
      while rest > 0 { digits += 1; rest /= 10 }
      length += digits + 2
    }
    return length
  }
}

/// Positions of the values read from a scenario, by dotted path (`network.links[3].to`).
///
/// Decoding records every value it reads (tens of thousands in a state's network) and checks
/// ask for a few, mostly when something is wrong; so the records are kept as read and
/// searched for the first few questions, and a dictionary is made only at the
/// ``SourceMap/searchesBeforeIndex``-th question or for ``positions``.
public struct SourceMap: Sendable {
  /// After this many lookups a dictionary of every path is made once and used from then on.
  static let searchesBeforeIndex = 16

  private final class Storage: Sendable {
    let records: [SourceRecord]
    /// Lookups answered by searching, then the dictionary once made.
    let index = Mutex<(searches: Int, positions: [String: SourcePosition]?)>((0, nil))

    init(records: [SourceRecord]) { self.records = records }

    func dictionary() -> [String: SourcePosition] {
      index.withLock { state in
        if let positions = state.positions { return positions }
        let positions = Self.makeDictionary(records)
        state.positions = positions
        return positions
      }
    }

    static func makeDictionary(_ records: [SourceRecord]) -> [String: SourcePosition] {
      var positions: [String: SourcePosition] = [:]
      positions.reserveCapacity(records.count)
      // A path read twice keeps its last position, as assigning into a dictionary would.
      for record in records { positions[record.path] = record.position }
      return positions
    }

    func lookup(_ path: String) -> SourcePosition? {
      let useIndex: Bool = index.withLock { state in
        if state.positions != nil { return true }
        state.searches += 1
        return state.searches > SourceMap.searchesBeforeIndex
      }
      if useIndex { return dictionary()[path] }
      // The last record of the path wins; only records of the same length are spelled out.
      let length = path.utf8.count
      for record in records.reversed() where record.pathLength == length && record.path == path {
        return record.position
      }
      return nil
    }
  }

  private let storage: Storage

  /// A map of the positions given, by dotted path.
  public init(positions: [String: SourcePosition]) {
    storage = Storage(records: positions.map { SourceRecord($0.key, $0.value) })
  }

  /// A map of the records, in the order read (a later record of a path replaces an earlier one).
  init(records: [SourceRecord]) {
    storage = Storage(records: records)
  }

  /// Positions by dotted path, every one of them (made once, when first asked for).
  public var positions: [String: SourcePosition] { storage.dictionary() }

  /// The position recorded for exactly `path`, or nil if no value was read there.
  public func recorded(_ path: String) -> SourcePosition? { storage.lookup(path) }

  /// The position of `path`, else of the nearest enclosing entry, else the file's start.
  public func position(_ path: String) -> SourcePosition {
    var candidate = path
    while true {
      if let position = recorded(candidate) { return position }
      guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return .start }
      candidate = String(candidate[..<cut])
    }
  }
}
