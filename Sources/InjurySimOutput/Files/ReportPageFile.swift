#if canImport(Glibc)
    import Glibc
#endif

/// `injurysim report DIR --out FILE`: the page written to a file of the user's choosing, under the
/// same rule as a results folder — an existing file is replaced only if injurysim wrote it (a
/// report page carrying ``HTMLPage/generatorMeta`` near its top); anything else (a scenario, a
/// note, a folder, a link) is refused before anything is written. The page goes to a private
/// name beside the file, flushed, then renamed over it in one step.
package enum ReportPageFile {
    /// How far into an existing file the generator mark is looked for.
    static let markWithin = 1024

    /// Whether the bytes at the start of an existing file show a page injurysim wrote.
    package static func isOurs(head: [UInt8]) -> Bool {
        String(decoding: head.prefix(markWithin), as: UTF8.self).contains(HTMLPage.generatorMeta)
    }

    package static func write(_ page: String, to path: String) throws(OutputError) {
        guard !path.isEmpty, !path.contains("\0") else { throw OutputError(path: "'\(path)'", reason: "not a file name") }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw OutputError(path: path, reason: "it is a folder; --out names the page's file (for example \(path)/report.html)")
            case S_IFLNK: throw OutputError(path: path, reason: "it is a symbolic link; give the path of the file itself")
            default: throw OutputError(path: path, reason: "it is not a regular file")
            }
            guard let head = POSIXFiles.readPrefix(path, limit: markWithin) else {
                throw OutputError(path: path, reason: POSIXFiles.fail("reading \(path)").words)
            }
            guard isOurs(head: head) else {
                throw OutputError(
                    path: path,
                    reason: "it exists and is not a report page injurysim wrote; injurysim replaces only its own pages — "
                        + "choose another --out, or move the file away")
            }
        } else if errno != ENOENT {
            throw OutputError(path: path, reason: POSIXFiles.fail("looking at \(path)").words)
        }
        let temporary = path + ".tmp-\(getpid())"
        do throws(FileSystemError) {
            POSIXFiles.removeTree(temporary)
            try POSIXFiles.writeFile(temporary, Array(page.utf8))
            try POSIXFiles.rename(temporary, path)
        } catch {
            POSIXFiles.removeTree(temporary)
            throw OutputError(path: path, reason: error.words)
        }
    }
}
