import InjurySimScenarioTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// A person hired in an earlier phase keeps the age and sex that phase gave them, whatever the
/// later file says of the sector's ages: the same accident costs the same in either phase.
@Suite struct HiredEarlierTests {
    /// Smoke cut after 6 months; the earlier phase's food-delivery workers are all 16–25, the
    /// later phase's all 55 and over, so age shows in every lifetime allowance.
    static func chain() throws -> (earlier: ReplicationCoordinator, later: ReplicationCoordinator, scenario: Scenario) {
        var base = try TestScenarios.load("smoke.json")
        base.months = 12
        var young = base
        young.sectors[0].ageBands = [1, 0, 0, 0, 0]
        young.months = 6
        var old = base
        old.sectors[0].ageBands = [0, 0, 0, 0, 1]
        old.startMonth = base.startMonth.adding(months: 6)
        old.months = 6
        old.earlierPhases = [young]
        let later = ReplicationCoordinator(scenario: old)
        return (later.earlierPhases[0], later, old)
    }

    @Test(arguments: [(-400, true), (0, true), (181, true), (182, false), (250, false)])
    func theBandsOfThePhaseInForceOnTheHireDay(hireDay: Int, earlier: Bool) throws {
        let (_, later, _) = try Self.chain()
        let people = later.hiredEarlier.people(province: 0, platform: 0, platforms: 3, hireDay: hireDay, phaseStartDay: later.clock.dayOffset)
        #expect(later.clock.dayOffset == 182)
        #expect((people?.bands == [1, 0, 0, 0, 0]) == earlier)
    }

    /// The later phase's claim of a person hired before the cut is the claim the earlier
    /// phase's ages give; one hired after it is of the later phase's ages.
    @Test func aCarriedPersonKeepsTheAgesOfTheEarlierPhase() throws {
        let (_, second, scenario) = try Self.chain()
        var youngLater = scenario
        youngLater.sectors[0].ageBands = [1, 0, 0, 0, 0]
        let inputs = ReplicationInputs(scenario: scenario, replication: 0)
        let real = ClaimBuilder(scenario: scenario, inputs: inputs, clock: second.clock, hiredEarlier: second.hiredEarlier)
        let young = ClaimBuilder(scenario: youngLater, inputs: inputs, clock: second.clock)
        var differ = 0
        for k in 0..<200 {
            for (hireDay, carried) in [(100, true), (200, false)] {
                let event = AccidentEvent(
                    person: StreamKey(seed: UInt64(k)), day: 250, province: 0, platform: 0, severity: .grade1, daysOff: 0,
                    hireDay: Int32(hireDay))
                let x = real.claim(for: event, month: 2)
                let y = young.claim(for: event, month: 2)
                guard x.recognised else { continue }
                let same = x.schedule.fundPayments.map(\.amount) == y.schedule.fundPayments.map(\.amount)
                if carried { #expect(same, "person \(k) hired before the cut") } else if !same { differ += 1 }
            }
        }
        #expect(differ > 100, "a person hired after the cut is of the later phase's ages")
    }

    /// A holder a later phase finds at work (hired before the cut) retires by the ages the claim
    /// builder gives them, the earlier phase's: the earlier food-delivery hires are 18–19, so none
    /// has reached retirement and none is drawn again (the later phase's 50–59 bands would make
    /// many of them retired already and redrawn).
    @Test func aHolderFoundAtTheCutRetiresByTheEarlierPhasesAges() throws {
        let (_, later, scenario) = try Self.chain()
        let inputs = ReplicationInputs(scenario: scenario, replication: 0)
        var checked = 0
        for index in later.plans.indices {
            let state = later.shardState(index: index, inputs: inputs)
            for segment in state.segments where segment.sector == 0 {
                var plain = later.hireProfile(inputs: inputs, sector: 0)
                plain.retirement = nil
                for i in segment.range.prefix(300) {
                    let slot = segment.key.child(UInt64(segment.firstSlot + i - segment.range.lowerBound))
                    let fresh = plain.initial(person: slot.child(0), takeUp: 0, startDay: later.clock.dayOffset)
                    #expect(state.workers[i].hireDay == fresh.hireDay)
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
        // With the later phase's own bands the same holders would be redrawn.
        let own = later.hireProfile(inputs: inputs, sector: 0)
        let state = later.shardState(index: 0, inputs: inputs)
        let segment = try #require(state.segments.first { $0.sector == 0 })
        var redrawn = 0
        for i in segment.range.prefix(300) {
            let slot = segment.key.child(UInt64(segment.firstSlot + i - segment.range.lowerBound))
            if own.initial(person: slot.child(0), takeUp: 0, startDay: later.clock.dayOffset).hireDay != state.workers[i].hireDay { redrawn += 1 }
        }
        #expect(redrawn > 0)
    }
}
