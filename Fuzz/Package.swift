// swift-tools-version: 6.0
import Foundation
import PackageDescription

// A libFuzzer harness for InjurySim's scenario loader, population plan and replication inputs.
// Build it as a root package (SwiftPM refuses unsafe flags only in dependencies): see run.sh,
// which also passes `-Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer` so that the main package's
// modules get coverage instrumentation too (these settings reach only this package's targets).
//
// The harness imports InjurySimScenario (decoding, validation), InjurySimOutput (parts,
// checkpoints), InjurySimCore (Scenario, ReplicationInputs) and InjurySimEngine (PopulationPlan)
// through the main package's `InjurySimScenario`, `InjurySimOutput` and `InjurySimEngine` products.

/// The compiler-rt folder of the toolchain (…/lib/clang/N/lib/linux). run.sh sets
/// INJURYSIM_CLANG_RT; otherwise it is looked for next to the first swiftc on PATH.
func clangRuntimeDirectory() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["INJURYSIM_CLANG_RT"], !path.isEmpty { return path }
    let files = FileManager.default
    for directory in (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    where files.fileExists(atPath: directory + "/swiftc") {
        let clang = directory + "/../lib/clang"
        for version in (try? files.contentsOfDirectory(atPath: clang)) ?? [] {
            let path = clang + "/" + version + "/lib/linux"
            if files.fileExists(atPath: path + "/libclang_rt.fuzzer_no_main-x86_64.a") { return path }
        }
    }
    return "/opt/swift/usr/lib/clang/21/lib/linux"  // not found: the link fails and names the file
}

let runtime = clangRuntimeDirectory()

/// The main package's `-package-name` (SwiftPM derives it from the folder's name: the identity,
/// lowercased, with characters other than letters, digits and `_` turned into `_`). PartFuzzer
/// is compiled with it so that it may call the `package` API of the merge (PartManifest,
/// PartMerge), which is not public. INJURYSIM_PACKAGE_NAME overrides it.
func mainPackageName() -> String {
    if let name = ProcessInfo.processInfo.environment["INJURYSIM_PACKAGE_NAME"], !name.isEmpty { return name }
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
    let name = String(folder.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    return name.first?.isNumber == true ? "_" + name : name
}

/// Linked by hand instead of `-sanitize=fuzzer` at link time, which would add libclang_rt.fuzzer
/// *with* its main() and clash with main.swift's (ld.gold then dies with an internal error):
/// - libFuzzer without main (main.swift calls LLVMFuzzerRunDriver);
/// - the UBSan standalone runtime, only for __sanitizer_print_stack_trace, so that a crash
///   report carries a symbolized stack (file:line of the trap).
let linkFlags = [
    "-Xlinker", "--whole-archive",
    "-Xlinker", runtime + "/libclang_rt.fuzzer_no_main-x86_64.a",
    "-Xlinker", runtime + "/libclang_rt.ubsan_standalone-x86_64.a",
    "-Xlinker", "--no-whole-archive",
    "-Xlinker", "--dynamic-list=" + runtime + "/libclang_rt.ubsan_standalone-x86_64.a.syms",
    "-lstdc++"
]

let package = Package(
    name: "InjurySimFuzz",
    dependencies: [
        .package(name: "InjurySim", path: "..")
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "ScenarioFuzzer",
            dependencies: [
                "FuzzerDriver",
                .product(name: "InjurySimScenario", package: "InjurySim"),
                .product(name: "InjurySimOutput", package: "InjurySim"),
                .product(name: "InjurySimEngine", package: "InjurySim")
            ],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(linkFlags)]
        ),
        // The merge of part folders (Sources/PartFuzzer/main.swift; README, "The part fuzzer").
        .executableTarget(
            name: "PartFuzzer",
            dependencies: [
                "FuzzerDriver",
                .product(name: "InjurySimScenario", package: "InjurySim"),
                .product(name: "InjurySimOutput", package: "InjurySim")
            ],
            // packageAccess false: SwiftPM then passes no `-package-name` of this package's own
            // (its later flag would win over the main package's name given here).
            packageAccess: false,
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-package-name", mainPackageName()])],
            linkerSettings: [.unsafeFlags(linkFlags)]
        ),
        // Checkpoint folders through the --resume path (Sources/CheckpointFuzzer/main.swift; README,
        // "The checkpoint fuzzer"); package access to the main package as for PartFuzzer.
        .executableTarget(
            name: "CheckpointFuzzer",
            dependencies: [
                "FuzzerDriver",
                .product(name: "InjurySimScenario", package: "InjurySim"),
                .product(name: "InjurySimOutput", package: "InjurySim"),
                .product(name: "InjurySimEngine", package: "InjurySim")
            ],
            packageAccess: false,
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-package-name", mainPackageName()])],
            linkerSettings: [.unsafeFlags(linkFlags)]
        )
    ],
    swiftLanguageModes: [.v6]
)
