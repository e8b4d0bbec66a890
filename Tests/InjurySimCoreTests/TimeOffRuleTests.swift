import Testing

@testable import InjurySimCore

/// After an accident on day t that is not grade 1–4 or death, the person is off for the drawn
/// days d (d ≥ 1 here) and works again — and can be hurt again — on day t + d + 1, not before.
/// Grades 1–4 and death end the person's work: the slot is refilled by a new person the next day.
@Suite struct TimeOffRuleTests {
    /// Every worked day ends in an accident (the hazard exhausts any exposure clock).
    static let certainAccident = 1e9

    static func eventsByPerson(_ events: [AccidentEvent]) -> [StreamKey: [AccidentEvent]] {
        Dictionary(grouping: events, by: \.person).mapValues { $0.sorted { $0.day < $1.day } }
    }

    @Test(arguments: [1.0, 3.0, 8.0])
    func anInjuredWorkerNextWorksTheDayAfterTheTimeOff(meanRecoveryDays: Double) {
        let days = 60
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 100, seed: 41, hire: hire)
        let context = ShardFixture.month(
            hire: hire, fullTime: 1, dailyHazard: Self.certainAccident,
            severity: .grade(7), recoveryDays: meanRecoveryDays)
        let result = shard.step(month: 0, firstDay: 0, dayCount: days, contexts: [context])
        let byPerson = Self.eventsByPerson(result.accidents)
        #expect(byPerson.count == 100)
        #expect(result.segments[0].workedDays == Int64(result.accidents.count))
        for (_, events) in byPerson {
            #expect(events[0].day == 0)
            for (event, next) in zip(events, events.dropFirst()) {
                #expect(event.daysOff >= 1)
                #expect(next.day == event.day + event.daysOff + 1, "hurt on \(event.day), off \(event.daysOff), next \(next.day)")
            }
            if let last = events.last { #expect(Int(last.day + last.daysOff + 1) >= days) }
        }
    }

    @Test(arguments: [Severity.grade(1), .grade(4), .death])
    func severeInjuriesEndWorkAndTheSlotIsRefilledNextDay(severity: Severity) {
        let days = 30
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 50, seed: 42, hire: hire)
        let context = ShardFixture.month(
            hire: hire, fullTime: 1, dailyHazard: Self.certainAccident,
            severity: severity, recoveryDays: 1_000)
        let result = shard.step(month: 0, firstDay: 0, dayCount: days, contexts: [context])
        // One accident per slot and day, each to a different person, none with time off.
        #expect(result.accidents.count == 50 * days)
        #expect(Set(result.accidents.map(\.person)).count == 50 * days)
        #expect(result.accidents.allSatisfy { $0.daysOff == 0 })
        // The person hurt on the last day leaves after the month: days − 1 replacements.
        #expect(shard.workers.allSatisfy { $0.generation == UInt32(days - 1) })
    }

    @Test(arguments: [Severity.medicalOnly, .grade(5), .grade(10)])
    func lesserInjuriesKeepThePersonWithTimeOff(severity: Severity) {
        let hire = ShardFixture.hire()
        var shard = ShardFixture.shard(workers: 50, seed: 43, hire: hire)
        let context = ShardFixture.month(
            hire: hire, fullTime: 1, dailyHazard: Self.certainAccident,
            severity: severity, recoveryDays: 1_000)
        let result = shard.step(month: 0, firstDay: 0, dayCount: 30, contexts: [context])
        #expect(result.accidents.allSatisfy { $0.daysOff >= 1 })
        #expect(shard.workers.allSatisfy { $0.generation == 0 })
        #expect(result.accidents.filter { $0.day == 0 }.count == 50)
    }
}
