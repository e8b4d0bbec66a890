import InjurySimFormat
import Testing

@testable import InjurySimOutput

@Suite struct OutputFormatTests {
    @Test(arguments: [(0.0712345, 4, "0.0712"), (-0.005, 2, "-0.01"), (1234.5, 0, "1235"), (0.000001, 6, "0.000001"), (-12.0, 1, "-12.0")])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(Format.fixed(value, decimals) == expected)
    }

    @Test func nonFiniteBecomesNull() {
        #expect(Format.fixed(.nan, 2) == nil)
        #expect(JSONOut.fixed(.infinity, 2) == .null)
    }

    @Test func objectsAreWrittenWithSortedKeys() {
        let json = JSONOut.object(["b": .number("1"), "a": .array([.string("x\"y"), .bool(true), .null])])
        #expect(json.rendered() == "{\n  \"a\": [\n    \"x\\\"y\",\n    true,\n    null\n  ],\n  \"b\": 1\n}\n")
    }
}
