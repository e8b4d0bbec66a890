import Testing

@testable import InjurySimScenario

@Suite struct JSONCParserTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode { try JSONCParser.parse(Array(text.utf8)) }

    @Test func commentsAndTrailingCommasAreAccepted() throws {
        let node = try Self.parse(
            """
            // leading comment
            {
              "a": 1, /* inline */ "b": [1, 2, 3,],
              "c": {"d": "x\\n\\u00e9\\ud83d\\ude00",},   // trailing
            }
            """)
        guard case .object(let members) = node.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b", "c"])
        guard case .object(let inner) = members[2].value.value, case .string(let text) = inner[0].value.value else {
            Issue.record("bad inner"); return
        }
        #expect(text == "x\né😀")
        #expect(members[1].value.line == 3)
    }

    /// Malformed inputs, including those that crash Foundation's JSON5 mode, get a line, column and message.
    @Test(arguments: [
        ("{a:2e-}", 1, 2, "expected a key in double quotes"),
        ("{\"a\":2e-}", 1, 9, "digits in its exponent"),
        ("{\"a\":0x1e-4}", 1, 7, "unexpected letter in a number"),
        ("{\"a\": 01}", 1, 8, "leading zeros"),
        ("{\"a\": 1e400}", 1, 7, "out of range"),
        ("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate key"),
        ("{\"a\": [1, 2}", 1, 12, "expected , or ] in a list"),
        ("{\"a\": tru}", 1, 7, "expected true"),
        ("{\"a\": 1} x", 1, 10, "after the end"),
        ("/* never closed", 1, 1, "never closed"),
        ("{\"a\": \"line\nbreak\"}", 1, 12, "line break inside a string"),
        ("", 1, 1, "unexpected end of file"),
        ("{\"a\": 'single'}", 1, 7, "unexpected character"),
        ("{\"a\": \"\\x\"}", 1, 10, "unknown escape"),
        ("{\"a\": \"\\ud800\"}", 1, 14, "unpaired surrogate")
    ])
    func syntaxErrorsAreLocated(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func invalidUTF8InAKeyIsAnErrorNotACrash() {
        let bytes: [UInt8] = Array("{\"".utf8) + [0xFF, 0xFE] + Array("\": 1}".utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONCParser.parse(bytes) }
        let unquoted: [UInt8] = [0x7B, 0xC3, 0x28, 0x3A, 0x31, 0x7D]
        #expect(throws: JSONSyntaxError.self) { try JSONCParser.parse(unquoted) }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
    }
}
