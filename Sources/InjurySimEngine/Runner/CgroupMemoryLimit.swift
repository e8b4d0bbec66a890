import Foundation

/// The tightest memory limit the cgroups around this process set: its own cgroup's and every
/// ancestor's up to the root, cgroup v2 (`memory.max`, and `memory.high`, above which the kernel
/// throttles the job to a crawl) and v1 (`memory.limit_in_bytes`). A job started by Slurm or
/// systemd sits in a child cgroup whose limit the root's files do not show.
///
/// The rule is pure: it takes the texts of /proc/self/cgroup and /proc/self/mountinfo and reads
/// the limit files through `read`, so fake trees test it; ``current`` reads the real files.
package struct CgroupMemoryLimit: Sendable, Equatable {
    /// The limit in bytes.
    package var bytes: Int64
    /// The cgroup that sets it, named as /proc/self/cgroup names cgroups ("/system.slice/job.scope").
    package var cgroup: String
    /// The file that sets it: `memory.max`, `memory.high` or `memory.limit_in_bytes`.
    package var file: String

    package init(bytes: Int64, cgroup: String, file: String) {
        self.bytes = bytes
        self.cgroup = cgroup
        self.file = file
    }

    /// What follows the size in a message: "limit of cgroup /system.slice/job.scope".
    package var source: String { (file == "memory.high" ? "memory.high limit" : "limit") + " of cgroup " + cgroup }

    /// Values from here up mean no limit: v1 shows "none" as 2⁶³ − 1 rounded down to a page
    /// (9223372036854771712 with 4 KiB pages), and no machine has 4 EiB.
    static let noLimit: Int64 = 1 << 62

    /// The limit of the process's cgroups now, from the real files; nil when none is set or the
    /// files cannot be read (not Linux, no /proc).
    package static var current: CgroupMemoryLimit? {
        guard let cgroups = readText("/proc/self/cgroup"), let mounts = readText("/proc/self/mountinfo") else { return nil }
        return tightest(cgroups: cgroups, mountInfo: mounts, read: readText)
    }

    /// The tightest limit of the cgroups named in `cgroups` (the text of /proc/self/cgroup) and
    /// their ancestors, with the hierarchies mounted where `mountInfo` (the text of
    /// /proc/self/mountinfo) says; `read` gives a file's text or nil. Nil when no file sets one:
    /// missing files, "max", values that are not a positive whole number, and huge values
    /// (v1's "no limit") set none. Ties go to the cgroup nearest the process.
    package static func tightest(cgroups: String, mountInfo: String, read: (String) -> String?) -> CgroupMemoryLimit? {
        let mounts = mountInfo.split(separator: "\n").compactMap(Mount.init(line:))
        var best: CgroupMemoryLimit?
        for membership in cgroups.split(separator: "\n").compactMap(Membership.init(line:)) {
            for mount in mounts where mount.version == membership.version {
                // A cgroup outside the mounted subtree has no files here.
                guard membership.path.starts(with: mount.root) else { continue }
                let relative = membership.path.dropFirst(mount.root.count)
                for depth in stride(from: relative.count, through: 0, by: -1) {
                    let components = relative.prefix(depth)
                    let directory = ([mount.point == "/" ? "" : mount.point] + components).joined(separator: "/")
                    let cgroup = "/" + (mount.root + components).joined(separator: "/")
                    for file in membership.version.files {
                        guard let text = read(directory + "/" + file), let bytes = limit(text) else { continue }
                        if bytes < best?.bytes ?? .max { best = CgroupMemoryLimit(bytes: bytes, cgroup: cgroup, file: file) }
                    }
                }
            }
        }
        return best
    }

    /// A limit file's value in bytes, or nil for "max", garbage, zero or less, or "no limit".
    static func limit(_ text: String) -> Int64? {
        guard let value = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)), value > 0, value < noLimit else { return nil }
        return value
    }

    /// The hierarchy a cgroup or a mount belongs to.
    enum Version: Equatable {
        /// The unified hierarchy (mount type cgroup2; /proc/self/cgroup line `0::/path`).
        case v2
        /// The v1 hierarchy holding the memory controller.
        case v1

        /// The files that set a limit, in the order a tie goes to.
        var files: [String] { self == .v2 ? ["memory.max", "memory.high"] : ["memory.limit_in_bytes"] }
    }

    /// A line of /proc/self/cgroup that places the process in a hierarchy with memory limits.
    struct Membership {
        var version: Version
        /// The cgroup's path components below the hierarchy's root.
        var path: [String]

        /// `0::/path` (v2) or `N:controller,…:/path` with `memory` among the controllers (v1);
        /// nil for other lines, and for a path with `.` or `..` (a cgroup outside the process's
        /// cgroup namespace, whose files are not ours to resolve).
        init?(line: Substring) {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            if fields[0] == "0" && fields[1].isEmpty {
                version = .v2
            } else if fields[1].split(separator: ",").contains("memory") {
                version = .v1
            } else {
                return nil
            }
            var text = fields[2]
            // v2 marks a removed cgroup; its ancestors still hold the limits.
            if text.hasSuffix(" (deleted)") { text = text.dropLast(" (deleted)".count) }
            guard text.hasPrefix("/") else { return nil }
            path = text.split(separator: "/").map(String.init)
            guard !path.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        }
    }

    /// A line of /proc/self/mountinfo that mounts a hierarchy with memory limits.
    struct Mount {
        var version: Version
        /// The components of the mounted subtree's root within the hierarchy (empty: all of it).
        var root: [String]
        /// Where it is mounted.
        var point: String

        /// `ID PARENT MAJ:MIN ROOT POINT OPTIONS [OPTIONAL…] - TYPE SOURCE SUPEROPTIONS`, with
        /// type cgroup2 (v2) or cgroup and `memory` among the super options (v1); nil otherwise.
        init?(line: Substring) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count >= 10, let separator = fields[6...].firstIndex(of: "-"), separator + 3 < fields.count else { return nil }
            if fields[separator + 1] == "cgroup2" {
                version = .v2
            } else if fields[separator + 1] == "cgroup" && fields[separator + 3].split(separator: ",").contains("memory") {
                version = .v1
            } else {
                return nil
            }
            root = Self.unescaped(fields[3]).split(separator: "/").map(String.init)
            point = Self.unescaped(fields[4])
            guard !root.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        }

        /// Mountinfo writes a space, tab, newline and backslash in a path as `\ooo` (octal).
        static func unescaped(_ field: Substring) -> String {
            var bytes: [UInt8] = []
            let utf8 = Array(field.utf8)
            var index = 0
            while index < utf8.count {
                let octal = index + 3 < utf8.count ? utf8[(index + 1)...(index + 3)] : []
                if utf8[index] == UInt8(ascii: "\\") && octal.count == 3 && octal.allSatisfy({ (48...55).contains($0) }) {
                    bytes.append(octal.reduce(0) { $0 &* 8 &+ ($1 - 48) })
                    index += 4
                } else {
                    bytes.append(utf8[index])
                    index += 1
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A file's text, or nil when it cannot be read.
    static func readText(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }
}
