import InjurySimCore
import InjurySimEngine
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// A checkpoint's files are untrusted: each replication's file carries its length and checksum,
/// and every damage is named before anything is loaded (issue 20, items 7 and 8).
@Suite struct CheckpointEntryTests {
    static let result: ReplicationResult = {
        var result = ReplicationResult(replication: 7, months: 2, poolCount: 1, sectorCount: 1, platformCount: 1)
        for index in result.monthly.indices { result.monthly[index] = Int64(index * 1_000 + 17) }
        result.coveredWorkerDays = 123_456
        return result
    }()

    enum Damage: String, CaseIterable {
        case none, flipPayloadBit, flipChecksumBit, truncate, extend, wrongMagic, hugeLength, unknownFormat, empty
    }

    static func damaged(_ damage: Damage) -> [UInt8] {
        var bytes = CheckpointEntry.encode(result)
        switch damage {
        case .none: break
        case .flipPayloadBit: bytes[bytes.count - 5] ^= 0x10
        case .flipChecksumBit: bytes[17] ^= 0x01
        case .truncate: bytes.removeLast(8)
        case .extend: bytes += [0, 0, 0, 0, 0, 0, 0, 0]
        case .wrongMagic: bytes[0] = UInt8(ascii: "X")
        case .hugeLength: bytes[15] = 0x7F
        case .unknownFormat: bytes[4] = 1
        case .empty: bytes = []
        }
        return bytes
    }

    static let expected: [Damage: CheckpointEntry.Problem?] = [
        .none: nil, .flipPayloadBit: nil, .flipChecksumBit: nil, .truncate: nil, .extend: nil,
        .wrongMagic: .notAnEntry, .hugeLength: nil, .unknownFormat: .unknownFormat(1), .empty: .notAnEntry
    ]

    @Test(arguments: Damage.allCases)
    func everyDamageIsNamedAndOnlyAnIntactFileLoads(damage: Damage) {
        let outcome = CheckpointEntry.decode(Self.damaged(damage))
        switch (damage, outcome) {
        case (.none, .success(let loaded)): #expect(loaded.encoded() == Self.result.encoded())
        case (.none, .failure(let problem)): Issue.record("an intact file was refused: \(problem)")
        case (_, .success): Issue.record("\(damage) was loaded")
        case (.flipPayloadBit, .failure(let problem)), (.flipChecksumBit, .failure(let problem)):
            guard case .checksum = problem else { Issue.record("\(damage): \(problem)"); return }
        case (.truncate, .failure(let problem)), (.extend, .failure(let problem)):
            guard case .wrongSize = problem else { Issue.record("\(damage): \(problem)"); return }
        case (.hugeLength, .failure(let problem)):
            guard case .tooLarge = problem else { Issue.record("\(damage): \(problem)"); return }
        case (_, .failure(let problem)): #expect(Self.expected[damage] == .some(problem), "\(damage): \(problem)")
        }
    }

    /// The size is judged from the header alone, before the payload is read.
    @Test func theHeaderAloneRefusesAFileOfTheWrongSize() {
        let bytes = CheckpointEntry.encode(Self.result)
        let header = Array(bytes.prefix(24))
        #expect((try? CheckpointEntry.payloadLength(header: header, fileSize: bytes.count).get()) == bytes.count - 24)
        #expect((try? CheckpointEntry.payloadLength(header: header, fileSize: 3 << 30).get()) == nil)
    }

    @Test func theHeaderCarriesTheProgramVersionAndTheOwner() throws {
        let header = try #require(Checkpoint.parseHeader(Array(Checkpoint.headerJSON("run smoke.json | fnv1a64:0").utf8)))
        #expect(header.key == "run smoke.json | fnv1a64:0")
        #expect(header.programVersion == ProgramVersion.current)
        #expect(header.formatVersion == Checkpoint.formatVersion)
        #expect(header.pid > 0)
        #expect(Checkpoint.parseHeader(Array(#"{"generator": "someone else", "command": "x"}"#.utf8)) == nil)
        #expect(Checkpoint.parseHeader(Array("not json".utf8)) == nil)
    }

    @Test(arguments: [
        ("call0-job0.bin", true), ("call12-job345.bin", true), ("call0-job0.bin.part", false), ("call-job0.bin", false),
        ("callx-job0.bin", false), ("call0-jobs0.bin", false), ("call0-job0-job1.bin", false), ("notes.txt", false), ("../x.bin", false)
    ])
    func onlyTheCheckpointsOwnNamesAreEntries(name: String, isEntry: Bool) {
        #expect(Checkpoint.isEntryName(name) == isEntry)
    }

    @Test func aReportPageIsRecognisedByItsGeneratorMark() {
        let page = HTMLPage.render(title: "t", language: .en, body: "<p>x</p>")
        #expect(ReportPageFile.isOurs(head: Array(page.utf8)))
        #expect(!ReportPageFile.isOurs(head: Array(#"{ "name": "smoke" }"#.utf8)))
        #expect(!ReportPageFile.isOurs(head: Array(("<html>" + String(repeating: " ", count: 2000) + HTMLPage.generatorMeta).utf8)))
    }
}
