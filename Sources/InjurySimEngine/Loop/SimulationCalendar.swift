import InjurySimCore

/// First day (from the scenario start) of every month, plus the day after the horizon.
package struct SimulationCalendar: Sendable {
    package let start: YearMonth
    package let firstDays: [Int]

    package init(start: YearMonth, months: Int) {
        self.start = start
        var days = [0]
        for m in 0..<months { days.append(days[m] + start.adding(months: m).dayCount) }
        firstDays = days
    }

    /// The month index containing `day`, or `firstDays.count - 1` (the horizon) when past it.
    package func month(ofDay day: Int) -> Int {
        var low = 0
        var high = firstDays.count - 1
        if day >= firstDays[high] { return high }
        while high - low > 1 {
            let mid = (low + high) / 2
            if firstDays[mid] <= day { low = mid } else { high = mid }
        }
        return low
    }
}
