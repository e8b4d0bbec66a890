// libFuzzer harness: scenario bytes (+ optional `--set` overrides) → ScenarioLoader.decode →
// PopulationPlan.slotCounts / shards → ReplicationInputs(replication: 0).
//
// Input format: the scenario text, optionally followed by override lines, each introduced by
// the marker "\n//SET " and holding PATH=VALUE exactly as after `injurysim run --set`:
//
//     { "name": "smoke", … }
//     //SET shocks[0].startMonth="2031-01"
//
// "//" starts a comment in scenario files, so an input whose marker is mangled still parses.
// A thrown ScenarioError is a normal outcome; any trap is a finding.

import FuzzerDriver
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

#if canImport(Glibc)
    import Glibc
#endif

/// Population plans above this many simulated slots are skipped (the shard list grows with it).
let maximumPlannedSlots = 5_000_000
/// At most this many override lines are used; later ones are ignored.
let maximumOverrides = 8
let marker = Array("\n//SET ".utf8)

/// A file name in a folder that does not exist, so that `"extends": "base.json"` fails fast
/// instead of reading whatever sits in the fuzzer's working directory.
let scenarioFile = "/nonexistent-injurysim-fuzz/fuzz-input.json"

/// INJURYSIM_FUZZ_VERBOSE=1 prints each input's outcome to stderr (for checking seeds and crashes).
let verbose = getenv("INJURYSIM_FUZZ_VERBOSE").map { String(cString: $0) == "1" } ?? false

/// INJURYSIM_FUZZ_SKIP=shock-after-horizon,nan-central (comma-separated): stop before
/// ReplicationInputs on inputs that would hit one of these known, already reported traps, so that
/// a long run can find other ones. Off by default.
let skips = Set((getenv("INJURYSIM_FUZZ_SKIP").map { String(cString: $0) } ?? "").split(separator: ",").map(String.init))

/// The known trap this decoded scenario would hit in ReplicationInputs, if it is being skipped.
func knownTrap(_ scenario: Scenario) -> String? {
    // ReplicationInputs.swift:115: a fixed shock starting after the horizon makes the range
    // max(0, first)..<max(0, min(months, first + length)) have lower > upper.
    if skips.contains("shock-after-horizon"),
        scenario.shocks.contains(where: { $0.start.map { $0.months(since: scenario.startMonth) > scenario.months } ?? false })
    {
        return "shock-after-horizon"
    }
    // With uncertainty off a choice whose weights sum to +inf had a NaN central value (inf / inf),
    // and Int(NaN) trapped in ReplicationInputs (fixed; lifetime inputs are no longer converted to Int).
    if skips.contains("nan-central"), !scenario.uncertainty,
        scenario.benefits.pensionAfterRetirementYuan.central.isNaN || scenario.benefits.mortalityLoading.central.isNaN
    {
        return "nan-central"
    }
    return nil
}

func note(_ text: @autoclosure () -> String) {
    guard verbose else { return }
    let line = Array(("[harness] " + text() + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Splits the input into the scenario bytes and the override arguments.
func split(_ input: [UInt8]) -> (scenario: [UInt8], overrides: [String]) {
    var pieces: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index + marker.count <= input.count {
        if input[index] == marker[0] && input[index..<(index + marker.count)].elementsEqual(marker) {
            pieces.append(input[start..<index])
            index += marker.count
            start = index
        } else {
            index += 1
        }
    }
    pieces.append(input[start...])
    let scenario = Array(pieces[0])
    let overrides = pieces.dropFirst().prefix(maximumOverrides).map { piece -> String in
        var text = String(decoding: piece, as: UTF8.self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
    return (scenario, overrides)
}

func fuzzOne(_ input: [UInt8]) {
    let (bytes, arguments) = split(input)
    var overrides: [ScenarioOverride] = []
    for argument in arguments {
        do throws(ScenarioError) {
            overrides.append(try ScenarioOverride(parsing: argument))
        } catch {
            note("--set rejected: \(error.issues.first?.message ?? "")")
            return  // a malformed --set is rejected before loading, as in the CLI
        }
    }
    let scenario: Scenario
    do throws(ScenarioError) {
        scenario = try ScenarioLoader.decode(bytes: bytes, file: scenarioFile, overrides: overrides)
    } catch {
        note("ScenarioError, \(error.issues.count) issue(s); first: \(error.issues.first.map { $0.path + ": " + $0.message } ?? "")")
        return
    }

    let counts = PopulationPlan.slotCounts(scenario)
    var slots = 0.0
    for row in counts { for count in row { slots += Double(count) } }
    if slots <= Double(maximumPlannedSlots) {
        let shards = PopulationPlan.shards(scenario)
        // Cheap consistency checks: every shard fits shardSize and the shards hold every slot.
        var placed = 0
        for shard in shards {
            precondition(shard.workerCount <= scenario.shardSize, "shard larger than shardSize")
            placed += shard.workerCount
        }
        precondition(placed == Int(slots), "shards hold \(placed) slots, slotCounts says \(Int(slots))")
        note("decoded \(scenario.name) (\(overrides.count) --set): \(Int(slots)) slots in \(shards.count) shards")
    } else {
        note("decoded \(scenario.name) (\(overrides.count) --set): \(Int(slots)) slots, plan skipped")
    }

    if let known = knownTrap(scenario) {
        note("skipped ReplicationInputs: known trap \(known)")
        return
    }
    let inputs = ReplicationInputs(scenario: scenario, replication: 0)
    precondition(inputs.shocks.count == scenario.shocks.count)
    blackHole(inputs)
}

@inline(never)
func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

let callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    let input = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    fuzzOne(input)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
