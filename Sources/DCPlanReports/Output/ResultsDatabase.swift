import CSQLite
import DCPlanModel

/// What identifies one run in the results database.
public struct DatabaseRun: Sendable {
  /// The command that made it (`run`, `run --trials 1000`, `sweep`).
  public var command: String
  /// The scenario file as given, or `dcplan:default`.
  public var scenarioFile: String
  /// The scenario's name (section `scenario`).
  public var scenarioName: String
  /// The resolved scenario (everything it extends merged in, the settings put in) as YAML.
  public var resolvedYAML: String
  /// The dcplan version.
  public var version: String
  /// The sweep variant's settings (`path=value; …`), or nil for a plain run.
  public var variant: String?
  /// Monte Carlo trials, 0 for none.
  public var trials: Int
  /// The seed of the trials' draws (as text: it may exceed a double's exact range).
  public var seed: String

  /// A run's identity from its parts.
  public init(
    command: String, scenarioFile: String, scenarioName: String, resolvedYAML: String, version: String, variant: String?,
    trials: Int, seed: String
  ) {
    self.command = command
    self.scenarioFile = scenarioFile
    self.scenarioName = scenarioName
    self.resolvedYAML = resolvedYAML
    self.version = version
    self.variant = variant
    self.trials = trials
    self.seed = seed
  }
}

/// The results database (`--db FILE`, docs/results-format.md, "Results database"): each run
/// appends a row to `runs` and its tables' rows to one SQL table per result table (named by
/// its id, with the run's `run_id` and the row's position), in one transaction: a failed run
/// leaves the file as it was, and writers from several processes (two sweeps, shards) take
/// turns through SQLite's locks instead of corrupting it.
public enum ResultsDatabase {
  /// A failure of SQLite, with its message.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// How long a writer waits for another to finish, in milliseconds.
  static let busyTimeoutMs: Int32 = 120_000

  /// Appends `runs` (each with its tables) to the database at `path` (created if missing) in
  /// one transaction; returns their `run_id`s.
  @discardableResult
  public static func append(_ runs: [(run: DatabaseRun, tables: [Table])], to path: String) throws -> [Int64] {
    try append(runs, streamed: nil, to: path)
  }

  /// Rows of a table too many to keep: `produce` hands every row to its argument in order
  /// (a Monte Carlo run larger than memory replays its trials for them); the declared column
  /// types come from `table`'s rows, a sample (docs/results-format.md, "Results database").
  public struct RowStream {
    public let table: Table
    public let produce: (_ emit: ([Cell]) throws -> Void) throws -> Void

    public init(table: Table, produce: @escaping (_ emit: ([Cell]) throws -> Void) throws -> Void) {
      self.table = table
      self.produce = produce
    }
  }

