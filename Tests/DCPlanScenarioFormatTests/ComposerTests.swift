@testable import DCPlanScenarioFormat
import DCPlanTestSupport
import Foundation
import Testing
import Yams

/// The loader's own YAML tree (``Composer``) against Yams' composer, the loader's parser
/// until session 10: the same values, styles and positions on every bundled scenario and
/// fixture, and the same located messages for malformed files.
@Suite("YAML composer against Yams")
struct ComposerTests {
  /// Whether `ours` and `theirs` hold the same values, styles and positions, node by node.
  static func same(_ ours: DCPlanScenarioFormat.Node, _ theirs: Yams.Node, at path: String = "") -> String? {
    func mark(_ m: Yams.Mark?) -> DCPlanScenarioFormat.Node.Mark? { m.map { .init(line: $0.line, column: $0.column) } }
    switch (ours, theirs) {
    case let (.scalar(a), .scalar(b)):
      guard a.string == b.string, a.style.rawValue == Int(b.style.rawValue), a.mark == mark(b.mark) else {
        return "\(path): '\(a.string)' \(a.style) \(String(describing: a.mark)) vs '\(b.string)' \(b.style) \(String(describing: b.mark))"
      }
      return nil
    case let (.mapping(a), .mapping(b)):
      guard a.count == b.count, a.mark == mark(b.mark) else { return "\(path): mapping of \(a.count) vs \(b.count)" }
      for (x, y) in zip(a, b) {
        let key = x.key.string ?? "?"
        if let problem = same(x.key, y.key, at: path + "." + key) ?? same(x.value, y.value, at: path + "." + key) { return problem }
      }
      return nil
    case let (.sequence(a), .sequence(b)):
      guard a.count == b.count, a.mark == mark(b.mark) else { return "\(path): list of \(a.count) vs \(b.count)" }
      for (i, (x, y)) in zip(a, b).enumerated() {
        if let problem = same(x, y, at: path + "[\(i)]") { return problem }
      }
      return nil
    default:
      return "\(path): \(ours) vs \(theirs)"
    }
  }

  static var files: [String] {
    let root = RepositoryPaths.root
    let folders = ["Scenarios", "Tests/Fixtures", "Fuzz/corpus"]
    return folders.flatMap { folder in
      let url = root.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.sorted().map { url.appendingPathComponent($0).path }
    }.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.contains("/Fuzz/corpus/") }
  }

  @Test("every bundled scenario, fixture and fuzzing seed: the same tree as Yams gives")
  func sameTrees() throws {
    var compared = 0
    for path in Self.files {
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
      let theirs = Result { try Yams.compose(yaml: text, .basic) }
      let ours = Result { () throws(Composer.Failure) -> DCPlanScenarioFormat.Node? in try Composer.compose(text) }
      switch (ours, theirs) {
      case let (.success(a?), .success(b?)):
        #expect(Self.same(a, b) == nil, "\(path): \(Self.same(a, b) ?? "")")
        compared += 1
      case (.success(nil), .success(nil)):
        continue
      case (.failure, .failure):
        continue
      default:
        // The one known difference: keys that differ only by an explicit tag ('!x'), which the
        // loader does not read, are the same key to it.
        #expect(text.contains("!"), "\(path): one refused the text, the other did not")
      }
    }
    #expect(compared >= 20)
  }

  /// The message the loader gave for a Yams error (the loader's own words since session 2).
  static func yamsMessage(_ text: String) -> (SourcePosition, String)? {
    do {
      _ = try Yams.compose(yaml: text, .basic)
      return nil
    } catch let error as YamlError {
      func at(_ mark: Yams.Mark) -> SourcePosition { SourcePosition(line: max(1, mark.line), column: max(1, mark.column)) }
      switch error {
      case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
        let while_ = context.map { " \($0.text)" } ?? ""
        return (at(mark), "malformed YAML: \(problem)\(while_); check the indentation, quotes and brackets here")
      case let .reader(problem, offset, _, yaml):
        return (offset.map { ScenarioLoader.positionOf(byteOffset: $0, in: yaml) } ?? .start, "unreadable text: \(problem)")
      case let .duplicatedKeysInMapping(duplicates, context):
        return (at(context.mark), "key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears more than once in this mapping; keep one")
      default:
        return (.start, "\(error)")
      }
    } catch {
      return (.start, "\(error)")
    }
  }

  @Test("malformed files: the same message at the same line and column as with Yams", arguments: [
    "scenario:\n\tname: x\n", "scenario:\n  name: x\n   bad: 1\n", "scenario:\n  name: \"x\n",
    "scenario:\n  name: x\n  name: y\nb: 1\nb: 2\na: 3\na: 4\n", "scenario: *nope\n", "a: 1\n---\nb: 2\n", "a: 1\u{01}\n",
    "a: &x [1, *x]\n", "a: [1, 2\n", "a: 1\nb: {c: 2, c: 3}\n", "a: {b: 1\n", "- a\nb: 1\n", "a: 'x\n", "a: b: c\n",
    "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "a: !<x y> 1\n", "{a: 1, a: 2}", "a:\n  - 1\n - 2\n", "\u{FEFF}a: 1\na: 2\n",
    "ä: 1\nä: 2\n", "a: \"\\q\"\n",
  ])
  func sameErrors(_ text: String) throws {
    let expected = try #require(Self.yamsMessage(text), "Yams accepts \(text.debugDescription)")
    do {
      _ = try Composer.compose(text)
      Issue.record("the composer accepted \(text.debugDescription)")
    } catch {
      #expect(error.position == expected.0 && error.message == expected.1, "\(error.position) \(error.message) vs \(expected)")
    }
  }
}
