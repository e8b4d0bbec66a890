/// Money in fen (1 yuan = 100 fen). Integer arithmetic traps on overflow, so a broken
/// invariant stops the run instead of silently wrapping.
package typealias Fen = Int64

/// Conversions between yuan (doubles in scenario files) and fen (integers in the model).
package enum Money {
    /// Rounds an amount in yuan to the nearest fen (half away from zero; without the C
    /// library's `round`, ``PortableMath/roundedInt(_:)``).
    @inlinable
    package static func fen(yuan: Double) -> Fen {
        Fen(PortableMath.roundedInt(yuan * 100))
    }

    /// Rounds an amount in fen held as a double to whole fen.
    @inlinable
    package static func fen(_ amount: Double) -> Fen {
        Fen(PortableMath.roundedInt(amount))
    }
}
