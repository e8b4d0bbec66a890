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

    /// A failure a fault-injection test planned for this call (``TestSeams``), else nil.
    static func injected(_ call: String, _ code: Int32, _ operation: String) -> FileSystemError? {
        TestSeams.fails(call) ? FileSystemError(code: code, operation: operation) : nil
    }

    /// `mkdir` of one folder.
    static func makeDirectory(_ path: String) throws(FileSystemError) {
        if let error = injected("mkdir", EIO, "creating \(path)") { throw error }
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
        // The name is read in place, up to its terminating zero. Copying `entry.pointee` would read
        // a whole `dirent` (280 bytes), but readdir packs its records at their own length
        // (`d_reclen`), so the last one of a buffer can end just before an unmapped page: the copy
        // crashed `run` on a results folder in a busy /tmp.
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        while let entry = readdir(directory) {
            let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes a new file (it must not exist) and flushes it to disk.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("creating \(path)") }
        defer { close(fd) }
        if let error = injected("write", ENOSPC, "writing \(path)") { throw error }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, raw.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("writing \(path)")
            }
            written += n
        }
        if let error = injected("fsync", EIO, "flushing \(path)") { throw error }
        guard fsync(fd) == 0 else { throw fail("flushing \(path)") }
    }

    /// The bytes of the regular file at `path` (a symbolic link is refused), its size checked
    /// before anything is read: more than `maxBytes` fails with EFBIG and reads nothing. At most
    /// the size found plus one byte is read, so a file growing meanwhile is not read whole either.
    static func readFile(_ path: String, maxBytes: Int) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw fail("reading \(path)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("reading \(path)") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileSystemError(code: EINVAL, operation: "reading \(path) (not a regular file)")
        }
        let size = Int(info.st_size)
        guard size <= maxBytes else {
            throw FileSystemError(code: EFBIG, operation: "reading \(path) (\(size) bytes, more than the \(maxBytes) allowed)")
        }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + filled, raw.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("reading \(path)")
            }
            if n == 0 { break }
            filled += n
        }
        guard filled <= size else { throw FileSystemError(code: EFBIG, operation: "reading \(path) (it grew while being read)") }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// At most `limit` bytes from the start of the regular file at `path`; nil when it is not a
    /// regular file (a symbolic link is not followed) or cannot be read.
    static func readPrefix(_ path: String, limit: Int) -> [UInt8]? {
        // O_NONBLOCK: a pipe put in the file's place must not block the open; fstat refuses it.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, min(limit, Int(info.st_size) + 1)))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(buffer.count, limit - bytes.count)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// Flushes a folder's entries to disk (after creating or renaming inside it).
    static func syncDirectory(_ path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("opening \(path)") }
        defer { close(fd) }
        if let error = injected("fsync", EIO, "flushing \(path)") { throw error }
        guard fsync(fd) == 0 || errno == EINVAL else { throw fail("flushing \(path)") }
    }

    /// `rename(2)`.
    static func rename(_ from: String, _ to: String) throws(FileSystemError) {
        if let error = injected("rename", EIO, "renaming \(from) to \(to)") { throw error }
        guard Glibc.rename(from, to) == 0 else { throw fail("renaming \(from) to \(to)") }
    }

    /// Swaps two existing folders in one atomic step; false where the file system cannot
    /// exchange (then ``OutputFolder`` swaps with two renames under ``StagingCleanup``'s guard).
    static func exchange(_ a: String, _ b: String) throws(FileSystemError) -> Bool {
        #if os(Linux)
            if TestSeams.fails("renameat2") { return false }
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw fail("swapping \(a) and \(b)") }
        #endif
        return false
    }

    /// Removes a file or a folder tree; true when something was removed.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        (try? FileManager.default.removeItem(atPath: path)) != nil
    }
}
