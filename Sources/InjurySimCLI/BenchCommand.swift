import Foundation
import InjurySimBench
import InjurySimCore
import InjurySimEngine
import InjurySimIO

/// `injurysim bench` and its per-workload child `bench-row`: arguments, child processes, output.
enum BenchCommand {
    static func childMain(_ arguments: [String], console: Console) async -> Int32 {
        guard arguments.count == 5, let threads = Int(arguments[1]), let maxThreads = Int(arguments[2]),
            let workload = Benchmark.workloads(size: Benchmark.Size(rawValue: arguments[3]) ?? .full).first(where: { $0.name == arguments[0] })
        else {
            console.err("injurysim bench-row: internal command; use injurysim bench\n")
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

    /// The parent side: runs every workload row in a child process and prints the table.
    static func main(_ arguments: [String], console: Console) async -> Int32 {
        var size = Benchmark.Size.full
        var json = false
        var maxThreads = ProcessInfo.processInfo.activeProcessorCount
        var scenarios = "Scenarios"
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--quick": size = .quick
            case "--tiny": size = .tiny
            case "--json": json = true
            case "--threads":
                index += 1
                guard index < arguments.count, let n = Int(arguments[index]), (1...1024).contains(n) else {
                    console.err("injurysim bench: --threads must be a whole number from 1 to 1024\n")
                    return ExitCode.usage
                }
                maxThreads = n
            case "--scenarios":
                index += 1
                guard index < arguments.count else { console.err("injurysim bench: --scenarios needs a folder\n"); return ExitCode.usage }
                scenarios = arguments[index]
            default:
                console.err("injurysim bench: unknown option '\(arguments[index])'\n\n" + Program.usage)
                return ExitCode.usage
            }
            index += 1
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var rows: [Benchmark.Row] = []
        for workload in Benchmark.workloads(size: size) {
            for threads in Array(Set(workload.threadCounts(maxThreads))).sorted() {
                if !json { console.err("bench: \(workload.name) on \(threads) thread\(threads == 1 ? "" : "s")…\n") }
                let process = Process()
                process.executableURL = executable
                process.arguments = ["bench-row", workload.name, String(threads), String(maxThreads), size.rawValue, scenarios]
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
