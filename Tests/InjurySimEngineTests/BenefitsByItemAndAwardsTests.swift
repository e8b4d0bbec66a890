import Foundation
import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// What each pool records for the yearly outputs: the fund's benefits that fall due by item
/// (in the month they fall due, carried across a chain's cut), and the awards of long-term
/// benefits with their capital value at the report month. The recorder's rules without actors,
/// then the month loop's books: the items add up to what fell due on the fund.
@Suite struct BenefitsByItemAndAwardsTests {
    static func claim(pool: Int, severity: Severity = .grade(1), payments: [Payment]) -> ClaimPipeline.Claim {
        ClaimPipeline.Claim(
            pool: pool, province: pool, platform: 0, severity: severity, recognised: true, fundPayments: payments, platformPaid: 0,
            accidentMonth: 0, presentValueAtAccident: 0)
    }

    /// `amount` a month of `item` over `months`.
    static func stream(_ item: BenefitItem, _ months: ClosedRange<Int>, _ amount: Fen) -> [Payment] {
        months.map { Payment(month: $0, amount: amount, item: item) }
    }

    /// Closes every pool's fund for `months` with empty books (the items are the recorder's own).
    static func closeFunds(_ r: inout MonthRecorder, months: Range<Int>, pools: Int) {
        for month in months { for pool in 0..<pools { r.recordFund(FundMonth(), ibnr: 0, month: month, pool: pool) } }
    }

    @Test func theFundsBenefitsFallDueByItemInTheirPoolAndMonth() {
        var s = TinyScenario.twoRegions()
        s.months = 6
        var r = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        let first =
            [Payment(month: 1, amount: 100, item: .medical), Payment(month: 1, amount: 40, item: .suspensionWages)]
            + [Payment(month: 2, amount: 500, item: .disabilitySubsidy), Payment(month: 2, amount: 3, item: .medical)]
            + Self.stream(.disabilityAllowance, 3...5, 30) + Self.stream(.careAllowance, 3...5, 10)
        let second = [Payment(month: 2, amount: 60, item: .funeralGrant)] + Self.stream(.dependantsPension, 2...4, 20)
        r.recordReported(Self.claim(pool: 0, payments: first), month: 0, monthlyDiscount: 1)
        r.recordReported(Self.claim(pool: 1, severity: .death, payments: second), month: 1, monthlyDiscount: 1)
        Self.closeFunds(&r, months: 0..<6, pools: 2)
        let out = r.finished(sampleFractions: [1, 1])
        func row(_ metric: Metric, pool: Int) -> [Int64] { (0..<6).map { out.value(month: $0, pool: pool, metric: metric) } }
        #expect(row(.due(.medical), pool: 0) == [0, 100, 3, 0, 0, 0])
        #expect(row(.due(.suspensionWages), pool: 0) == [0, 40, 0, 0, 0, 0])
        #expect(row(.due(.disabilitySubsidy), pool: 0) == [0, 0, 500, 0, 0, 0])
        #expect(row(.due(.disabilityAllowance), pool: 0) == [0, 0, 0, 30, 30, 30])
        #expect(row(.due(.careAllowance), pool: 0) == [0, 0, 0, 10, 10, 10])
        #expect(row(.due(.funeralGrant), pool: 0) == [0, 0, 0, 0, 0, 0], "another pool's claim")
        #expect(row(.due(.funeralGrant), pool: 1) == [0, 0, 60, 0, 0, 0])
        #expect(row(.due(.dependantsPension), pool: 1) == [0, 0, 20, 20, 20, 0])
        #expect(row(.benefitsDue, pool: 0) == [0, 140, 503, 40, 40, 40])
        #expect(row(.benefitsDue, pool: 1) == [0, 0, 80, 20, 20, 0])
        #expect(row(.benefitsDue, pool: 2) == [0, 140, 583, 60, 60, 40], "the total row sums the pools")
        // The nine item metrics follow BenefitItem's order, each its item's name in the files.
        #expect(BenefitItem.allCases.map { Metric.due($0).key } == BenefitItem.allCases.map { PlatformMetric.benefit($0).key })
    }

