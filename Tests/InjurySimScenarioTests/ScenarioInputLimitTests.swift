import Foundation
import Testing

@testable import InjurySimScenario

/// Scenario files are read with a size limit, never from devices, and parsed in linear time.
@Suite struct ScenarioInputLimitTests {
    @Test func devicesAndFoldersAreNotRead() {
        for path in ["/dev/zero", "/tmp"] {
            guard case .failure(let problem) = ScenarioLoader.read(path) else { Issue.record("read \(path)"); continue }
            #expect(problem.message == "is not a regular file")
        }
        guard case .failure(let missing) = ScenarioLoader.read("/nonexistent/x.json") else { Issue.record("read a missing file"); return }
        #expect(missing.message == "the file does not exist")
    }

    @Test func filesOverTheLimitAreRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-big-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(ScenarioLoader.maximumFileBytes + 1))  // sparse: no 16 MB written
        try handle.close()
        guard case .failure(let problem) = ScenarioLoader.read(url.path) else { Issue.record("read an oversized file"); return }
        #expect(problem.message.contains("at most 16777216"))
        #expect(throws: ScenarioError.self) { try ScenarioLoader.decode(bytes: [UInt8](repeating: 0x20, count: ScenarioLoader.maximumFileBytes + 1)) }
    }

    /// A 5 MB one-line file: the column counter scans each byte a bounded number of times
    /// (it rescanned the line for every value before, which took 81 s for 1 MB).
    @Test func columnsAreCountedInLinearTime() throws {
        var text = #"{"name": "big", "values": ["#
        let item = #"1.5, "ab", "#
        text += String(repeating: item, count: 5_000_000 / item.utf8.count) + "0]}"
        let bytes = Array(text.utf8)
        #expect(bytes.count >= 5_000_000)
        let (node, scanned) = try JSONCParser.parseCountingColumnWork(bytes)
        guard case .object(let members) = node.value, case .array(let items) = members[1].value.value else {
            Issue.record("not parsed as expected"); return
        }
        #expect(items.count > 900_000)
        #expect(items.last?.column == bytes.count - 2)
        #expect(scanned <= bytes.count, "scanned \(scanned) bytes to count columns of \(bytes.count)")
    }
}
