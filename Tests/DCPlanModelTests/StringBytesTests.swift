import DCPlanModel
import Foundation
import Testing

/// ``Swift/String/containsByte(_:)`` against the generic search over the UTF-8 view.
@Suite("byte search in text")
struct StringBytesTests {
  @Test("containsByte agrees with utf8.contains on native, bridged, empty and non-ASCII text")
  func agrees() {
    let texts: [String] = [
      "", "a", "x-base: &b {name: n}\nscenario:\n  <<: *b\n", "Größe: 5 €", String(repeating: "ä", count: 5000) + "&",
      NSString(string: "bridged <text> & more").description, String(decoding: [0x61, 0x00, 0x26], as: UTF8.self),
    ]
    for text in texts {
      for byte in [UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "<"), 0, UInt8(ascii: "a")] {
        #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
      }
    }
  }
}
