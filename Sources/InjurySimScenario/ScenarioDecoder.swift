import InjurySimCore
import InjurySimFormat

/// Turns a parsed scenario document into a validated ``Scenario``, collecting every problem.
///
/// Defaults and ranges here are the ones documented in `Scenarios/README.md`.
enum ScenarioDecoder {
    static let any = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    static let nonNegative = 0...Double.greatestFiniteMagnitude
    static let share = 0.0...1.0

    /// Defaults for the national urban per-capita disposable income (NBS; domain reference §3.4).
    static let urbanIncomeDefaults: [Int: Double] = [2021: 47412, 2022: 49283, 2023: 51821, 2024: 54188, 2025: 56502]

    static func decode(_ root: JSONNode, log: IssueLog) -> Scenario? {
        guard let top = ObjectReader(root, path: "", log: log, kind: .scenario) else { return nil }
        let name = top.string("name")
        if let name, !Self.isFolderName(name) {
            log.add(
                "name", top.node("name"), "must be 1 to 100 letters, digits, '.', '_' and '-', not starting with '.' (it names the results folder)")
        }
        let description = top.string("description", default: "")
        if let description { checkName(description, .text, path: "description", node: top.node("description"), log: log) }
        let start = top.month("startMonth")
        let months = top.integer("months", range: 1...1200)
        let seed = top.integer("seed", default: 1, range: 0...(1 << 53))
        let replications = top.integer("replications", default: 100, range: 1...Scenario.maximumReplications)
        let fraction = top.number("sampleFraction", default: 1, range: ScenarioLoader.sampleFractionRange)
        let uncertainty = top.bool("uncertainty", default: true)
        let shardSize = top.integer("shardSize", default: 65536, range: 256...(1 << 24))
        let minimumPerPool = top.integer(
            "minimumSampledWorkersPerPool", default: Scenario.defaultMinimumSampledWorkersPerPool, range: 0...2_000_000_000)
        let pooling: Scenario.Pooling = top.choice("pooling", default: .province)
        let reportLanguage: ReportLanguage = top.choice("reportLanguage", default: .en)

        // References are checked against every name the maps define, decoded or not, so a
        // mistake inside one sector is not also reported at every reference to it.
        let (sectors, sectorNames) = namedObjects(top, "sectors", kind: .sector, what: "sector", log: log) { sector($0, name: $1) }
        let (decodedPlatforms, platformNames) = namedObjects(top, "platforms", kind: .platform, what: "platform", log: log) {
            platform($0, name: $1, sectors: sectorNames)
        }
        let (provinces, provinceNames) = namedObjects(top, "provinces", kind: .province, what: "province", log: log) {
            province($0, name: $1, sectors: sectorNames, platforms: platformNames)
        }
        var platforms = decodedPlatforms
        checkShares(platforms: platforms, sectors: sectorNames.names, top: top, log: log)
        // Only when every platform decoded can a sector be said to have none.
        for province in provinces where platforms.count == platformNames.names.count {
            for (sector, count) in province.workers.enumerated() where count > 0 && !platforms.contains(where: { $0.sector == sector }) {
                log.add(
                    "provinces." + province.name + ".workers." + sectorNames.names[sector], top.node("provinces"),
                    "has workers but no platform in sector \"\(sectorNames.names[sector])\" serves them; add a platform or set the count to 0")
            }
        }

        let labels = decodeLabels(top, log: log)
        let risk = decodeRisk(top.node("risk"), log: log)
        let benefits = decodeBenefits(top.node("benefits"), log: log)
        let fund = decodeFund(top.node("fund"), log: log)
        let basis = decodeBasis(top.node("basis"), log: log)
        let financing = decodeFinancing(top.node("financing"), log: log)
        let rateFloat = decodeRateFloat(top.node("rateFloat"), log: log, provinces: provinceNames)
        let rateTiers = top.node("rateTiers").map { decodeRateTiers($0, log: log, sectors: sectorNames, start: start, months: months) }
        var rollout: [Scenario.RolloutPhase] = []
        if let node = top.node("rollout") {
            rollout = list(node, path: "rollout", kind: .phase, log: log) {
                phase($0, path: $1, provinces: provinceNames, sectors: sectorNames, platforms: platformNames, log: log)
            }
        } else if let start {
            rollout = [Scenario.RolloutPhase(start: start, provinces: nil, sectors: nil, platforms: nil, rampMonths: 0, takeUp: 1)]
        }
        var shocks: [Scenario.Shock] = []
        if let node = top.node("shocks") {
            shocks = list(node, path: "shocks", kind: .shock, log: log) {
                shock($0, path: $1, provinces: provinceNames, sectors: sectorNames, platforms: platformNames, log: log)
            }
            var seen = Set<String>()
            for shock in shocks where !seen.insert(shock.name).inserted {
                log.add("shocks", node, "two shocks are named \"\(shock.name)\"; names must be unique")
            }
        }
        var published: [Scenario.PublishedFigures] = []
        if let node = top.node("published") {
            published = publishedFigures(
                node, log: log, start: start, months: months, platformNames: platformNames, sectorNames: sectorNames)
        }
        // `continues` is taken out before decoding (ScenarioChain), `extends` before that; a
        // label is the report's (read where the report reads it); `$schema` is for editors.
        _ = (top.node("extends"), top.node("continues"), top.node("label"), top.node("$schema"))
        top.finish()
        for (key, names) in [("sectors", sectorNames), ("platforms", platformNames), ("provinces", provinceNames)] {
            if let root = top.node(key), names.names.isEmpty, case .object = root.value { log.add(key, root, "needs at least one \(names.what)") }
        }

        guard log.issues.isEmpty, let name, let description, let start, let months, let seed, let replications,
            let fraction, let shardSize, let risk, let benefits, let fund, let basis, let financing, let rateFloat
        else { return nil }
        resolveShares(&platforms, sectorCount: sectors.count)
        var scenario = Scenario(
            name: name, description: description, startMonth: start, months: months, seed: UInt64(seed),
            replications: replications, sampleFraction: fraction, uncertainty: uncertainty,
            shardSize: shardSize, pooling: pooling, sectors: sectors, provinces: provinces,
            platforms: platforms, risk: risk, benefits: benefits, fund: fund, rateFloat: rateFloat,
            rollout: rollout, shocks: shocks)
        scenario.published = published
        scenario.labels = labels
        scenario.basis = basis
        scenario.financing = financing
        scenario.rateTiers = rateTiers ?? nil
        scenario.reportLanguage = reportLanguage.rawValue
        scenario.minimumSampledWorkersPerPool = minimumPerPool ?? Scenario.defaultMinimumSampledWorkersPerPool
        ScenarioChecks.populationShares(scenario, root: root, log: log)
        scenario.warnings = ScenarioChecks.horizon(scenario, root: root, log: log)
        ScenarioChecks.moneyRange(scenario, root: root, log: log)
        return log.issues.isEmpty ? scenario : nil
    }

