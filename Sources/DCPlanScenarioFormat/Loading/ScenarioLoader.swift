import DCPlanModel
import Foundation

/// What loading a scenario file gave: the scenario when no error was found, and every
/// diagnostic (errors and warnings), sorted by position.
public struct LoadOutcome: Sendable {
  /// The resolved scenario, or nil when any error was reported.
  public let scenario: Scenario?
  /// All errors and warnings, in file order.
  public let diagnostics: [Diagnostic]
  /// Where each value stood, for later checks that point into the file.
  public let sourceMap: SourceMap
  /// The files read: the scenario and those it extends (the bundled default named by
  /// `dcplan:default` is none), for commands that must not write over an input.
  public var files: [String] = []
}

/// The outcome of a failed ``ScenarioLoader/prepare(text:file:)``, as an error.
public struct LoadOutcomeFailure: Error, @unchecked Sendable {
  /// The outcome, with its diagnostics.
  public let outcome: LoadOutcome
}

/// The `load` and `validate` stages: text → YAML tree → ``Scenario`` with every problem
/// reported at its line and column. YAML and JSON are read alike (JSON is YAML).
public enum ScenarioLoader {
  /// Whether `extends:` may name files outside the folder of the scenario given (and its
  /// subfolders); off unless a command's `--extends-anywhere` turns it on: scenario files
  /// travel between public bodies, and a base outside the tree would be read and quoted.
  nonisolated(unsafe) public static var extendsAnywhere = false
  /// Threads that long lists (a state's demands and links) are decoded on, 2 unless bound
  /// around a load (`ScenarioLoader.$threads.withValue(n) { … }`; the command line binds its
  /// `--threads`). The outcome does not depend on it.
  @TaskLocal public static var threads = 2

  /// The largest scenario file read, in bytes (64 MiB; a generated state of 10,000
  /// municipalities is about 6 MB); a command's `--max-input-mb` raises it.
  nonisolated(unsafe) public static var maxInputBytes = 64 << 20

  /// Reads and loads the file at `path`; a file that cannot be read is one error at 1:1.
  public static func load(path: String) -> LoadOutcome {
    if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size > maxInputBytes {
      return failure(
        path, .start,
        "the file is \(size >> 20) MiB; scenario files are read up to \(maxInputBytes >> 20) MiB; raise the limit with --max-input-mb")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
      return failure(path, .start, "the file \(reason); check the path")
    }
    return load(bytes: [UInt8](data), file: path)
  }

