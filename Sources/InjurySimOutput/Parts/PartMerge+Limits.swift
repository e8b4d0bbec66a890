import InjurySimCore
import InjurySimEngine

/// The checks a merge makes before it reads a part's file: every file the manifest lists is a
/// regular file of the size the manifest states, `scenario.json` is within the scenario loader's
/// limit, and every replication file has the size its scenario's results take. A part whose
/// files were replaced, grew or were cut is refused by size, before any byte of them is read.
extension PartMerge {
    /// Every listed file of every part examined (no file is read); every problem reported at once.
    static func checkFiles(_ parts: [Part]) throws(PartError) {
        var problems: [String] = []
        for part in parts {
            for entry in part.manifest.files {
                if entry.name == PartManifest.scenarioFileName, entry.bytes > PartManifest.maximumScenarioBytes {
                    problems.append(
                        "part \(part.label): \(entry.name): the manifest says \(entry.bytes) bytes; a scenario file has at most "
                            + "\(PartManifest.maximumScenarioBytes) (16 MiB)")
                } else if let problem = statusProblem(part, entry) {
                    problems.append(problem)
                }
            }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
    }

    /// Why file `entry` of `part` cannot be what the manifest says, judged by its status alone.
    static func statusProblem(_ part: Part, _ entry: PartManifest.FileEntry) -> String? {
        let again = "run shard \(part.manifest.shard) again"
        switch part.status(entry.name) {
        case .regular(let bytes) where bytes == entry.bytes: return nil
        case .regular(let bytes):
            return "part \(part.label): \(entry.name) is damaged or truncated: it has \(bytes) bytes but the manifest says \(entry.bytes) "
                + "(it was cut, grew or was replaced after its task wrote it); \(again)"
        case .missing: return "part \(part.label): \(entry.name) is missing or unreadable; \(again)"
        case .other(let what):
            return "part \(part.label): \(entry.name) is \(what), not a regular file; a part holds only the files its task wrote — \(again)"
        case .unreadable(let reason): return "part \(part.label): \(entry.name) is missing or unreadable (\(reason)); \(again)"
        }
    }

    /// Every replication file's size as the manifest states it (already checked against the
    /// file) equal to `expected`, the size of one replication of the study's scenario in `format`.
    static func checkDataSizes(_ parts: [Part], expected: Int, format: String, scenario: String) throws(PartError) {
        var problems: [String] = []
        for part in parts {
            for entry in part.manifest.files where entry.name != PartManifest.scenarioFileName && entry.bytes != expected {
                problems.append(
                    "part \(part.label): \(entry.name) has \(entry.bytes) bytes; one replication of \(scenario) takes \(expected) "
                        + "in the \(format) format — run shard \(part.manifest.shard) again")
            }
        }
        guard problems.isEmpty else { throw PartError(.data, problems) }
    }

    /// "this scenario (N months, P pools, S sectors, Q platforms)", for messages.
    static func dimensions(_ scenario: Scenario) -> String {
        "this scenario (\(scenario.months) months, \(scenario.poolNames.count) pools, \(scenario.sectors.count) sectors, "
            + "\(scenario.platforms.count) platforms)"
    }
}

extension PartMerge {
    /// What in `result` no run of a scenario can hold, in words (``ReplicationResult/outOfRangeFigure``).
    static func outOfRange(_ result: ReplicationResult) -> String? { result.outOfRangeFigure }
}
