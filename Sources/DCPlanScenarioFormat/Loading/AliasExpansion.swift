import DCPlanModel
import CYaml

/// A bound on how far YAML aliases expand (docs/scenario-format.md, "Anchors, aliases and
/// merge keys"): the scenario's values counted with every alias standing for its anchor's
/// whole subtree, from libyaml's events in one pass over the text, so that an alias bomb
/// (aliases of aliases doubling at each level) is a located error in milliseconds, before
/// any tree is built or walked.
enum AliasExpansion {
  /// The most values (scalars, lists and mappings) a scenario may have once its aliases are
  /// expanded.
  static let limit = 1_000_000

  /// The error at the alias that passes the limit.
  static func message(_ anchor: String) -> String {
    "alias '*\(anchor)' expands the scenario beyond \(limit) values (aliases of aliases multiply); "
      + "write the repeated part out, or reuse it less deeply"
  }

  /// The position of the alias at which the expansion first passes ``limit``, with its
  /// anchor's name; nil when it stays within it (or the text is not valid YAML: the parser
  /// reports that).
  static func firstExcess(in text: String) -> (position: SourcePosition, anchor: String, values: Int)? {
    // Without an anchor ('&') or an alias ('*') nothing expands: no second pass over the text.
    guard text.containsByte(UInt8(ascii: "&")), text.containsByte(UInt8(ascii: "*")) else { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> (SourcePosition, String, Int)? in
      guard let base = buffer.baseAddress else { return nil }
      yaml_parser_set_input_string(&parser, base, buffer.count)
      var sizes: [String: Int] = [:]
      // Open collections: the values counted in each so far, and its anchor.
      var open: [(count: Int, anchor: String?)] = []
      var total = 0
      func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
      }
      func add(_ values: Int) {
        if open.isEmpty { total = min(limit + 1, total + values) } else { open[open.count - 1].count = min(limit + 1, open[open.count - 1].count + values) }
      }
      func counted() -> Int { min(limit + 1, open.reduce(total) { min(limit + 1, $0 + $1.count) }) }
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        let mark = event.start_mark
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SCALAR_EVENT:
          if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
          add(1)
        case YAML_ALIAS_EVENT:
          let anchor = name(event.data.alias.anchor) ?? ""
          add(sizes[anchor] ?? 1)
          let values = counted()
          if values > limit {
            return (SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1), anchor, values)
          }
        case YAML_SEQUENCE_START_EVENT:
          open.append((1, name(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
          open.append((1, name(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          guard let closed = open.popLast() else { return nil }
          if let anchor = closed.anchor { sizes[anchor] = closed.count }
          add(closed.count)
        default:
          continue
        }
      }
    }
  }
}
