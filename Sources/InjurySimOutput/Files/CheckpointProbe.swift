import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine

/// The resume path over a checkpoint folder given as bytes, for the checkpoint fuzzer
/// (`Fuzz/Sources/CheckpointFuzzer`), which lives in another package and so sees only `public`
/// declarations. It does what `--resume` does with untrusted files: the real ``Checkpoint/open``
/// on a real folder, each job loaded through the store, the results that fit summarised and
/// written out as a run's files.
package enum CheckpointProbe {
    /// Writes `header` as `checkpoint.json` and each of `entries` as `call0-jobJ.bin` into a
    /// `.t.checkpoint` folder under `base` (which must exist, be empty and be the caller's), opens
    /// it for `--resume` with the header's own key (or a fixed one), loads every job whose
    /// result is replication J of `scenario`'s shape, and renders the run's files from them.
    /// Returns the number of results used, or -1 when the checkpoint was refused. The folder is
    /// emptied again before returning.
    /// A nil `header` stands for a valid one of this build (so entries reach the loader).
    package static func resume(header: [UInt8]?, entries: [[UInt8]], scenario: Scenario, base: String) -> Int {
        let header = header ?? Array(Checkpoint.headerJSON("fuzz").utf8)
        let target = URL(fileURLWithPath: base).appendingPathComponent("t")
        let folder = Checkpoint.folder(for: target)
        defer {
            for entry in (try? POSIXFiles.entries(base)) ?? [] { POSIXFiles.removeTree(base + "/" + entry) }
        }
        do throws(FileSystemError) {
            try POSIXFiles.makeDirectory(folder.path)
            try POSIXFiles.writeFile(folder.appendingPathComponent(Checkpoint.headerName).path, header)
            for (job, bytes) in entries.enumerated() {
                try POSIXFiles.writeFile(folder.appendingPathComponent(Checkpoint.fileName(call: 0, job: job)).path, bytes)
            }
        } catch {
            return -1
        }
        let key = Checkpoint.parseHeader(header)?.key ?? "fuzz"
        guard let checkpoint = try? Checkpoint.open(for: target, key: key, resume: true, userPath: target.path) else { return -1 }
        _ = checkpoint.beginCall()
        var results: [ReplicationResult] = []
        for job in entries.indices {
            guard let result = checkpoint.load(call: 0, job: job), result.replication == job, result.fits(scenario) else { break }
            results.append(result)
        }
        checkpoint.remove()
        guard !results.isEmpty else { return 0 }
        let summary = RunSummary(scenario: scenario, results: results)
        let files = ResultFiles(
            scenario: scenario, scenarioFile: "fuzz.json", contentHash: "fnv1a64:0", results: results, summary: summary, report: false)
        withExtendedLifetime(files.files) {}
        return results.count
    }

    /// `payload` behind a valid checkpoint-entry header (its length and checksum), so that a
    /// fuzzer's mutated payloads get past the checksum to the decoder and the summary.
    package static func sealed(_ payload: [UInt8]) -> [UInt8] { CheckpointEntry.seal(payload) }
}