    /// Decodes an object whose keys are names (sectors, platforms, provinces), in file order:
    /// the entries that decoded, and every name the map defines.
    static func namedObjects<T>(
        _ top: ObjectReader, _ key: String, kind: ScenarioObject, what: String, log: IssueLog,
        _ make: (ObjectReader, String) -> T?
    ) -> ([T], DefinedNames) {
        guard let node = top.node(key, required: true), let map = ObjectReader(node, path: key, log: log) else {
            return ([], DefinedNames([], what: what, known: false))
        }
        var values: [T] = []
        let members = map.allMembers()
        for member in members {
            guard let reader = ObjectReader(member.value, path: map.path(member.key), log: log, kind: kind) else { continue }
            if member.key.isEmpty { log.add(map.path(member.key), member.value, "names must not be empty") }
            checkName(member.key, .identifier, path: map.path(member.key), node: member.value, log: log)
            if let value = make(reader, member.key) { values.append(value) }
        }
        return (values, DefinedNames(members.map(\.key), what: what))
    }

    static func list<T>(_ node: JSONNode, path: String, kind: ScenarioObject, log: IssueLog, _ make: (ObjectReader, String) -> T?) -> [T] {
        guard case .array(let items) = node.value else {
            log.add(path, node, "expected a list [ … ], found \(node.typeName)")
            return []
        }
        return items.enumerated().compactMap { index, item in
            let itemPath = path + "[\(index)]"
            guard let reader = ObjectReader(item, path: itemPath, log: log, kind: kind) else { return nil }
            return make(reader, itemPath)
        }
    }