  /// Loads a scenario from the bytes of a file named `file` (the name is used in messages only).
  public static func load(bytes: [UInt8], file: String) -> LoadOutcome {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return failure(file, firstInvalidUTF8Position(bytes), "the file is not UTF-8 text; save it as UTF-8")
    }
    return load(text: text, file: file, byteCount: bytes.count)
  }

  /// Loads a scenario from its text.
  public static func load(text: String, file: String) -> LoadOutcome {
    load(text: text, file: file, byteCount: text.utf8.count)
  }

  /// Loads `text` with `settings` (`policy.failover_share` = `50 %`, `workloads[eakte].growth`
  /// = `6 %`) put into the scenario before it is decoded: the variants of a sweep.
  public static func load(text: String, file: String, settings: [(path: String, value: String)]) -> LoadOutcome {
    load(text: text, file: file, byteCount: text.utf8.count, settings: settings)
  }

  /// A file parsed, with everything it extends merged in (``Overlay``) and `settings` put in.
  enum Parsed {
    case tree(root: Node, overlay: Overlay, budget: Int)
    case failed(LoadOutcome)
  }

  /// Parses `text`, merges what it extends and puts `settings` in.
  static func parse(
    text: String, file: String, byteCount: Int, settings: [(path: String, value: String)] = []
  ) -> Parsed {
    if let excess = AliasExpansion.firstExcess(in: text) {
      return failure(file, excess.position, AliasExpansion.message(excess.anchor))
    }
    let root: Node?
    do {
      root = try Composer.compose(text)
    } catch {
      return failure(file, error.position, error.message)
    }
    guard var root, !root.isNull else {
      return failure(file, .start, "the file is empty; a scenario needs at least the sections 'scenario' and 'tenants'")
    }
    switch MergeKeys.resolve(root, text: text) {
    case let .success(resolved): root = resolved
    case let .failure(problem): return failure(file, problem.position, problem.message)
    }
    var overlay = Overlay()
    var budget = byteCount
    if root.mapping?["extends"] != nil {
      let lineCount = text.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
      let tree = Self.folderTree(of: file)
      var outside: String?
      let result = overlay.resolve(root, file: file, lineCount: lineCount) { path in
        if path.hasSuffix("/" + BundledScenarios.defaultReference) || path == BundledScenarios.defaultReference {
          return BundledScenarios.niedersachsen2025
        }
        guard Self.extendsAnywhere || Self.isInside(path, tree) else {
          outside = path
          return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        budget += data.count
        return String(validating: [UInt8](data), as: UTF8.self)
      }
      switch result {
      case let .success(merged): root = merged
      case let .failure(problem):
        let (where_, position) = overlay.locate(problem.position)
        if let outside {
          return failure(
            where_, position,
            "'extends' names '\(outside)', outside the scenario's folder '\(tree)'; copy the base next to the scenario, "
              + "or allow it with --extends-anywhere")
        }
        return failure(where_, position, problem.message)
      }
    }
    switch applying(settings, to: root, file: file) {
    case let .success(changed): return .tree(root: changed, overlay: overlay, budget: budget)
    case let .failure(failed): return .failed(failed.outcome)
    }
  }

  /// `root` with `settings` put in, or the first that cannot be.
  private static func applying(
    _ settings: [(path: String, value: String)], to root: Node, file: String
  ) -> Result<Node, LoadOutcomeFailure> {
    var root = root
    for setting in settings {
      switch Settings.apply(setting.value, at: setting.path, to: root) {
      case let .success(changed): root = changed
      case let .failure(problem): return .failure(LoadOutcomeFailure(outcome: failure(file, .start, problem.message)))
      }
    }
    return .success(root)
  }

  /// A file parsed once, with everything it extends merged in, for many variants (a sweep):
  /// each variant puts its settings into the tree and decodes it (``load(_:settings:)``).
  public struct Prepared: @unchecked Sendable {
    let root: Node
    let overlay: Overlay
    let budget: Int
    let file: String
    /// The base's sections decoded once; a variant decodes only those its settings change.
    let memo: DecodeMemo
  }

  /// `text` parsed for variants, or the outcome of its first error.
  public static func prepare(text: String, file: String) -> Result<Prepared, LoadOutcomeFailure> {
    switch parse(text: text, file: file, byteCount: text.utf8.count) {
    case let .failed(outcome): return .failure(LoadOutcomeFailure(outcome: outcome))
    case let .tree(root, overlay, budget):
      let memo = DecodeMemo()
      _ = decode(root, overlay: overlay, budget: budget, file: file, memo: memo)
      memo.freeze()
      return .success(Prepared(root: root, overlay: overlay, budget: budget, file: file, memo: memo))
    }
  }

  /// A variant of a prepared file: `settings` put in, then decoded and checked as
  /// ``load(text:file:settings:)`` would (the same outcome, without parsing again, and
  /// decoding again only the sections the settings change: ``DecodeMemo``).
  public static func load(_ prepared: Prepared, settings: [(path: String, value: String)]) -> LoadOutcome {
    switch applying(settings, to: prepared.root, file: prepared.file) {
    case let .success(root):
      return decode(
        root, overlay: prepared.overlay, budget: prepared.budget, file: prepared.file, memo: prepared.memo,
        changedSections: DecodeMemo.sections(changedBy: settings.map(\.path)))
    case let .failure(failed): return failed.outcome
    }
  }

  private static func failure(_ file: String, _ position: SourcePosition, _ message: String) -> Parsed {
    .failed(failure(file, position, message))
  }

  private static func load(
    text: String, file: String, byteCount: Int, settings: [(path: String, value: String)] = []
  ) -> LoadOutcome {
    let root: Node
    let overlay: Overlay
    let budget: Int
    switch parse(text: text, file: file, byteCount: byteCount, settings: settings) {
    case let .failed(outcome): return outcome
    case let .tree(tree, bands, bytes): (root, overlay, budget) = (tree, bands, bytes)
    }
    return decode(root, overlay: overlay, budget: budget, file: file)
  }

  /// The scenario decoded from a parsed tree, checked, with its diagnostics in file order.
  private static func decode(
    _ root: Node, overlay: Overlay, budget: Int, file: String, memo: DecodeMemo? = nil, changedSections: Set<String> = []
  ) -> LoadOutcome {
    let context = DecodeContext(file: file, nodeBudget: max(10_000, 4 * budget))
    let decoded = ScenarioDecoder(context: context, memo: memo, changedSections: changedSections).decode(root)
    let map = SourceMap(records: context.records)
    var diagnostics = context.diagnostics
    var scenario = decoded.scenario
    if !context.budgetExhausted {
      scenario.sites = SharedDataCentreRule.resolveLoadShares(
        scenario.sites, explicit: decoded.explicitLoadShares, horizon: scenario.info.horizon, map, &diagnostics, file: file)
      scenario.closeRoomsAfterMoves()
      ValidationRules.checkAll(scenario, map, &diagnostics, file: file)
    }
    var sorted = diagnostics.enumerated().sorted { a, b in
      (a.element.position, a.offset) < (b.element.position, b.offset)
    }.map(\.element)
    if overlay.bands.count > 1 {
      // Each diagnostic back to the file whose band its line is in.
      sorted = sorted.map { diagnostic in
        let (where_, position) = overlay.locate(diagnostic.position)
        return Diagnostic(file: where_, position: position, severity: diagnostic.severity, message: diagnostic.message)
      }
    }
    var tables: [String] = []
    if let table = scenario.network.accessSitesFile, !context.budgetExhausted {
      // Relative to the file that names it (a base's table, for a variant).
      let position = map.recorded("network.access_sites_file") ?? .start
      let (setIn, at) = overlay.bands.count > 1 ? overlay.locate(position) : (file, position)
      let read = AccessSitesFile.read(table, namedIn: setIn, at: at, scenario: scenario)
      scenario.network.accessSites += read.sites
      sorted += read.diagnostics
      if let path = read.path { tables.append(path) }
    }
    var outcome = LoadOutcome(scenario: sorted.containsErrors ? nil : scenario, diagnostics: sorted, sourceMap: map)
    outcome.files = (overlay.bands.isEmpty ? [file] : overlay.bands.map(\.file).filter { !$0.hasSuffix(BundledScenarios.defaultReference) })
      + tables
    return outcome
  }

  /// The folder of `file`, links resolved: the tree `extends` may reach into.
  static func folderTree(of file: String) -> String {
    URL(fileURLWithPath: file).deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
  }

  /// Whether `path`, links resolved, lies in `tree` or below it.
  static func isInside(_ path: String, _ tree: String) -> Bool {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    return resolved == tree || resolved.hasPrefix(tree.hasSuffix("/") ? tree : tree + "/")
  }

  private static func failure(_ file: String, _ position: SourcePosition, _ message: String) -> LoadOutcome {
    LoadOutcome(
      scenario: nil, diagnostics: [Diagnostic(file: file, position: position, severity: .error, message: message)],
      sourceMap: SourceMap(positions: [:]))
  }

  /// The line and column of byte `byteOffset` of `text` (columns in characters).
  static func positionOf(byteOffset: Int, in text: String) -> SourcePosition {
    var line = 1
    var column = 1
    for (offset, byte) in text.utf8.enumerated() {
      if offset >= byteOffset { break }
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourcePosition(line: line, column: column)
  }

  /// The line and column (in characters) of the first byte that is not valid UTF-8.
  private static func firstInvalidUTF8Position(_ bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return SourcePosition(line: line, column: column)
      }
      let end = index + length
      guard end <= bytes.count,
        String(validating: bytes[index..<end], as: UTF8.self) != nil
      else { return SourcePosition(line: line, column: column) }
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = end
    }
    return SourcePosition(line: line, column: column)
  }
}
