import Foundation
import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// Building a claim's lifetime facts: the person's age at the report is the age at hire (from the
/// person's stream) plus the time since hire; a death draws its dependants from the scenario's
/// expected counts, with ages the rules allow.
@Suite struct LifetimeClaimTests {
    static func event(_ index: Int, day: Int, hireDay: Int, severity: Severity) -> AccidentEvent {
        AccidentEvent(
            person: StreamKey(seed: 93).child(UInt64(index)), day: Int32(day), province: 0, platform: 0,
            severity: severity, daysOff: 0, hireDay: Int32(hireDay))
    }

    /// An older person (hired 40 years before the accident) draws a shorter allowance than the
    /// same person hired on the accident day: the schedule ages with the run.
    @Test func theAgeAtTheAccidentIncludesTheTimeSinceHire() {
        var s = TinyScenario.make(months: 12)
        s.benefits.reportingDelayDays = .fixed(0)
        s.sectors[0].ageBands = [0, 1, 0, 0, 0]  // 20–29 at hire
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        var shorter = 0
        for i in 0..<200 {
            let fresh = coordinator.claims(inputs).claim(for: Self.event(i, day: 100, hireDay: 100, severity: .grade(1)), month: 3)
            let veteran = coordinator.claims(inputs).claim(for: Self.event(i, day: 100, hireDay: 100 - 40 * 365, severity: .grade(1)), month: 3)
            guard fresh.recognised && veteran.recognised else { continue }
            let hire = WorkerAge.atHire(person: StreamKey(seed: 93).child(UInt64(i)), hireDay: 100, bands: [0, 1, 0, 0, 0], maleShare: 0.93)
            #expect(hire.age >= 20 && hire.age < 30)
            if veteran.schedule.fundTotal < fresh.schedule.fundTotal { shorter += 1 }
        }
        #expect(shorter > 150, "\(shorter) of the recognised veterans' schedules are smaller")
    }

    /// Dependants per death: Poisson children and parents and a spouse with their scenario means;
    /// children below the support age, parents and spouses 55 or older.
    @Test func deathsDrawTheirDependants() {
        var s = TinyScenario.make(months: 12)
        s.benefits.childrenPerDeath = .fixed(0.9)
        s.benefits.parentsPerDeath = .fixed(0.35)
        s.benefits.spousePerDeath = .fixed(0.05)
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        var counts: [Dependant.Kind: Int] = [:]
        let n = 20_000
        var cursor = RandomCursor(key: StreamKey(seed: 17))
        for _ in 0..<n {
            let age = 20 + 40 * cursor.uniform()
            for dependant in coordinator.claims(inputs).dependants(workerAge: age, &cursor) {
                counts[dependant.kind, default: 0] += 1
                switch dependant.kind {
                case .child: #expect(dependant.age >= 0 && dependant.age < 18 && dependant.age <= max(1, age - 18))
                case .parent, .spouse: #expect(dependant.age >= 55)
                }
            }
        }
        for (kind, mean) in [(Dependant.Kind.child, 0.9), (.parent, 0.35), (.spouse, 0.05)] {
            let expected = mean * Double(n)
            #expect(abs(Double(counts[kind] ?? 0) - expected) <= 5 * expected.squareRoot(), "\(kind): \(counts[kind] ?? 0) vs \(expected)")
        }
    }
}