    static func sector(_ r: ObjectReader, name: String) -> Scenario.Sector? {
        let ordersPerHour = r.param("ordersPerHour", in: Scenario.sectorInputs)
        let shiftHours = r.param("shiftHours", in: Scenario.sectorInputs)
        let spread = r.number("shiftHoursSpread", default: 1.5, range: 0...8, unit: "hours")
        let fullTime = r.param("fullTimeDaysPerWeek", in: Scenario.sectorInputs)
        let occasionalDays = r.param("occasionalDaysPerYear", in: Scenario.sectorInputs)
        let occasionalShare = r.param("occasionalShare", in: Scenario.sectorInputs)
        let claims = r.param("claimsPerMillionOrders", in: Scenario.sectorInputs)
        let recognition = r.param("recognitionProbability", in: Scenario.sectorInputs)
        let severity = severityWeights(r)
        let medical = groupParams(r, "medicalCostMeanYuan")
        let sigma = r.param("medicalCostSigma", in: Scenario.sectorInputs)
        let recovery = groupParams(r, "recoveryDays")
        let churn = r.param("churnPerMonth", in: Scenario.sectorInputs)
        let growth = r.param("ordersGrowthPerYear", in: Scenario.sectorInputs)
        let ordersSaturation = r.param("ordersSaturation", in: Scenario.sectorInputs)
        let workersGrowth = r.param("workersGrowthPerYear", in: Scenario.sectorInputs)
        let workersSaturation = r.param("workersSaturation", in: Scenario.sectorInputs)
        // Workers cannot grow without a ceiling: slots are allocated for it (GrowthPath).
        if let workersGrowth, let workersSaturation, workersGrowth.largest != 0 || workersGrowth.smallest != 0,
            workersSaturation.largest <= 1, let node = r.node("workersGrowthPerYear")
        {
            r.log.add(
                r.path("workersGrowthPerYear"), node,
                "workers can grow only toward a ceiling: give workersSaturation, the most workers as a multiple of "
                    + "the starting ones (above 1), as well")
        }
        let ages = numberList(
            r, "ageBands", count: 5, default: Scenario.Sector.deliveryAgeBands, range: share,
            what: "shares of new hires aged 18–19, 20–29, 30–39, 40–49 and 50–59")
        if let ages, abs(ages.reduce(0, +) - 1) > 1e-6, let node = r.node("ageBands") {
            r.log.add(r.path("ageBands"), node, "the five shares must sum to 1; they sum to \(Format.plain(ages.reduce(0, +)))")
        }
        let male = r.number("maleShare", default: 0.93, range: share)
        let multiPlatform = r.param("multiPlatformShare", in: Scenario.sectorInputs)
        // The sector whose streams draw this one's inputs (an earlier phase's name for it).
        var drawnAs: String?
        if let node = r.node("drawnAs") {
            if case .string(let text) = node.value {
                drawnAs = text
                checkName(text, .identifier, path: r.path("drawnAs"), node: node, log: r.log)
            } else {
                r.log.add(r.path("drawnAs"), node, "expected the name of a sector in double quotes, found \(node.typeName)")
            }
        }
        // The declared inputs (Scenario.sectorInputs) and the sector's plain settings.
        _ = r.node("label")
        r.finish()
        guard let ordersPerHour, let shiftHours, let spread, let fullTime, let occasionalDays, let occasionalShare,
            let claims, let recognition, let severity, let medical, let sigma, let recovery, let churn, let growth,
            let ordersSaturation, let workersGrowth, let workersSaturation, let ages, let male, let multiPlatform
        else { return nil }
        var recoveryAll = recovery
        recoveryAll.append(contentsOf: [Param.fixed(0), Param.fixed(0)])
        var sector = Scenario.Sector(
            name: name, ordersPerHour: ordersPerHour, shiftHours: shiftHours, shiftHoursSpread: spread,
            fullTimeDaysPerWeek: fullTime, occasionalDaysPerYear: occasionalDays,
            occasionalShare: occasionalShare, claimsPerMillionOrders: claims,
            recognitionProbability: recognition, severity: severity, medicalCostMeanYuan: medical,
            medicalCostSigma: sigma, recoveryDays: recoveryAll, churnPerMonth: churn,
            ordersGrowthPerYear: growth, ageBands: ages, maleShare: male, multiPlatformShare: multiPlatform, drawnAs: drawnAs)
        sector.ordersSaturation = ordersSaturation
        sector.workersGrowthPerYear = workersGrowth
        sector.workersSaturation = workersSaturation
        return sector
    }

