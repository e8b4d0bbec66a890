import Foundation
import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// A results folder is replaced only when it is empty or injurysim's own; everything else is
/// refused before simulating and left exactly as it was.
@Suite struct OutputFolderTests {
    static let ourManifest = #"{"formatVersion": 1, "generator": "injurysim", "files": ["summary.json", "manifest.json"]}"#

    /// A fresh temporary folder for one case.
    static func sandbox() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("injurysim-out-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    static func write(_ text: String, _ url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    }

    static func snapshot(_ root: URL) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let name = enumerator?.nextObject() as? String {
            let url = root.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            files[name] = isDirectory.boolValue ? "<dir>" : (try? String(contentsOf: url, encoding: .utf8)) ?? "<unreadable>"
        }
        return files
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files (path → text) to create inside the sandbox; a value "<dir>" makes an empty folder.
        var setup: [String: String]
        var out: String
        /// nil: the claim succeeds; otherwise a phrase the refusal must contain.
        var refusal: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty path", setup: [:], out: "", refusal: "path is empty"),
        Case(name: "root folder", setup: [:], out: "/", refusal: "root folder"),
        Case(
            name: "folder of sources", setup: ["src/main.swift": "print(1)"], out: "src", refusal: "no injurysim manifest.json (it holds main.swift)"),
        Case(
            name: "results parent with a README", setup: ["Results/README.md": "x", "Results/a/manifest.json": ourManifest],
            out: "Results", refusal: "no injurysim manifest.json"),
        Case(name: "parent via ..", setup: ["Results/README.md": "x"], out: "Results/sub/..", refusal: "no injurysim manifest.json"),
        Case(
            name: "manifest of another program",
            setup: ["r/manifest.json": #"{"formatVersion": 1, "generator": "other", "files": ["manifest.json"]}"#],
            out: "r", refusal: "not written by injurysim"),
        Case(
            name: "manifest of an unknown format",
            setup: ["r/manifest.json": #"{"formatVersion": 99, "generator": "injurysim", "files": ["manifest.json"]}"#],
            out: "r", refusal: "formatVersion this build does not know"),
        Case(name: "manifest that is not JSON", setup: ["r/manifest.json": "not json"], out: "r", refusal: "not an injurysim manifest"),
        Case(
            name: "manifest without files", setup: ["r/manifest.json": #"{"formatVersion": 1, "generator": "injurysim"}"#],
            out: "r", refusal: "does not list the files"),
        Case(
            name: "our folder with a user's file", setup: ["r/manifest.json": ourManifest, "r/summary.json": "{}", "r/notes.txt": "mine"],
            out: "r", refusal: "files injurysim did not write (notes.txt)"),
        Case(name: "our folder with a hidden file", setup: ["r/manifest.json": ourManifest, "r/.keep": ""], out: "r", refusal: "(.keep)"),
        Case(name: "a file in the way", setup: ["r": "plain file"], out: "r", refusal: "a file (not a folder) is in the way"),
        Case(name: "a file in the parent path", setup: ["f": "plain file"], out: "f/r", refusal: "is a file, not a folder"),
        Case(name: "absent folder", setup: [:], out: "new/deeper/r", refusal: nil),
        Case(name: "empty folder", setup: ["r": "<dir>"], out: "r", refusal: nil),
        Case(name: "our folder", setup: ["r/manifest.json": ourManifest, "r/summary.json": "{}"], out: "r", refusal: nil),
        Case(
            name: "policy command's folder",
            setup: ["r/manifest.json": #"{"formatVersion": 1, "generator": "injurysim sweep", "files": ["manifest.json"]}"#],
            out: "r", refusal: nil)
    ]

    static func build(_ setup: [String: String], in root: URL) {
        for (path, text) in setup {
            let url = root.appendingPathComponent(path)
            if text == "<dir>" {
                try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                write(text, url)
            }
        }
    }

    @Test(arguments: cases) func claimRefusesWhatIsNotOurs(_ c: Case) throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        Self.build(c.setup, in: root)
        let before = Self.snapshot(root)
        let out = c.out.isEmpty || c.out.hasPrefix("/") ? c.out : root.appendingPathComponent(c.out).path
        let folder: OutputFolder
        do throws(OutputError) {
            folder = try OutputFolder.claim(out)
        } catch {
            let expected = try #require(c.refusal, "refused \(c.out): \(error)")
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(Self.snapshot(root) == before, "a refused claim changed the sandbox")
            return
        }
        #expect(c.refusal == nil, "claimed \(c.out), expected a refusal containing '\(c.refusal ?? "")'")
        try folder.commit([("summary.json", "new"), ("manifest.json", Self.ourManifest)])
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.target.path).sorted()
        #expect(written == ["manifest.json", "summary.json"])
        #expect(try String(contentsOf: folder.target.appendingPathComponent("summary.json"), encoding: .utf8) == "new")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.target.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(".tmp-") }, "staging left behind: \(siblings)")
    }

    @Test func theWorkingFolderAndItsAncestorsAreNeverTargets() {
        #expect(OutputFolder.contains("/a/b", "/a/b"))
        #expect(OutputFolder.contains("/a", "/a/b/c"))
        #expect(OutputFolder.contains("/", "/a"))
        #expect(!OutputFolder.contains("/a/b", "/a/bc"))
        #expect(!OutputFolder.contains("/a/b/c", "/a/b"))
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        Self.build(["real/manifest.json": Self.ourManifest, "real/summary.json": "old"], in: root)
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        let folder = try OutputFolder.claim(link.path)
        try folder.commit([("summary.json", "new"), ("manifest.json", Self.ourManifest)])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real")
        #expect(try String(contentsOf: root.appendingPathComponent("real/summary.json"), encoding: .utf8) == "new")
    }

    @Test func aDanglingLinkIsRefused() throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "missing")
        #expect(throws: OutputError.self) { try OutputFolder.claim(link.path) }
    }

