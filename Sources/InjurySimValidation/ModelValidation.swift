import Foundation
import InjurySimAnalysis
import InjurySimCore
import InjurySimEngine
import InjurySimFormat
import InjurySimOutput
import InjurySimScenario

/// Checks that run the real engine on scenarios built for them and compare with a value
/// computed another way (a closed form, or a small independent computation), plus the
/// calibration of the pilot to its published figures. The tests assert every check passes;
/// `injurysim validate-model` writes the same checks to docs/VALIDATION.md.
package enum ModelValidation {
    /// One check's outcome, as a row of the report.
    package struct Check: Sendable {
        package var name: String
        package var quantity: String
        package var expected: String
        package var simulated: String
        package var tolerance: String
        package var passed: Bool
        package var method: String
    }

    static func text(_ x: Double, _ decimals: Int = 2) -> String { Format.fixed(x, decimals) ?? "n/a" }

    /// The closed-form checks' world (``Scenario/neutral(name:seed:workers:months:replications:claimsPerMillion:ratePerOrderYuan:sectorName:provinceName:)``).
    static func baseScenario(workers: Int, months: Int, replications: Int, claimsPerMillion: Double) -> Scenario {
        .neutral(name: "validation", seed: 20241, workers: workers, months: months, replications: replications, claimsPerMillion: claimsPerMillion)
    }

    /// Expected orders per worker-day in the base scenario (3 orders/hour × 8 hours).
    static let ordersPerWorkerDay = 24.0

    static func days(_ scenario: Scenario) -> Int { SimulationCalendar(start: scenario.startMonth, months: scenario.months).firstDays.last ?? 0 }

    static func total(_ result: ReplicationResult, _ metric: Metric) -> Int64 { result.total(metric, pool: result.poolCount) }

    /// Mean accidents over replications against exposure × claim rate × province and platform risk.
    package static func expectedClaimCounts(threads: Int) async -> Check {
        var s = baseScenario(workers: 20_000, months: 12, replications: 20, claimsPerMillion: 40)
        s.provinces[0].riskMultiplier = .fixed(1.5)
        s.platforms[0].riskMultiplier = .fixed(0.8)
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        let lambda = 20_000 * Double(days(s)) * ordersPerWorkerDay * 40e-6 * 1.5 * 0.8
        let mean = Statistics.mean(results.map { Double(total($0, .accidents)) })
        let se = (lambda / Double(results.count)).squareRoot()
        return Check(
            name: "Expected claim counts", quantity: "accidents per year, mean of \(results.count) replications",
            expected: text(lambda, 1) + " = 20,000 workers × \(days(s)) days × 24 orders × 40 per million × 1.5 × 0.8",
            simulated: text(mean, 1) + " ± " + text(se, 1) + " (SE)", tolerance: "4 SE",
            passed: abs(mean - lambda) <= 4 * se, method: "Poisson exposure: every worker works 8 h every day")
    }

    /// With deaths only and fixed costs, every replication's total cost is count × benefit, to the fen.
    package static func singleSeverityExactCost(threads: Int) async -> Check {
        var s = baseScenario(workers: 5_000, months: 12, replications: 10, claimsPerMillion: 10)
        var severity = [Param](repeating: .fixed(0), count: Severity.allCases.count)
        severity[Severity.death.rawValue] = .fixed(1)
        s.sectors[0].severity = severity
        s.sectors[0].medicalCostMeanYuan = SeverityGroup.allCases.map { _ in .fixed(30_000) }
        // 20 × 51,821 + 6 × 9,000 + 30,000 yuan (no dependants in the base scenario).
        let perDeath: Int64 = 103_642_000 + 5_400_000 + 3_000_000
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        var exact = 0
        var deaths: [Int64] = []
        for r in results {
            let count = total(r, .claimsDeath)
            deaths.append(count)
            let paid = total(r, .benefitsPaid)
            let outstanding = r.value(month: r.months - 1, pool: r.poolCount, metric: .liabilities)
            let incurred = Int64(r.incurredBySector.last ?? 0)
            if count > 0 && paid + outstanding == count * perDeath && incurred == count * perDeath && count == total(r, .accidents) { exact += 1 }
        }
        return Check(
            name: "One severity: cost = count × benefit", quantity: "benefits paid + outstanding (undiscounted), every replication",
            expected: "deaths × ¥" + Format.yuan(fen: perDeath) + " (20 × 51,821 + 6 × 9,000 + 30,000)",
            simulated: "\(exact) of \(results.count) replications exact to the fen (deaths \(deaths.min() ?? 0)–\(deaths.max() ?? 0))",
            tolerance: "0 fen", passed: exact == results.count, method: "deaths only, fixed medical cost, discount 0")
    }

    /// Variance of the yearly claim cost against the compound-Poisson formula λ·E[X²].
    package static func compoundPoissonVariance(threads: Int) async -> Check {
        let sigma = 0.5
        let mean = 5000.0
        var s = baseScenario(workers: 2_000, months: 12, replications: 400, claimsPerMillion: 40)
        s.sectors[0].medicalCostSigma = .fixed(sigma)
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        let costs = results.map { ($0.incurredBySector.last ?? 0) / 100 }
        let lambda = 2_000 * Double(days(s)) * ordersPerWorkerDay * 40e-6
        let median = mean * exp(-sigma * sigma / 2)
        func moment(_ k: Double) -> Double { pow(median, k) * exp(k * k * sigma * sigma / 2) }
        let variance = lambda * moment(2)
        let fourth = lambda * moment(4) + 3 * variance * variance
        let n = Double(costs.count)
        let se = ((fourth - variance * variance * (n - 3) / (n - 1)) / n).squareRoot()
        let sd = Statistics.standardDeviation(costs)
        let sample = sd * sd
        return Check(
            name: "Compound-Poisson variance", quantity: "variance of the yearly claim cost (yuan²), \(costs.count) replications",
            expected: text(variance, 0) + " = λ E[X²], λ = " + text(lambda, 1) + ", X lognormal mean 5,000, σ 0.5",
            simulated: text(sample, 0) + " ± " + text(se, 0) + " (SE)", tolerance: "4 SE",
            passed: abs(sample - variance) <= 4 * se, method: "fixed exposure, one severity, lognormal medical costs")
    }

    /// P(fund short within 12 months) against a convolution over monthly Poisson claim counts.
    package static func ruinProbability(threads: Int) async -> Check {
        let claimCost = 5000.0
        let rate = 0.26
        let initial = 300_000.0
        var s = baseScenario(workers: 1_000, months: 12, replications: 1_000, claimsPerMillion: 50)
        s.sectors[0].medicalCostMeanYuan = SeverityGroup.allCases.map { _ in .fixed(claimCost) }
        s.platforms[0].ratePerOrderYuan = .fixed(rate)
        s.provinces[0].initialBalanceYuan = initial
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        let ruined = results.filter { $0.firstShortfall(pool: 0) != nil }.count
        // Independent computation: distribution of the cumulative claim count, month by month,
        // with ruined paths absorbed. Contributions for month m's expected orders arrive in m + 1.
        let calendar = SimulationCalendar(start: s.startMonth, months: s.months)
        let maxCount = 2_000
        var alive = [Double](repeating: 0, count: maxCount + 1)
        alive[0] = 1
        var ruinProbability = 0.0
        var income = 0.0
        for month in 0..<s.months {
            let dayCount = Double(calendar.firstDays[month + 1] - calendar.firstDays[month])
            let lambda = 1_000 * dayCount * ordersPerWorkerDay * 50e-6
            if month > 0 {
                let previousDays = Double(calendar.firstDays[month] - calendar.firstDays[month - 1])
                income += (1_000 * previousDays * ordersPerWorkerDay * rate * 100).rounded() / 100
            }
            var poisson = [exp(-lambda)]
            for k in 1...400 { poisson.append(poisson[k - 1] * lambda / Double(k)) }
            var next = [Double](repeating: 0, count: maxCount + 1)
            for (count, probability) in alive.enumerated() where probability > 0 {
                for (k, pk) in poisson.enumerated() where count + k <= maxCount { next[count + k] += probability * pk }
            }
            let survivable = Int(((initial + income) / claimCost).rounded(.down))
            for count in (survivable + 1)...maxCount where next[count] > 0 {
                ruinProbability += next[count]
                next[count] = 0
            }
            alive = next
        }
        let interval = Statistics.wilson(successes: ruined, trials: results.count, z: 2.575829)
        let estimate = Double(ruined) / Double(results.count)
        return Check(
            name: "Ruin probability, compound Poisson", quantity: "P(net position < 0 at some month end within 12 months)",
            expected: text(ruinProbability, 4) + " (convolution over monthly claim counts)",
            simulated: text(estimate, 4) + " [99%: " + text(interval.low, 4) + ", " + text(interval.high, 4) + "], \(results.count) replications",
            tolerance: "inside the 99% Wilson interval", passed: ruinProbability >= interval.low && ruinProbability <= interval.high,
            method: "fixed claim size ¥5,000, paid in the accident month; ¥0.26 per order; ¥300,000 initial cash")
    }

    /// The rate-float rule against the 2025 rule on a table of loss ratios.
    package static func rateFloat() -> Check {
        let rule = RateFloatRule(
            enabled: true, reviewMonth: 1, basis: .paid, windowMonths: 12, targetLossRatio: 0.8,
            lossRatioPerStep: 0.1, stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 12)
        let table: [(Double, Double)] = [
            (0.0, 0.5), (0.3, 0.5), (0.45, 0.7), (0.69, 0.9), (0.75, 1.0), (0.8, 1.0), (0.89, 1.0),
            (0.9, 1.1), (1.05, 1.2), (1.3, 1.5), (3.0, 1.5)
        ]
        let wrong = table.filter { abs(rule.multiplier(lossRatio: $0.0, monthsOfContributions: 12) - $0.1) > 1e-9 }
        let young = rule.multiplier(lossRatio: 3, monthsOfContributions: 11)
        return Check(
            name: "Rate float (2025 rule)", quantity: "rate multiplier for \(table.count) loss ratios and a platform with 11 months",
            expected: table.map { text($0.0, 2) + "→" + text($0.1, 1) }.joined(separator: ", ") + "; 11 months → 1.0",
            simulated: "\(table.count - wrong.count) of \(table.count) equal; 11 months → " + text(young, 1),
            tolerance: "exact", passed: wrong.isEmpty && young == 1,
            method: "steps of 10% of the benchmark per 0.1 of loss ratio from 0.8, truncated, capped at ±50%")
    }

    /// The paid-basis rate float against the paid ratio computed by hand. Claims are medical-only,
    /// ¥5,000 each, reported the day they happen and paid three months later, so the benefits
    /// that fall due in month t are ¥5,000 × the claims reported in month t − 3; the paid ratio of
    /// a review is their sum over the 12 months before it ÷ the contributions received in those
    /// months, and the rate from the next month is the rule's multiplier for that ratio.
    package static func laggedRateFloat(threads: Int) async -> Check {
        let lag = 3
        let costFen: Int64 = 500_000
        var s = baseScenario(workers: 5_000, months: 26, replications: 10, claimsPerMillion: 14)
        s.benefits.medicalLagMonths = lag
        s.rateFloat = RateFloatRule(
            enabled: true, reviewMonth: 1, basis: .paid, windowMonths: 12, targetLossRatio: 0.8,
            lossRatioPerStep: 0.1, stepShare: 0.1, maxShare: 0.5, minMonthsOfContributions: 1)
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        // Reviews at the ends of December 2024 and 2025 (months 11 and 23); the new rate is
        // charged on the orders of the next month and received the month after.
        let reviews = [11, 23]
        var agreeing = 0
        var paidRatios: [[Double]] = reviews.map { _ in [] }
        var foresightRatios: [Double] = []
        var applied: [String: Int] = [:]
        for r in results {
            let claims = r.series(.claimsRecognised, pool: 0)
            let received = r.series(.contributions, pool: 0)
            let orders = r.series(.orders, pool: 0)
            var agrees = true
            var multipliers: [String] = []
            for (index, review) in reviews.enumerated() {
                let window = (review - 11)...review
                let paid = window.reduce(Int64(0)) { $0 + ($1 >= lag ? claims[$1 - lag] * costFen : 0) }
                let contributions = window.reduce(Int64(0)) { $0 + received[$1] }
                let ratio = Double(paid) / Double(contributions)
                paidRatios[index].append(ratio)
                let expected = s.rateFloat.multiplier(lossRatio: ratio, monthsOfContributions: review)
                let charged = Double(received[review + 2]) / (Double(orders[review + 1]) * 7)
                agrees = agrees && abs(charged - expected) < 1e-4
                multipliers.append(text(charged, 1))
            }
            // What perfect foresight would read at the first review: every claim of the year.
            foresightRatios.append(
                Double((0...11).reduce(Int64(0)) { $0 + claims[$1] * costFen })
                    / Double((0...11).reduce(Int64(0)) { $0 + received[$1] }))
            applied[multipliers.joined(separator: "→"), default: 0] += 1
            if agrees { agreeing += 1 }
        }
        let spread = applied.sorted { $0.key < $1.key }.map { "\($0.key) in \($0.value)" }.joined(separator: ", ")
        return Check(
            name: "Lagged rate float (paid basis)",
            quantity: "rate multipliers charged after the reviews of Dec 2024 and Dec 2025, \(results.count) replications",
            expected: "the rule's multiplier for the paid ratio by hand = Σ ¥5,000 × claims reported 3 months earlier ÷ "
                + "contributions received, over the 12 months to the review; mean paid ratio " + text(Statistics.mean(paidRatios[0]), 3)
                + " then " + text(Statistics.mean(paidRatios[1]), 3) + " (foresight at the first review: "
                + text(Statistics.mean(foresightRatios), 3) + ")",
            simulated: "\(agreeing) of \(results.count) replications charge the expected multipliers (" + spread + ")",
            tolerance: "10⁻⁴ (contributions are rounded to the fen)", passed: agreeing == results.count,
            method: "medical-only claims of ¥5,000 paid 3 months after their report, 14 per million orders (cost ≈ contributions), "
                + "yearly reviews in January on the paid ratio of the past 12 months, target 0.8, 0.1 per 10% step")
    }

    /// Distinct persons ever insured against the churn model's expectation.
    package static func insuredPersons(threads: Int) async -> Check {
        let churn = 0.1
        var s = baseScenario(workers: 2_000, months: 12, replications: 20, claimsPerMillion: 0)
        s.sectors[0].churnPerMonth = .fixed(churn)
        // Hires aged 18–19: nobody reaches retirement, so churn is the only turnover.
        s.sectors[0].ageBands = [1, 0, 0, 0, 0]
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads)
        let d = 1 - pow(1 - churn, 12.0 / 365)
        let dayCount = Double(days(s))
        let expected = 2_000 * (1 + d * (dayCount - 1))
        let se = (2_000 * (dayCount - 1) * d * (1 - d) / Double(results.count)).squareRoot()
        let mean = Statistics.mean(results.map { Double($0.value(month: $0.months - 1, pool: $0.poolCount, metric: .insuredPersons)) })
        return Check(
            name: "Persons ever insured under churn", quantity: "distinct persons insured in a year, mean of \(results.count) replications",
            expected: text(expected, 1) + " = 2,000 × (1 + d × \(Int(dayCount) - 1)), d = 1 − 0.9^(12/365)",
            simulated: text(mean, 1) + " ± " + text(se, 1) + " (SE)", tolerance: "4 SE",
            passed: abs(mean - expected) <= 4 * se, method: "10% monthly churn, everyone works every day")
    }

    /// The names of ``checks(threads:)``, in report order (the committed report's outline is
    /// read against them in the debug tests, which do not run the engine-sized checks).
    package static let checkNames =
        [
            "Expected claim counts", "One severity: cost = count × benefit", "Compound-Poisson variance",
            "Ruin probability, compound Poisson", "Grade 1 allowance PV, constant hazard", "Parent's pension PV, life table",
            "Indexed annuity certain, financing.md test vector", "Indexed annuity certain, g = i", "Life expectancy of the shipped table",
            improvementCheckName, "Rate float (2025 rule)", "Lagged rate float (paid basis)",
            "Persons ever insured under churn", "IBNR reserve", stationaryName, logisticName
        ] + financingCheckNames + evidenceCheckNames + [chainCheckName]

    /// Every analytic check, in report order.
    package static func checks(threads: Int) async -> [Check] {
        var out = [
            await expectedClaimCounts(threads: threads), await singleSeverityExactCost(threads: threads),
            await compoundPoissonVariance(threads: threads), await ruinProbability(threads: threads)
        ]
        out += annuityPresentValues()
        out.append(improvedLifeExpectancy())
        out.append(rateFloat())
        out.append(await laggedRateFloat(threads: threads))
        out.append(await insuredPersons(threads: threads))
        out.append(await ibnrReserve(threads: threads))
        out.append(stationaryPopulation())
        out.append(await logisticGrowth(threads: threads))
        out += await financingChecks(threads: threads)
        out += evidenceChecks()
        return out
    }

    /// Calibration settings: the pilot run to its last published month on a sample.
    package struct CalibrationRun: Sendable {
        package var sampleFraction: Double = 0.05
        package var replications: Int = 40
        package init() {}
    }

    /// The pilot run to its published month, against the published figures.
    package static func calibration(scenarioPath: String, settings: CalibrationRun, threads: Int) async throws(ScenarioError) -> [PublishedComparison]
    {
        var scenario = try ScenarioLoader.load(path: scenarioPath).scenario
        scenario.sampleFraction = settings.sampleFraction
        scenario.replications = settings.replications
        if let last = scenario.published.map({ $0.month.months(since: scenario.startMonth) }).max() { scenario.months = last + 1 }
        let results = await MonteCarloRunner.run(scenario: scenario, replications: 0..<scenario.replications, threads: threads)
        return RunSummary(scenario: scenario, results: results).published
    }

    /// docs/VALIDATION.md.
    package static func report(
        checks: [Check], calibration: [PublishedComparison], settings: CalibrationRun, chain: (ChainContinuity, path: String)? = nil
    ) -> String {
        var lines = [
            "# Model validation",
            "",
            "Generated by `swift run -c release injurysim validate-model` (it rewrites this file; do not edit it by",
            "hand). CI runs `injurysim validate-model --check` in the release build: it runs every check and the",
            "calibration again and fails if any check fails or if this file lists other checks or figures (the",
            "simulated digits may differ; each check's tolerance decides). The debug tests read this file's outline.",
            "",
            "Tolerances follow from the number of replications: a mean within 4 standard errors (a correct model",
            "fails such a check with probability 6 × 10⁻⁵, normal approximation), a probability inside the 99% Wilson",
            "interval of the simulated estimate (1%), exact rules to the fen or to rounding. With fixed seeds a",
            "check's outcome is itself deterministic: these rates say how often a correct model would fail it.",
            "",
            "## Analytic and independent checks",
            "",
            "Each check runs the real engine on a scenario built for it (one province, one sector, one platform,",
            "inputs fixed, multipliers neutral unless stated) and compares with a value computed another way.",
            "",
            "| check | quantity | expected | simulated | tolerance | pass |",
            "|---|---|---|---|---|---|"
        ]
        for c in checks {
            lines.append("| \(c.name) | \(c.quantity) | \(c.expected) | \(c.simulated) | \(c.tolerance) | \(c.passed ? "yes" : "**NO**") |")
        }
        lines += ["", "Setups:", ""]
        for c in checks { lines.append("- **\(c.name)**: \(c.method).") }
        lines += [
            "",
            "## Calibration to the pilot",
            "",
            "`Scenarios/pilot-2022.json` run to September 2023 (15 months), \(settings.replications) replications on a",
            "\(text(settings.sampleFraction * 100, 0))% sample, scaled to the full population. Published figures: MOHRSS Q3-2023 press conference.",
            "",
            "| figure | month | published | simulated median | simulated 90% interval | published inside |",
            "|---|---|---|---|---|---|"
        ]
        for p in calibration {
            lines.append(
                "| \(p.figure) | \(p.month) | \(text(p.published, 0)) | \(text(p.simulated.p50, 0)) | \(text(p.simulated.p5, 0)) – \(text(p.simulated.p95, 0)) | \(p.isWithinInterval ? "yes" : "no") |"
            )
        }
        lines += ["", calibrationNotes]
        if let chain { lines += [""] + chainSection(chain.0, path: chain.path) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Which pilot inputs were calibrated, and how.
    static let calibrationNotes = """
        ### What was calibrated, and how

        Every other input is the domain reference's default or range (see the comments in the scenario file).
        The three published totals pin down three things:

        - **Persons ever insured (6.68 M)** depends on the active slots and on turnover. The slots (2.85 M
          across the seven provinces) follow the domain reference's sector and provincial shares. Turnover
          has no published figure, so it is the input calibrated: the monthly churn of delivery and instant-
          delivery workers was first assumed uniform on 4–8% and gave about 5.0 M persons; then uniform on
          8–14% (courier workers 10%) gave the published count when every slot was its own person. Since
          persons are counted once (5–25% of delivery riders assumed to work for a second platform, an
          assumption: no published figure), it is uniform on 9.5–15.5%, which gives the published count.
        - **Recognised injuries (32,000)** depends on orders × the claim rate. The first draft drew the
          confirmed-claim rate from a triangular distribution on 1.2–4.0 per million delivery orders (mode
          2.0); its right skew (mean 2.4), together with the new-worker and long-shift multipliers, gave
          about 37,000. The rate is now lognormal with median 2.1 reported (1.9 confirmed) per million and
          σ = 0.3, still inside the domain reference's range and its 1.8–2.3 estimate for the pilot.
        - **Benefits paid (¥490 M)** follows from the claims with the domain defaults for the severity mix,
          medical costs and payment lags; nothing was adjusted for it.

        The published figures are single numbers; the simulated intervals are wide because the claim rate,
        severity mix and medical costs are uncertain inputs drawn once per replication.
        """
}
