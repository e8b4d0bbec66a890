/// A replication's headline figures as bytes, bit for bit (NaN and nil included), so the parts
/// of a sharded `compare` carry what its merge needs: 17 little-endian 64-bit words.
extension ReplicationMetrics {
    /// "ISM1".
    static let magic: UInt64 = 0x314D_5349
    /// Bytes per encoded value.
    package static let encodedSize = 17 * 8

    /// magic, flags (ruined, anyPoolRuined, insolventAtEnd, has first shortfall, has first
    /// insolvency, has funded ratio), first shortfall month, first insolvent month, then the
    /// doubles' bits in declaration order, the funded ratio last.
    package func encoded() -> [UInt8] {
        let flags = [ruined, anyPoolRuined, insolventAtEnd, firstShortfallMonth != nil, firstInsolventMonth != nil, fundedRatioAtEnd != nil]
            .enumerated().reduce(UInt64(0)) { $0 | ($1.element ? 1 << UInt64($1.offset) : 0) }
        let doubles = [
            worstDeficit, lowestNetPosition, contributions, contributionsBooked, benefitsPaid, lossRatio, incurredLossRatio,
            liabilitiesAtEnd, ibnrAtEnd, borrowing, netPositionAtEnd, solvencyPositionAtEnd, fundedRatioAtEnd ?? 0
        ]
        let words = [Self.magic, flags, UInt64(firstShortfallMonth ?? 0), UInt64(firstInsolventMonth ?? 0)] + doubles.map(\.bitPattern)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.encodedSize)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    /// The figures encoded in `bytes` (exactly ``encodedSize`` of them), or nil.
    package init?<Bytes: Collection>(encoded bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == Self.encodedSize else { return nil }
        let start = bytes.startIndex
        let words = (0..<17).map { i in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + i * 8 + $1]) << UInt64(8 * $1) } }
        guard words[0] == Self.magic, words[1] < 1 << 6, words[2] < 1 << 31, words[3] < 1 << 31 else { return nil }
        func flag(_ bit: Int) -> Bool { words[1] & (1 << UInt64(bit)) != 0 }
        func d(_ word: Int) -> Double { Double(bitPattern: words[word]) }
        ruined = flag(0)
        anyPoolRuined = flag(1)
        insolventAtEnd = flag(2)
        firstShortfallMonth = flag(3) ? Int(words[2]) : nil
        firstInsolventMonth = flag(4) ? Int(words[3]) : nil
        fundedRatioAtEnd = flag(5) ? d(16) : nil
        (worstDeficit, lowestNetPosition, contributions, contributionsBooked) = (d(4), d(5), d(6), d(7))
        (benefitsPaid, lossRatio, incurredLossRatio, liabilitiesAtEnd) = (d(8), d(9), d(10), d(11))
        (ibnrAtEnd, borrowing, netPositionAtEnd, solvencyPositionAtEnd) = (d(12), d(13), d(14), d(15))
    }
}
