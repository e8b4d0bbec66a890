import InjurySimAnalysis
import Testing

/// Sizes and times are read and written as Slurm reads them: memory in powers of 1024 with M as
/// the unit when none is given; times in Slurm's six forms; requests rounded up, never down.
@Suite struct ClusterShapeTests {
    static let mebibyte = 1_048_576.0

    static let sizes: [(String, Double)] = [
        ("256G", 256 * 1024 * mebibyte), ("192000M", 192_000 * mebibyte), ("1024", 1024 * mebibyte), ("4K", 4096.0),
        ("1T", 1024 * 1024 * mebibyte), ("8g", 8 * 1024 * mebibyte)
    ]

    @Test(arguments: sizes)
    func memorySizesReadInSlurmUnits(text: String, bytes: Double) {
        #expect(ClusterShape.bytes(parsing: text) == bytes)
    }

    @Test(arguments: ["0", "0G", "G", "", "1.5G", "-1G", "12X", "1 G", "١٢G"])
    func memorySizesThatAreNotSlurmSizesAreRefused(text: String) {
        #expect(ClusterShape.bytes(parsing: text) == nil)
    }

    static let slurmTimes: [(String, Int)] = [
        ("90", 5400), ("1:30", 90), ("12:00:00", 43_200), ("2-00:00:00", 172_800), ("1-12", 129_600), ("1-0:30", 88_200), ("0-0:0:5", 5)
    ]

    @Test(arguments: slurmTimes)
    func timesReadInSlurmForms(text: String, seconds: Int) {
        #expect(ClusterShape.seconds(parsing: text) == seconds)
    }

    @Test(arguments: ["0", "", "1:2:3:4", "a", "1--2", "1-", "-5", "1:", "00:00:00", "1-1:2:3:4"])
    func timesThatAreNotSlurmTimesAreRefused(text: String) {
        #expect(ClusterShape.seconds(parsing: text) == nil)
    }

    static let times: [(Int, String)] = [
        (0, "00:00:00"), (1, "00:01:00"), (60, "00:01:00"), (61, "00:02:00"), (3600, "01:00:00"), (86_400, "1-00:00:00"), (90_061, "1-01:02:00")
    ]

    @Test(arguments: times)
    func timeRequestsRoundUpToWholeMinutes(seconds: Int, text: String) {
        #expect(ClusterShape.slurmTime(seconds: seconds) == text)
        // What is written reads back as at least the time asked for.
        if seconds > 0 { #expect((ClusterShape.seconds(parsing: text) ?? 0) >= seconds) }
    }

    static let requests: [(Double, String)] = [(1.0, "1M"), (mebibyte, "1M"), (mebibyte + 1, "2M"), (1100 * mebibyte - 1, "1100M")]

    @Test(arguments: requests)
    func memoryRequestsRoundUpToWholeMebibytes(bytes: Double, text: String) {
        #expect(ClusterShape.slurmMemory(bytes: bytes) == text)
    }
}
