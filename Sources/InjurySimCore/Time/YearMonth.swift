/// A calendar month such as 2022-07. The model's clock counts months from the scenario's start.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year.
    package let year: Int
    /// The month of the year, 1…12.
    package let month: Int

    /// Creates a month; `month` must be 1…12.
    package init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// Parses "YYYY-MM"; returns nil for anything else.
    package init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let year = Int(parts[0]), let month = Int(parts[1]),
            (1900...2200).contains(year), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// "YYYY-MM".
    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }

    /// The month `count` months later (or earlier, if negative).
    package func adding(months count: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + count
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    /// Months from `other` to `self` (positive when `self` is later).
    public func months(since other: YearMonth) -> Int {
        (year * 12 + month) - (other.year * 12 + other.month)
    }

    /// Days in this month in the Gregorian calendar.
    package var dayCount: Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
