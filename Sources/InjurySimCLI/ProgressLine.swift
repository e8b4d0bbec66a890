import Foundation

/// Shows "replications 12/64 · 18 s elapsed · about 78 s left" on a terminal, for runs over a second.
final class ProgressLine: @unchecked Sendable {
    // Safe: mutable state is only touched while holding `lock`.
    private let lock = NSLock()
    private let total: Int
    private let console: Console
    private let label: String
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var shown = false

    init(total: Int, console: Console, label: String = "replications") {
        self.total = total
        self.console = console
        self.label = label
        self.started = clock.now
    }

    func update(done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = seconds(clock.now - started)
        guard elapsed >= 1 else { return }
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        console.err("\r\u{1B}[2K\(label) \(done)/\(total) · \(Int(elapsed)) s elapsed · about \(Int(left.rounded(.up))) s left")
        shown = true
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
