import Foundation
import InjurySimBench
import InjurySimCore
import InjurySimEngine
import InjurySimOutput
import InjurySimScenario

/// `injurysim bench` and its per-workload child `bench-row`: arguments, child processes, output.
struct BenchCommand: Command {
    static let name = CommandName.bench
    var options: Options

    init(_ parsed: ParsedArguments) throws(UsageError) { options = try Options(parsed) }

    func run(console: Console) async -> Int32 { await Self.main(options, console: console) }

    static func childMain(_ arguments: [String], console: Console) async -> Int32 {
        guard arguments.count == 5, let threads = Int(arguments[1]), let maxThreads = Int(arguments[2]),
            let workload = Benchmark.workloads(size: Benchmark.Size(rawValue: arguments[3]) ?? .full).first(where: { $0.name == arguments[0] })
        else {
            console.err("injurysim \(childCommand): internal command; use injurysim bench\n")
            return ExitCode.usage
        }
        do throws(ScenarioError) {
            let row = try await Benchmark.measure(workload, threads: threads, maxThreads: maxThreads, scenarios: arguments[4])
            console.out(Benchmark.encode(row) + "\n")
            return ExitCode.success
        } catch {
            console.err(error.description + "\n")
            return ExitCode.usage
        }
    }

    /// The internal child command that measures one workload row.
    static let childCommand = "bench-row"

    /// `bench`'s options as the shared parser read them.
    struct Options {
        var size = Benchmark.Size.full
        var json = false
        var maxThreads = ProcessInfo.processInfo.activeProcessorCount
        var scenarios = "Scenarios"

        init(_ parsed: ParsedArguments) throws(UsageError) {
            // The last of --quick and --tiny counts.
            switch parsed.given.last(where: { $0.name == "--quick" || $0.name == "--tiny" })?.name {
            case "--quick": size = .quick
            case "--tiny": size = .tiny
            default: break
            }
            json = parsed.has("--json")
            if let threads = try parsed.integer("--threads", 1...1024) { maxThreads = threads }
            if let folder = parsed.value("--scenarios") { scenarios = folder }
        }
    }

    /// The parent side: runs every workload row in a child process and prints the table.
    static func main(_ options: Options, console: Console) async -> Int32 {
        let (size, json, maxThreads, scenarios) = (options.size, options.json, options.maxThreads, options.scenarios)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var rows: [Benchmark.Row] = []
        for workload in Benchmark.workloads(size: size) {
            for threads in Array(Set(workload.threadCounts(maxThreads))).sorted() {
                if !json { console.err("bench: \(workload.name) on \(threads) thread\(threads == 1 ? "" : "s")…\n") }
                let process = Process()
                process.executableURL = executable
                process.arguments = [childCommand, workload.name, String(threads), String(maxThreads), size.rawValue, scenarios]
                let pipe = Pipe()
                process.standardOutput = pipe
                do { try process.run() } catch {
                    console.err("injurysim bench: cannot start \(executable.path): \(error)\n")
                    return 70
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                guard process.terminationStatus == 0,
                    let row = String(decoding: data, as: UTF8.self).split(separator: "\n").last.flatMap(Benchmark.decode)
                else {
                    console.err("injurysim bench: workload \(workload.name) failed (exit \(process.terminationStatus))\n")
                    return 70
                }
                rows.append(row)
            }
        }
        console.out(
            json
                ? Benchmark.renderJSON(rows, maxThreads: maxThreads, size: size).rendered()
                : Benchmark.renderTable(rows, maxThreads: maxThreads, size: size))
        return ExitCode.success
    }

}
