import InjurySimCore

/// A replication's result as bytes, bit for bit, so an interrupted run can resume from the
/// replications it finished and end byte-identical to an uninterrupted one.
extension ReplicationResult {
    /// "ISR3": the layout below, little-endian (2: the metrics of the solvency verdict; 3: the
    /// platform books).
    static let magic: UInt32 = 0x3352_5349

    /// magic, replication, months, poolCount, sectorCount, the three array lengths, coveredWorkerDays,
    /// simulatedAccidents, adminCostShare bits, then monthly, incurredBySector bits, ordersBySector,
    /// then platformCount, platformMonthly and platformOpening.
    package func encoded() -> [UInt8] {
        var words: [UInt64] = [
            UInt64(Self.magic), UInt64(replication), UInt64(months), UInt64(poolCount), UInt64(sectorCount),
            UInt64(monthly.count), UInt64(incurredBySector.count), UInt64(ordersBySector.count),
            UInt64(bitPattern: coveredWorkerDays), UInt64(bitPattern: simulatedAccidents), adminCostShare.bitPattern
        ]
        words.reserveCapacity(words.count + monthly.count + incurredBySector.count + ordersBySector.count)
        words += monthly.map { UInt64(bitPattern: $0) }
        words += incurredBySector.map(\.bitPattern)
        words += ordersBySector.map { UInt64(bitPattern: $0) }
        words.append(UInt64(platformCount))
        words += platformMonthly.map { UInt64(bitPattern: $0) }
        words += platformOpening.map { UInt64(bitPattern: $0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 8)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return bytes
    }

    /// The result encoded in `bytes`, or nil when they are not a complete, consistent encoding.
    package init?(encoded bytes: [UInt8]) {
        guard bytes.count % 8 == 0, bytes.count >= 11 * 8 else { return nil }
        var words = [UInt64](repeating: 0, count: bytes.count / 8)
        for i in words.indices {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[i * 8 + k]) << UInt64(8 * k) }
            words[i] = word
        }
        // Dimensions below 2^20 keep every product below (months × pools × metrics) far from overflow.
        guard words[0] == UInt64(Self.magic), words[1...7].allSatisfy({ $0 < 1 << 40 }), words[2...4].allSatisfy({ $0 < 1 << 20 }) else {
            return nil
        }
        let (replication, months, pools, sectors) = (Int(words[1]), Int(words[2]), Int(words[3]), Int(words[4]))
        let (m, i, o) = (Int(words[5]), Int(words[6]), Int(words[7]))
        guard m == months * (pools + 1) * Metric.allCases.count, i == (pools + 1) * sectors, o == i, words.count > 11 + m + i + o,
            words[11 + m + i + o] < 1 << 20
        else { return nil }
        let platforms = Int(words[11 + m + i + o])
        let metrics = PlatformMetric.allCases.count
        let (pm, po) = (months * platforms * metrics, platforms * metrics)
        guard words.count == 12 + m + i + o + pm + po else { return nil }
        self.init(replication: replication, months: months, poolCount: pools, sectorCount: sectors, platformCount: platforms)
        coveredWorkerDays = Int64(bitPattern: words[8])
        simulatedAccidents = Int64(bitPattern: words[9])
        adminCostShare = Double(bitPattern: words[10])
        monthly = words[11..<(11 + m)].map { Int64(bitPattern: $0) }
        incurredBySector = words[(11 + m)..<(11 + m + i)].map { Double(bitPattern: $0) }
        ordersBySector = words[(11 + m + i)..<(11 + m + i + o)].map { Int64(bitPattern: $0) }
        let p = 12 + m + i + o
        platformMonthly = words[p..<(p + pm)].map { Int64(bitPattern: $0) }
        platformOpening = words[(p + pm)...].map { Int64(bitPattern: $0) }
    }

    /// True when this result has the shape a replication of `scenario` has (months, pools,
    /// sectors, platforms): a result read back from a checkpoint or a part must, before it is summarised.
    package func fits(_ scenario: Scenario) -> Bool {
        months == scenario.months && poolCount == scenario.poolCount && sectorCount == scenario.sectors.count
            && platformCount == scenario.platforms.count && isSummable
    }

    /// The largest magnitude a figure of a result of this shape may have: any sum of figures over
    /// its months, pools, sectors and platforms then stays inside 64 bits (a quarter of the range).
    /// A real replication stays far below it; a forged one above it is not used.
    package var figureLimit: Int64 {
        let spread = 4 * Int64(max(1, months)) * Int64(poolCount + 1) * Int64(max(1, sectorCount)) * Int64(max(1, platformCount))
        return Int64.max / spread
    }

    /// Every figure, whole or real, within ``figureLimit``, every real one finite and the
    /// administration share a share: values summaries can add up and convert without trapping.
    package var isSummable: Bool {
        let limit = figureLimit
        let inRange: (Int64) -> Bool = { $0 > -limit && $0 < limit }
        let realLimit = Double(limit)
        return monthly.allSatisfy(inRange) && ordersBySector.allSatisfy(inRange) && platformMonthly.allSatisfy(inRange)
            && platformOpening.allSatisfy(inRange) && inRange(coveredWorkerDays) && inRange(simulatedAccidents)
            && incurredBySector.allSatisfy { $0.isFinite && abs($0) < realLimit } && adminCostShare >= 0 && adminCostShare <= 1
    }
}