    static func severityWeights(_ r: ObjectReader) -> [Param]? {
        guard let node = r.node("severity", required: true), let map = ObjectReader(node, path: r.path("severity"), log: r.log) else { return nil }
        let field = Scenario.field("severity", in: Scenario.sectorInputs)
        var weights: [Param] = []
        var ok = true
        for (index, member) in field.members.enumerated() {
            if let param = map.param(member, default: field.memberDefaults?[index], range: field.range, unit: field.unit) {
                weights.append(param)
            } else {
                ok = false
            }
        }
        map.finish(allowed: field.members)
        guard ok else { return nil }
        let total = weights.reduce(0) { $0 + $1.central }
        if abs(total - 1) > 0.01 {
            r.log.add(r.path("severity"), node, "shares of medicalOnly, grade10…grade1 and death must sum to 1; they sum to \(total)")
            return nil
        }
        return weights
    }

    /// A keyed sector input (one value per severity group) as its declaration says.
    static func groupParams(_ r: ObjectReader, _ key: String) -> [Param]? {
        let field = Scenario.field(key, in: Scenario.sectorInputs)
        let members = field.members, defaults = field.memberDefaults
        guard let node = r.node(key, required: defaults == nil) else {
            return defaults.map { $0.map { Param(.fixed($0), bounds: field.range) } }
        }
        guard let map = ObjectReader(node, path: r.path(key), log: r.log) else { return nil }
        var values: [Param] = []
        for (index, member) in members.enumerated() {
            if let value = map.param(member, default: defaults?[index], range: field.range, unit: field.unit) { values.append(value) }
        }
        map.finish(allowed: members)
        return values.count == members.count ? values : nil
    }

    static func platform(_ r: ObjectReader, name: String, sectors: DefinedNames) -> Scenario.Platform? {
        var sector: Int?
        if let sectorName = r.string("sector") {
            sector = sectors.index(of: sectorName, path: r.path("sector"), node: r.node("sector"), log: r.log)
        }
        let rate = r.param("ratePerOrderYuan", in: Scenario.platformInputs)
        let shareOfSector = r.number("shareOfSector", default: -1, range: -1...1)
        let risk = r.param("riskMultiplier", in: Scenario.platformInputs)
        _ = r.node("label")
        r.finish()
        if let shareOfSector, shareOfSector < 0, r.node("shareOfSector") != nil {
            r.log.add(r.path("shareOfSector"), r.node("shareOfSector"), "out of range; allowed: a number from 0 to 1")
        }
        guard let sector, let rate, let shareOfSector, let risk else { return nil }
        return Scenario.Platform(name: name, sector: sector, ratePerOrderYuan: rate, shareOfSector: shareOfSector, riskMultiplier: risk)
    }

    /// Platforms without a share split what the others leave of their sector equally.
    static func checkShares(platforms: [Scenario.Platform], sectors: [String], top: ObjectReader, log: IssueLog) {
        for (sector, name) in sectors.enumerated() {
            let members = platforms.filter { $0.sector == sector }
            let given = members.filter { $0.shareOfSector >= 0 }.reduce(0) { $0 + $1.shareOfSector }
            if given > 1 + 1e-9 {
                log.add(
                    "platforms", top.node("platforms"), "shareOfSector of the platforms in sector \"\(name)\" sums to \(given); it must not exceed 1")
            }
        }
    }

    static func resolveShares(_ platforms: inout [Scenario.Platform], sectorCount: Int) {
        for sector in 0..<sectorCount {
            let members = platforms.indices.filter { platforms[$0].sector == sector }
            let given = members.filter { platforms[$0].shareOfSector >= 0 }.reduce(0) { $0 + platforms[$1].shareOfSector }
            let open = members.filter { platforms[$0].shareOfSector < 0 }
            for index in open { platforms[index].shareOfSector = max(0, 1 - given) / Double(open.count) }
        }
    }

