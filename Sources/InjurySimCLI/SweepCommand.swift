import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim sweep`.
struct SweepCommand: SimulationCommand {
    static let name = CommandName.sweep
    var options: CommandOptions

    func simulate(console: Console) async throws(Program.CommandError) {
        var axes: [SweepAxis] = []
        var fixed: [ScenarioOverride] = []
        for text in options.sets {
            do throws(ScenarioError) {
                let axis = try SweepAxis(parsing: text)
                if axis.isAxis { axes.append(axis) } else { fixed.append(try ScenarioOverride(parsing: text)) }
            } catch { throw .scenario(error) }
        }
        guard (1...2).contains(axes.count) else {
            throw .usage("sweep needs one or two --set PATH=VALUES with several values (a,b,c or low:high:step); got \(axes.count)")
        }
        var grid: [[(String, String)]] = [[]]
        for axis in axes { grid = grid.flatMap { point in axis.values.map { point + [(axis.path, $0)] } } }
        // Validate every grid point before running any.
        var points: [(settings: [(String, String)], scenario: Scenario, hash: String)] = []
        var issues: [ScenarioIssue] = []
        for settings in grid {
            do throws(ScenarioError) {
                let overrides = try fixed + settings.map { (path, value) throws(ScenarioError) in try ScenarioOverride(parsing: path + "=" + value) }
                let (scenario, hash) = try Program.load(options.files[0], options, overrides: overrides, console: console)
                points.append((settings, scenario, hash))
            } catch {
                issues.append(contentsOf: error.issues.filter { issue in !issues.contains(issue) })
            }
        }
        if !issues.isEmpty { throw .scenario(ScenarioError(file: options.files[0], issues: issues)) }
        try Program.checkResources(points.map(\.scenario), options, console: console)
        if let shard = options.shard {
            return try await Program.sweepShard(shard, axes: axes, fixed: fixed, points: points, options, console: console)
        }
        let name = points[0].scenario.name
        let outDirectory = options.out ?? "Results/" + name + "-sweep"
        let folder = try Program.claim(outDirectory, options, hashes: points.map(\.hash), console: console)
        defer { folder.release() }
        let replications = points[0].scenario.replications
        let progress = Program.progressHandler(options, console: console, total: replications * points.count)
        let counter = ProgressCounter()
        var results: [PolicyCommands.SweepPoint] = []
        for point in points {
            var onProgress: (@Sendable (Int) -> Void)?
            if let progress { onProgress = { _ in progress.update(done: counter.increment()) } }
            let metrics = try await folder.simulate { await PolicyCommands.metrics(point.scenario, threads: options.threads, progress: onProgress) }
            results.append(PolicyCommands.SweepPoint(settings: point.settings.map { (path: $0.0, value: $0.1) }, metrics: metrics))
        }
        progress?.finish()
        let table = SweepTable(axes: axes.map(\.path), points: results)
        let axesJSON = JSONOut.array(
            axes.map { axis in
                .object(["path": .string(axis.path), "values": .array(axis.values.map(JSONOut.string))])
            })
        try Program.publish(
            .sweep, [("sweep.csv", table.renderCSV()), ("sweep.json", table.renderJSON().rendered())],
            scenarios: [(points[0].scenario, points[0].hash)],
            variants: points.map { (name: VariantInputs.name(of: $0.settings.map { (path: $0.0, value: $0.1) }), scenario: $0.scenario) },
            extra: ["axes": axesJSON], to: folder,
            options: options, console: console,
            header:
                "InjurySim sweep — \(name): \(points.count) grid points × \(replications) replications (common random numbers), seed \(points[0].scenario.seed)",
            body: table.renderTable())
    }
}
