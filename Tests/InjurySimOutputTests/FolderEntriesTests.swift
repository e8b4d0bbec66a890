import Foundation
import Testing

@testable import InjurySimOutput

/// Listing a folder (what the output folder's checks and the sweep of a killed run's leftovers
/// read): every name exactly, whatever its length, in a folder of thousands of entries — the names
/// read in place from readdir's records, which are packed at their own lengths.
@Suite struct FolderEntriesTests {
    @Test func everyNameIsListedExactlyWhateverItsLength() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-entries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // One name of each length from 1 to 255 (the longest a Linux name may be), hidden ones
        // among them, and 3,000 short ones so the records fill several of readdir's buffers.
        var expected: [String] = []
        for length in 1...255 {
            let stem = length % 7 == 0 ? "." : "n"
            let name = stem + String(repeating: String(UnicodeScalar(UInt8(97 + length % 26))), count: length - 1)
            if name == "." || name == ".." { continue }
            expected.append(name)
        }
        expected += (0..<3_000).map { "f\($0)" }
        for name in expected { #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil), "\(name)") }
        let listed = try POSIXFiles.entries(folder.path)
        #expect(listed.sorted() == expected.sorted())
        #expect(!listed.contains(".") && !listed.contains(".."))
    }
}
