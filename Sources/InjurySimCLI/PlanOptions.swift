import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat
import InjurySimScenario

/// `plan`'s options as the shared parser read them: the study (the simulation options `run`
/// takes), the cluster's shape and how to measure.
struct PlanOptions {
    /// The scenario file and the study's options (`--replications`, `--seed`, `--sample-fraction`, `--set`, `--no-uncertainty`).
    var study: CommandOptions
    var shape: ClusterShape
    var cpusPerTask: Int?
    var tasks: Int?
    var taskSeconds = 3600
    var measureFraction = 0.03
    var measureReplications = 1
    var json = false

    init(_ parsed: ParsedArguments) throws(UsageError) {
        study = try CommandOptions(parsed)
        func required(_ name: String, _ example: String) throws(UsageError) -> String {
            guard let text = parsed.value(name) else { throw UsageError(message: "plan needs \(name) (for example \(name) \(example))") }
            return text
        }
        let coresText = try required("--node-cores", "32")
        guard let cores = Int(coresText), (1...100_000).contains(cores) else {
            throw UsageError(message: "--node-cores must be a whole number from 1 to 100000, got '\(coresText)'")
        }
        let memoryText = try required("--node-memory", "256G")
        guard let memory = ClusterShape.bytes(parsing: memoryText) else {
            throw UsageError(
                message: "--node-memory must be a whole number above 0 with an optional unit K, M, G or T (no unit: M), got '\(memoryText)'")
        }
        let limitText = try required("--time-limit", "2-00:00:00")
        let limit = try Self.time("--time-limit", limitText)
        let arraySize = try parsed.integer("--max-array-size", 1...4_000_000) ?? ClusterShape.defaultMaxArraySize
        shape = ClusterShape(coresPerNode: cores, memoryPerNode: memory, maxArraySize: arraySize, wallLimit: limit)
        cpusPerTask = try parsed.integer("--cpus-per-task", 1...cores)
        tasks = try parsed.integer("--tasks", 1...Scenario.maximumReplications)
        if let text = parsed.value("--task-time") { taskSeconds = try Self.time("--task-time", text) }
        if let text = parsed.value("--measure-fraction") {
            let range = ScenarioLoader.sampleFractionRange
            guard let value = Double(text), range.contains(value) else {
                throw UsageError(
                    message: "--measure-fraction must be a number from \(Format.fixed(range.lowerBound, 6) ?? "") to 1, got '\(text)'")
            }
            measureFraction = value
        }
        measureReplications = try parsed.integer("--measure-replications", 1...100) ?? 1
        json = parsed.has("--json")
    }

    static func time(_ name: String, _ text: String) throws(UsageError) -> Int {
        guard let seconds = ClusterShape.seconds(parsing: text) else {
            throw UsageError(
                message: "\(name) must be a Slurm time above zero (minutes, minutes:seconds, hours:minutes:seconds, days-hours, "
                    + "days-hours:minutes or days-hours:minutes:seconds), got '\(text)'")
        }
        return seconds
    }
}
