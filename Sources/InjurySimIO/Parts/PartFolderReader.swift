import Foundation

/// Opens part folders on disk for ``PartMerge``: checks each is a folder holding a part's
/// `manifest.json`, reads the manifest, and reads the other files only when the merge asks.
package enum PartFolderReader {
    /// The parts at `paths`, every unreadable one reported at once.
    package static func open(_ paths: [String]) throws(PartError) -> [PartMerge.Part] {
        guard !paths.isEmpty else { throw PartError(.usage, ["merge needs at least one part folder (the --out of a `run --shard K/N`)"]) }
        var usage: [String] = []
        var data: [String] = []
        var parts: [PartMerge.Part] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                usage.append("part \(path): no such folder")
                continue
            }
            guard isDirectory.boolValue else {
                usage.append("part \(path): is a file, not a part folder")
                continue
            }
            let folder = URL(fileURLWithPath: path)
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) else {
                data.append("part \(path): has no manifest.json — it is not a part, or its task did not finish; run that task again")
                continue
            }
            do throws(PartError) {
                let manifest = try PartManifest(parsing: [UInt8](bytes), part: path)
                parts.append(
                    PartMerge.Part(label: path, manifest: manifest) { name in
                        FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { [UInt8]($0) }
                    })
            } catch {
                data.append(contentsOf: error.problems)
            }
        }
        if !usage.isEmpty { throw PartError(.usage, usage + data) }
        if !data.isEmpty { throw PartError(.data, data) }
        return parts
    }
}
