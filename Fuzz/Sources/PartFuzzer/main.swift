// libFuzzer harness for the merge of part folders: framed bytes → in-memory parts →
// PartManifest(parsing:) → PartSetCheck → PartMerge.merge / mergeVariants / mergeSolve.
//
// Input format (Fuzz/README.md, "The part fuzzer"): an optional flag byte, then sections, each a
// header line "\n@@ K/NAME\n" (K a part number 1–4, NAME a file name) followed by the file's bytes
// up to the next header:
//
//     \x01
//     @@ 1/manifest.json
//     { "generator": "injurysim part", … }
//     @@ 1/scenario.json
//     { "name": "smoke", … }
//     @@ 1/replication-000000.isr3
//     ISR3…
//
// Flag bit 0 set: before merging, the harness writes each listed file's real size and checksum
// into its parsed manifest, so that mutated files get past the checksum to the decoders. A
// thrown PartError is a normal outcome; any trap, timeout or oversized allocation is a finding.

import FuzzerDriver
import InjurySimAnalysis
import InjurySimOutput
import InjurySimScenario

#if canImport(Glibc)
    import Glibc
#endif

/// Parts beyond this number are ignored (part numbers are one digit).
let maximumParts = 4
let marker = Array("\n@@ ".utf8)

/// INJURYSIM_FUZZ_VERBOSE=1 prints each input's outcome to stderr (for checking seeds and crashes).
let verbose = getenv("INJURYSIM_FUZZ_VERBOSE").map { String(cString: $0) == "1" } ?? false

func note(_ text: @autoclosure () -> String) {
    guard verbose else { return }
    let line = Array(("[harness] " + text() + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// The input cut into its flag byte and its parts' files (part number → file name → bytes).
struct Framed {
    var fixSizes = false
    var parts: [Int: [String: [UInt8]]] = [:]
}

/// Splits the input at the section headers; a header that is not "K/NAME" drops its section.
func frame(_ input: [UInt8]) -> Framed {
    var framed = Framed()
    var starts: [Int] = []
    var index = 0
    while index + marker.count <= input.count {
        if input[index] == marker[0] && input[index..<(index + marker.count)].elementsEqual(marker) {
            starts.append(index)
            index += marker.count
        } else {
            index += 1
        }
    }
    if let first = input.first, (starts.first ?? input.count) > 0 { framed.fixSizes = first & 1 == 1 }
    for (n, start) in starts.enumerated() {
        let end = n + 1 < starts.count ? starts[n + 1] : input.count
        let body = input[(start + marker.count)..<end]
        guard let newline = body.firstIndex(of: 0x0A) else { continue }
        let header = String(decoding: body[body.startIndex..<newline], as: UTF8.self)
        let pieces = header.split(separator: "/", maxSplits: 1)
        guard pieces.count == 2, let part = Int(pieces[0]), (1...maximumParts).contains(part) else { continue }
        framed.parts[part, default: [:]][String(pieces[1])] = Array(body[(newline + 1)...])
    }
    return framed
}

func fuzzOne(_ input: [UInt8]) {
    let framed = frame(input)
    guard !framed.parts.isEmpty else { return }
    var parts: [PartMerge.Part] = []
    for number in framed.parts.keys.sorted() {
        let files = framed.parts[number] ?? [:]
        let label = "parts/\(number)"
        var manifest: PartManifest
        do throws(PartError) {
            manifest = try PartManifest(parsing: files["manifest.json"] ?? [], part: label)
        } catch {
            note("manifest refused: \(error.problems.first ?? "")")
            return
        }
        if framed.fixSizes {
            for (index, entry) in manifest.files.enumerated() {
                guard let bytes = files[entry.name] else { continue }
                manifest.files[index].bytes = bytes.count
                manifest.files[index].checksum = ScenarioLoader.contentHash(bytes)
            }
        }
        parts.append(PartMerge.Part(label: label, manifest: manifest) { files[$0] })
    }
    do throws(PartError) {
        switch parts[0].manifest.command {
        case "compare", "sweep", "sensitivity":
            let merged = try PartMerge.mergeVariants(parts)
            precondition(merged.metrics.allSatisfy { $0.count == parts[0].manifest.replications }, "a run lacks replications")
            render(merged)
            note("merged \(merged.command): \(merged.scenarios.count) scenarios, \(merged.metrics.count) runs")
        case "solve":
            let merged = try PartMerge.mergeSolve(parts)
            precondition(merged.share.replications == Array(0..<parts[0].manifest.replications), "replications out of order")
            // As MergeCommand+Solve.swift continues: the solution and its file.
            let study = parts[0].manifest
            let sector = merged.scenario.sectors.firstIndex { $0.name == (study.forSector ?? "all") }
            if let target = PolicyCommands.Target(parsing: study.target ?? "") {
                let solution = PolicyCommands.solution(merged.scenario, target: target, sector: sector, share: merged.share)
                blackHole(SolveReport(solution: solution).renderJSON().rendered())
            }
            note("merged solve: \(merged.share.replications.count) replications")
        default:
            let merged = try PartMerge.merge(parts)
            blackHole(ConsoleReport.render(scenario: merged.scenario, summary: merged.summary))
            precondition(merged.results.map(\.replication) == Array(0..<parts[0].manifest.replications), "replications out of order")
            note("merged run: \(merged.results.count) replications, \(merged.files.files.count) files")
        }
    } catch {
        note("PartError (\(error.kind)), \(error.problems.count) problem(s); first: \(error.problems.first ?? "")")
    }
}

/// The tables the merged figures become, as MergeCommand+Variants.swift renders them (the
/// command-line module itself cannot be imported).
func render(_ merged: PartMerge.MergedVariants) {
    switch merged.command {
    case "sweep":
        var grid: [[(path: String, value: String)]] = [[]]
        for axis in merged.axes { grid = grid.flatMap { point in axis.values.map { point + [(path: axis.path, value: $0)] } } }
        guard grid.count == merged.scenarios.count, !merged.axes.isEmpty else { return }
        let points = zip(grid, merged.metrics).map { PolicyCommands.SweepPoint(settings: $0.0, metrics: $0.1) }
        let table = SweepTable(axes: merged.axes.map(\.path), points: points)
        blackHole((table.renderCSV(), table.renderJSON().rendered(), table.renderTable()))
    case "sensitivity":
        let outcome = PolicyCommands.sensitivityOutcome(merged.metrics)
        let table = SensitivityReport(
            scenario: merged.scenarios[0], baselineRuin: outcome.baselineRuin, baselineBreakEven: outcome.baselineBreakEven,
            rows: outcome.rows)
        blackHole((table.renderCSV(), table.renderJSON().rendered(), table.renderTable()))
    default:
        let comparison = Comparison(
            entries: zip(merged.scenarios, merged.metrics).map {
                Comparison.Entry(name: $0.0.name, startMonth: $0.0.startMonth, metrics: $0.1)
            })
        blackHole((comparison.renderCSV(), comparison.renderMonthlyCSV(), comparison.renderJSON().rendered(), comparison.renderTable()))
    }
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
