import Foundation
import Testing

@testable import InjurySimScenario

/// A part carries its scenario as one resolved document; decoding that document gives the very
/// scenario the file (with its `extends` chain and `--set` overrides) gives — every field, in
/// the same order — for every shipped scenario.
@Suite struct ResolvedScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shipped: [String] {
        ["Scenarios", "Scenarios/policy", "Scenarios/stress"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        }
    }

    @Test func everyShippedScenarioIsFound() { #expect(Self.shipped.count >= 6) }

    @Test(arguments: shipped) func resolvedDocumentDecodesToTheSameScenario(_ file: String) throws {
        let path = Self.root.appendingPathComponent(file).path
        let loaded = try ScenarioLoader.load(path: path).scenario
        let text = try ScenarioLoader.resolvedText(path: path)
        let decoded = try ScenarioLoader.decode(bytes: Array(text.utf8))
        let (a, b) = (Array(Self.canonical(decoded)), Array(Self.canonical(loaded)))
        let same = a == b
        let at = zip(a, b).prefix { $0 == $1 }.count
        let context = String(a[max(0, at - 120)..<min(a.count, at + 60)]) + " | " + String(b[max(0, at - 120)..<min(b.count, at + 60)])
        #expect(same, "first difference: \(context)")
        #expect(!text.contains("extends"), "the chain is resolved")
    }

    @Test func overridesAreAppliedAndOrderIsKept() throws {
        let path = Self.root.appendingPathComponent("Scenarios/smoke.json").path
        let overrides = [try ScenarioOverride(parsing: "months=5"), try ScenarioOverride(parsing: "platforms.eleme.ratePerOrderYuan=0.09")]
        let loaded = try ScenarioLoader.load(path: path, overrides: overrides).scenario
        let decoded = try ScenarioLoader.decode(bytes: Array(try ScenarioLoader.resolvedText(path: path, overrides: overrides).utf8))
        #expect(decoded.months == 5)
        #expect(decoded.platforms.map(\.name) == ["meituan", "eleme", "caocao"], "file order, not sorted")
        #expect(Self.canonical(decoded) == Self.canonical(loaded))
    }

    /// Every stored field, recursively, in declaration order; dictionaries and sets sorted (their
    /// iteration order is not a property of the value).
    static func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        let children = mirror.children.map { ($0.label ?? "", canonical($0.value)) }
        switch mirror.displayStyle {
        case .dictionary?, .set?: return "{" + children.map(\.1).sorted().joined(separator: ", ") + "}"
        case .struct?, .class?, .tuple?, .collection?, .optional?:
            return "\(mirror.subjectType)(" + children.map { $0.0 + ": " + $0.1 }.joined(separator: ", ") + ")"
        case .enum?:
            return children.isEmpty ? String(reflecting: value) : children.map { "." + $0.0 + "(" + $0.1 + ")" }.joined()
        default: return String(reflecting: value)
        }
    }
}
