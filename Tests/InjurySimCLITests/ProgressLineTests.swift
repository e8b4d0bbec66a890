import Foundation
import Testing

@testable import InjurySimCLI

/// ``ProgressLine`` off a terminal: plain lines at each tenth of the work, the same lines
/// whatever order threads report in.
@Suite struct ProgressLineTests {
    /// Collects what a command writes to stderr.
    final class Captured: @unchecked Sendable {
        // Safe: `text` is only touched while holding `lock`.
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) {
            lock.lock()
            text += more
            lock.unlock()
        }
        var lines: [String] {
            lock.lock()
            defer { lock.unlock() }
            return text.split(separator: "\n").map(String.init)
        }
    }

    static func console(_ captured: Captured, terminal: Bool = false) -> Console {
        Console(out: { _ in }, err: { captured.append($0) }, errIsTerminal: terminal)
    }

    static let milestoneCases: [(Int, [Int])] = [
        (1, [1]), (3, [1, 2, 3]), (10, Array(1...10)), (64, [7, 13, 20, 26, 32, 39, 45, 52, 58, 64]),
        (100, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), (0, [])
    ]

    @Test(arguments: milestoneCases)
    func milestonesAreTheFirstCountsPastEachTenth(total: Int, expected: [Int]) {
        #expect(ProgressLine.milestones(total: total) == expected)
    }

    /// The counts and percentages of the lines, without the times.
    static func counts(_ lines: [String]) -> [String] {
        lines.map { String($0.prefix { $0 != "·" }) }
    }

    @Test func plainLinesAreTheSameInAnyReportingOrder() {
        let inOrder = Captured()
        let line = ProgressLine(total: 20, console: Self.console(inOrder), label: "replications", plain: true)
        for done in 1...20 { line.update(done: done) }
        line.finish()
        // Threads finishing out of order: some counts arrive late, some never.
        let shuffled = Captured()
        let other = ProgressLine(total: 20, console: Self.console(shuffled), label: "replications", plain: true)
        for done in [3, 1, 2, 7, 5, 12, 11, 20, 19] { other.update(done: done) }
        other.finish()
        #expect(Self.counts(inOrder.lines) == Self.counts(shuffled.lines))
        #expect(
            Self.counts(inOrder.lines) == [2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map { "replications \($0)/20 (\($0 * 5)%) " })
        #expect(inOrder.lines.allSatisfy { $0.contains(" s elapsed · about ") && $0.hasSuffix(" s left") && !$0.contains("\u{1B}") })
    }

    @Test func aBoundedTotalSaysAtMostAndADetailNamesTheStep() {
        let captured = Captured()
        let line = ProgressLine(total: 2, console: Self.console(captured), label: "solve rounds done", plain: true, bounded: true)
        line.update(done: 1, detail: "next: bisection round 1")
        #expect(captured.lines.count == 1)
        #expect(captured.lines.first?.hasPrefix("solve rounds done 1/2 (50%) (next: bisection round 1) · ") == true)
        #expect(captured.lines.first?.contains("at most") == true)
    }
}
