import Foundation

/// Progress of a long command on stderr, with the time left.
///
/// On a terminal, one line rewritten in place — `replications 12/64 · 18 s elapsed · about 78 s
/// left` — once the command has run a second. Elsewhere (a log file, a pipe, a batch job), plain
/// lines, one at each tenth of the work (``milestones(total:)``): `replications 7/64 (10%) · 3 s
/// elapsed · about 27 s left`; which lines appear, and their counts, do not depend on timing or
/// threads, only the times do.
final class ProgressLine: @unchecked Sendable {
    // Safe: mutable state is only touched while holding `lock`.
    private let lock = NSLock()
    private let total: Int
    private let console: Console
    private let label: String
    private let plain: Bool
    /// True when `total` is an upper bound (solve's rounds): the time left is then "at most".
    private let bounded: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var shown = false
    /// The most work reported done so far (reports may arrive out of order from threads).
    private var highest = 0

    init(total: Int, console: Console, label: String = "replications", plain: Bool = false, bounded: Bool = false) {
        self.total = max(1, total)
        self.console = console
        self.label = label
        self.plain = plain
        self.bounded = bounded
        self.started = clock.now
    }

    /// The counts at which a plain line is written: the first count at or past each tenth of
    /// `total`, each once (so 3 runs give 1, 2 and 3).
    static func milestones(total: Int) -> [Int] {
        guard total > 0 else { return [] }
        var counts: [Int] = []
        for tenth in 1...10 {
            let count = (total * tenth + 9) / 10
            if counts.last != count { counts.append(count) }
        }
        return counts
    }

    /// `done` of the total are finished; `detail` names the step (solve's round, a sensitivity run).
    func update(done: Int, detail: String = "") {
        lock.lock()
        defer { lock.unlock() }
        let previous = highest
        guard done > previous else { return }
        highest = done
        let elapsed = seconds(clock.now - started)
        let suffix = detail.isEmpty ? "" : " (\(detail))"
        if plain {
            for count in Self.milestones(total: total) where count > previous && count <= done {
                console.err("\(label) \(count)/\(total) (\(count * 100 / total)%)\(suffix) · \(timing(elapsed: elapsed, done: count))\n")
            }
            return
        }
        guard elapsed >= 1 else { return }
        console.err("\r\u{1B}[2K\(label) \(done)/\(total)\(suffix) · \(timing(elapsed: elapsed, done: done))")
        shown = true
    }

    /// `18 s elapsed · about 78 s left`.
    private func timing(elapsed: Double, done: Int) -> String {
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        return "\(Int(elapsed)) s elapsed · \(bounded ? "at most" : "about") \(Int(left.rounded(.up))) s left"
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { console.err("\r\u{1B}[2K") }
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
