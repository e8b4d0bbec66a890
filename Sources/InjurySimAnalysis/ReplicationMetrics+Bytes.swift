/// A replication's headline figures as bytes, bit for bit (NaN and nil included), so the parts
/// of a sharded `compare`, `sweep` or `sensitivity` carry what its merge needs: 19 + months
/// little-endian 64-bit words.
extension ReplicationMetrics {
    /// "ISM2" (ISM1, without the break-even rate and the monthly net positions, is no longer read).
    static let magic: UInt64 = 0x324D_5349
    /// Words before the monthly net positions.
    static let fixedWords = 19

    /// Bytes of one encoded value over `months` months.
    package static func encodedSize(months: Int) -> Int { 8 * (fixedWords + months) }

    /// magic, flags (ruined, anyPoolRuined, insolventAtEnd, has first shortfall, has first
    /// insolvency, has funded ratio), first shortfall month, first insolvent month, then the
    /// doubles' bits in declaration order, the funded ratio, the break-even rate, the number of
    /// months and each month's net position.
    package func encoded() -> [UInt8] {
        let flags = [ruined, anyPoolRuined, insolventAtEnd, firstShortfallMonth != nil, firstInsolventMonth != nil, fundedRatioAtEnd != nil]
            .enumerated().reduce(UInt64(0)) { $0 | ($1.element ? 1 << UInt64($1.offset) : 0) }
        let doubles = [
            worstDeficit, lowestNetPosition, contributions, contributionsBooked, benefitsPaid, lossRatio, incurredLossRatio,
            liabilitiesAtEnd, ibnrAtEnd, borrowing, netPositionAtEnd, solvencyPositionAtEnd, fundedRatioAtEnd ?? 0, breakEvenRate
        ]
        let words =
            [Self.magic, flags, UInt64(firstShortfallMonth ?? 0), UInt64(firstInsolventMonth ?? 0)] + doubles.map(\.bitPattern)
            + [UInt64(netPositionByMonth.count)] + netPositionByMonth.map(\.bitPattern)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * words.count)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    /// The figures encoded in `bytes` (exactly ``encodedSize(months:)`` of them, for the months
    /// the value itself states), or nil.
    package init?<Bytes: Collection>(encoded bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count >= Self.encodedSize(months: 0), bytes.count % 8 == 0 else { return nil }
        let start = bytes.startIndex
        func word(_ i: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + i * 8 + $1]) << UInt64(8 * $1) } }
        let words = (0..<Self.fixedWords).map(word)
        guard words[0] == Self.magic, words[1] < 1 << 6, words[2] < 1 << 31, words[3] < 1 << 31, words[18] < 1 << 31,
            bytes.count == Self.encodedSize(months: Int(words[18]))
        else { return nil }
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
        breakEvenRate = d(17)
        netPositionByMonth = (0..<Int(words[18])).map { Double(bitPattern: word(Self.fixedWords + $0)) }
    }

    /// `count` values encoded one after another in `bytes` (each its own months long), or nil
    /// unless they fill `bytes` exactly.
    package static func decodeSequence(_ bytes: ArraySlice<UInt8>, count: Int) -> [ReplicationMetrics]? {
        var values: [ReplicationMetrics] = []
        var offset = bytes.startIndex
        for _ in 0..<count {
            let monthsWord = offset + 8 * (fixedWords - 1)
            guard monthsWord + 8 <= bytes.endIndex else { return nil }
            let months = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[monthsWord + $1]) << UInt64(8 * $1) }
            guard months < 1 << 31, offset + encodedSize(months: Int(months)) <= bytes.endIndex,
                let value = ReplicationMetrics(encoded: bytes[offset..<(offset + encodedSize(months: Int(months)))])
            else { return nil }
            values.append(value)
            offset += encodedSize(months: Int(months))
        }
        return offset == bytes.endIndex ? values : nil
    }
}
