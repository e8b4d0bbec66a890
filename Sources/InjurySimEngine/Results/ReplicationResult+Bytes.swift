import InjurySimCore

/// A replication's result as bytes, bit for bit, so an interrupted run can resume from the
/// replications it finished and end byte-identical to an uninterrupted one.
extension ReplicationResult {
    /// "ISR4": the layout below, little-endian (2: the metrics of the solvency verdict; 3: the
    /// platform books; 4: the discount rate and the opening reserves of the financing methods).
    static let magic: UInt32 = 0x3452_5349

    /// Words before the monthly figures: magic, replication, months, poolCount, sectorCount, the
    /// three array lengths, coveredWorkerDays, simulatedAccidents, adminCostShare bits,
    /// discountRatePerYear bits.
    static let headerWords = 12

    /// The header (``headerWords``), then monthly, incurredBySector bits, ordersBySector, then
    /// platformCount, platformMonthly and platformOpening, then openingReserve (poolCount + 1).
    package func encoded() -> [UInt8] {
        var words: [UInt64] = [
            UInt64(Self.magic), UInt64(replication), UInt64(months), UInt64(poolCount), UInt64(sectorCount),
            UInt64(monthly.count), UInt64(incurredBySector.count), UInt64(ordersBySector.count),
            UInt64(bitPattern: coveredWorkerDays), UInt64(bitPattern: simulatedAccidents), adminCostShare.bitPattern,
            discountRatePerYear.bitPattern
        ]
        words.reserveCapacity(words.count + monthly.count + incurredBySector.count + ordersBySector.count)
        words += monthly.map { UInt64(bitPattern: $0) }
        words += incurredBySector.map(\.bitPattern)
        words += ordersBySector.map { UInt64(bitPattern: $0) }
        words.append(UInt64(platformCount))
        words += platformMonthly.map { UInt64(bitPattern: $0) }
        words += platformOpening.map { UInt64(bitPattern: $0) }
        words += openingReserve.map { UInt64(bitPattern: $0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 8)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    /// Bytes of ``encoded()`` for a result of these dimensions: what a replication file of a
    /// part must hold for its scenario, checked before the file is read.
    package static func encodedSize(months: Int, poolCount: Int, sectorCount: Int, platformCount: Int) -> Int {
        let metrics = PlatformMetric.allCases.count
        let words = headerWords + 1 + months * (poolCount + 1) * Metric.allCases.count + 2 * (poolCount + 1) * sectorCount
        return 8 * (words + months * platformCount * metrics + platformCount * metrics + poolCount + 1)
    }

    /// `factors` multiplied, or nil when the product does not fit in an `Int`.
    static func product(_ factors: Int...) -> Int? {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = next
        }
        return result
    }

    /// The result encoded in `bytes`, or nil when they are not a complete, consistent encoding.
    package init?(encoded bytes: [UInt8]) {
        let h = Self.headerWords
        guard bytes.count % 8 == 0, bytes.count >= h * 8 else { return nil }
        var words = [UInt64](repeating: 0, count: bytes.count / 8)
        for i in words.indices {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[i * 8 + k]) << UInt64(8 * k) }
            words[i] = word
        }
        guard words[0] == UInt64(Self.magic), words[1...7].allSatisfy({ $0 < 1 << 40 }) else { return nil }
        let (replication, months, pools, sectors) = (Int(words[1]), Int(words[2]), Int(words[3]), Int(words[4]))
        let (m, i, o) = (Int(words[5]), Int(words[6]), Int(words[7]))
        // The header's words are each below 2^40, so their products can overflow Int (a trap on
        // a hostile part's file): a product that does not fit, or exceeds the file, is no valid encoding.
        guard let monthlyCount = Self.product(months, pools + 1, Metric.allCases.count), let sectorCells = Self.product(pools + 1, sectors),
            m == monthlyCount, i == sectorCells, o == i, words.count > h + m + i + o, words[h + m + i + o] < 1 << 20
        else { return nil }
        let platforms = Int(words[h + m + i + o])
        let metrics = PlatformMetric.allCases.count
        guard let pm = Self.product(months, platforms, metrics), pm <= words.count else { return nil }
        let po = platforms * metrics
        let p = h + 1 + m + i + o
        guard words.count == p + pm + po + pools + 1 else { return nil }
        self.init(replication: replication, months: months, poolCount: pools, sectorCount: sectors, platformCount: platforms)
        coveredWorkerDays = Int64(bitPattern: words[8])
        simulatedAccidents = Int64(bitPattern: words[9])
        adminCostShare = Double(bitPattern: words[10])
        discountRatePerYear = Double(bitPattern: words[11])
        monthly = words[h..<(h + m)].map { Int64(bitPattern: $0) }
        incurredBySector = words[(h + m)..<(h + m + i)].map { Double(bitPattern: $0) }
        ordersBySector = words[(h + m + i)..<(h + m + i + o)].map { Int64(bitPattern: $0) }
        platformMonthly = words[p..<(p + pm)].map { Int64(bitPattern: $0) }
        platformOpening = words[(p + pm)..<(p + pm + po)].map { Int64(bitPattern: $0) }
        openingReserve = words[(p + pm + po)...].map { Int64(bitPattern: $0) }
    }

    /// True when this result has the shape a replication of `scenario` has (months, pools,
    /// sectors, platforms): a result read back from a checkpoint or a part must, before it is summarised.
    package func fits(_ scenario: Scenario) -> Bool {
        months == scenario.months && poolCount == scenario.poolCount && sectorCount == scenario.sectors.count
            && platformCount == scenario.platforms.count && isSummable
    }

    /// The largest magnitude a series of a result may reach, summed over its months: an eighth
    /// of the Int64 range (a quarter of ``MoneyRange/limitFen``). The summaries add a series over
    /// the months and a few series together in Int64; within this bound they cannot overflow,
    /// however hostile the file (a checksum is no secret: anyone can make one match). A run holds
    /// its own results to the same bound: a replication whose series pass it ends with a
    /// ``MoneyOverflow`` (``MonthRecorder/checkedFinished(sampleFractions:)``).
    package static let seriesLimit = MoneyRange.limitFen / 4

    /// Every figure within what the summaries can add up: the checks of ``outOfRangeFigure``.
    package var isSummable: Bool { outOfRangeFigure == nil }

    /// What in this result no run of a scenario can hold — a series whose magnitudes, summed over
    /// the months, exceed ``seriesLimit``, a count beyond it, or a real number that is not finite —
    /// in words; nil when every figure is within range. A result read back from a part or a
    /// checkpoint is used only when this is nil.
    package var outOfRangeFigure: String? {
        let limit = Self.seriesLimit
        func magnitude(_ values: [Int64]) -> Double { values.reduce(0) { $0 + abs(Double($1)) } }
        let series = (poolCount + 1) * Metric.allCases.count
        for index in 0..<series {
            let values = stride(from: index, to: monthly.count, by: series).map { monthly[$0] }
            if magnitude(values) > limit { return "a monthly series beyond \(limit) fen" }
        }
        let platformSeries = platformCount * PlatformMetric.allCases.count
        for index in 0..<platformSeries {
            let values = stride(from: index, to: platformMonthly.count, by: platformSeries).map { platformMonthly[$0] }
            if magnitude(values) + abs(Double(platformOpening[index])) > limit { return "a platform's series beyond \(limit)" }
        }
        let counts = ordersBySector + [coveredWorkerDays, simulatedAccidents]
        if counts.contains(where: { abs(Double($0)) > limit }) { return "a count beyond \(limit)" }
        if openingReserve.contains(where: { abs(Double($0)) > limit }) { return "an opening reserve beyond \(limit) fen" }
        if !(incurredBySector + [adminCostShare]).allSatisfy(\.isFinite) { return "a cost that is not a finite number" }
        if !(discountRatePerYear.isFinite && discountRatePerYear > -1) { return "a discount rate that is not a finite rate above −100%" }
        return nil
    }
}
