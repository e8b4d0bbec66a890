/// A replication's headline figures as bytes, bit for bit (NaN and nil included), so the parts
/// of a sharded `compare`, `sweep` or `sensitivity` carry what its merge needs: 28 + months +
/// years little-endian 64-bit words.
extension ReplicationMetrics {
    /// "ISM3" (ISM1 and ISM2, without the financing figures, are no longer read).
    static let magic: UInt64 = 0x334D_5349
    /// Words before the monthly net positions.
    static let fixedWords = 28

    /// Bytes of one encoded value over `months` months touching `years` calendar years.
    package static func encodedSize(months: Int, years: Int) -> Int { 8 * (fixedWords + months + years) }

    /// magic, flags (ruined, anyPoolRuined, insolventAtEnd, has first shortfall, has first
    /// insolvency, has funded ratio), first shortfall month, first insolvent month, then the
    /// doubles' bits in declaration order, the funded ratio, the break-even rate, the number of
    /// months; the financing figures' first year, number of years and seven doubles (last
    /// year's cost rate, rate charged and terminal rate, the capital shortfall, the general
    /// average premium, the actuarial balance, the reserve target); each month's net position;
    /// each year's reserve in months of spending.
    package func encoded() -> [UInt8] {
        let flags = [ruined, anyPoolRuined, insolventAtEnd, firstShortfallMonth != nil, firstInsolventMonth != nil, fundedRatioAtEnd != nil]
            .enumerated().reduce(UInt64(0)) { $0 | ($1.element ? 1 << UInt64($1.offset) : 0) }
        let f = financing
        let doubles = [
            worstDeficit, lowestNetPosition, contributions, contributionsBooked, benefitsPaid, lossRatio, incurredLossRatio,
            liabilitiesAtEnd, ibnrAtEnd, borrowing, netPositionAtEnd, solvencyPositionAtEnd, fundedRatioAtEnd ?? 0, breakEvenRate
        ]
        let words =
            [Self.magic, flags, UInt64(firstShortfallMonth ?? 0), UInt64(firstInsolventMonth ?? 0)] + doubles.map(\.bitPattern)
            + [UInt64(netPositionByMonth.count)]
            + [UInt64(bitPattern: Int64(f.firstYear)), UInt64(f.reserveMonthsByYear.count)]
            + [
                f.costRateLastYear, f.rateChargedLastYear, f.terminalRateLastYear, f.capitalShortfallAtEnd, f.generalAveragePremium,
                f.actuarialBalance, f.reserveTargetMonths
            ].map(\.bitPattern)
            + netPositionByMonth.map(\.bitPattern) + f.reserveMonthsByYear.map(\.bitPattern)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * words.count)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    /// The figures encoded in `bytes` (exactly ``encodedSize(months:years:)`` of them, for the months and years
    /// the value itself states), or nil.
    package init?<Bytes: Collection>(encoded bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count >= Self.encodedSize(months: 0, years: 0), bytes.count % 8 == 0 else { return nil }
        let start = bytes.startIndex
        func word(_ i: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + i * 8 + $1]) << UInt64(8 * $1) } }
        let words = (0..<Self.fixedWords).map(word)
        guard words[0] == Self.magic, words[1] < 1 << 6, words[2] < 1 << 31, words[3] < 1 << 31, words[18] < 1 << 31,
            words[20] < 1 << 31, bytes.count == Self.encodedSize(months: Int(words[18]), years: Int(words[20]))
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
        let months = Int(words[18])
        netPositionByMonth = (0..<months).map { Double(bitPattern: word(Self.fixedWords + $0)) }
        financing = FinancingFigures(
            firstYear: Int(Int64(bitPattern: words[19])),
            reserveMonthsByYear: (0..<Int(words[20])).map { Double(bitPattern: word(Self.fixedWords + months + $0)) },
            costRateLastYear: d(21), rateChargedLastYear: d(22), terminalRateLastYear: d(23), capitalShortfallAtEnd: d(24),
            generalAveragePremium: d(25), actuarialBalance: d(26), reserveTargetMonths: d(27))
    }

    /// `count` values encoded one after another in `bytes` (each its own months and years long), or nil
    /// unless they fill `bytes` exactly.
    package static func decodeSequence(_ bytes: ArraySlice<UInt8>, count: Int) -> [ReplicationMetrics]? {
        var values: [ReplicationMetrics] = []
        var offset = bytes.startIndex
        for _ in 0..<count {
            guard offset + 8 * fixedWords <= bytes.endIndex else { return nil }
            func word(_ i: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + 8 * i + $1]) << UInt64(8 * $1) } }
            let months = word(18), years = word(20)
            guard months < 1 << 31, years < 1 << 31 else { return nil }
            let size = encodedSize(months: Int(months), years: Int(years))
            guard offset + size <= bytes.endIndex, let value = ReplicationMetrics(encoded: bytes[offset..<(offset + size)]) else { return nil }
            values.append(value)
            offset += size
        }
        return offset == bytes.endIndex ? values : nil
    }
}
