import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A failed file-system call, in words: what was being done and the system's reason
/// (`strerror`), never a Cocoa error number.
struct FileSystemError: Error, Sendable {
    var code: Int32
    var operation: String

    /// "creating /x/y: Permission denied".
    var words: String { operation + ": " + String(cString: strerror(code)) }
}

#if os(Linux)
    /// glibc's renameat2(2); not exported by the Glibc module.
    @_silgen_name("renameat2")
    private func renameat2(
        _ oldDirectory: Int32, _ oldPath: UnsafePointer<CChar>, _ newDirectory: Int32,
        _ newPath: UnsafePointer<CChar>, _ flags: UInt32
    ) -> Int32
    private let renameExchange: UInt32 = 2  // RENAME_EXCHANGE
#endif

/// The few file-system calls the results writer needs, with errors that say what failed.
enum POSIXFiles {
    static func fail(_ operation: String) -> FileSystemError { FileSystemError(code: errno, operation: operation) }

    /// `mkdir` of one folder.
    static func makeDirectory(_ path: String) throws(FileSystemError) {
        guard mkdir(path, 0o755) == 0 else { throw fail("creating \(path)") }
    }

    /// Creates `path` and its missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String, for userPath: String) throws(OutputError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            var info = stat()
            if stat(current, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw OutputError(path: userPath, reason: "\(current) is a file, not a folder")
                }
                continue
            }
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
                throw OutputError(path: userPath, reason: fail("creating \(current)").words)
            }
        }
    }

    /// The names in a folder, hidden ones included, without `.` and `..`.
    static func entries(_ path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw fail("listing \(path)") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes a new file (it must not exist) and flushes it to disk.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("creating \(path)") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, raw.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("writing \(path)")
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail("flushing \(path)") }
    }

    /// Flushes a folder's entries to disk (after creating or renaming inside it).
    static func syncDirectory(_ path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("opening \(path)") }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else { throw fail("flushing \(path)") }
    }

    /// `rename(2)`.
    static func rename(_ from: String, _ to: String) throws(FileSystemError) {
        guard Glibc.rename(from, to) == 0 else { throw fail("renaming \(from) to \(to)") }
    }

    /// Swaps two existing folders in one atomic step. Where the file system cannot exchange,
    /// falls back to two renames and puts the first back if the second fails.
    static func exchange(_ a: String, _ b: String) throws(FileSystemError) {
        #if os(Linux)
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw fail("swapping \(a) and \(b)") }
        #endif
        let aside = a + ".swap"
        try rename(b, aside)
        do throws(FileSystemError) {
            try rename(a, b)
        } catch {
            try? rename(aside, b)
            throw error
        }
        try rename(aside, a)
    }

    /// Removes a file or a folder tree; true when something was removed.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        (try? FileManager.default.removeItem(atPath: path)) != nil
    }
}
