// swift-tools-version: 6.0
import PackageDescription

// No dependencies beyond the Swift toolchain: the product's design card says "packages: none".

// The shard kernel's AVX2 build: the same Swift source (inlined from InjurySimCore) compiled for
// Haswell-class x86-64 processors; the engine calls it only where the processor has the features
// (ShardKernel). Elsewhere the module holds the portable build and is never chosen.
// The sixteen-lane AVX-512 build: Haswell plus AVX-512 F, CD, BW, DQ and VL (the x86-64-v4 level;
// swiftc takes no `x86-64-v4` CPU name, and the Clang flags set the code generator's features).
#if arch(x86_64)
    let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
    let avx512Settings: [SwiftSetting] = [
        .unsafeFlags([
            "-target-cpu", "haswell", "-Xcc", "-mavx512f", "-Xcc", "-mavx512cd", "-Xcc", "-mavx512bw", "-Xcc", "-mavx512dq", "-Xcc", "-mavx512vl"
        ])
    ]
#else
    let avx2Settings: [SwiftSetting] = []
    let avx512Settings: [SwiftSetting] = []
#endif

let package = Package(
    name: "InjurySim",
    products: [
        .executable(name: "injurysim", targets: ["injurysim"]),
        // Scenario files in, and results out, for the fuzz harness (Fuzz/) and other tools.
        .library(name: "InjurySimScenario", targets: ["InjurySimFormat", "InjurySimCore", "InjurySimScenario"]),
        .library(name: "InjurySimOutput", targets: ["InjurySimAnalysis", "InjurySimOutput"]),
        // The model and the engine, for the fuzz harness (Fuzz/) and other tools.
        .library(
            name: "InjurySimEngine",
            targets: ["InjurySimCore", "InjurySimKernelAVX2", "InjurySimKernelAVX512", "InjurySimCPUFeatures", "InjurySimEngine"])
    ],
    targets: [
        // Numbers and words as text: fixed decimals, percentages, padding, the report's languages.
        .target(name: "InjurySimFormat"),
        // Values and pure rules: random streams, money, benefit rules, the fund ledger, statistics.
        .target(name: "InjurySimCore", dependencies: ["InjurySimFormat"]),
        // Actors and the month loop: shards, platforms, funds, the replication coordinator, the runner.
        .target(
            name: "InjurySimEngine",
            dependencies: ["InjurySimFormat", "InjurySimCore", "InjurySimKernelAVX2", "InjurySimKernelAVX512", "InjurySimCPUFeatures"]),
        // The vectorised shard kernel built for AVX2 (chosen at run time by the engine's ShardKernel).
        .target(name: "InjurySimKernelAVX2", dependencies: ["InjurySimCore"], swiftSettings: avx2Settings),
        // The sixteen-lane shard kernel built for AVX-512 (chosen at run time by the engine's ShardKernel).
        .target(name: "InjurySimKernelAVX512", dependencies: ["InjurySimCore"], swiftSettings: avx512Settings),
        // CPUID and XCR0 (C): whether the processor has AVX-512 and the operating system saves its registers.
        .target(name: "InjurySimCPUFeatures"),
        // Summaries and experiments over replication results: run summary, compare, sweep, solve, sensitivity.
        .target(name: "InjurySimAnalysis", dependencies: ["InjurySimFormat", "InjurySimCore", "InjurySimEngine"]),
        // Scenario files in: the JSON-with-comments parser, decoding, validation, inheritance, chains, --set.
        .target(name: "InjurySimScenario", dependencies: ["InjurySimFormat", "InjurySimCore"]),
        // Results out: files and folders, checkpoints, cluster parts, CSV and JSON writers, console tables, the report.
        .target(
            name: "InjurySimOutput",
            dependencies: ["InjurySimFormat", "InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimScenario"]),
        // The model checks against closed forms and the pilot calibration; docs/VALIDATION.md.
        .target(
            name: "InjurySimValidation",
            dependencies: ["InjurySimFormat", "InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimScenario", "InjurySimOutput"]),
        // The benchmark: fixed workloads, reference layouts, throughput counts (not part of the engine's API).
        .target(
            name: "InjurySimBench", dependencies: ["InjurySimFormat", "InjurySimCore", "InjurySimEngine", "InjurySimOutput", "InjurySimScenario"]),
        // The command line: options parsed once, one file per command, exit codes, signals, progress.
        .target(
            name: "InjurySimCLI",
            dependencies: [
                "InjurySimFormat", "InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimScenario", "InjurySimOutput",
                "InjurySimValidation", "InjurySimBench"
            ]),
        // The thin executable: main.swift hands the arguments to InjurySimCLI.
        .executableTarget(name: "injurysim", dependencies: ["InjurySimCLI"]),
        // Test fixtures shared by the test targets: the tiny hand-built scenario (InjurySimCore only).
        .target(name: "InjurySimTestSupport", dependencies: ["InjurySimCore"], path: "Tests/InjurySimTestSupport"),
        // The shipped scenarios (Scenarios/), loaded for the tests that run them.
        .target(
            name: "InjurySimScenarioTestSupport", dependencies: ["InjurySimCore", "InjurySimScenario"], path: "Tests/InjurySimScenarioTestSupport"),
        .testTarget(name: "InjurySimCoreTests", dependencies: ["InjurySimCore"]),
        .testTarget(name: "InjurySimEngineTests", dependencies: ["InjurySimCore", "InjurySimEngine", "InjurySimTestSupport"]),
        // Analysis tests; one checks a comparison's intervals through its Output renderers.
        .testTarget(
            name: "InjurySimAnalysisTests",
            dependencies: [
                "InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimOutput", "InjurySimTestSupport", "InjurySimScenarioTestSupport"
            ]),
        .testTarget(
            name: "InjurySimScenarioTests", dependencies: ["InjurySimCore", "InjurySimScenario", "InjurySimScenarioTestSupport"],
            exclude: ["BadScenarios"]),
        .testTarget(
            name: "InjurySimOutputTests",
            dependencies: [
                "InjurySimFormat", "InjurySimCore", "InjurySimEngine", "InjurySimAnalysis", "InjurySimScenario", "InjurySimOutput",
                "InjurySimScenarioTestSupport"
            ]),
        .testTarget(
            name: "InjurySimValidationTests",
            dependencies: [
                "InjurySimCore", "InjurySimEngine", "InjurySimScenario", "InjurySimValidation", "InjurySimBench", "InjurySimScenarioTestSupport"
            ]),
        .testTarget(name: "InjurySimCLITests", dependencies: ["injurysim", "InjurySimCLI"])
    ],
    swiftLanguageModes: [.v6]
)
