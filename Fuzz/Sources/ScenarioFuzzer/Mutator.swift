// A value-aware custom mutator. Byte-level mutations of a JSON scenario almost always break its
// syntax or push a value out of its validated range, so the decoded-and-valid inputs that reach
// PopulationPlan and ReplicationInputs barely change (1.27 M executions of plain libFuzzer found
// no trap there). Half of the time this mutator keeps the document well-formed and changes one
// value instead: a number, a "YYYY-MM" month, a boolean, a number turned into a distribution, or
// an appended `//SET` override. The other half is libFuzzer's own LLVMFuzzerMutate (with -dict),
// which keeps exercising the parser on malformed text.

import FuzzerDriver

/// A small deterministic generator (SplitMix64) seeded by libFuzzer, so runs replay with -seed.
struct MutationRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// A token of the scenario text: its byte range and kind.
struct Token {
    enum Kind { case number, month, boolean }
    var kind: Kind
    var range: Range<Int>
}

/// Numbers, "YYYY-MM" strings (the range covers the digits inside the quotes) and true/false,
/// outside comments. Strings that are not months are skipped.
func tokens(_ text: [UInt8]) -> [Token] {
    var found: [Token] = []
    var i = 0
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    while i < text.count {
        let b = text[i]
        if b == UInt8(ascii: "/") && i + 1 < text.count && text[i + 1] == UInt8(ascii: "/") {
            // A comment, or a //SET line: its value is text for the mutator too, so only skip "//".
            i += 2
        } else if b == UInt8(ascii: "\"") {
            var j = i + 1
            while j < text.count && text[j] != UInt8(ascii: "\"") && text[j] != 0x0A {
                j += text[j] == UInt8(ascii: "\\") ? 2 : 1
            }
            if j - i - 1 == 7 && j <= text.count, text[i + 5] == UInt8(ascii: "-"),
                (i + 1..<i + 5).allSatisfy({ isDigit(text[$0]) }), isDigit(text[i + 6]), isDigit(text[i + 7])
            {
                found.append(Token(kind: .month, range: (i + 1)..<(i + 8)))
            }
            i = j + 1
        } else if isDigit(b) || (b == UInt8(ascii: "-") && i + 1 < text.count && isDigit(text[i + 1])) {
            var j = i + 1
            while j < text.count,
                isDigit(text[j])
                    || [
                        UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                        UInt8(ascii: "+"), UInt8(ascii: "-")
                    ].contains(text[j])
            {
                j += 1
            }
            found.append(Token(kind: .number, range: i..<j))
            i = j
        } else if text[i...].starts(with: "true".utf8) {
            found.append(Token(kind: .boolean, range: i..<(i + 4)))
            i += 4
        } else if text[i...].starts(with: "false".utf8) {
            found.append(Token(kind: .boolean, range: i..<(i + 5)))
            i += 5
        } else {
            i += 1
        }
    }
    return found
}

/// Numbers at and past the edges of the ranges the decoder checks, and a few ordinary ones.
let edgeNumbers = [
    "0", "1", "-1", "0.5", "2", "7", "12", "13", "60", "61", "100", "120", "256", "365", "600", "1200",
    "1201", "3650", "100000", "1000000", "16777216", "2000000000", "1e13", "1e14", "9e15",
    "9007199254740993", "1e-7", "0.000001", "5e-324", "1e-300", "1e300", "1e308",
    "1.7976931348623157e308", "-0", "0.999999999", "1.0000000001"
]

/// Weights for choice distributions: huge ones overflow the weight sum, tiny ones underflow.
let edgeWeights = ["1", "0", "1e308", "1.7976931348623157e308", "5e-324", "1e-300", "3"]

func mutatedNumber(_ old: String, _ random: inout MutationRandom) -> String {
    let value = Double(old) ?? 1
    switch random.below(6) {
    case 0, 1: return random.pick(edgeNumbers)
    case 2: return String(value * random.pick([10, 0.1, 2, 0.5, 1000, -1]))
    case 3: return String(Int(value.isFinite && abs(value) < 1e15 ? value : 0) + random.pick([1, -1, 12, -12, 100, 1000]))
    case 4:
        // Half of the time both weights are huge, so that their sum overflows to +inf.
        let huge = random.chance(50)
        let w1 = huge ? "1e308" : random.pick(edgeWeights), w2 = huge ? "1.7976931348623157e308" : random.pick(edgeWeights)
        return "{\"choice\": [[\(old), \(w1)], [\(random.pick(edgeNumbers)), \(w2)]]}"
    default:
        let a = random.pick(edgeNumbers), b = random.pick(edgeNumbers)
        switch random.below(4) {
        case 0: return "{\"uniform\": [\(old), \(a)]}"
        case 1: return "{\"triangular\": [\(old), \(old), \(a)]}"
        case 2: return "{\"normal\": {\"mean\": \(old), \"sd\": \(b)}}"
        default: return "{\"lognormal\": {\"median\": \(old), \"sigma\": \(b)}}"
        }
    }
}

func mutatedMonth(_ old: String, _ random: inout MutationRandom) -> String {
    let year = Int(old.prefix(4)) ?? 2024
    let month = Int(old.suffix(2)) ?? 1
    switch random.below(4) {
    case 0: return random.pick(["1900-01", "2200-12", "2024-01", "2024-12", "2099-06", "1999-12"])
    case 1: return String(format4(year + random.pick([-100, -10, -1, 1, 2, 5, 10, 50, 100]))) + "-" + format2(month)
    default: return format4(year + random.below(11) - 3) + "-" + format2(1 + random.below(12))
    }
}

func format4(_ n: Int) -> String { let s = String(min(9999, max(0, n))); return String(repeating: "0", count: 4 - s.count) + s }
func format2(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

/// Overrides worth appending: switches and sizes that change which code runs.
let overrideLines = [
    "uncertainty=false", "uncertainty=true", "pooling=national", "pooling=province", "shardSize=256",
    "months=1", "months=1200", "sampleFraction=0.000001", "minimumSampledWorkersPerPool=2000000000",
    "minimumSampledWorkersPerPool=0", "seed=0", "fund.shortfall=defer", "rateFloat.enabled=true",
    "benefits.suspensionWages=platform", "shocks[0].months=1200",
    "shocks[1].probabilityPerYear=1", "rollout[0].rampMonths=600", "benefits.mortalityLoading=0",
    "benefits.childrenPerDeath=10", "benefits.retirementAgeMen=40", "fund.chargeAdminCost=true",
    "rateFloat.basis=paidPlusReserves", "rateFloat.windowMonths=60"
]

@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard let data else { return 0 }
    var random = MutationRandom(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
    if random.chance(50) || size == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
    let text = Array(UnsafeBufferPointer(start: data, count: size))
    var result: [UInt8]
    if random.chance(10) {
        result = text + Array(("\n//SET " + random.pick(overrideLines)).utf8)
    } else {
        let found = tokens(text)
        guard !found.isEmpty else { return LLVMFuzzerMutate(data, size, maxSize) }
        let token = random.pick(found)
        let old = String(decoding: text[token.range], as: UTF8.self)
        let new: String
        switch token.kind {
        case .number: new = mutatedNumber(old, &random)
        case .month: new = mutatedMonth(old, &random)
        case .boolean: new = old == "true" ? "false" : "true"
        }
        result = Array(text[..<token.range.lowerBound]) + Array(new.utf8) + Array(text[token.range.upperBound...])
    }
    guard result.count <= maxSize else { return LLVMFuzzerMutate(data, size, maxSize) }
    result.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: result.count) }
    return result.count
}