  /// ``append(_:to:)`` with the rows of `streamed` appended to the first run as well.
  @discardableResult
  public static func append(
    _ runs: [(run: DatabaseRun, tables: [Table])], streamed: RowStream?, to path: String
  ) throws -> [Int64] {
    var handle: OpaquePointer?
    let opened = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
    guard let db = handle, opened == SQLITE_OK else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close(handle)
      throw Failure(description: "cannot open the results database '\(path)': \(message)")
    }
    defer { sqlite3_close(db) }
    sqlite3_busy_timeout(db, busyTimeoutMs)
    func fail(_ what: String) -> Failure {
      Failure(description: "results database '\(path)': \(what): \(String(cString: sqlite3_errmsg(db)))")
    }
    func exec(_ sql: String) throws {
      guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw fail(sql.prefix(60).description) }
    }
    try exec("BEGIN IMMEDIATE")
    do {
      try exec(schema)
      var ids: [Int64] = []
      for (run, tables) in runs {
        let id = try insertRun(run, db: db, fail: fail)
        for table in tables {
          try insert(table, rows: { emit in for row in table.rows { try emit(row) } }, runID: id, db: db, exec: exec, fail: fail)
        }
        if ids.isEmpty, let streamed {
          try insert(streamed.table, rows: streamed.produce, runID: id, db: db, exec: exec, fail: fail)
        }
        ids.append(id)
      }
      try exec("COMMIT")
      return ids
    } catch {
      sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
      throw error
    }
  }

  /// The tables every database has: the runs, and a catalogue of the result tables' columns.
  static let schema = """
    CREATE TABLE IF NOT EXISTS runs (
      run_id INTEGER PRIMARY KEY AUTOINCREMENT, started_utc TEXT NOT NULL, dcplan_version TEXT NOT NULL,
      command TEXT NOT NULL, scenario_file TEXT NOT NULL, scenario_name TEXT NOT NULL, scenario_sha256 TEXT NOT NULL,
      resolved_yaml TEXT NOT NULL, variant TEXT, trials INTEGER NOT NULL, seed TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS result_columns (
      table_id TEXT NOT NULL, column_id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, table_title TEXT NOT NULL,
      PRIMARY KEY (table_id, column_id));
    """

  private static func insertRun(_ run: DatabaseRun, db: OpaquePointer, fail: (String) -> Failure) throws -> Int64 {
    let sql = """
      INSERT INTO runs (started_utc, dcplan_version, command, scenario_file, scenario_name, scenario_sha256, resolved_yaml, variant, trials, seed)
      VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
    let statement = try prepare(sql, db: db, fail: fail)
    defer { sqlite3_finalize(statement) }
    let texts = [run.version, run.command, run.scenarioFile, run.scenarioName, SHA256.hex(run.resolvedYAML), run.resolvedYAML]
    for (i, text) in texts.enumerated() { bind(text, at: Int32(i + 1), statement) }
    if let variant = run.variant { bind(variant, at: 7, statement) } else { sqlite3_bind_null(statement, 7) }
    sqlite3_bind_int64(statement, 8, Int64(run.trials))
    bind(run.seed, at: 9, statement)
    guard sqlite3_step(statement) == SQLITE_DONE else { throw fail("insert into runs") }
    return sqlite3_last_insert_rowid(db)
  }

  /// The table's rows under `runID`, in a SQL table named by its id (made, or widened by the
  /// columns a newer dcplan adds).
  private static func insert(
    _ table: Table, rows: (_ emit: ([Cell]) throws -> Void) throws -> Void, runID: Int64, db: OpaquePointer, exec: (String) throws -> Void, fail: (String) -> Failure
  ) throws {
    let name = quoted(table.id)
    let types = table.columns.indices.map { c in sqlType(table.rows.lazy.map { c < $0.count ? $0[c] : .empty }) }
    let definitions = zip(table.columns, types).map { "\(quoted($0.key)) \($1)" }
    try exec(
      "CREATE TABLE IF NOT EXISTS \(name) (run_id INTEGER NOT NULL REFERENCES runs(run_id), row_number INTEGER NOT NULL"
        + definitions.map { ", " + $0 }.joined() + ")")
    let existing = try columns(of: table.id, db: db, fail: fail)
    for (column, type) in zip(table.columns, types) where !existing.contains(column.key) {
      try exec("ALTER TABLE \(name) ADD COLUMN \(quoted(column.key)) \(type)")
    }
    let catalogue = try prepare(
      "INSERT OR REPLACE INTO result_columns (table_id, column_id, position, title, table_title) VALUES (?, ?, ?, ?, ?)",
      db: db, fail: fail)
    defer { sqlite3_finalize(catalogue) }
    for (position, column) in table.columns.enumerated() {
      bind(table.id, at: 1, catalogue)
      bind(column.key, at: 2, catalogue)
      sqlite3_bind_int64(catalogue, 3, Int64(position))
      bind(column.header, at: 4, catalogue)
      bind(table.title, at: 5, catalogue)
      guard sqlite3_step(catalogue) == SQLITE_DONE else { throw fail("insert into result_columns") }
      sqlite3_reset(catalogue)
    }
    let placeholders = Array(repeating: "?", count: table.columns.count + 2).joined(separator: ", ")
    let columnList = (["run_id", "row_number"] + table.columns.map { quoted($0.key) }).joined(separator: ", ")
    let statement = try prepare("INSERT INTO \(name) (\(columnList)) VALUES (\(placeholders))", db: db, fail: fail)
    defer { sqlite3_finalize(statement) }
    var r = 0
    try withoutActuallyEscaping(fail) { fail in try rows { row in
      r += 1
      sqlite3_bind_int64(statement, 1, runID)
      sqlite3_bind_int64(statement, 2, Int64(r))
      for c in table.columns.indices {
        let index = Int32(c + 3)
        switch c < row.count ? row[c] : .empty {
        case let .text(text): bind(text, at: index, statement)
        case let .integer(value), let .year(value): sqlite3_bind_int64(statement, index, Int64(value))
        case let .number(value):
          // SQLite has no NaN (dcplan's figures are finite; an infinity is stored as NULL).
          if value.isFinite { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
        case .empty: sqlite3_bind_null(statement, index)
        }
      }
      guard sqlite3_step(statement) == SQLITE_DONE else { throw fail("insert into \(table.id)") }
      sqlite3_reset(statement)
    } }
  }

  /// The column names of table `id` as it stands.
  private static func columns(of id: String, db: OpaquePointer, fail: (String) -> Failure) throws -> Set<String> {
    let statement = try prepare("PRAGMA table_info(\(quoted(id)))", db: db, fail: fail)
    defer { sqlite3_finalize(statement) }
    var names = Set<String>()
    while sqlite3_step(statement) == SQLITE_ROW {
      if let text = sqlite3_column_text(statement, 1) { names.insert(String(cString: text)) }
    }
    return names
  }

  private static func prepare(_ sql: String, db: OpaquePointer, fail: (String) -> Failure) throws -> OpaquePointer {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw fail("prepare \(sql.prefix(60))") }
    return statement
  }

  /// SQLite copies the text (SQLITE_TRANSIENT).
  private static func bind(_ text: String, at index: Int32, _ statement: OpaquePointer) {
    let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    sqlite3_bind_text(statement, index, text, -1, transient)
  }

  /// A name as an SQL identifier.
  private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

  /// The declared type of a column from its first value: REAL, INTEGER or TEXT.
  private static func sqlType(_ cells: some Sequence<Cell>) -> String {
    for cell in cells {
      switch cell {
      case .text: return "TEXT"
      case .integer, .year: return "INTEGER"
      case .number: return "REAL"
      case .empty: continue
      }
    }
    return "REAL"
  }
}
