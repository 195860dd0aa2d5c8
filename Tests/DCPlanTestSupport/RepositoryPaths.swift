import Foundation

/// Paths inside the repository and the build, for tests that read bundled files or run the binary.
public enum RepositoryPaths {
  /// The package root (the folder holding Package.swift).
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// A file in Scenarios/.
  public static func scenario(_ name: String) -> String {
    root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
  }

  /// The built `dcplan` binary, next to the test bundle in the build folder.
  public static let binary: String = {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = testBinary.deletingLastPathComponent()
    // On Linux the tests run from `.build/<config>/dcplanPackageTests.xctest`.
    for _ in 0..<3 {
      let candidate = folder.appendingPathComponent("dcplan")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
      folder.deleteLastPathComponent()
    }
    return root.appendingPathComponent(".build/debug/dcplan").path
  }()
}
