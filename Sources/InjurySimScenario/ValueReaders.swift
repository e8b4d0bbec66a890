import InjurySimCore
import InjurySimFormat

/// Typed readers over ``JSONNode``s: each returns nil and logs an issue naming the path, the
/// value found and what is allowed, so decoding goes on and every problem is reported.
extension ObjectReader {
    func number(_ key: String, default fallback: Double? = nil, range: ClosedRange<Double>, unit: String = "") -> Double? {
        guard let node = node(key, required: fallback == nil) else { return fallback }
        return InjurySimScenario.number(node, path: path(key), range: range, unit: unit, log: log)
    }

    /// A number that may be left out (nil, no issue); present, it must be in `range`.
    func optionalNumber(_ key: String, range: ClosedRange<Double>, unit: String = "") -> Double? {
        guard let node = node(key) else { return nil }
        return InjurySimScenario.number(node, path: path(key), range: range, unit: unit, log: log)
    }

    func integer(_ key: String, default fallback: Int? = nil, range: ClosedRange<Int>) -> Int? {
        guard let node = node(key, required: fallback == nil) else { return fallback }
        return InjurySimScenario.integer(node, path: path(key), range: range, log: log)
    }

    func string(_ key: String, default fallback: String? = nil) -> String? {
        guard let node = node(key, required: fallback == nil) else { return fallback }
        guard case .string(let text) = node.value else {
            log.add(path(key), node, "expected a string in double quotes, found \(node.typeName)")
            return nil
        }
        return text
    }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let node = node(key) else { return fallback }
        guard case .bool(let flag) = node.value else {
            log.add(path(key), node, "expected true or false, found \(node.typeName)")
            return fallback
        }
        return flag
    }

    func month(_ key: String, required: Bool = true) -> YearMonth? {
        guard let node = node(key, required: required) else { return nil }
        guard case .string(let text) = node.value, let month = YearMonth(parsing: text) else {
            log.add(path(key), node, "expected a month as \"YYYY-MM\" (for example \"2022-07\")")
            return nil
        }
        return month
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) -> T where T.RawValue == String {
        guard let node = node(key) else { return fallback }
        let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let text) = node.value, let value = T(rawValue: text) else {
            log.add(path(key), node, "expected one of \(allowed)")
            return fallback
        }
        return value
    }

    func param(_ key: String, default fallback: Double? = nil, range: ClosedRange<Double>, unit: String = "") -> Param? {
        guard let node = node(key, required: fallback == nil) else {
            return fallback.map { Param(.fixed($0), bounds: range) }
        }
        return InjurySimScenario.param(node, path: path(key), range: range, unit: unit, log: log)
    }

    /// The declared input `key` of `fields`: its range, unit and default come from the declaration.
    func param<Owner>(_ key: String, in fields: [InputField<Owner>]) -> Param? {
        let field = Scenario.field(key, in: fields)
        return param(key, default: field.fallback, range: field.range, unit: field.unit)
    }

    /// A list of names, each of which must be in `allowed`; returns their indices.
    func names(_ key: String, allowed: DefinedNames) -> [Int]? {
        let what = allowed.what
        guard let node = node(key) else { return nil }
        guard case .array(let items) = node.value else {
            log.add(path(key), node, "expected a list of \(what) names")
            return nil
        }
        var indices: [Int] = []
        for (position, item) in items.enumerated() {
            let itemPath = path(key) + "[\(position)]"
            guard case .string(let name) = item.value else {
                log.add(itemPath, item, "expected a \(what) name in double quotes")
                continue
            }
            guard let index = allowed.index(of: name, path: itemPath, node: item, log: log) else { continue }
            indices.append(index)
        }
        return indices
    }
}

func describe(_ range: ClosedRange<Double>, unit: String) -> String {
    let text = Format.plain
    let suffix = unit.isEmpty ? "" : " " + unit
    if range.upperBound == Double.greatestFiniteMagnitude { return "a number ≥ \(text(range.lowerBound))\(suffix)" }
    return "a number from \(text(range.lowerBound)) to \(text(range.upperBound))\(suffix)"
}

func number(_ node: JSONNode, path: String, range: ClosedRange<Double>, unit: String = "", log: IssueLog) -> Double? {
    guard case .number(let value, _) = node.value else {
        log.add(path, node, "expected \(describe(range, unit: unit)), found \(node.typeName)")
        return nil
    }
    guard range.contains(value) else {
        log.add(path, node, "out of range; allowed: \(describe(range, unit: unit))")
        return nil
    }
    return value
}

