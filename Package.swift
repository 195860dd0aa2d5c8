// swift-tools-version: 6.1
// dcplan: capacity planner and simulator for a shared data centre and wide-area network.
//
// Layers (each module knows only the ones below it):
//   DCPlanModel  – scenario value types with units; no I/O
//   DCPlanEngine – pure functions from a scenario to results (uses COpenBLAS, and CKernels
//                  for the Monte Carlo's inner loops)
//   DCPlanIO     – scenario loading and validation, result rendering, atomic writes
//   dcplan       – the command, on swift-argument-parser
import PackageDescription

let package = Package(
  name: "dcplan",
  products: [
    .executable(name: "dcplan", targets: ["dcplan"]),
    .library(name: "DCPlanModel", targets: ["DCPlanModel"]),
    .library(name: "DCPlanEngine", targets: ["DCPlanEngine"]),
    .library(name: "DCPlanIO", targets: ["DCPlanIO"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
  ],
  targets: [
    .systemLibrary(
      name: "COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .target(name: "DCPlanModel"),
    .target(name: "CKernels"),
    .target(name: "DCPlanEngine", dependencies: ["DCPlanModel", "COpenBLAS", "CKernels"]),
    .target(
      name: "DCPlanIO",
      dependencies: ["DCPlanModel", "DCPlanEngine", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "dcplan",
      dependencies: [
        "DCPlanModel", "DCPlanEngine", "DCPlanIO",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "DCPlanTestSupport",
      dependencies: ["DCPlanModel", "DCPlanIO", .product(name: "Numerics", package: "swift-numerics")],
      path: "Tests/DCPlanTestSupport"
    ),
    .testTarget(name: "DCPlanModelTests", dependencies: ["DCPlanModel", "DCPlanTestSupport"]),
    .testTarget(name: "DCPlanEngineTests", dependencies: ["DCPlanEngine", "CKernels", "DCPlanIO", "DCPlanTestSupport"]),
    .testTarget(name: "DCPlanIOTests", dependencies: ["DCPlanIO", "DCPlanEngine", "DCPlanTestSupport"]),
    .testTarget(name: "DCPlanCLITests", dependencies: ["DCPlanTestSupport"]),
  ]
)
