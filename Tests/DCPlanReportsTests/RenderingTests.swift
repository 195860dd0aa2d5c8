import DCPlanModel
import DCPlanJSON
import DCPlanReports
import Foundation
import Testing

@Suite("rendering")
struct RenderingTests {
  let table = Table(
    id: "t", title: "T", columns: [Column("site", "Site"), Column("year", "Year"), Column("value_tib", "Value (TiB)", decimals: 1)],
    rows: [[.text("a, \"b\""), .year(2017), .number(12345.678)], [.text("c"), .year(2018), .empty]])

  @Test("CSV quotes fields with commas and quotes and keeps full precision")
  func csv() {
    #expect(CSVRenderer.render(table) == "site,year,value_tib\n\"a, \"\"b\"\"\",2017,12345.678\nc,2018,\n")
  }

  @Test("Markdown groups thousands, rounds to the column's decimals and leaves years alone")
  func markdown() {
    #expect(MarkdownRenderer.render(table) == """
      ## T

      | Site | Year | Value (TiB) |
      |---|---:|---:|
      | a, "b" | 2017 | 12,345.7 |
      | c | 2018 |  |

      """)
    #expect(MarkdownRenderer.formatNumber(-0.04, decimals: 1) == "0.0")
    #expect(MarkdownRenderer.formatNumber(-1234.5, decimals: 0) == "-1,235")
  }

  @Test("JSON keeps member order, escapes control characters and writes numbers shortest")
  func json() {
    let value = JSONValue.object([("b", .number(0.1)), ("a", .array([.integer(3), .number(2), .null])), ("s", .string("x\"\n\u{1}"))])
    #expect(JSONWriter.write(value) == """
      {
        "b": 0.1,
        "a": [
          3,
          2,
          null
        ],
        "s": "x\\"\\n\\u0001"
      }

      """)
  }

  @Test("every control character, quotes, backslashes and non-ASCII text read back unchanged by an independent JSON parser")
  func jsonRoundTrip() throws {
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let texts = [controls, "Stadt Göttingen – Rathaus ✓ 🏛", "\"quoted\" and \\ back\\slash", "", "plain"]
    let value = JSONValue.object(texts.enumerated().map { ("k\($0.offset) \($0.element)", .string($0.element)) })
    let bytes = JSONWriter.bytes(value)
    #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.write(value))
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String])
    for (index, text) in texts.enumerated() {
      #expect(parsed["k\(index) \(text)"] == text)
    }
    #expect(JSONWriter.quote("a\u{1F}b") == "\"a\\u001fb\"")
  }

  @Test("an array whose items are made as they are written reads as the same array, empty or not")
  func lazyJSONArray() {
    let items: [JSONValue] = [.integer(1), .object([("a", .string("x")), ("b", .array([.null]))]), .number(0.5)]
    let lazy = JSONValue.object([("rows", .lazyArray(count: items.count) { items[$0] }), ("none", .lazyArray(count: 0) { _ in .null })])
    let plain = JSONValue.object([("rows", .array(items)), ("none", .array([]))])
    #expect(JSONWriter.write(lazy) == JSONWriter.write(plain))
    #expect(JSONWriter.compact(lazy) == JSONWriter.compact(plain))
    #expect(lazy == plain)
  }

  @Test("JSON written in parts, long arrays stretch by stretch on several threads, joins to the bytes written at once", arguments: [1, 2, 3, 5])
  func jsonParts(ways: Int) {
    let per = JSONWriter.itemsPerWay
    @Sendable func row(_ n: Int) -> JSONValue {
      .object([("id", .string("L\(n)")), ("load", .number(Double(n) / 7)), ("next", n % 3 == 0 ? .null : .integer(n))])
    }
    // Long arrays first, nested, last and side by side; short ones stay whole.
    for count in [0, 1, per - 1, 2 * per + 1, 3 * per + 2] {
      let nested = JSONValue.lazyArray(count: count) { n in n == count / 2 ? .lazyArray(count: 2 * per) { row($0) } : row(n) }
      let document = JSONValue.object([
        ("before", .array([.integer(1)])), ("rows", .lazyArray(count: count) { row($0) }), ("middle", .string("m")),
        ("nested", nested), ("more", .lazyArray(count: count) { row($0) }),
      ])
      let whole = JSONWriter.bytes(document)
      let parts = JSONWriter.parts(document, ways: ways) { count, job in
        for way in (0..<count).reversed() { job(way) }  // in any order: each way writes its own stretch
      }
      #expect(Array(parts.joined()) == whole, "\(count) items, \(ways) ways")
      #expect(parts.count == 1 || ways > 1)
      let threaded = JSONWriter.parts(document, ways: ways) { count, job in Workers.run(count, job) }
      #expect(Array(threaded.joined()) == whole, "\(count) items, \(ways) ways, threads")
    }
  }

  @Test("JSON digits written straight into the buffer equal the standard library's, at the edges")
  func jsonDigits() {
    for n in [0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, Int.max, Int.min, Int.max - 1, Int.min + 1] {
      #expect(JSONWriter.write(.integer(n)) == String(n) + "\n")
    }
    let numbers: [Double] = [0, -0.0, 1, -1, 2.5, 1e15 - 1, 1e15, -1e15 + 1, 123_456_789_012_345, 0.1, 1e-7, .infinity, .nan, 1466.9000000000005]
    for x in numbers {
      #expect(JSONWriter.write(.number(x)) == JSONWriter.number(x) + "\n", "\(x)")
    }
  }
}