    @Test func anAwardIsARecognisedClaimWithALongTermStreamValuedAtItsReportMonth() {
        var s = TinyScenario.twoRegions()
        s.months = 3
        var r = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        let discount = Foundation.pow(1.03, -1.0 / 12)
        let disabled =
            [Payment(month: 1, amount: 90_000, item: .disabilitySubsidy), Payment(month: 1, amount: 4_000, item: .medical)]
            + Self.stream(.disabilityAllowance, 2...241, 3_000) + Self.stream(.careAllowance, 2...241, 1_000)
        let lumpSumsOnly = [Payment(month: 1, amount: 800_000, item: .deathSubsidy), Payment(month: 1, amount: 50_000, item: .funeralGrant)]
        let dependants = [Payment(month: 4, amount: 50_000, item: .funeralGrant)] + Self.stream(.dependantsPension, 5...400, 500)
        let grade5 = Self.stream(.grade5to6Allowance, 2...50, 2_100)
        r.recordReported(Self.claim(pool: 0, payments: disabled), month: 1, monthlyDiscount: discount)
        r.recordReported(Self.claim(pool: 0, severity: .death, payments: lumpSumsOnly), month: 1, monthlyDiscount: discount)
        r.recordReported(Self.claim(pool: 0, severity: .death, payments: dependants), month: 1, monthlyDiscount: discount)
        r.recordReported(Self.claim(pool: 1, severity: .grade(5), payments: grade5), month: 1, monthlyDiscount: discount)
        var unrecognised = Self.claim(pool: 0, payments: [])
        unrecognised.recognised = false
        r.recordReported(unrecognised, month: 1, monthlyDiscount: discount)
        Self.closeFunds(&r, months: 0..<3, pools: 2)
        let out = r.finished(sampleFractions: [1, 1])
        func v(_ metric: Metric, pool: Int, month: Int = 1) -> Int64 { out.value(month: month, pool: pool, metric: metric) }
        #expect(v(.awardsLongTerm, pool: 0) == 2, "the lump sums alone are no award")
        #expect(v(.awardsDisabilityAllowance, pool: 0) == 1 && v(.awardsCare, pool: 0) == 1 && v(.awardsDependantsPensions, pool: 0) == 1)
        #expect(v(.awardsGrade5to6Allowance, pool: 0) == 0 && v(.awardsGrade5to6Allowance, pool: 1) == 1)
        #expect(v(.awardsLongTerm, pool: 1) == 1 && v(.awardsLongTerm, pool: 2) == 3)
        for month in [0, 2] { #expect(v(.awardsLongTerm, pool: 2, month: month) == 0 && v(.awardsCapitalValue, pool: 2, month: month) == 0) }
        // An independent present value at the end of the report month: each long-term payment
        // discounted from its month with Foundation's pow; lump sums and medical left out.
        func presentValue(_ payments: [Payment]) -> Double {
            let longTerm: Set<BenefitItem> = [.disabilityAllowance, .careAllowance, .grade5to6Allowance, .dependantsPension]
            return payments.filter { longTerm.contains($0.item) }.reduce(0) {
                $0 + Double($1.amount) * Foundation.pow(discount, Double($1.month - 1))
            }
        }
        let expected0 = presentValue(disabled) + presentValue(dependants)
        #expect(abs(Double(v(.awardsCapitalValue, pool: 0)) - expected0) <= 1, "\(v(.awardsCapitalValue, pool: 0)) vs \(expected0)")
        #expect(abs(Double(v(.awardsCapitalValue, pool: 1)) - presentValue(grade5)) <= 1)
        // Discounting matters here: the undiscounted sum is far above the value.
        let undiscounted: Int64 = 240 * 4_000 + 396 * 500
        let value = v(.awardsCapitalValue, pool: 0)
        #expect(Double(value) < 0.8 * Double(undiscounted))
    }

    @Test func dueItemsCarryAcrossAChainsCutIntoTheLaterPool() {
        var s = TinyScenario.twoRegions()
        s.months = 3
        var r = MonthRecorder(scenario: s, replication: 0, adminCostShare: 0)
        r.recordReported(
            Self.claim(pool: 0, payments: [Payment(month: 2, amount: 100, item: .medical)] + Self.stream(.disabilityAllowance, 3...6, 50)),
            month: 2, monthlyDiscount: 1)
        r.recordReported(Self.claim(pool: 1, severity: .death, payments: Self.stream(.dependantsPension, 4...5, 7)), month: 2, monthlyDiscount: 1)
        Self.closeFunds(&r, months: 0..<3, pools: 2)
        // Both earlier pools go to the one later pool; the second one's amounts doubled (its
        // sample fraction was half the later pool's).
        let carried = r.carried(pools: 1, poolOf: [0, 0], rescale: [1, 2], platforms: 1, platformOf: [0])
        var later = MonthRecorder(scenario: TinyScenario.make(months: 5), replication: 0, adminCostShare: 0, carried: carried)
        Self.closeFunds(&later, months: 0..<5, pools: 1)
        let out = later.finished(sampleFractions: [1])
        func row(_ metric: Metric) -> [Int64] { (0..<5).map { out.value(month: $0, pool: 0, metric: metric) } }
        #expect(row(.due(.disabilityAllowance)) == [50, 50, 50, 50, 0])
        #expect(row(.due(.dependantsPension)) == [0, 14, 14, 0, 0])
        #expect(row(.due(.medical)) == [0, 0, 0, 0, 0], "what fell due before the cut stays there")
        #expect(row(.benefitsDue) == [50, 64, 64, 50, 0])
    }

    /// Grave claims in a pool that defers at a shortfall: in every month the items add up to the
    /// benefits that newly fell due on the fund — what it paid plus the growth of its arrears.
    @Test func itemsAddUpToWhatFellDueOnTheFund() async {
        var s = TinyScenario.make(workers: 2_000, months: 30, claimsPerMillion: 60, ratePerOrderYuan: 0.05)
        s.replications = 2
        s.fund.shortfall = .defer
        s.sectors[0].severity = Severity.allCases.map { _ in .fixed(1) }
        s.benefits.spousePerDeath = .fixed(1)
        s.benefits.medicalLagMonths = 1
        s.benefits.appraisalLagMonths = 2
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: 2)
        var arrearsSeen = false
        for result in results {
            var arrears: Int64 = 0
            var longTermDue: Int64 = 0
            for month in 0..<s.months {
                func v(_ metric: Metric) -> Int64 { result.value(month: month, pool: 0, metric: metric) }
                let items = BenefitItem.allCases.reduce(Int64(0)) { $0 + v(.due($1)) }
                #expect(items == v(.benefitsDue), "replication \(result.replication), month \(month)")
                #expect(v(.benefitsDue) == v(.benefitsPaid) + v(.arrears) - arrears, "replication \(result.replication), month \(month)")
                #expect(v(.awardsLongTerm) <= v(.claimsGrade1to4) + v(.claimsGrade5to6) + v(.claimsDeath))
                for item in BenefitItem.allCases where Metric.awards(of: item) != nil { longTermDue += v(.due(item)) }
                if v(.arrears) > 0 { arrearsSeen = true }
                arrears = v(.arrears)
            }
            #expect(result.total(.awardsLongTerm, pool: 0) > 0)
            #expect(result.total(.awardsDependantsPensions, pool: 0) > 0)
            // Undiscounted (the neutral fund discounts nothing), the awards' value holds every
            // long-term payment of the horizon's reports, and more (those after the horizon).
            #expect(result.total(.awardsCapitalValue, pool: 0) > longTermDue && longTermDue > 0)
        }
        #expect(arrearsSeen, "the deferring fund must fall into arrears for the identity to say something")
    }
}
