import Foundation

/// Counter layout of a person's stream: `day << 6 | purpose`, so each day has 64 draws.
@usableFromInline package enum DrawPurpose: UInt64 {
    case works = 0, accidentClock = 1, severity = 2, recovery = 3
    case occasional = 8, shift = 9, tenure = 10, hireClock = 11, initialAge = 12
    /// Age and sex at hire, drawn on the hire day (read only when the person has an accident).
    case ageAtHire = 13, sex = 14
    /// Whether the person also works for another platform, drawn once when first insured.
    case multiPlatform = 15
    /// First counter used when building a claim (reporting delay, recognition, medical cost…).
    case claim = 32

    /// The counter for this purpose on `day`.
    @inlinable
    package func counter(day: Int) -> UInt64 {
        (UInt64(bitPattern: Int64(day)) << 6) | rawValue
    }
}
