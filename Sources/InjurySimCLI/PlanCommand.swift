import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimScenario

/// `injurysim plan SCENARIO --node-cores C --node-memory SIZE --time-limit TIME`: measures the
/// scenario's replications at two small sample fractions in child processes, fits the cost per
/// worker slot (``ReplicationCost``) and prints the study's plan (``StudyPlan``).
struct PlanCommand: Command {
    static let name = CommandName.plan
    var options: PlanOptions

    init(_ parsed: ParsedArguments) throws(UsageError) { options = try PlanOptions(parsed) }

    /// What the measurement found, for the plan and its printout.
    struct Measured {
        var fractions: (low: Double, high: Double)
        /// Replications of the runs at the low and the high fraction (the low one runs 4 × K, so
        /// that merging the two parts measures the merge's cost per replication).
        var replications: (low: Int, high: Int)
        var low: ReplicationCost.Sample
        var high: ReplicationCost.Sample
        var merges: (low: PlanMeasurement, high: PlanMeasurement)
        var replicationBytes: Int
        var partFixedBytes: Int
    }

    func run(console: Console) async -> Int32 {
        let study = options.study
        let scenario: Scenario
        do throws(Program.CommandError) {
            scenario = try Program.loadSingle(study, console: console).0
        } catch {
            if case .scenario(let problem) = error { console.err(problem.description + "\n") }
            if case .usage(let message) = error { console.err("injurysim plan: \(message)\n") }
            return ExitCode.usage
        }
        let measured: Measured
        switch measure(scenario) {
        case .success(let value): measured = value
        case .failure(let problem):
            console.err("injurysim plan: \(problem.message)\n")
            return ExitCode.usage
        }
        let counts = measured.replications
        let mergeSeconds = ReplicationCost.line(
            (Double(counts.low), measured.merges.low.cpuSeconds), (Double(counts.high), measured.merges.high.cpuSeconds))
        let mergeBytes = ReplicationCost.line(
            (Double(counts.low), measured.merges.low.peakBytes), (Double(counts.high), measured.merges.high.peakBytes))
        let request = StudyPlan.Request(
            replications: scenario.replications, slots: Self.slots(scenario, fraction: scenario.sampleFraction),
            cost: ReplicationCost(low: measured.low, high: measured.high), shape: options.shape, cpusPerTask: options.cpusPerTask,
            tasks: options.tasks, taskSeconds: options.taskSeconds, replicationBytes: measured.replicationBytes,
            partFixedBytes: measured.partFixedBytes,
            mergeFixedSeconds: mergeSeconds.fixed, mergeSecondsPerReplication: mergeSeconds.perUnit, mergeFixedBytes: mergeBytes.fixed,
            mergeBytesPerReplication: mergeBytes.perUnit)
        let plan: StudyPlan
        do throws(StudyPlan.Problem) { plan = try StudyPlan(request) } catch {
            console.err("injurysim plan: \(error.message)\n")
            return ExitCode.usage
        }
        console.out(
            options.json
                ? Self.json(plan, scenario: scenario, measured: measured, options: options)
                : Self.text(plan, scenario: scenario, measured: measured, options: options))
        return ExitCode.success
    }

    /// Worker slots of one replication of `scenario` at sample fraction `fraction`.
    static func slots(_ scenario: Scenario, fraction: Double) -> Int {
        var scaled = scenario
        scaled.sampleFraction = fraction
        return PopulationPlan.slotCounts(scaled).joined().reduce(0, +)
    }

    /// Runs `run --shard 1/1` at the two fractions (4 × K and K replications, one thread) and
    /// `merge` of each part, in a scratch folder of its own that is removed afterwards.
    func measure(_ scenario: Scenario) -> Result<Measured, StudyPlan.Problem> {
        let fractions = ReplicationCost.measurementFractions(
            study: scenario.sampleFraction, measure: options.measureFraction, smallest: ScenarioLoader.sampleFractionRange.lowerBound)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-plan-\(getpid())-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false) } catch {
            return .failure(StudyPlan.Problem(message: "cannot make a scratch folder in \(scratch.deletingLastPathComponent().path): \(error)"))
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let study = options.study
        var common = ["--threads", "1", "--quiet", "--no-report"]
        if let seed = study.seed { common += ["--seed", String(seed)] }
        if study.uncertainty == false { common.append("--no-uncertainty") }
        for set in study.sets { common += ["--set", set] }
        let counts = (low: 4 * options.measureReplications, high: options.measureReplications)
        var runs: [(sample: ReplicationCost.Sample, merge: PlanMeasurement)] = []
        var replicationBytes = 0
        var fixedBytes = 0
        for (name, fraction, count) in [("low", fractions.low, counts.low), ("high", fractions.high, counts.high)] {
            let part = scratch.appendingPathComponent(name)
            let arguments =
                ["run", study.files[0], "--shard", "1/1", "--sample-fraction", String(fraction), "--replications", String(count), "--out", part.path]
                + common
            let child = PlanMeasurement.run(arguments, errorFile: scratch.appendingPathComponent(name + ".err").path)
            guard let child, child.status == 0 else { return .failure(Self.failed("run", arguments, child)) }
            let mergeArguments = ["merge", part.path, "--out", scratch.appendingPathComponent(name + "-merged").path, "--quiet"]
            let merge = PlanMeasurement.run(mergeArguments, errorFile: scratch.appendingPathComponent(name + "-merge.err").path)
            guard let merge, merge.status == 0 else { return .failure(Self.failed("merge", mergeArguments, merge)) }
            // The part's files: replications of one size, and the fixed part (scenario.json, manifest.json).
            (replicationBytes, fixedBytes) = (0, 0)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: part.path)) ?? [] {
                let size = ((try? FileManager.default.attributesOfItem(atPath: part.appendingPathComponent(file).path))?[.size] as? Int) ?? 0
                if file.hasPrefix("replication-") { replicationBytes = max(replicationBytes, size) } else { fixedBytes += size }
            }
            fixedBytes -= count * StudyPlan.manifestBytesPerReplication
            // One replication in flight: the results kept of the others are not part of its peak.
            let peak = child.peakBytes - Double(count - 1) * Double(replicationBytes)
            let sample = ReplicationCost.Sample(
                slots: Self.slots(scenario, fraction: fraction), cpuSeconds: child.cpuSeconds / Double(count), peakBytes: peak)
            runs.append((sample, merge))
        }
        return .success(
            Measured(
                fractions: fractions, replications: counts, low: runs[0].sample, high: runs[1].sample, merges: (runs[0].merge, runs[1].merge),
                replicationBytes: replicationBytes, partFixedBytes: max(0, fixedBytes)))
    }

    /// A measuring child that failed: its command line, exit code and what it said.
    static func failed(_ what: String, _ arguments: [String], _ child: PlanMeasurement?) -> StudyPlan.Problem {
        let said =
            child.map { " (exit \($0.status)): " + $0.errorText.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ": it could not be started"
        return StudyPlan.Problem(message: "the measuring \(what), injurysim \(arguments.joined(separator: " ")), failed" + said)
    }
}