    static func province(_ r: ObjectReader, name: String, sectors: DefinedNames, platforms: DefinedNames) -> Scenario.Province? {
        let wage = r.param("averageMonthlyWageYuan", in: Scenario.provinceInputs)
        let risk = r.param("riskMultiplier", in: Scenario.provinceInputs)
        let premium = r.param("wageGrowthPremiumPerYear", in: Scenario.provinceInputs)
        var workers = [Int](repeating: 0, count: sectors.names.count)
        if let node = r.node("workers", required: true), let map = ObjectReader(node, path: r.path("workers"), log: r.log) {
            for member in map.allMembers() {
                guard let sector = sectors.index(of: member.key, path: map.path(member.key), node: member.value, log: r.log) else { continue }
                if let count = integer(member.value, path: map.path(member.key), range: 0...2_000_000_000, log: r.log) { workers[sector] = count }
            }
        }
        var shares: [Int: Double] = [:]
        if let node = r.node("platformShares"), let map = ObjectReader(node, path: r.path("platformShares"), log: r.log) {
            for member in map.allMembers() {
                guard let platform = platforms.index(of: member.key, path: map.path(member.key), node: member.value, log: r.log) else { continue }
                if let value = number(member.value, path: map.path(member.key), range: share, log: r.log) { shares[platform] = value }
            }
        }
        let balance = r.number("initialBalanceYuan", default: 0, range: 0...1e13, unit: "yuan")
        let pool = r.string("pool", default: name)
        if let pool, pool.isEmpty { r.log.add(r.path("pool"), r.node("pool"), "a pool name must not be empty") }
        if let pool, r.node("pool") != nil { checkName(pool, .identifier, path: r.path("pool"), node: r.node("pool"), log: r.log) }
        _ = r.node("label")
        r.finish()
        guard let wage, let risk, let premium, let balance, let pool else { return nil }
        var province = Scenario.Province(
            name: name, averageMonthlyWageYuan: wage, riskMultiplier: risk, workers: workers,
            platformShares: shares, initialBalanceYuan: balance)
        province.pool = pool == name ? nil : pool
        province.wageGrowthPremiumPerYear = premium
        return province
    }

    static func decodeRisk(_ node: JSONNode?, log: IssueLog) -> Scenario.Risk? {
        let empty = JSONNode(value: .object([]), line: 0, column: 0)
        guard let r = ObjectReader(node ?? empty, path: "risk", log: log, kind: .risk) else { return nil }
        let longShift = r.number("longShiftHours", default: 10, range: 0...24, unit: "hours")
        let extra = r.param("extraRiskPerLongHour", in: Scenario.riskInputs)
        let newDays = r.integer("newWorkerDays", default: 30, range: 0...3650)
        let newMultiplier = r.param("newWorkerMultiplier", in: Scenario.riskInputs)
        r.finish()
        guard let longShift, let extra, let newDays, let newMultiplier else { return nil }
        return Scenario.Risk(longShiftHours: longShift, extraRiskPerLongHour: extra, newWorkerDays: newDays, newWorkerMultiplier: newMultiplier)
    }

    static func decodeFund(_ node: JSONNode?, log: IssueLog) -> Scenario.Fund? {
        let empty = JSONNode(value: .object([]), line: 0, column: 0)
        guard let r = ObjectReader(node ?? empty, path: "fund", log: log, kind: .fund) else { return nil }
        let chargeAdmin = r.bool("chargeAdminCost", default: false)
        let admin = r.param("adminCostShare", in: Scenario.fundInputs)
        movedToBasis(r, ["investmentReturnPerYear": "investmentReturnPerYear", "liabilityDiscountRatePerYear": "discountRatePerYear"])
        let shortfall: Scenario.Shortfall = r.choice("shortfall", default: .borrow)
        r.finish()
        guard let admin else { return nil }
        return Scenario.Fund(chargeAdminCost: chargeAdmin, adminCostShare: admin, shortfall: shortfall)
    }

