// swift-tools-version: 6.0
import PackageDescription

// No dependencies beyond the Swift toolchain: the product's design card says "packages: none".

// The shard kernel's AVX2 build: the same Swift source (inlined from InjurySimCore) compiled for
// Haswell-class x86-64 processors; the engine calls it only where the processor has the features
// (ShardKernel). Elsewhere the module holds the portable build and is never chosen.
#if arch(x86_64)
    let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
    let avx2Settings: [SwiftSetting] = []
#endif

let package = Package(
    name: "InjurySim",
    products: [
        .executable(name: "injurysim", targets: ["injurysim"]),
        .library(name: "InjurySimIO", targets: ["InjurySimIO"]),
        // The model and the engine, for the fuzz harness (Fuzz/) and other tools.
        .library(name: "InjurySimEngine", targets: ["InjurySimCore", "InjurySimKernelAVX2", "InjurySimEngine"])
    ],
    targets: [
        // Values and pure rules: random streams, money, benefit rules, the fund ledger, statistics.
        .target(name: "InjurySimCore"),
        // Actors and the month loop: shards, platforms, funds, the replication coordinator, the runner.
        .target(name: "InjurySimEngine", dependencies: ["InjurySimCore", "InjurySimKernelAVX2"]),
        // The vectorised shard kernel built for AVX2 (chosen at run time by the engine's ShardKernel).
        .target(name: "InjurySimKernelAVX2", dependencies: ["InjurySimCore"], swiftSettings: avx2Settings),
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
