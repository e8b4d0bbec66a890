import InjurySimCore

/// One phase's place on its chain's clock (a scenario that continues none is a chain of one).
///
/// Inside a phase, month indices count from the phase's start (results, ledgers, schedules);
/// everything that must be the same world whichever phase runs it counts from the chain's start:
/// worker days and every draw keyed by a day, order draws and random shock arrivals keyed by a
/// month, the growth of orders per hour, medical inflation, the wage base's year. A claim's
/// report month is found on the chain's calendar, so a claim reported after the cut is reported
/// in its own month of the later phase (claims reported after the chain's horizon are reported
/// at it, as in a single run).
package struct ChainClock: Sendable {
    package let chainStart: YearMonth
    /// Months and days from the chain's start to this phase's start.
    package let monthOffset: Int
    package let dayOffset: Int
    /// Months from the chain's start to its horizon (the last phase's end).
    package let chainMonths: Int
    /// The chain's calendar from its start to its horizon.
    package let calendar: SimulationCalendar

    package init(chainStart: YearMonth, phaseStart: YearMonth, months: Int, chainEnd: YearMonth) {
        self.chainStart = chainStart
        monthOffset = phaseStart.months(since: chainStart)
        chainMonths = chainEnd.months(since: chainStart)
        precondition(monthOffset >= 0 && monthOffset + months <= chainMonths, "a phase lies inside its chain")
        calendar = SimulationCalendar(start: chainStart, months: chainMonths)
        dayOffset = calendar.firstDays[monthOffset]
    }

    /// A phase that continues none: its own clock.
    package init(start: YearMonth, months: Int) {
        self.init(chainStart: start, phaseStart: start, months: months, chainEnd: start.adding(months: months))
    }

    /// The phase's month index (possibly at or past its horizon) in which chain day `day` falls,
    /// at most the chain's horizon.
    package func phaseMonth(ofDay day: Int) -> Int { calendar.month(ofDay: day) - monthOffset }
}
