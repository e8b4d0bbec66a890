import InjurySimCore

/// Where in a result a figure left the exact range, by index: month of the phase, pool (or the
/// total row, `poolCount`) or platform. ``MonthRecorder`` turns it into a ``MoneyOverflow``
/// with the calendar month and the names.
struct OverflowSite: Error {
    enum Place {
        case pool(Int)
        case platform(Int)
    }

    var figure: String
    var month: Int
    var place: Place
}
