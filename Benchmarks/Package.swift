// swift-tools-version: 6.1
// Benchmarks for dcplan (ordo-one/package-benchmark), a package of their own so that the
// benchmark dependencies never reach the library. Run from this folder:
//   swift package benchmark
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "dcplan-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "DCPlanBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "DCPlanModel", package: rootPackage),
        .product(name: "DCPlanEngine", package: rootPackage),
        .product(name: "DCPlanJSON", package: rootPackage),
        .product(name: "DCPlanScenarioFormat", package: rootPackage),
        .product(name: "DCPlanReports", package: rootPackage),
      ],
      path: "Benchmarks/DCPlanBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    )
  ]
)
