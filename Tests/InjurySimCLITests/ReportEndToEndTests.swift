import Foundation
import Testing

/// `report.html` from the built binary: written with a run, rendered again from the folder alone,
/// refused for a folder that is not a results folder; and every command's `--help`.
@Suite(.serialized) struct ReportEndToEndTests {
    typealias E2E = EndToEndTests

    static let commands = ["run", "compare", "sweep", "solve", "sensitivity", "report", "validate", "validate-model", "bench", "merge", "help"]

    @Test(arguments: commands)
    func everyCommandPrintsItsHelpWithAnExampleAndExitsZero(command: String) throws {
        for flag in ["--help", "-h"] {
            let outcome = try E2E.run([command, flag])
            #expect(outcome.code == 0, "\(command) \(flag): \(outcome.stderr)")
            #expect(outcome.stdout.contains("usage: injurysim" + (command == "help" ? "" : " " + command)), "\(outcome.stdout)")
            if command != "help" { #expect(outcome.stdout.contains("example:")) }
        }
    }

    @Test func versionAndAnUnknownOptionPointToThatCommandsHelp() throws {
        let version = try E2E.run(["--version"])
        #expect(version.code == 0)
        #expect(version.stdout.contains("results format 5, parts 4"))
        let bad = try E2E.run(["sweep", "Scenarios/smoke.json", "--bogus"])
        #expect(bad.code == 64)
        #expect(bad.stderr.contains("unknown option '--bogus'"))
        // One line of error and where the command's help is, not a usage dump.
        #expect(bad.stderr.hasSuffix("\nsee 'injurysim sweep --help'\n") && !bad.stderr.contains("usage:"), "\(bad.stderr)")
        #expect(bad.stderr.split(separator: "\n").count == 2, "\(bad.stderr)")
    }

    @Test func aRunWritesItsReportAndReportRendersTheSameBytesFromTheFolder() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("smoke")
        let run = try E2E.run(["run", "Scenarios/smoke.json", "--out", out.path, "--threads", "2", "--replications", "3", "--quiet"])
        #expect(run.code == 0, "\(run.stderr)")
        let written = try Data(contentsOf: out.appendingPathComponent("report.html"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect((manifest?["files"] as? [String])?.contains("report.html") == true)
        // Re-rendered from the files alone: the same bytes.
        let again = dir.appendingPathComponent("again.html")
        #expect(try E2E.run(["report", out.path, "--out", again.path]).code == 0)
        #expect(try Data(contentsOf: again) == written)
        // In place, in Chinese: the folder is replaced whole and stays injurysim's own.
        let zh = try E2E.run(["report", out.path, "--lang", "zh"])
        #expect(zh.code == 0, "\(zh.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("lang=\"zh-CN\"") && page.contains("万元"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["again.html", "smoke"])
        let rerun = try E2E.run(["run", "Scenarios/smoke.json", "--out", out.path, "--threads", "2", "--replications", "2", "--quiet", "--no-report"])
        #expect(rerun.code == 0, "the folder is still ours: \(rerun.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                "manifest.json", "monthly.csv", "platforms.csv", "replications.csv", "solvency-paths.csv", "summary.json", "yearly.csv"
            ])
    }

    @Test func aScenarioChoosesTheReportsLanguageAndReRenderingKeepsIt() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("smoke")
        let run = try E2E.run([
            "run", "Scenarios/smoke.json", "--set", "reportLanguage=zh", "--out", out.path, "--threads", "2", "--replications", "2", "--quiet"
        ])
        #expect(run.code == 0, "\(run.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("lang=\"zh-CN\"") && page.contains("运行信息"))
        let again = try E2E.run(["report", out.path, "--out", "-"])
        #expect(again.code == 0 && again.stdout == page, "without --lang the folder's page keeps its language")
        let english = try E2E.run(["report", out.path, "--out", "-", "--lang", "en"])
        #expect(english.stdout.contains("What was run") && !english.stdout.contains("运行信息"))
        let bad = try E2E.run(["run", "Scenarios/smoke.json", "--set", "reportLanguage=fr", "--out", out.path, "--quiet"])
        #expect(bad.code == 64 && bad.stderr.contains("reportLanguage"), "\(bad.stderr)")
    }

    @Test func aFolderThatIsNotAResultsFolderIsRefusedNamingTheMissingFile() throws {
        let dir = E2E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try E2E.run(["report", dir.path])
        #expect(empty.code == 64)
        #expect(empty.stderr.contains("manifest.json"))
        try #"{"formatVersion": 2, "generator": "injurysim", "files": ["manifest.json", "summary.json"]}"#
            .write(to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try "{ broken".write(to: dir.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
        let partial = try E2E.run(["report", dir.path])
        #expect(partial.code == 64)
        #expect(partial.stderr.contains("monthly.csv"), "\(partial.stderr)")
        for name in ["monthly.csv", "replications.csv"] { try "x\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let broken = try E2E.run(["report", dir.path])
        #expect(broken.code == 65)
        #expect(broken.stderr.contains("summary.json"), "\(broken.stderr)")
        #expect(try E2E.run(["report"]).code == 64)
    }
}
