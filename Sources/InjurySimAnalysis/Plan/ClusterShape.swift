/// The nodes a study is planned for, as `injurysim plan` is told them: cores and memory per
/// node, the scheduler's largest array and its wall-clock limit. Sizes and times are read and
/// written in Slurm's notation (`--mem`, `--time`).
package struct ClusterShape: Sendable, Equatable {
    package var coresPerNode: Int
    /// Bytes of memory a job may use on one node.
    package var memoryPerNode: Double
    /// Slurm's MaxArraySize: an array's indices run from 0 to MaxArraySize − 1 (default 1001).
    package var maxArraySize: Int
    /// The partition's wall-clock limit, in seconds.
    package var wallLimit: Int

    package static let defaultMaxArraySize = 1001

    package init(coresPerNode: Int, memoryPerNode: Double, maxArraySize: Int = Self.defaultMaxArraySize, wallLimit: Int) {
        self.coresPerNode = coresPerNode
        self.memoryPerNode = memoryPerNode
        self.maxArraySize = maxArraySize
        self.wallLimit = wallLimit
    }

    private static let mebibyte = 1_048_576.0

    /// Bytes of a Slurm memory size: a whole number with an optional unit K, M, G or T (powers
    /// of 1024; no unit means M, as for `--mem`). Nil for anything else or zero.
    package static func bytes(parsing text: String) -> Double? {
        var digits = Substring(text)
        var scale = mebibyte
        if let last = digits.last, !last.isNumber {
            switch last.uppercased() {
            case "K": scale = 1024
            case "M": scale = mebibyte
            case "G": scale = mebibyte * 1024
            case "T": scale = mebibyte * 1024 * 1024
            default: return nil
            }
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits), number > 0 else { return nil }
        return Double(number) * scale
    }

    /// Seconds of a Slurm time: `minutes`, `minutes:seconds`, `hours:minutes:seconds`,
    /// `days-hours`, `days-hours:minutes` or `days-hours:minutes:seconds`. Nil for anything else
    /// or zero.
    package static func seconds(parsing text: String) -> Int? {
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard dayParts.count <= 2 else { return nil }
        let clock = dayParts[dayParts.count - 1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count <= 3 else { return nil }
        var values: [Int] = []
        for part in clock {
            guard let value = number(part) else { return nil }
            values.append(value)
        }
        var total: Int
        if dayParts.count == 2 {
            guard let days = number(dayParts[0]) else { return nil }
            // days-hours[:minutes[:seconds]]
            let units = [3600, 60, 1]
            total = days * 86_400
            for (value, unit) in zip(values, units) { total += value * unit }
        } else {
            // minutes, minutes:seconds, hours:minutes:seconds
            let units = values.count == 3 ? [3600, 60, 1] : [60, 1]
            total = zip(values, units).reduce(0) { $0 + $1.0 * $1.1 }
        }
        return total > 0 ? total : nil
    }

    /// A Slurm time for `seconds`, rounded up to whole minutes: `HH:MM:00`, or `D-HH:MM:00` from a day.
    package static func slurmTime(seconds: Int) -> String {
        let minutes = (max(0, seconds) + 59) / 60
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return (days > 0 ? "\(days)-" : "") + "\(two(hours)):\(two(rest)):00"
    }

    /// A Slurm memory size for `bytes`, in whole mebibytes rounded up: `1100M`.
    package static func slurmMemory(bytes: Double) -> String {
        "\(mebibytes(bytes))M"
    }

    /// `bytes` in whole mebibytes, rounded up.
    package static func mebibytes(_ bytes: Double) -> Int { Int((bytes / mebibyte).rounded(.up)) }
}
