import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Opens part folders on disk for ``PartMerge``: checks each is a folder holding a part's
/// `manifest.json`, reads the manifest, and reads the other files only when the merge asks.
///
/// Parts are untrusted input: a file is examined with `lstat` before it is read (symbolic links,
/// folders, devices and pipes are refused, not followed), `manifest.json` is read only up to
/// ``PartManifest/maximumBytes``, and any other file only up to the byte count the merge asks for.
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
            let manifestPath = folder.appendingPathComponent("manifest.json").path
            let limit = PartManifest.maximumBytes
            switch status(manifestPath) {
            case .missing:
                data.append("part \(path): has no manifest.json — it is not a part, or its task did not finish; run that task again")
                continue
            case .other(let what):
                data.append("part \(path): manifest.json is \(what), not a regular file; a part holds only the files its task wrote")
                continue
            case .unreadable(let reason):
                data.append("part \(path): manifest.json cannot be read (\(reason))")
                continue
            case .regular(let bytes) where bytes > limit:
                data.append(
                    "part \(path): manifest.json has \(bytes) bytes; a part's manifest has at most \(limit) (32 MiB, about 240,000 "
                        + "replications per part) — it is not a part's manifest, or the study needs more shards")
                continue
            case .regular: break
            }
            guard let bytes = read(manifestPath, limit: limit + 1), bytes.count <= limit else {
                data.append("part \(path): manifest.json cannot be read, or grew beyond \(limit) bytes while it was read")
                continue
            }
            do throws(PartError) {
                let manifest = try PartManifest(parsing: bytes, part: path)
                parts.append(
                    PartMerge.Part(
                        label: path, manifest: manifest, status: { name in status(folder.appendingPathComponent(name).path) },
                        read: { name, limit in read(folder.appendingPathComponent(name).path, limit: limit) }))
            } catch {
                data.append(contentsOf: error.problems)
            }
        }
        if !usage.isEmpty { throw PartError(.usage, usage + data) }
        if !data.isEmpty { throw PartError(.data, data) }
        return parts
    }

    /// What is at `path`, not following a symbolic link.
    package static func status(_ path: String) -> PartMerge.FileStatus {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(bytes: Int(info.st_size))
        case S_IFLNK: return .other("a symbolic link")
        case S_IFDIR: return .other("a folder")
        default: return .other("a device, pipe or socket")
        }
    }

    /// At most `limit` bytes from the start of the regular file at `path`; nil when it is not a
    /// regular file (a symbolic link is not followed) or cannot be read.
    package static func read(_ path: String, limit: Int) -> [UInt8]? { POSIXFiles.readPrefix(path, limit: limit) }
}

extension PartFolderReader {
    /// The part folders (folders holding a `manifest.json`) in `root` and below it, at most
    /// `depth` levels down, sorted by path; a part's own subfolders and hidden entries (a task's
    /// checkpoint, a staging folder) are not searched. Symbolic links are not followed.
    package static func partFolders(under root: String, depth: Int) -> [String] {
        guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        var found: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (root.hasSuffix("/") ? root : root + "/") + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            if case .regular = status(path + "/manifest.json") {
                found.append(path)
            } else {
                found += partFolders(under: path, depth: depth - 1)
            }
        }
        return found
    }
}
