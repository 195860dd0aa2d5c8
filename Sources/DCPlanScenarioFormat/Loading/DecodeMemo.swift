import DCPlanModel

/// The sections of a base scenario as decoded once, for the variants of a sweep
/// (``ScenarioLoader/prepare(text:file:)``): a variant whose settings leave a section alone
/// takes its decoded value and does to the ``DecodeContext`` what decoding it did
/// (diagnostics, source-map entries, nodes visited), instead of decoding it again. The
/// outcome is the same as decoding the whole variant: a section is reused only when the
/// variant's tree holds the base's node for it unchanged (no setting's path starts with its
/// key) and what else its decoding reads (the horizon; for the uncertainty section the ids
/// its paths may name) is the same.
///
/// Recorded by one decode of the base, then only read: variants on several threads share it.
final class DecodeMemo: @unchecked Sendable {
  /// A section's decoded value, what else its decoding read (nil for nothing) and its effects.
  struct Entry {
    let value: AnyObject
    let dependsOn: AnyHashable?
    let effects: DecodeContext.Effects
  }

  private final class Box<T> {
    let value: T
    init(_ value: T) { self.value = value }
  }

  private(set) var isRecording = true
  private var entries: [String: Entry] = [:]

  /// Ends recording; from now on the memo is only read.
  func freeze() { isRecording = false }

  func store<T>(_ value: T, section: String, dependsOn: AnyHashable?, effects: DecodeContext.Effects) {
    entries[section] = Entry(value: Box(value), dependsOn: dependsOn, effects: effects)
  }

  /// The base's value of `section` if its decoding read the same `dependsOn`.
  func value<T>(of section: String, dependsOn: AnyHashable?, as _: T.Type) -> (value: T, effects: DecodeContext.Effects)? {
    guard let entry = entries[section], entry.dependsOn == dependsOn, let box = entry.value as? Box<T> else { return nil }
    return (box.value, entry.effects)
  }

  /// The top-level sections that `paths` (a sweep's `--set` paths) change: each path's first key.
  static func sections(changedBy paths: [String]) -> Set<String> {
    Set(paths.map { path in String(path.prefix { $0 != "." && $0 != "[" }) })
  }
}

extension ScenarioDecoder {
  /// `decode()` for section `section`, or the base's result when `memo` holds it for this
  /// variant (see ``DecodeMemo``); while the memo records, the result and its effects are kept.
  /// `dependsOn` is everything `decode` reads besides the section's node (nil for nothing).
  func memoized<T>(_ section: String, dependsOn: AnyHashable?, _ decode: () -> T) -> T {
    guard let memo else { return decode() }
    if memo.isRecording {
      let mark = context.checkpoint()
      let value = decode()
      if let effects = context.effects(since: mark) { memo.store(value, section: section, dependsOn: dependsOn, effects: effects) }
      return value
    }
    if !changedSections.contains(section), let (value, effects) = memo.value(of: section, dependsOn: dependsOn, as: T.self),
      context.replay(effects)
    {
      return value
    }
    return decode()
  }
}
