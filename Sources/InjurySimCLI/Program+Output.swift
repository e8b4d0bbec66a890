import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// Results out: claiming the folder before simulating, resources, progress, manifests, publishing.
extension Program {
    /// Claims the results folder before any simulating, so a folder that may not be replaced
    /// is refused at once rather than after a long run, and opens the command's checkpoint.
    static func claim(_ directory: String, _ options: CommandOptions, hashes: [String], console: Console) throws(CommandError) -> OutputClaim {
        let folder: OutputFolder
        let checkpoint: Checkpoint
        do throws(OutputError) {
            folder = try OutputFolder.claim(directory)
            do throws(OutputError) {
                checkpoint = try Checkpoint.open(
                    for: folder.target,
                    key: options.studyKey(environment: ProcessInfo.processInfo.environment) + " | " + hashes.joined(separator: " "),
                    resume: options.resume, userPath: directory)
            } catch {
                folder.abandon()
                throw error
            }
        } catch { throw .output(error) }
        for note in folder.notes + checkpoint.notes { console.err("injurysim: \(note)\n") }
        if options.resume && !options.quiet && checkpoint.keptCount > 0 {
            console.err("injurysim: resuming: \(checkpoint.keptCount) finished replications kept in \(checkpoint.folder.path)\n")
        }
        StagingCleanup.shared.checkpoint = checkpoint
        TestSeams.reach(.claimed)
        return OutputClaim(folder: folder, checkpoint: checkpoint)
    }

    /// `--shard`'s text as a selection (`auto/N` from the scheduler's environment).
    static func shardSelection(_ text: String) throws(CommandError) -> ShardSelection {
        do throws(ShardSelection.Problem) {
            return try ShardSelection(parsing: text, environment: ProcessInfo.processInfo.environment)
        } catch { throw .usage(error.message) }
    }

    /// Puts the results in place; the checkpoint is removed only once they are.
    static func write(_ files: [(name: String, text: String)], to claim: OutputClaim) throws(CommandError) {
        do throws(OutputError) { try claim.folder.commit(files) } catch { throw .output(error) }
        claim.checkpoint.remove()
    }

    /// Refuses a run that would not fit in memory, before allocating anything, and says what
    /// to change and what sets the limit; otherwise shows the estimate on a terminal. With
    /// `--shard` both count the shard's own replications.
    /// Refuses a run that would not fit in memory, and says how much memory and time it needs.
    /// `runs` is how many times each scenario is run (a sensitivity study's 1 + 2 per input; for
    /// solve, its most rounds, with `atMost`), so the time said is the command's.
    static func checkResources(
        _ scenarios: [Scenario], _ options: CommandOptions, console: Console, runs: Int = 1, atMost: Bool = false
    ) throws(CommandError) {
        let shard = try options.shard.map { text throws(CommandError) in try shardSelection(text) }
        let estimates = scenarios.map { ResourceEstimate(scenario: $0, shard: shard, threads: options.threads) }
        guard let largest = estimates.max(by: { $0.bytes < $1.bytes }) else { return }
        let limit = ResourceEstimate.memoryLimit
        let summary =
            "\(largest.slots) worker slots × \(largest.inFlight) replication\(largest.inFlight == 1 ? "" : "s") in flight: "
            + "about \(ResourceEstimate.describe(bytes: largest.bytes)) of memory"
        if largest.bytes > 0.8 * limit.bytes {
            throw .usage(
                "this run needs \(summary), more than 80% of the \(ResourceEstimate.describe(bytes: limit.bytes)) \(limit.source); "
                    + "lower --sample-fraction (or the scenario's sampleFraction), or --threads (fewer replications in flight), or --replications")
        }
        if !options.quiet {
            let days = estimates.reduce(0) { $0 + $1.workerDays } * Double(runs)
            // docs/BENCHMARKS.md measures about 2 × 10⁸ worker-days per second per thread in a release build.
            let seconds = days / (2e8 * Double(max(1, min(options.threads, ProcessInfo.processInfo.activeProcessorCount))))
            let time = seconds < 90 ? "\(Int(seconds.rounded(.up))) s" : "\(Int((seconds / 60).rounded(.up))) min"
            let counted = runs == 1 ? "" : " (\(atMost ? "up to " : "")\(runs) runs of each scenario)"
            console.err(
                "estimate: \(summary); \(Format.scientific(days)) worker-days in all\(counted), "
                    + "roughly \(atMost ? "up to " : "")\(time) in a release build\n")
        }
    }

    /// The progress of a long command: a line rewritten in place on a terminal, plain lines at
    /// each tenth of the work elsewhere; nil with `--quiet`.
    static func progressHandler(
        _ options: CommandOptions, console: Console, total: Int, label: String = "replications", bounded: Bool = false
    ) -> ProgressLine? {
        options.quiet ? nil : ProgressLine(total: total, console: console, label: label, plain: !console.errIsTerminal, bounded: bounded)
    }

    /// Manifest of a policy command's folder. `variants` names what was run and its uncertain
    /// inputs (default: the scenarios; a sweep's grid points).
    static func policyManifest(
        command: CommandName, scenarios: [(Scenario, String)], variants: [(name: String, scenario: Scenario)]? = nil, files: [String],
        extra: [String: JSONOut] = [:]
    ) -> String {
        var object: [String: JSONOut] = [
            "formatVersion": .number(String(ResultFiles.formatVersion)),
            "generator": .string("injurysim " + command.rawValue),
            "programVersion": .string(ProgramVersion.current),
            "scenarios": .array(
                scenarios.map { scenario, hash in
                    .object(["name": .string(scenario.name), "contentHash": .string(hash)])
                }),
            "seed": .number(String(scenarios[0].0.seed)),
            "replications": .number(String(scenarios[0].0.replications)),
            "sampleFraction": JSONOut.fixed(scenarios[0].0.sampleFraction, 6),
            "files": .array(files.map(JSONOut.string)),
            "variants": VariantInputs.json(variants ?? scenarios.map { (name: $0.0.name, scenario: $0.0) })
        ]
        for (key, value) in extra { object[key] = value }
        return JSONOut.object(object).rendered()
    }

    /// Writes a policy command's files and manifest as one folder, then prints its report.
    static func publish(
        _ command: CommandName, _ files: [(name: String, text: String)], scenarios: [(Scenario, String)],
        variants: [(name: String, scenario: Scenario)]? = nil, extra: [String: JSONOut] = [:], to folder: OutputClaim, options: CommandOptions,
        console: Console,
        header: String?, body: String
    ) throws(CommandError) {
        let names = files.map(\.name) + ["manifest.json"] + (options.noReport ? [] : ["report.html"])
        try write(
            try withReport(
                files + [("manifest.json", policyManifest(command: command, scenarios: scenarios, variants: variants, files: names, extra: extra))],
                options,
                scenario: scenarios.first?.0),
            to: folder)
        let outDirectory = folder.folder.path
        guard !options.quiet else { return }
        if let header { console.out(header + "\n") }
        console.out(body)
        console.out("\nResults written to \(outDirectory)/ (\(names.joined(separator: ", ")))\n")
    }
}