func integer(_ node: JSONNode, path: String, range: ClosedRange<Int>, log: IssueLog) -> Int? {
    // The text as written decides, so 2^53 + 1 is not read as 2^53.
    guard case .number(let value, let text) = node.value, value == value.rounded(),
        let whole = Int(text) ?? (abs(value) <= 9_007_199_254_740_992 ? Int(value) : nil)
    else {
        log.add(path, node, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        return nil
    }
    guard range.contains(whole) else {
        log.add(path, node, "out of range; allowed: a whole number from \(range.lowerBound) to \(range.upperBound)")
        return nil
    }
    return whole
}

/// A numeric input: a number, or one of the distributions drawn once per replication.
func param(_ node: JSONNode, path: String, range: ClosedRange<Double>, unit: String, log: IssueLog) -> Param? {
    let allowedShapes =
        "a number, or {\"uniform\": [low, high]}, {\"triangular\": [low, mode, high]}, "
        + "{\"normal\": {\"mean\": m, \"sd\": s}}, {\"lognormal\": {\"median\": m, \"sigma\": s}} or {\"choice\": [[value, weight], …]}"
    if case .number = node.value {
        return number(node, path: path, range: range, unit: unit, log: log).map { Param(.fixed($0), bounds: range) }
    }
    guard case .object(let members) = node.value, members.count == 1, let member = members.first else {
        log.add(path, node, "expected \(allowedShapes)")
        return nil
    }
    let inner = path + "." + member.key
    func list(_ count: Int) -> [Double]? {
        guard case .array(let items) = member.value.value, items.count == count else {
            log.add(inner, member.value, "expected a list of \(count) numbers")
            return nil
        }
        let values = items.enumerated().compactMap { number($1, path: inner + "[\($0)]", range: range, unit: unit, log: log) }
        return values.count == count ? values : nil
    }
    switch member.key {
    case "uniform":
        guard let v = list(2) else { return nil }
        guard v[0] <= v[1] else { log.add(inner, member.value, "low must not exceed high"); return nil }
        return Param(.uniform(low: v[0], high: v[1]), bounds: range)
    case "triangular":
        guard let v = list(3) else { return nil }
        guard v[0] <= v[1], v[1] <= v[2] else { log.add(inner, member.value, "needs low ≤ mode ≤ high"); return nil }
        return Param(.triangular(low: v[0], mode: v[1], high: v[2]), bounds: range)
    case "normal", "lognormal":
        guard let reader = ObjectReader(member.value, path: inner, log: log) else { return nil }
        let centreKey = member.key == "normal" ? "mean" : "median"
        let spreadKey = member.key == "normal" ? "sd" : "sigma"
        let centre = reader.number(centreKey, range: range, unit: unit)
        let spread = reader.number(spreadKey, range: 0...Double.greatestFiniteMagnitude)
        reader.finish(allowed: [centreKey, spreadKey])
        guard let centre, let spread else { return nil }
        if member.key == "lognormal" && centre <= 0 {
            log.add(inner + ".median", member.value, "a lognormal median must be above 0")
            return nil
        }
        return Param(member.key == "normal" ? .normal(mean: centre, sd: spread) : .lognormal(median: centre, sigma: spread), bounds: range)
    case "choice":
        guard case .array(let items) = member.value.value, !items.isEmpty else {
            log.add(inner, member.value, "expected a non-empty list of [value, weight] pairs")
            return nil
        }
        var values: [Double] = []
        var weights: [Double] = []
        for (k, item) in items.enumerated() {
            guard case .array(let pair) = item.value, pair.count == 2,
                let value = number(pair[0], path: inner + "[\(k)][0]", range: range, unit: unit, log: log),
                let weight = number(pair[1], path: inner + "[\(k)][1]", range: 0...Double.greatestFiniteMagnitude, log: log)
            else {
                if case .array(let pair) = item.value, pair.count == 2 { continue }
                log.add(inner + "[\(k)]", item, "expected a [value, weight] pair")
                continue
            }
            values.append(value)
            weights.append(weight)
        }
        guard values.count == items.count else { return nil }
        let total = weights.reduce(0, +)
        guard total > 0 else { log.add(inner, member.value, "weights must not all be 0"); return nil }
        guard total.isFinite else { log.add(inner, member.value, "weights must add up to a finite number; scale them down"); return nil }
        return Param(.choice(values: values, weights: weights), bounds: range)
    default:
        log.add(inner, member.value, "unknown distribution \"\(member.key)\"; expected \(allowedShapes)")
        return nil
    }
}
