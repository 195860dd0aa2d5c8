/// A YAML document as the loader reads it: scalars as text (no tag rules: every value is read
/// as the text written), mappings as their pairs in order, lists, each with its 1-based line
/// and column. ``Composer`` builds it from libyaml's events; aliases are expanded as they are
/// met, so the tree holds no alias.
///
/// The loader's own tree rather than Yams' `Node`: no tag object, anchor or event object per
/// value, and duplicate keys found by their text (docs/benchmarks.md, "Session 10").
/// Sendable stated, not inferred: inferring it for the recursive tree ran into a cycle when a file
/// using the tree was compiled on its own (an incremental debug build).
enum Node: Sendable {
  case scalar(Scalar)
  case mapping(Mapping)
  case sequence(Sequence)

  /// Where a node starts: 1-based line and column (libyaml counts columns in Unicode scalars).
  struct Mark: Hashable, Sendable {
    let line: Int
    let column: Int
  }

  /// A scalar's text and how it was written.
  struct Scalar: Sendable {
    /// The scalar styles of YAML, in libyaml's order (`any` for a scalar made by the loader).
    enum Style: Int {
      case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    let string: String
    let style: Style
    let mark: Mark?

    init(_ string: String, style: Style = .any, mark: Mark? = nil) {
      self.string = string
      self.style = style
      self.mark = mark
    }
  }

  /// A mapping's pairs, in the order written.
  struct Mapping: RandomAccessCollection, Sendable {
    typealias Element = (key: Node, value: Node)
    let pairs: [Element]
    let mark: Mark?

    init(_ pairs: [(Node, Node)], mark: Mark? = nil) {
      self.pairs = pairs.map { (key: $0.0, value: $0.1) }
      self.mark = mark
    }

    var startIndex: Int { pairs.startIndex }
    var endIndex: Int { pairs.endIndex }
    subscript(position: Int) -> Element { pairs[position] }

    /// The value of the first key whose text is `key`.
    subscript(key: String) -> Node? {
      pairs.first { $0.key.scalar?.string == key }?.value
    }
  }

  /// A list's items, in order.
  struct Sequence: RandomAccessCollection, Sendable {
    let nodes: [Node]
    let mark: Mark?

    init(_ nodes: [Node], mark: Mark? = nil) {
      self.nodes = nodes
      self.mark = mark
    }

    var startIndex: Int { nodes.startIndex }
    var endIndex: Int { nodes.endIndex }
    subscript(position: Int) -> Node { nodes[position] }
  }

  /// A plain scalar made by the loader (a `--set` value).
  init(_ string: String) { self = .scalar(Scalar(string)) }

  /// A mapping made by the loader.
  init(_ pairs: [(Node, Node)]) { self = .mapping(Mapping(pairs)) }

  /// A scalar's text; nil for a mapping or list.
  var string: String? { scalar?.string }

  var scalar: Scalar? {
    if case let .scalar(scalar) = self { return scalar }
    return nil
  }

  var mapping: Mapping? {
    if case let .mapping(mapping) = self { return mapping }
    return nil
  }

  var sequence: Sequence? {
    if case let .sequence(sequence) = self { return sequence }
    return nil
  }

  /// Where the node starts.
  var mark: Mark? {
    switch self {
    case let .scalar(scalar): return scalar.mark
    case let .mapping(mapping): return mapping.mark
    case let .sequence(sequence): return sequence.mark
    }
  }
}

/// Nodes are equal when their content is (scalars by text, collections item by item), wherever
/// and however they were written: an overlay's key matches its base's so.
extension Node: Equatable {
  static func == (a: Node, b: Node) -> Bool {
    switch (a, b) {
    case let (.scalar(x), .scalar(y)): return x.string == y.string
    case let (.mapping(x), .mapping(y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case let (.sequence(x), .sequence(y)): return x.nodes == y.nodes
    default: return false
    }
  }
}
