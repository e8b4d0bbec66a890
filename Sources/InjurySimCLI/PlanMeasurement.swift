import Foundation

/// One child process of `plan`'s measurement: this program run with other arguments, and what
/// the kernel says it used (`wait4`): CPU seconds (user and system) and peak resident bytes.
struct PlanMeasurement {
    var status: Int32
    var cpuSeconds: Double
    var peakBytes: Double
    /// What the child wrote to standard error (shown when it fails).
    var errorText: String

    /// Runs `/proc/self/exe ARGUMENTS…` with standard error captured in `errorFile`; nil when it cannot start.
    static func run(_ arguments: [String], errorFile: String) -> PlanMeasurement? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import: a signal's death counts as 128 + signal.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        let text = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        return PlanMeasurement(
            status: code, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakBytes: Double(usage.ru_maxrss) * 1024,
            errorText: text)
    }
}
