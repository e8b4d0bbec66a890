import Foundation
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// Every input the part fuzzer (Fuzz/Sources/PartFuzzer) found to crash the merge, replayed as
/// the harness runs it: each must now be refused with a `PartError` naming a part (or merge).
@Suite struct PartFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes-found")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".part") }.sorted()
    }

    @Test func theCrashFolderHoldsThePartReproducers() {
        #expect(Self.cases.count >= 4)
    }

    /// The harness's framing: an optional flag byte (bit 0: write the files' real sizes and
    /// checksums into the manifests), then sections "\n@@ K/NAME\n" + the file's bytes.
    static func frame(_ input: [UInt8]) -> (fixSizes: Bool, parts: [Int: [String: [UInt8]]]) {
        let marker = Array("\n@@ ".utf8)
        var starts: [Int] = []
        var index = 0
        while index + marker.count <= input.count {
            if input[index..<(index + marker.count)].elementsEqual(marker) {
                starts.append(index)
                index += marker.count
            } else {
                index += 1
            }
        }
        let fixSizes = (starts.first ?? input.count) > 0 && (input.first ?? 0) & 1 == 1
        var parts: [Int: [String: [UInt8]]] = [:]
        for (n, start) in starts.enumerated() {
            let body = input[(start + marker.count)..<(n + 1 < starts.count ? starts[n + 1] : input.count)]
            guard let newline = body.firstIndex(of: 0x0A) else { continue }
            let pieces = String(decoding: body[body.startIndex..<newline], as: UTF8.self).split(separator: "/", maxSplits: 1)
            guard pieces.count == 2, let part = Int(pieces[0]), (1...4).contains(part) else { continue }
            parts[part, default: [:]][String(pieces[1])] = Array(body[(newline + 1)...])
        }
        return (fixSizes, parts)
    }

    @Test(arguments: cases) func aCrashFoundByThePartFuzzerIsRefused(_ name: String) throws {
        let framed = Self.frame([UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name))))
        var parts: [PartMerge.Part] = []
        do throws(PartError) {
            for number in framed.parts.keys.sorted() {
                let files = framed.parts[number] ?? [:]
                var manifest = try PartManifest(parsing: files["manifest.json"] ?? [], part: "parts/\(number)")
                for (index, entry) in manifest.files.enumerated() where framed.fixSizes {
                    guard let bytes = files[entry.name] else { continue }
                    manifest.files[index].bytes = bytes.count
                    manifest.files[index].checksum = ScenarioLoader.contentHash(bytes)
                }
                parts.append(PartMerge.Part(label: "parts/\(number)", manifest: manifest) { files[$0] })
            }
            switch parts.first?.manifest.command {
            case "compare", "sweep", "sensitivity": _ = try PartMerge.mergeVariants(parts)
            case "solve": _ = try PartMerge.mergeSolve(parts)
            default: _ = try PartMerge.merge(parts)
            }
            Issue.record("\(name) merged; it holds a hostile part")
        } catch {
            #expect(error.kind == .data)
            #expect(error.description.contains("part parts/"), "\(error.description)")
        }
    }
}