    static func decodeRateFloat(_ node: JSONNode?, log: IssueLog, provinces: DefinedNames) -> RateFloatRule? {
        let empty = JSONNode(value: .object([]), line: 0, column: 0)
        guard let r = ObjectReader(node ?? empty, path: "rateFloat", log: log, kind: .rateFloat) else { return nil }
        let enabled = r.bool("enabled", default: false)
        let reviewMonth = r.integer("reviewMonth", default: 1, range: 1...12)
        let basis: RateFloatRule.Basis = r.choice("basis", default: .paid)
        let window = r.integer("windowMonths", default: 12, range: 1...60)
        let target = r.number("targetLossRatio", default: 0.8, range: 0...100)
        let perStep = r.number("lossRatioPerStep", default: 0.1, range: 0.001...100)
        let step = r.number("stepShare", default: 0.1, range: 0.001...1)
        let maxShare = r.number("maxShare", default: 0.5, range: 0...0.99)
        let minMonths = r.integer("minMonthsOfContributions", default: 12, range: 0...1200)
        let firstReview = firstReviews(r, provinces: provinces)
        r.finish()
        guard let reviewMonth, let window, let target, let perStep, let step, let maxShare, let minMonths, let firstReview else { return nil }
        var rule = RateFloatRule(
            enabled: enabled, reviewMonth: reviewMonth, basis: basis, windowMonths: window, targetLossRatio: target,
            lossRatioPerStep: perStep, stepShare: step, maxShare: maxShare, minMonthsOfContributions: minMonths)
        rule.firstReview = firstReview
        return rule
    }

    /// A plain folder name: no separators, no control characters, not `.`, `..` or hidden.
    static func isFolderName(_ name: String) -> Bool {
        let allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".unicodeScalars
        return !name.isEmpty && name.unicodeScalars.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { allowed.contains($0) }
    }

    static func phase(
        _ r: ObjectReader, path: String, provinces: DefinedNames, sectors: DefinedNames, platforms: DefinedNames,
        log: IssueLog
    ) -> Scenario.RolloutPhase? {
        let start = r.month("startMonth")
        let p = r.names("provinces", allowed: provinces)
        let s = r.names("sectors", allowed: sectors)
        let k = r.names("platforms", allowed: platforms)
        let ramp = r.integer("rampMonths", default: 0, range: 0...600)
        let takeUp = r.number("takeUp", default: 1, range: share)
        r.finish()
        guard let start, let ramp, let takeUp else { return nil }
        return Scenario.RolloutPhase(start: start, provinces: p, sectors: s, platforms: k, rampMonths: ramp, takeUp: takeUp)
    }

    static func shock(
        _ r: ObjectReader, path: String, provinces: DefinedNames, sectors: DefinedNames, platforms: DefinedNames,
        log: IssueLog
    ) -> Scenario.Shock? {
        let name = r.string("name")
        if let name { checkName(name, .text, path: r.path("name"), node: r.node("name"), log: log) }
        let start = r.month("startMonth", required: false)
        let probability = r.number("probabilityPerYear", default: 0, range: share)
        let hasStart = r.node("startMonth") != nil
        if hasStart == ((probability ?? 0) > 0) {
            log.add(path, r.node, "give exactly one of startMonth (a fixed date) and probabilityPerYear above 0 (a random shock)")
        }
        let months = r.integer("months", range: 1...1200)
        let p = r.names("provinces", allowed: provinces)
        let s = r.names("sectors", allowed: sectors)
        let k = r.names("platforms", allowed: platforms)
        let orders = r.param("orders", in: Scenario.shockInputs)
        let claims = r.param("claimFrequency", in: Scenario.shockInputs)
        let severity = r.param("severity", in: Scenario.shockInputs)
        let medical = r.param("medicalCost", in: Scenario.shockInputs)
        let payment = r.param("platformPayment", in: Scenario.shockInputs)
        let investment = r.param("investmentReturn", in: Scenario.shockInputs)
        r.finish()
        guard let name, let probability, let months, let orders, let claims, let severity, let medical, let payment,
            let investment
        else { return nil }
        return Scenario.Shock(
            name: name, start: start, probabilityPerYear: probability, months: months, provinces: p,
            sectors: s, platforms: k, orders: orders, claimFrequency: claims, severity: severity,
            medicalCost: medical, platformPayment: payment, investmentReturn: investment)
    }
}
