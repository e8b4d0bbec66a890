import Foundation
import InjurySimAnalysis
import InjurySimIO

/// `injurysim merge` of `compare --shard` parts: the folder `compare` writes, byte for byte.
extension MergeCommand {
    static func mergeCompare(_ parts: [PartMerge.Part], paths: [String], out: String?, quiet: Bool, console: Console) -> Int32 {
        let merged: PartMerge.MergedVariants
        do throws(PartError) { merged = try PartMerge.mergeVariants(parts) } catch {
            console.err(error.problems.map { "injurysim merge: \($0)\n" }.joined())
            return error.kind == .usage ? ExitCode.usage : ExitCode.dataError
        }
        let scenarios = merged.scenarios
        let comparison = Comparison(entries: zip(scenarios, merged.metrics).map {
            Comparison.Entry(name: $0.0.name, startMonth: $0.0.startMonth, metrics: $0.1)
        })
        // As `compare` publishes it (Program.publish): its files, then the policy manifest.
        let files = [("compare.csv", comparison.renderCSV()), ("compare.json", comparison.renderJSON().rendered())]
        let names = files.map(\.0) + ["manifest.json"]
        let manifest = Program.policyManifest(command: "compare", scenarios: Array(zip(scenarios, merged.hashes)), files: names)
        let directory = out ?? "Results/compare-" + scenarios.map(\.name).joined(separator: "-vs-")
        if let code = write(files + [("manifest.json", manifest)], to: directory, paths: paths, console: console) { return code }
        if !quiet {
            let first = scenarios[0]
            console.out("InjurySim compare — \(first.replications) replications, seed \(first.seed), sample fraction "
                        + "\(Format.fixed(first.sampleFraction, 4) ?? "")\n")
            console.out(comparison.renderTable())
            console.out("\nMerged \(parts.count) parts; results written to \(directory)/ (\(names.joined(separator: ", ")))\n")
        }
        return ExitCode.success
    }
}
