import Foundation

/// An output folder that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write results to \(path): \(reason)" }
}

/// Writes a results folder all at once: files go to a hidden sibling folder first, which then
/// replaces the target by rename, so an interrupted or failed run never leaves half-written
/// files where results are expected.
public enum ResultWriter {
    /// Writes `files` into `directory`, replacing what was there.
    public static func write(_ files: [(name: String, text: String)], to directory: String) throws(OutputError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent("." + target.lastPathComponent + ".tmp-\(pid)")
        let previous = parent.appendingPathComponent("." + target.lastPathComponent + ".old-\(pid)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            StagingCleanup.shared.register(staging.path)
            for file in files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.name), options: .atomic)
            }
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw OutputError(path: target.path, reason: "a file (not a folder) is in the way")
                }
                try? manager.removeItem(at: previous)
                try manager.moveItem(at: target, to: previous)
                try manager.moveItem(at: staging, to: target)
                try? manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
            StagingCleanup.shared.unregister(staging.path)
        } catch let error as OutputError {
            try? manager.removeItem(at: staging)
            StagingCleanup.shared.unregister(staging.path)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            StagingCleanup.shared.unregister(staging.path)
            throw OutputError(path: target.path, reason: String(describing: error.localizedDescription))
        }
    }
}

/// Staging folders to remove if the process is interrupted (see ``Program``'s signal handling).
final class StagingCleanup: @unchecked Sendable {
    // Safe: `paths` is only touched while holding `lock`.
    static let shared = StagingCleanup()
    private let lock = NSLock()
    private var paths = Set<String>()

    func register(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func unregister(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Removes every registered staging folder.
    func removeAll() {
        lock.lock()
        let current = paths
        paths.removeAll()
        lock.unlock()
        for path in current { try? FileManager.default.removeItem(atPath: path) }
    }
}
