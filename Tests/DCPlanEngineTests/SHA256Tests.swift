import DCPlanModel
import DCPlanTestSupport
import Foundation
import Testing

/// SHA-256 against the FIPS 180-4 examples and `sha256sum` on a scenario file.
@Suite("SHA-256")
struct SHA256Tests {
  @Test("the FIPS 180-4 examples: empty, 'abc', the two-block message, a million 'a'")
  func examples() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(SHA256.hex(String(repeating: "a", count: 1_000_000))
      == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("a scenario file's digest equals sha256sum's")
  func file() throws {
    let path = RepositoryPaths.scenario("teaching-costs.yaml")
    let bytes = try #require(FileManager.default.contents(atPath: path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(SHA256.hex([UInt8](bytes)) == String(printed.prefix(64)))
  }
}
