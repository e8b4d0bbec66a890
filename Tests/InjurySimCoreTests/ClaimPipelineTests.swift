import Testing

@testable import InjurySimCore

/// The IBNR reserve: at a month end, the present value of the fund's payments of recognised
/// claims whose accident has happened but which are reported in a later month.
@Suite struct ClaimPipelineTests {
    static let discount = 0.99

    /// A recognised claim of pool `pool` with its payments, valued at its accident month.
    static func claim(pool: Int = 0, accident: Int, payments: [(month: Int, fen: Fen)], recognised: Bool = true) -> ClaimPipeline.Claim {
        let schedule = ClaimSchedule(
            fundPayments: payments.map { Payment(month: $0.month, amount: $0.fen, item: .medical) },
            platformPayments: [])
        return ClaimPipeline.Claim(
            pool: pool, province: pool, platform: 0, severity: .medicalOnly, recognised: recognised, fundPayments: schedule.fundPayments,
            platformPaid: 0, accidentMonth: accident,
            presentValueAtAccident: recognised ? schedule.fundPresentValue(at: accident, monthlyDiscount: discount) : 0)
    }

    struct Case: Sendable, CustomStringConvertible {
        var accident: Int
        var report: Int
        var month: Int
        /// Whether the claim is in the reserve at the end of `month`.
        var counted: Bool
        var description: String { "accident \(accident), report \(report), month end \(month)" }
    }

    static let cases = [
        Case(accident: 2, report: 4, month: 1, counted: false),  // not yet happened
        Case(accident: 2, report: 4, month: 2, counted: true),
        Case(accident: 2, report: 4, month: 3, counted: true),
        Case(accident: 2, report: 4, month: 4, counted: false),  // reported: in the fund's books now
        Case(accident: 2, report: 2, month: 2, counted: false),  // reported in its accident month
        Case(accident: 5, report: 40, month: 35, counted: true)  // reported after a 36-month horizon
    ]

    /// Each claim is reserved exactly while it is incurred and unreported, at the present value
    /// its payments have at that month end (computed independently from the schedule).
    @Test(arguments: cases)
    func aClaimIsReservedWhileIncurredAndNotReported(c: Case) {
        let payments: [(month: Int, fen: Fen)] = [(c.report + 1, 10_000), (c.report + 3, 2_500)]
        var pipeline = ClaimPipeline()
        pipeline.add(Self.claim(accident: c.accident, payments: payments), reportMonth: c.report)
        for month in 0..<c.month { _ = pipeline.takeReported(in: month) }
        if c.month >= c.report { _ = pipeline.takeReported(in: c.month) }
        let reserve = pipeline.reserve(atEndOf: c.month, pools: 1, monthlyDiscount: Self.discount)
        let direct = payments.reduce(0.0) { $0 + Double($1.fen) * PortableMath.pow(Self.discount, Double($1.month - c.month)) }
        let expected = c.counted ? direct : 0
        #expect(abs(reserve[0] - expected) < 1e-6 * max(1, expected), "reserve \(reserve[0]) expected \(expected)")
    }

    @Test func unrecognisedClaimsAreNotOwedAndPoolsAreKeptApart() {
        var pipeline = ClaimPipeline()
        pipeline.add(Self.claim(pool: 0, accident: 0, payments: [(3, 1_000)]), reportMonth: 2)
        pipeline.add(Self.claim(pool: 1, accident: 0, payments: [(3, 5_000)]), reportMonth: 2)
        pipeline.add(Self.claim(pool: 1, accident: 0, payments: [(3, 7_000)], recognised: false), reportMonth: 2)
        let reserve = pipeline.reserve(atEndOf: 0, pools: 2, monthlyDiscount: Self.discount)
        let factor = PortableMath.pow(Self.discount, 3)
        #expect(abs(reserve[0] - 1_000 * factor) < 1e-9 && abs(reserve[1] - 5_000 * factor) < 1e-9, "\(reserve)")
    }

    @Test func reportedClaimsLeaveInTheOrderTheyCame() {
        var pipeline = ClaimPipeline()
        for k in 0..<5 { pipeline.add(Self.claim(pool: k, accident: 0, payments: [(2, 1)]), reportMonth: k % 2) }
        #expect(pipeline.takeReported(in: 0).map(\.pool) == [0, 2, 4])
        #expect(pipeline.takeReported(in: 1).map(\.pool) == [1, 3])
        #expect(pipeline.takeReported(in: 1).isEmpty)
        #expect(pipeline.waiting == 0)
    }
}
