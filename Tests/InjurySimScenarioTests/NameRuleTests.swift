import Testing

@testable import InjurySimScenario

/// The name rule: what a sector, platform, province or pool name (an identifier) and a free-text
/// label may contain, so that CSV, JSON, console, report.html and `--set` paths carry them as
/// written. Chinese stays allowed in both.
@Suite struct NameRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: NameRule
        var text: String
        /// The refused character and its position (from 1), or nil when the text is allowed.
        var refused: (scalar: Unicode.Scalar, position: Int)?
        var testDescription: String { "\(rule) \(NameRule.visible(text))" }
    }

    /// U+FDD0, a noncharacter that a Swift literal cannot spell.
    static let fdd0 = Unicode.Scalar(UInt32(0xFDD0)) ?? "?"

    static let cases: [Case] = [
        // Identifiers: letters and digits of any script, a few punctuation marks.
        Case(rule: .identifier, text: "food-delivery"),
        Case(rule: .identifier, text: "北京"),
        Case(rule: .identifier, text: "美团外卖（众包）"),
        Case(rule: .identifier, text: "阿里·巴巴"),
        Case(rule: .identifier, text: "Dada (freight) & co's 2/3 + x_1"),
        Case(rule: .identifier, text: "São Paulo"),
        Case(rule: .identifier, text: "no,rth", refused: (",", 3)),
        Case(rule: .identifier, text: "a\"b", refused: ("\"", 2)),
        Case(rule: .identifier, text: "a.b", refused: (".", 2)),
        Case(rule: .identifier, text: "a[0]", refused: ("[", 2)),
        Case(rule: .identifier, text: "a=b", refused: ("=", 2)),
        Case(rule: .identifier, text: "a;b", refused: (";", 2)),
        Case(rule: .identifier, text: "a<b>", refused: ("<", 2)),
        Case(rule: .identifier, text: "😀", refused: ("😀", 1)),
        Case(rule: .identifier, text: " north", refused: (" ", 1)),
        Case(rule: .identifier, text: "north ", refused: (" ", 6)),
        Case(rule: .identifier, text: "\u{1}x", refused: ("\u{1}", 1)),
        Case(rule: .identifier, text: "x\u{0}", refused: ("\u{0}", 2)),
        Case(rule: .identifier, text: "nor\u{202E}th", refused: ("\u{202E}", 4)),
        Case(rule: .identifier, text: "北京\u{FFFE}", refused: ("\u{FFFE}", 3)),
        Case(rule: .identifier, text: "a\nb", refused: ("\n", 2)),
        // Free text: anything visible on one line.
        Case(rule: .text, text: "Tiny scenario, for tests \"and\" CI; <b> & 100%"),
        Case(rule: .text, text: "MOHRSS Q3-2023 press conference (DR §4.1, §4.2)"),
        Case(rule: .text, text: "第一批试点：7 省、7 平台，2022 年 7 月起"),
        Case(rule: .text, text: "storm 😀 \u{E000}"),
        Case(rule: .text, text: "a\tb", refused: ("\t", 2)),
        Case(rule: .text, text: "a\nb", refused: ("\n", 2)),
        Case(rule: .text, text: "a\r\nb", refused: ("\r", 2)),
        Case(rule: .text, text: "\u{0}", refused: ("\u{0}", 1)),
        Case(rule: .text, text: "del\u{7F}", refused: ("\u{7F}", 4)),
        Case(rule: .text, text: "next\u{85}line", refused: ("\u{85}", 5)),
        Case(rule: .text, text: "abc\u{202E}def", refused: ("\u{202E}", 4)),
        Case(rule: .text, text: "\u{200E}left-to-right mark", refused: ("\u{200E}", 1)),
        Case(rule: .text, text: "\u{FEFF}bom", refused: ("\u{FEFF}", 1)),
        Case(rule: .text, text: "line\u{2028}separator", refused: ("\u{2028}", 5)),
        Case(rule: .text, text: "x\u{FFFF}", refused: ("\u{FFFF}", 2)),
        Case(rule: .text, text: "x" + String(fdd0), refused: (fdd0, 2)),
        Case(rule: .text, text: "x\u{1FFFE}", refused: ("\u{1FFFE}", 2))
    ]

    @Test(arguments: cases)
    func theRuleRefusesExactlyTheFirstCharacterItMust(_ c: Case) {
        let violation = c.rule.violation(in: c.text)
        #expect(violation?.scalar == c.refused?.scalar)
        #expect(violation?.position == c.refused?.position)
    }

    @Test func aViolationNamesTheCodePointItsPositionAndItsKind() throws {
        let rtl = try #require(NameRule.identifier.violation(in: "nor\u{202E}th"))
        #expect(rtl.description == "character 4 is U+202E (RIGHT-TO-LEFT OVERRIDE), an invisible format character")
        let comma = try #require(NameRule.identifier.violation(in: "no,rth"))
        #expect(comma.description == "character 3 is U+002C (COMMA), which names may not contain")
        let control = try #require(NameRule.text.violation(in: "a\u{1}"))
        #expect(control.description.hasPrefix("character 2 is U+0001"))
        #expect(control.description.hasSuffix("a control character"))
        let nonCharacter = try #require(NameRule.text.violation(in: "\u{FFFE}"))
        #expect(nonCharacter.description == "character 1 is U+FFFE, a noncharacter")
    }

    @Test func visibleTextWritesRefusedCharactersAsEscapes() {
        #expect(NameRule.visible("nor\u{202E}th\u{0}\n") == "nor\\u{202E}th\\u{0000}\\u{000A}")
        #expect(NameRule.visible("北京, \"x\" 😀") == "北京, \"x\" 😀")
    }

    /// Every identifier the rule allows is also allowed as text, so a name can be quoted in text.
    @Test func identifiersAreText() {
        for c in Self.cases where c.rule == .identifier && c.refused == nil {
            #expect(NameRule.text.violation(in: c.text) == nil, "\(c.text)")
        }
    }
}
