import Testing

@testable import InjurySimOutput
@testable import InjurySimScenario

/// CSV cells are quoted as RFC 4180 says (comma, double quote, CR, LF: in quotes, quotes doubled),
/// plain cells are written unchanged, and the reader undoes the quoting.
@Suite struct CSVTests {
    @Test(arguments: [
        ("north", "north"), ("北京", "北京"), ("", ""), ("-12.50", "-12.50"), ("a b", "a b"),
        ("no,rth", "\"no,rth\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\nb", "\"a\nb\""), ("a\rb", "\"a\rb\""),
        ("\"", "\"\"\"\""), (",", "\",\"")
    ])
    func aCellIsQuotedOnlyWhenItMustBe(_ text: String, _ written: String) {
        #expect(CSV.cell(text) == written)
    }

    @Test func aRowOfPlainCellsIsTheCellsJoinedByCommas() {
        #expect(CSV.row(["2024-01", "north", "contributions", "1.00", ""]) == "2024-01,north,contributions,1.00,")
    }

    static let awkward: [[String]] = [
        ["month", "pool", "note"],
        ["2024-01", "no,rth", "say \"hi\""],
        ["2024-02", "two\nlines", ""],
        ["2024-03", "", "\r\n"],
        ["2024-04", "北京", "\"\""],
        [""]
    ]

    @Test func recordsReadBackWhatRowsWrote() throws {
        let text = Self.awkward.map(CSV.row).joined(separator: "\n") + "\n"
        // The last record is one empty cell, which writes as an empty line and is skipped.
        #expect(CSV.records(text) == Array(Self.awkward.dropLast()))
    }

    @Test func recordsSkipEmptyLinesAndAcceptCRLF() {
        #expect(CSV.records("a,b\r\n\n1,\r\n") == [["a", "b"], ["1", ""]])
        #expect(CSV.records("a\n\"\"\n") == [["a"], [""]])
        #expect(CSV.records("") == [])
    }

    @Test func anUnclosedQuoteIsNotARecord() {
        #expect(CSV.records("a,\"b\n") == nil)
    }
}
