import Foundation
import Testing

/// The name rule and the input limits of issue 20 (items 9–11), through the built binary: a bad
/// name fails `validate` and `run` before anything is simulated, `--sample-fraction` keeps the
/// scenario field's range, and a sweep's list of values is capped like a range.
@Suite(.serialized) struct InputLimitEndToEndTests {
    typealias E = EndToEndTests

    /// The smoke scenario with `old` replaced by `new`, written to `dir/bad.json`.
    static func smokeVariant(_ old: String, _ new: String, in dir: URL) throws -> URL {
        let smoke = try String(contentsOf: E.root.appendingPathComponent("Scenarios/smoke.json"), encoding: .utf8)
        precondition(smoke.contains(old), old)
        let file = dir.appendingPathComponent("bad.json")
        try smoke.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: [
        ("\"north\": {", "\"no,rth\": {", "provinces.no,rth: character 3 is U+002C (COMMA)"),
        ("\"eleme\":", "\"ele\\u202Eme\":", "platforms.ele\\u{202E}me: character 4 is U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\"Tiny two-province", "\"Tiny\\u0001 two-province", "description: character 5 is U+0001")
    ])
    func aBadNameFailsValidateAndRunBeforeSimulating(_ old: String, _ new: String, _ message: String) throws {
        let dir = E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.smokeVariant(old, new, in: dir)
        let validate = try E.run(["validate", file.path])
        #expect(validate.code == 64)
        #expect(validate.stderr.contains(message), "\(validate.stderr)")
        #expect(!validate.stderr.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1}" })
        let out = dir.appendingPathComponent("r")
        let run = try E.run(["run", file.path, "--out", out.path, "--no-report"] + E.shorter)
        #expect(run.code == 64)
        #expect(!FileManager.default.fileExists(atPath: out.path), "no folder and no checkpoint is left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.json"])
    }

    /// (`validate` takes no `--set`; `run` checks the overridden scenario before simulating.)
    @Test func setOverridesMeetTheSameRule() throws {
        let outcome = try E.run(["run", "Scenarios/smoke.json", "--set", "provinces.north.pool=a,b", "--out", "/nonexistent/never"])
        #expect(outcome.code == 64)
        #expect(outcome.stderr.contains("provinces.north.pool: character 2 is U+002C (COMMA)"), "\(outcome.stderr)")
    }

    @Test(arguments: ["1e-7", "0", "0.0000009", "1.5", "nan"])
    func sampleFractionBelowTheScenarioMinimumIsAUsageError(_ value: String) throws {
        let outcome = try E.run(["run", "Scenarios/smoke.json", "--sample-fraction", value, "--out", "/nonexistent/never"])
        #expect(outcome.code == 64)
        #expect(
            outcome.stderr.contains("--sample-fraction must be a number from 0.000001 to 1"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("got '\(value)'"))
    }

    /// The smallest allowed fraction runs and is recorded readably.
    @Test func theMinimumSampleFractionRunsAndIsRecorded() throws {
        let dir = E.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let outcome = try E.run(
            ["run", "Scenarios/smoke.json", "--sample-fraction", "0.000001", "--replications", "2", "--no-report", "--quiet", "--out", out.path]
                + E.shorter)
        #expect(outcome.code == 0, "\(outcome.stderr)")
        for name in ["summary.json", "manifest.json"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("\"sampleFraction\": 0.000001"), "\(name)")
        }
    }

    @Test func aSweepListIsCappedLikeARange() throws {
        let thousandAndOne = (0...1000).map { "0.\(String(format: "%04d", $0))" }.joined(separator: ",")
        // An unwritable --out: were the list not refused, the sweep would stop (73) before simulating.
        let never = ["--out", "/nonexistent/never", "--replications", "1"]
        let list = try E.run(["sweep", "Scenarios/smoke.json", "--set", "fund.adminCostShare=" + thousandAndOne] + never)
        #expect(list.code == 64)
        #expect(list.stderr.contains("a list has 1001 values; an axis takes at most 1000"), "\(list.stderr)")
        let range = try E.run(["sweep", "Scenarios/smoke.json", "--set", "fund.adminCostShare=0:1000:1"] + never)
        #expect(range.code == 64)
        #expect(range.stderr.contains("at most 1000 points"), "\(range.stderr)")
    }
}
