// swift-tools-version: 6.1
// dcplan: capacity planner and simulator for a shared data centre and wide-area network.
//
// Layers (each module knows only the ones below it; the compiler keeps them, since a target
// can import only what it lists):
//   DCPlanModel          – scenario value types with units, cost categories, codecs, the
//                          seeded random generator; no I/O, no engine
//   DCPlanEngine         – pure functions from a scenario to results (model only, plus
//                          COpenBLAS and CKernels for the Monte Carlo's inner loops)
//   DCPlanJSON           – a JSON value and its writer (shortest round-trip numbers)
//   DCPlanScenarioFormat – the scenario file: key declarations, loading with positions,
//                          validation, schema, the bundled and generated scenarios (model and
//                          JSON only: it cannot see the engine)
//   DCPlanReports        – results rendered to bytes: tables, Markdown, CSV, JSON, HTML with
//                          SVG, Excel workbooks (CXlsxWriter), the results database (CSQLite),
//                          comparisons, atomic writes
//                          (model, engine and JSON: it cannot see the scenario file)
//   dcplan               – the command, on swift-argument-parser, wiring the above
import PackageDescription

/// Release builds leave out the run-time exclusivity checks on class properties (a tenth of
/// the failure analysis' time); debug builds, in which the tests run, keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// The release binary carries the Swift runtime and Foundation in itself rather than loading
/// them at start: no shared-library lookups and relocations (half of `dcplan --version`'s
/// 7 ms) and direct calls into the runtime (docs/benchmarks.md, "Session 13").
let releaseLinking: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
/// The command's own module is compiled against the static runtime's modules as well, so that
/// the libraries they depend on (CoreFoundation, ICU) are linked with them.
let releaseStaticSettings: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
  name: "dcplan",
  products: [
    .executable(name: "dcplan", targets: ["dcplan"]),
    .library(name: "DCPlanModel", targets: ["DCPlanModel"]),
    .library(name: "DCPlanEngine", targets: ["DCPlanEngine"]),
    .library(name: "DCPlanScenarioFormat", targets: ["DCPlanScenarioFormat"]),
    .library(name: "DCPlanReports", targets: ["DCPlanReports"]),
    .library(name: "DCPlanJSON", targets: ["DCPlanJSON"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
  ],
  targets: [
    // OpenBLAS, libxlsxwriter and SQLite (Debian: libopenblas-dev, libxlsxwriter-dev,
    // libsqlite3-dev) are loaded when first needed, not linked: Sources/CLibraryLoader.
    .target(name: "CLibraryLoader", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "COpenBLAS", dependencies: ["CLibraryLoader"], linkerSettings: [.linkedLibrary("pthread")]),
    .target(name: "CXlsxWriter", dependencies: ["CLibraryLoader"], linkerSettings: [.linkedLibrary("pthread")]),
    .target(name: "CSQLite", dependencies: ["CLibraryLoader"], linkerSettings: [.linkedLibrary("pthread")]),
    .target(name: "DCPlanModel", swiftSettings: releaseSettings),
    .target(name: "CKernels"),
    .target(name: "DCPlanEngine", dependencies: ["DCPlanModel", "COpenBLAS", "CKernels"], swiftSettings: releaseSettings),
    .target(name: "DCPlanJSON", swiftSettings: releaseSettings),
    .target(
      name: "DCPlanScenarioFormat",
      dependencies: ["DCPlanModel", "DCPlanJSON", .product(name: "Yams", package: "Yams")],
      swiftSettings: releaseSettings
    ),
    .target(
      name: "DCPlanReports", dependencies: ["DCPlanModel", "DCPlanEngine", "DCPlanJSON", "CXlsxWriter", "CSQLite"],
      swiftSettings: releaseSettings),
    .executableTarget(
      name: "dcplan",
      dependencies: [
        "DCPlanModel", "DCPlanEngine", "DCPlanJSON", "DCPlanScenarioFormat", "DCPlanReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: releaseStaticSettings,
      linkerSettings: releaseLinking
    ),
    .target(
      name: "DCPlanTestSupport",
      dependencies: ["DCPlanModel", "DCPlanScenarioFormat", .product(name: "Numerics", package: "swift-numerics")],
      path: "Tests/DCPlanTestSupport"
    ),
    .testTarget(name: "DCPlanModelTests", dependencies: ["DCPlanModel", "DCPlanTestSupport"]),
    .testTarget(
      name: "DCPlanEngineTests", dependencies: ["DCPlanEngine", "CKernels", "DCPlanScenarioFormat", "DCPlanTestSupport"]),
    .testTarget(
      name: "DCPlanScenarioFormatTests",
      dependencies: [
        "DCPlanScenarioFormat", "DCPlanEngine", "DCPlanReports", "DCPlanJSON", "DCPlanTestSupport",
        .product(name: "Yams", package: "Yams"),
      ]),
    .testTarget(
      name: "DCPlanReportsTests", dependencies: ["DCPlanReports", "DCPlanJSON", "DCPlanEngine", "DCPlanModel", "DCPlanTestSupport"]),
    .testTarget(name: "DCPlanCLITests", dependencies: ["DCPlanTestSupport"]),
  ]
)
