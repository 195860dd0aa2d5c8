import DCPlanScenarioFormat

/// A scenario snippet with a marker (`1️⃣`, `2️⃣`, ...) where a diagnostic must point, in the
/// manner of swift-format's tests: the markers are removed and their positions kept.
public struct MarkedSource {
  /// The text without markers.
  public let text: String
  /// 1-based line and column (in Unicode scalars, as libyaml counts) of each marker.
  public let positions: [String: SourcePosition]

  private static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

  /// Strips the markers out of `marked`, remembering where each stood.
  public init(_ marked: String) {
    var text = ""
    var positions: [String: SourcePosition] = [:]
    var line = 1
    var column = 1
    var rest = Substring(marked)
    outer: while let character = rest.first {
      for marker in Self.markers where rest.hasPrefix(marker) {
        positions[marker] = SourcePosition(line: line, column: column)
        rest = rest.dropFirst(marker.count)
        continue outer
      }
      text.append(character)
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
      rest = rest.dropFirst()
    }
    self.text = text
    self.positions = positions
  }

  /// The position of `marker`; fails loudly in a test if it is missing.
  public subscript(marker: String) -> SourcePosition {
    positions[marker] ?? SourcePosition(line: 0, column: 0)
  }
}

/// Loads a marked snippet and returns its diagnostics.
public func diagnostics(of source: MarkedSource, file: String = "test.yaml") -> [Diagnostic] {
  ScenarioLoader.load(text: source.text, file: file).diagnostics
}

/// A minimal valid scenario with one tenant, one shared site and one workload, to which a
/// test appends or in which it replaces lines.
public let minimalScenarioHead = """
  scenario:
    name: Test
    horizon: 2020..2022
  """
