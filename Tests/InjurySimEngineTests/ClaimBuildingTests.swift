import Foundation
import InjurySimTestSupport
import Testing

@testable import InjurySimCore
@testable import InjurySimEngine

/// An accident becomes a claim (`ClaimBuilder`): reported after an exponential delay of mean
/// `reportingDelayDays` (whole days), recognised with `recognitionProbability`, with a lognormal
/// medical cost whose *mean* is the sector's mean × medical inflation (1 + i)^(month/12) × medical
/// shocks, on the wage base of the accident year and the urban income of the year before.
@Suite struct ClaimBuildingTests {
    static func event(_ index: Int, day: Int, severity: Severity = .medicalOnly) -> AccidentEvent {
        AccidentEvent(
            person: StreamKey(seed: 91).child(UInt64(index)), day: Int32(day), province: 0, platform: 0,
            severity: severity, daysOff: 0)
    }

    static func medical(_ schedule: ClaimSchedule) -> Fen {
        schedule.fundPayments.filter { $0.item == .medical }.reduce(0) { $0 + $1.amount }
    }

    @Test(arguments: [(0, 1.0), (6, 1.1.squareRoot()), (12, 1.1), (30, pow(1.1, 2.5))])
    func medicalCostsFollowInflationFromTheStart(month: Int, factor: Double) {
        var s = TinyScenario.make(months: 36)
        s.basis.medicalInflationPerYear = .fixed(0.1)
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let claim = coordinator.claims(inputs).claim(for: Self.event(1, day: coordinator.calendar.firstDays[month]), month: month)
        #expect(claim.recognised)
        #expect(abs(Double(Self.medical(claim.schedule)) - 500_000 * factor) <= 1)
    }

    /// With σ = 0.8 the median is below the mean; the draws' average is the scenario's mean
    /// (× 1.5 under a medical-cost shock), within 5 standard errors.
    @Test(arguments: [1.0, 1.5])
    func medicalCostsHaveTheScenarioMean(shockMultiplier: Double) {
        let sigma = 0.8
        var s = TinyScenario.make()
        s.sectors[0].medicalCostSigma = .fixed(sigma)
        var shock = TinyScenario.shock("costly", start: TinyScenario.start, months: 12)
        shock.medicalCost = .fixed(shockMultiplier)
        s.shocks = [shock]
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let n = 20_000
        let total = (0..<n).reduce(0.0) { sum, i in
            sum + Double(Self.medical(coordinator.claims(inputs).claim(for: Self.event(i, day: 3), month: 0).schedule))
        }
        let mean = 500_000 * shockMultiplier
        let se = mean * (exp(sigma * sigma) - 1).squareRoot() / Double(n).squareRoot()
        #expect(abs(total / Double(n) - mean) < 5 * se, "average \(total / Double(n)) vs \(mean)")
    }

    @Test(arguments: [0.0, 0.7, 1.0])
    func claimsAreRecognisedWithTheScenarioProbability(probability: Double) {
        var s = TinyScenario.make()
        s.sectors[0].recognitionProbability = .fixed(probability)
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let n = 10_000
        var recognised = 0
        for i in 0..<n {
            let claim = coordinator.claims(inputs).claim(for: Self.event(i, day: 40), month: 1)
            if claim.recognised { recognised += 1 } else { #expect(claim.schedule.fundPayments.isEmpty) }
        }
        let sd = (probability * (1 - probability) / Double(n)).squareRoot()
        #expect(abs(Double(recognised) / Double(n) - probability) <= 5 * sd)
    }

    /// Reporting delay ⌊Exp × mean⌋ days: an accident on 1 January with mean 45 days is reported in
    /// January with probability 1 − e^(−31/45); with mean 0 always in the accident month.
    @Test(arguments: [0.0, 45.0])
    func claimsAreReportedAfterAnExponentialDelay(meanDelay: Double) {
        var s = TinyScenario.make()
        s.benefits.reportingDelayDays = .fixed(meanDelay)
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let n = 10_000
        var sameMonth = 0
        for i in 0..<n {
            let claim = coordinator.claims(inputs).claim(for: Self.event(i, day: 0), month: 0)
            #expect(claim.reportMonth >= 0)
            if claim.reportMonth == 0 { sameMonth += 1 }
            #expect(claim.schedule.fundPayments.allSatisfy { $0.month == claim.reportMonth })
        }
        let p = meanDelay == 0 ? 1 : 1 - exp(-31 / meanDelay)
        #expect(abs(Double(sameMonth) / Double(n) - p) <= 5 * (p * (1 - p) / Double(n)).squareRoot())
    }

    /// A death in 2025: funeral grant 6 × the 2025 wage base (9,000 × 1.05), death subsidy 20 × the
    /// 2024 urban income.
    @Test(arguments: [(0, 9000.0, 51821.0), (13, 9450.0, 54188.0)])
    func deathBenefitsUseTheAccidentYearsWageAndThePreviousYearsIncome(month: Int, wage: Double, income: Double) {
        var s = TinyScenario.make(months: 24)
        s.basis.wageGrowthPerYear = .fixed(0.05)
        s.benefits.urbanIncomeByYear = [2023: 51821, 2024: 54188, 2025: 56000]
        let coordinator = ReplicationCoordinator(scenario: s)
        let inputs = ReplicationInputs(scenario: s, replication: 0)
        let claim = coordinator.claims(inputs).claim(
            for: Self.event(7, day: coordinator.calendar.firstDays[month], severity: .death),
            month: month)
        func total(_ item: BenefitItem) -> Fen { claim.schedule.fundPayments.filter { $0.item == item }.reduce(0) { $0 + $1.amount } }
        #expect(total(.funeralGrant) == Money.fen(yuan: 6 * wage))
        #expect(total(.deathSubsidy) == Money.fen(yuan: 20 * income))
    }
}
