import Foundation

/// An accident that happened to a covered worker, as the shard reports it at the month barrier.
@usableFromInline package struct AccidentEvent: Sendable, Equatable {
    /// The injured person's stream: claim details are drawn from it.
    package var person: StreamKey
    @usableFromInline package var day: Int32
    package var province: Int32
    package var platform: Int32
    package var severity: Severity
    /// Days off work (0 when the person never returns).
    package var daysOff: Int32
    /// The day the person was hired (before day 0 for the initial population): with the
    /// person's stream it gives the age and sex at hire.
    package var hireDay: Int32 = 0

    package init(person: StreamKey, day: Int32, province: Int32, platform: Int32, severity: Severity, daysOff: Int32, hireDay: Int32 = 0) {
        self.person = person
        self.day = day
        self.province = province
        self.platform = platform
        self.severity = severity
        self.daysOff = daysOff
        self.hireDay = hireDay
    }
}
