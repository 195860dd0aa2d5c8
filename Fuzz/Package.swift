// swift-tools-version: 6.1
// libFuzzer targets for the scenario loader and the whole program; its own package so that the main build never
// needs the sanitizer flags. See docs/fuzzing.md for the command.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "dcplan-fuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "LoaderFuzzer",
      dependencies: ["CFuzzerDriver", .product(name: "DCPlanScenarioFormat", package: rootPackage),
                     .product(name: "DCPlanReports", package: rootPackage), .product(name: "DCPlanJSON", package: rootPackage),
                     .product(name: "DCPlanEngine", package: rootPackage)]
    ),
    .executableTarget(
      name: "ExtremesFuzzer",
      dependencies: ["CFuzzerDriver", .product(name: "DCPlanScenarioFormat", package: rootPackage),
                     .product(name: "DCPlanReports", package: rootPackage), .product(name: "DCPlanJSON", package: rootPackage),
                     .product(name: "DCPlanEngine", package: rootPackage)]
    ),
    .executableTarget(
      name: "MergeFuzzer",
      dependencies: ["CFuzzerDriver", .product(name: "DCPlanReports", package: rootPackage)]
    ),
  ]
)
