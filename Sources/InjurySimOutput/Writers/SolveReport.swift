import InjurySimAnalysis
import InjurySimCore
import InjurySimFormat

/// The answer of `solve` in words and as JSON.
package struct SolveReport: Sendable {
    package var solution: PolicyCommands.Solution

    package init(solution: PolicyCommands.Solution) { self.solution = solution }

    func rate(_ multiplier: Double, _ benchmark: Double) -> String {
        multiplier.isFinite ? (Format.fixed(multiplier * benchmark, 4) ?? "n/a") : "above \(Format.fixed(solution.limit * benchmark, 4) ?? "")"
    }

    package func renderText() -> String {
        let s = solution
        var lines: [String] = []
        lines.append("Target: \(s.target), rates of \(s.sectorName.map { "sector \($0)" } ?? "all sectors") scaled together.")
        let m = s.multiplier
        func multiplierText(_ x: Double) -> String { x.isFinite ? (Format.fixed(x, 3) ?? "") : "> \(Format.fixed(s.limit, 0) ?? "")" }
        lines.append(
            "Lowest multiplier of the benchmark rates meeting it: \(multiplierText(m.mean)) "
                + "[95% interval \(multiplierText(m.low)), \(multiplierText(m.high))], from \(s.replications) replications "
                + "(thresholds found replication by replication, \(s.evaluations) rounds).")
        if s.exceedsLimit { lines.append("The target is not met within \(Format.fixed(s.limit, 0) ?? "")× the benchmark rates.") }
        lines.append("")
        lines.append(
            padded("platform", 16) + padded("benchmark", 12, right: true) + padded("rate meeting target [95% interval], yuan/order", 52, right: true))
        for (platform, benchmark) in s.benchmarks {
            lines.append(
                padded(platform, 16) + padded(Format.fixed(benchmark, 4) ?? "", 12, right: true)
                    + padded(rate(m.mean, benchmark) + " [" + rate(m.low, benchmark) + ", " + rate(m.high, benchmark) + "]", 52, right: true))
        }
        lines.append("")
        lines.append(
            "For comparison, the expected break-even rate (ultimate cost per order incl. the present value of long-tail benefits, at the benchmark rates):"
        )
        for (sector, spread) in s.breakEven {
            lines.append(
                "  " + padded(sector, 24) + " median " + (Format.fixed(spread.p50, 4) ?? "n/a") + " [p5 " + (Format.fixed(spread.p5, 4) ?? "n/a")
                    + ", p95 " + (Format.fixed(spread.p95, 4) ?? "n/a") + "] yuan per order")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func renderJSON() -> JSONOut {
        let s = solution
        var platforms: [String: JSONOut] = [:]
        for (platform, benchmark) in s.benchmarks {
            platforms[platform] = .object([
                "benchmarkYuanPerOrder": JSONOut.fixed(benchmark, 4),
                "rateYuanPerOrder": JSONOut.fixed(s.multiplier.mean * benchmark, 4),
                "low95": JSONOut.fixed(s.multiplier.low * benchmark, 4),
                "high95": JSONOut.fixed(s.multiplier.high * benchmark, 4)
            ])
        }
        var breakEven: [String: JSONOut] = [:]
        for (sector, spread) in s.breakEven {
            breakEven[sector] = .object(["p5": JSONOut.fixed(spread.p5, 4), "p50": JSONOut.fixed(spread.p50, 4), "p95": JSONOut.fixed(spread.p95, 4)])
        }
        return .object([
            "target": .string(s.target.description),
            "sector": s.sectorName.map(JSONOut.string) ?? .string("all"),
            "multiplier": .object([
                "estimate": JSONOut.fixed(s.multiplier.mean, 4), "low95": JSONOut.fixed(s.multiplier.low, 4),
                "high95": JSONOut.fixed(s.multiplier.high, 4)
            ]),
            "exceedsSearchLimit": .bool(s.exceedsLimit),
            "searchLimit": JSONOut.fixed(s.limit, 1),
            "replications": .number(String(s.replications)),
            "rounds": .number(String(s.evaluations)),
            "platforms": .object(platforms),
            "breakEvenRateYuanPerOrder": .object(breakEven),
            "thresholdMultipliers": .array(s.thresholds.map { JSONOut.fixed($0, 4) })
        ])
    }
}
