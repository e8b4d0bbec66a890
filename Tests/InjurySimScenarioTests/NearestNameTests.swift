import Testing

@testable import InjurySimScenario

/// ``NearestName``: the "did you mean" rule, case by case.
@Suite struct NearestNameTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var given: String
        var names: [String]
        var expected: String?
        var why: String
        var testDescription: String { why }
    }

    static let sectors = ["food-delivery", "ride-hailing", "courier"]

    static let cases: [Case] = [
        Case(given: "food-delivry", names: sectors, expected: "food-delivery", why: "one letter left out"),
        Case(given: "food-deliveyr", names: sectors, expected: "food-delivery", why: "two letters swapped count once"),
        Case(given: "fod-delivry", names: sectors, expected: "food-delivery", why: "two letters left out of a long name"),
        Case(given: "fd-delivy", names: sectors, expected: nil, why: "three edits are too many"),
        Case(given: "Courier", names: sectors, expected: "courier", why: "letter case is ignored"),
        Case(given: "courier", names: sectors, expected: nil, why: "a name that exists suggests nothing"),
        Case(given: "taxi", names: sectors, expected: nil, why: "nothing near"),
        Case(given: "abx", names: ["aby", "abc"], expected: "aby", why: "a tie goes to the first listed"),
        Case(given: "abcx", names: ["abyz"], expected: nil, why: "a name of 4 characters allows one edit only"),
        Case(given: "ab", names: ["ac"], expected: "ac", why: "one edit in a two-character name"),
        Case(given: "x", names: ["y"], expected: nil, why: "the edits must be fewer than the name's characters"),
        Case(given: "rnu", names: ["run", "sweep"], expected: "run", why: "a swap in a short name"),
        Case(given: "shiftHour", names: ["shiftHours", "shiftHoursSpread"], expected: "shiftHours", why: "the nearest wins"),
        Case(given: "", names: ["a"], expected: nil, why: "an empty name suggests nothing"),
        Case(given: "initialBalance", names: ["pool", "initialBalanceYuan"], expected: "initialBalanceYuan", why: "a unit left off"),
        Case(given: "pool", names: ["poolName"], expected: nil, why: "a beginning of under 5 characters is not enough"),
        Case(given: "广州", names: ["广东", "浙江"], expected: "广东", why: "characters, not bytes, are counted")
    ]

    @Test(arguments: cases) func suggestsTheNearestName(_ test: Case) {
        #expect(NearestName.suggestion(for: test.given, among: test.names) == test.expected)
    }

    @Test func distancesCountInsertionsDeletionsSubstitutionsAndSwaps() {
        #expect(NearestName.editDistance("kitten", "sitting") == 3)
        #expect(NearestName.editDistance("ab", "ba") == 1)
        #expect(NearestName.editDistance("abc", "") == 3)
        #expect(NearestName.editDistance("", "") == 0)
    }
}
