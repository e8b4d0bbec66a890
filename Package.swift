// swift-tools-version: 6.0
import PackageDescription

// No dependencies beyond the Swift toolchain: the product's design card says "packages: none".
let package = Package(
    name: "InjurySim",
    products: [
        .executable(name: "injurysim", targets: ["injurysim"]),
        .library(name: "InjurySimIO", targets: ["InjurySimIO"]),
        // The model and the engine, for the fuzz harness (Fuzz/) and other tools.
        .library(name: "InjurySimEngine", targets: ["InjurySimCore", "InjurySimEngine"])
    ],
    targets: [
        // Values and pure rules: random streams, money, benefit rules, the fund ledger, statistics.
        .target(name: "InjurySimCore"),
        // Actors and the month loop: shards, platforms, funds, the replication coordinator, the runner.
        .target(name: "InjurySimEngine", dependencies: ["InjurySimCore"]),
        // Summaries and experiments over replication results: run summary, compare, sweep, solve, sensitivity.
        .target(name: "InjurySimAnalysis", dependencies: ["InjurySimCore", "InjurySimEngine"]),
        // Scenario files in (parsing, validation), results out (CSV, JSON, console tables, folders).
        .target(name: "InjurySimIO", dependencies: ["InjurySimCore", "InjurySimEngine", "InjurySimAnalysis"]),
        // The model checks against closed forms and the pilot calibration; docs/VALIDATION.md.
        .target(name: "InjurySimValidation", dependencies: ["InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimIO"]),
        // The benchmark: fixed workloads, reference layouts, throughput counts (not part of the engine's API).
        .target(name: "InjurySimBench", dependencies: ["InjurySimCore", "InjurySimEngine", "InjurySimIO"]),
        // The command line: options parsed once, one file per command, exit codes, signals, progress.
        .target(
            name: "InjurySimCLI",
            dependencies: [
                "InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimIO",
                "InjurySimValidation", "InjurySimBench"
            ]),
        // The thin executable: main.swift hands the arguments to InjurySimCLI.
        .executableTarget(name: "injurysim", dependencies: ["InjurySimCLI"]),
        .testTarget(name: "InjurySimCoreTests", dependencies: ["InjurySimCore"]),
        .testTarget(
            name: "InjurySimEngineTests",
            dependencies: ["InjurySimEngine", "InjurySimAnalysis", "InjurySimIO", "InjurySimValidation", "InjurySimBench"]),
        .testTarget(name: "InjurySimIOTests", dependencies: ["InjurySimIO", "InjurySimAnalysis"], exclude: ["BadScenarios"]),
        .testTarget(name: "InjurySimCLITests", dependencies: ["injurysim", "InjurySimCLI", "InjurySimIO"])
    ],
    swiftLanguageModes: [.v6]
)
