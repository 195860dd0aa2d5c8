import DCPlanEngine

/// Writes the trials table (`--trials-csv`, ``ResultTables/trialsTable(names:draws:outcomes:firstTrial:)``)
/// chunk by chunk as the trials run, so that the file, not memory, holds every trial's row;
/// the file appears at once when ``commit()`` puts it in place (``AtomicFile/Writer``).
public final class TrialsCSVWriter {
  private let file: AtomicFile.Writer
  private let names: [String]
  private let dialect: CSVDialect
  private let tail: String?

  /// Opens `path` for the rows of trials of inputs `names`; a shard's `stamp` adds its head
  /// and tail lines (docs/results-format.md, "Shards").
  public init(_ path: String, names: [String], dialect: CSVDialect, stamp: ShardStamp? = nil) throws {
    file = try AtomicFile.Writer(path)
    self.names = names
    self.dialect = dialect
    tail = stamp.map { $0.tailLine + dialect.lineEnd }
    let header = ResultTables.trialsTable(names: names, draws: [], outcomes: [], firstTrial: 0)
    try file.append(
      dialect.preamble + (stamp.map { $0.headLine + dialect.lineEnd } ?? "")
        + CSVRenderer.row(header.columns.map { .text($0.key) }, dialect: dialect) + dialect.lineEnd)
  }

  /// Appends the rows of trials `firstTrial ..< firstTrial + outcomes.count`.
  public func append(firstTrial: Int, draws: ArraySlice<[Double]>, outcomes: ArraySlice<TrialOutcome>) throws {
    let table = ResultTables.trialsTable(names: names, draws: Array(draws), outcomes: Array(outcomes), firstTrial: firstTrial)
    var text = ""
    for row in table.rows { text += CSVRenderer.row(row, dialect: dialect) + dialect.lineEnd }
    try file.append(text)
  }

  /// Ends the file (a shard's tail line) and puts it in place.
  public func commit() throws {
    if let tail { try file.append(tail) }
    try file.commit()
  }
}