    @Test func aForeignFileArrivingDuringTheRunStopsTheCommit() throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("r")
        let folder = try OutputFolder.claim(target.path)
        Self.write("arrived", target.appendingPathComponent("mine.txt"))
        #expect(throws: OutputError.self) { try folder.commit([("manifest.json", Self.ourManifest)]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["mine.txt"])
        #expect(!FileManager.default.fileExists(atPath: folder.staging.path))
    }

    @Test func stagingExistsFromClaimUntilCommitOrAbandon() throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder.claim(root.appendingPathComponent("r").path)
        #expect(FileManager.default.fileExists(atPath: folder.staging.path))
        #expect(folder.staging.lastPathComponent == ".r.tmp-\(getpid())")
        folder.abandon()
        #expect(!FileManager.default.fileExists(atPath: folder.staging.path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("r").path))
    }

    /// 2147483646 is above any Linux pid_max, so no process has it.
    static let deadPID = 2_147_483_646

    @Test func leftoversOfDeadRunsAreSweptAndLiveOnesKept() throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let live = getppid()
        Self.build(
            [
                ".r.tmp-\(Self.deadPID)/summary.json": "partial", ".r.tmp-\(live)/summary.json": "someone else's",
                ".other.tmp-\(Self.deadPID)/x": "not ours to judge", "r/manifest.json": Self.ourManifest
            ], in: root)
        let folder = try OutputFolder.claim(root.appendingPathComponent("r").path)
        defer { folder.abandon() }
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: root.path))
        #expect(!names.contains(".r.tmp-\(Self.deadPID)"))
        #expect(names.contains(".r.tmp-\(live)"))
        #expect(names.contains(".other.tmp-\(Self.deadPID)"))
        #expect(folder.notes.count == 1 && folder.notes[0].contains("interrupted run"))
    }

    @Test func previousResultsHiddenByAnInterruptedRunAreRestored() throws {
        let root = Self.sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        Self.build([".r.old-\(Self.deadPID)/manifest.json": Self.ourManifest, ".r.old-\(Self.deadPID)/summary.json": "previous"], in: root)
        let folder = try OutputFolder.claim(root.appendingPathComponent("r").path)
        folder.abandon()
        #expect(try String(contentsOf: root.appendingPathComponent("r/summary.json"), encoding: .utf8) == "previous")
        #expect(folder.notes.first?.contains("restored") == true)
    }

    @Test func errorsAreInWords() {
        let error = FileSystemError(code: EACCES, operation: "creating /x")
        #expect(error.words == "creating /x: Permission denied")
    }
}
