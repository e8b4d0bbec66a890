import Foundation

/// What one replication of a scenario costs as a function of its simulated worker slots, fitted
/// through two measured runs at small sample fractions: CPU seconds and a process's peak
/// resident memory, each a fixed part plus a part per slot. The sample fraction changes only
/// the slots, so the line carries the measurement to the study's fraction.
package struct ReplicationCost: Sendable, Equatable {
    /// One measured run: its slots, its CPU seconds per replication and the peak resident bytes
    /// of a process running one replication at a time.
    package struct Sample: Sendable, Equatable {
        package var slots: Int
        package var cpuSeconds: Double
        package var peakBytes: Double

        package init(slots: Int, cpuSeconds: Double, peakBytes: Double) {
            self.slots = slots
            self.cpuSeconds = cpuSeconds
            self.peakBytes = peakBytes
        }
    }

    package var fixedSeconds: Double
    package var secondsPerSlot: Double
    /// The process and one replication's fixed part (program, scenario, kept results).
    package var fixedBytes: Double
    package var bytesPerSlot: Double

    package init(fixedSeconds: Double, secondsPerSlot: Double, fixedBytes: Double, bytesPerSlot: Double) {
        self.fixedSeconds = fixedSeconds
        self.secondsPerSlot = secondsPerSlot
        self.fixedBytes = fixedBytes
        self.bytesPerSlot = bytesPerSlot
    }

    /// The line through `low` and `high` (in slots), each part by ``line(_:_:)``.
    package init(low: Sample, high: Sample) {
        let seconds = Self.line((Double(low.slots), low.cpuSeconds), (Double(high.slots), high.cpuSeconds))
        let bytes = Self.line((Double(low.slots), low.peakBytes), (Double(high.slots), high.peakBytes))
        self.init(fixedSeconds: seconds.fixed, secondsPerSlot: seconds.perUnit, fixedBytes: bytes.fixed, bytesPerSlot: bytes.perUnit)
    }

    /// The line y = fixed + perUnit × x through two points. A slope or intercept below zero, which
    /// only measurement noise makes, is taken as zero and the other part carries the point with
    /// the larger x; two points at the same x give no slope (all fixed, the larger y).
    package static func line(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> (fixed: Double, perUnit: Double) {
        guard a.x != b.x else { return (max(a.y, b.y), 0) }
        let slope = (b.y - a.y) / (b.x - a.x)
        if slope <= 0 { return (max(a.y, b.y), 0) }
        let intercept = a.y - slope * a.x
        if intercept < 0 {
            let larger = b.x > a.x ? b : a
            return (0, larger.x > 0 ? larger.y / larger.x : 0)
        }
        return (intercept, slope)
    }

    /// CPU seconds of one replication of `slots` slots.
    package func seconds(slots: Int) -> Double { fixedSeconds + secondsPerSlot * Double(slots) }

    /// Peak bytes of a process holding `inFlight` replications of `slots` slots at once: the
    /// fixed part once, the slots' part per replication in flight.
    package func bytes(slots: Int, inFlight: Int = 1) -> Double { fixedBytes + bytesPerSlot * Double(slots) * Double(max(1, inFlight)) }

    /// The two sample fractions measured for a study at `study`: the higher is the study's own
    /// when it is at most 3 × `measure` (then the plan interpolates), else 3 × `measure`; the
    /// lower is a third of the higher; both to 3 significant digits, never below `smallest`.
    package static func measurementFractions(study: Double, measure: Double, smallest: Double) -> (low: Double, high: Double) {
        func rounded(_ value: Double) -> Double {
            let scale = pow(10, floor(log10(value)) - 2)
            return (value / scale).rounded() * scale
        }
        let high = max(smallest, study <= 3 * measure ? study : rounded(3 * measure))
        return (max(smallest, rounded(high / 3)), high)
    }
}
