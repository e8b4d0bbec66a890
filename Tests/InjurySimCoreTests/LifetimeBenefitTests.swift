import Foundation
import Testing

@testable import InjurySimCore

/// Survival in lifetime payments: the life table's law, the disabled's higher hazard, and each
/// expected payment = amount × the probability of being alive.
@Suite struct LifetimeBenefitTests {
    static func constant(_ hazard: Double) -> LifeTable {
        LifeTable(male: .init(a: hazard, b: 0, c: 1), female: .init(a: hazard, b: 0, c: 1), loading: 1)
    }

    /// A constant hazard μ gives S(t) = e^(−μ m L t): multiplier m and loading L scale it.
    @Test(arguments: [(0.01, 1.0, 1.0, 10.0), (0.02, 4.0, 1.0, 5.0), (0.01, 1.5, 1.1, 30.0), (0, 3, 1, 50)])
    func constantHazardSurvivesExponentially(hazard: Double, multiplier: Double, loading: Double, years: Double) {
        var table = Self.constant(hazard)
        table.loading = loading
        let expected = exp(-hazard * multiplier * loading * years)
        #expect(abs(table.survival(male: true, age: 30, years: years, multiplier: multiplier) - expected) < 1e-12)
        #expect(abs(table.survival(male: nil, age: 30, years: years, multiplier: multiplier) - expected) < 1e-12)
    }

    /// The Gompertz–Makeham closed form against the hazard integrated numerically (Simpson, 2,000 steps).
    @Test(arguments: [(true, 25.0, 10.0), (true, 60, 20), (false, 45, 30), (false, 80, 15)])
    func gompertzMakehamMatchesTheIntegratedHazard(male: Bool, age: Double, years: Double) {
        let table = LifeTable.chinaProxy
        let law = male ? table.male : table.female
        let steps = 2_000
        let h = years / Double(steps)
        var sum = 0.0
        for i in 0...steps {
            let x = age + Double(i) * h
            sum += (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)) * (law.a + law.b * pow(law.c, x))
        }
        #expect(abs(table.survival(male: male, age: age, years: years) - exp(-sum * h / 3)) < 1e-9)
    }

    static func rules(_ table: LifeTable) -> ClaimRules {
        var rules = ClaimRulesTests.rules
        rules.lifetime.lifeTable = table
        return rules
    }

    /// Each payment of a grade 1 allowance is 8,100 × e^(−μ × 4 × years since the report),
    /// rounded to the fen; the grade's multiplier (×4) applies, grade 5–6 and dependants' none.
    @Test func paymentsAreWeightedBySurvival() {
        let mu = 0.01
        let rules = Self.rules(Self.constant(mu))
        let grade1 = rules.schedule(for: ClaimRulesTests.facts(.grade(1))).fundPayments.filter { $0.item == .disabilityAllowance }
        for payment in grade1.prefix(300) {
            let years = Double(payment.month - 5) / 12
            #expect(payment.amount == Money.fen(yuan: 8_100 * exp(-mu * 4 * years)), "month \(payment.month)")
        }
        let grade5 = rules.schedule(for: ClaimRulesTests.facts(.grade(5))).fundPayments.filter { $0.item == .grade5to6Allowance }
        for payment in grade5 {
            #expect(payment.amount == Money.fen(yuan: 6_300 * exp(-mu * Double(payment.month - 5) / 12)))
        }
        let death = rules.schedule(for: ClaimRulesTests.facts(.death, dependants: [Dependant(kind: .parent, age: 60)]))
        for payment in death.fundPayments where payment.item == .dependantsPension {
            // Survival counts from the death month (report 5 + lag 3).
            #expect(payment.amount == Money.fen(yuan: 2_700 * exp(-mu * Double(payment.month - 8) / 12)))
        }
    }

    /// A higher hazard shortens lifetime streams: the expected total falls as mortality rises.
    @Test func higherMortalityLowersTheExpectedCost() {
        var totals: [Fen] = []
        for loading in [0.5, 1.0, 2.0, 4.0] {
            var table = LifeTable.chinaProxy
            table.loading = loading
            totals.append(Self.rules(table).schedule(for: ClaimRulesTests.facts(.grade(1), care: true)).fundTotal)
        }
        #expect(totals == totals.sorted(by: >) && Set(totals).count == 4, "\(totals)")
    }

    /// Age at hire: the band shares of the scenario, uniform within each band, fixed per person.
    @Test func ageAtHireFollowsTheBands() {
        let bands = [0.1, 0.4, 0.3, 0.2, 0]
        let root = StreamKey(seed: 5)
        var counts = [Int](repeating: 0, count: 5)
        var men = 0
        let n = 40_000
        for i in 0..<n {
            let person = root.child(UInt64(i))
            let (age, male) = WorkerAge.atHire(person: person, hireDay: i % 300 - 100, bands: bands, maleShare: 0.9)
            #expect(age >= 18 && age < 50)
            let band = Scenario.Sector.ageBandEdges.lastIndex { $0 <= age }!
            counts[band] += 1
            if male { men += 1 }
            let again = WorkerAge.atHire(person: person, hireDay: i % 300 - 100, bands: bands, maleShare: 0.9)
            #expect(again.age == age && again.isMale == male)
        }
        for (band, share) in bands.enumerated() {
            let sd = (Double(n) * share * (1 - share)).squareRoot()
            #expect(abs(Double(counts[band]) - Double(n) * share) <= 5 * sd + 1e-9, "band \(band): \(counts[band])")
        }
        #expect(abs(Double(men) - 0.9 * Double(n)) <= 5 * (Double(n) * 0.09).squareRoot())
    }
}
