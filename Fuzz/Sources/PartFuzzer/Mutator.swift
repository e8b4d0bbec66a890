// A section-aware custom mutator. libFuzzer's byte mutations of a whole framed input mostly break
// the framing, the manifest's JSON or the scenario, so few inputs reach the decoders and the
// summaries (after 500 k executions of plain mutation, 85 of 4,098 corpus inputs merged). Half
// of the time this mutator changes one section only and keeps the others and the headers: a data
// file gets one aligned 64-bit word replaced by an edge value (sizes stay, and with the flag byte
// set the harness rewrites the checksums), a manifest gets one number replaced by an edge value,
// or any section gets libFuzzer's own mutation. The other half is LLVMFuzzerMutate on the whole
// input (with -dict), which keeps the framing and the parsers under byte-level fuzzing.

import FuzzerDriver

/// SplitMix64 seeded by libFuzzer, so runs replay with -seed.
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

/// Words a data file's word may become: zero, small counts, the decoders' bounds, the extremes
/// of Int64, and doubles' special values.
let edgeWords: [UInt64] = [
    0, 1, 2, 3, 63, 64, 1 << 20, (1 << 20) + 1, 1 << 31, 1 << 39, (1 << 40) - 1, 1 << 40, UInt64(Int64.max), UInt64(Int64.max) / 8,
    UInt64(bitPattern: Int64.min), UInt64(bitPattern: -1), Double.nan.bitPattern, Double.infinity.bitPattern,
    (-Double.infinity).bitPattern, (1e300).bitPattern, (-0.0).bitPattern, (0.5).bitPattern
]

/// Numbers a manifest's number may become.
let edgeNumbers = [
    "0", "1", "2", "-1", "1000000", "1000001", "100000", "100001", "4294967296", "9223372036854775807", "1e300", "0.5", "3"
]

/// The content ranges of the input's sections and their file names.
func sections(_ input: [UInt8]) -> [(name: String, range: Range<Int>)] {
    var found: [(name: String, range: Range<Int>)] = []
    var headers: [(start: Int, contentStart: Int, name: String)] = []
    var index = 0
    while index + marker.count <= input.count {
        if input[index] == marker[0] && input[index..<(index + marker.count)].elementsEqual(marker),
            let newline = input[(index + marker.count)...].firstIndex(of: 0x0A)
        {
            let header = String(decoding: input[(index + marker.count)..<newline], as: UTF8.self)
            let name = header.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
            headers.append((index, newline + 1, name))
            index = newline + 1
        } else {
            index += 1
        }
    }
    for (n, header) in headers.enumerated() {
        let end = n + 1 < headers.count ? headers[n + 1].start : input.count
        found.append((header.name, header.contentStart..<max(header.contentStart, end)))
    }
    return found
}

/// The number tokens of a JSON text (digits with an optional leading minus).
func numberRanges(_ text: ArraySlice<UInt8>) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var index = text.startIndex
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    while index < text.endIndex {
        if isDigit(text[index]) || (text[index] == UInt8(ascii: "-") && index + 1 < text.endIndex && isDigit(text[index + 1])) {
            var end = index + 1
            while end < text.endIndex && (isDigit(text[end]) || text[end] == UInt8(ascii: ".") || text[end] == UInt8(ascii: "e")) { end += 1 }
            found.append(index..<end)
            index = end
        } else {
            index += 1
        }
    }
    return found
}

@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard let data else { return 0 }
    var random = MutationRandom(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
    if random.chance(50) || size == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
    var input = Array(UnsafeBufferPointer(start: data, count: size))
    let found = sections(input)
    guard !found.isEmpty else { return LLVMFuzzerMutate(data, size, maxSize) }
    let section = random.pick(found)
    let isData = section.name.hasSuffix(".isr3") || section.name.hasSuffix(".ism3") || section.name.hasSuffix(".iss1")
    if isData && section.range.count >= 8 && random.chance(70) {
        // One aligned word, the header's more often (it holds the dimensions and counts).
        let words = section.range.count / 8
        let word = random.chance(50) ? random.below(min(words, 24)) : random.below(words)
        let value = random.chance(80) ? random.pick(edgeWords) : random.next()
        for k in 0..<8 { input[section.range.lowerBound + word * 8 + k] = UInt8(truncatingIfNeeded: value >> UInt64(8 * k)) }
        if random.chance(30) { input[0] |= 1 }  // checksums rewritten by the harness
    } else if section.name == "manifest.json" && random.chance(60) && !numberRanges(input[section.range]).isEmpty {
        let range = random.pick(numberRanges(input[section.range]))
        input.replaceSubrange(range, with: Array(random.pick(edgeNumbers).utf8))
    } else {
        // libFuzzer's mutation of this section alone.
        var content = Array(input[section.range])
        let room = max(0, maxSize - (size - content.count))
        guard room > 0 else { return LLVMFuzzerMutate(data, size, maxSize) }
        let original = content.count
        content += [UInt8](repeating: 0, count: max(0, room - original))
        let newCount = content.withUnsafeMutableBufferPointer { LLVMFuzzerMutate($0.baseAddress, min(original, room), room) }
        input.replaceSubrange(section.range, with: content[0..<newCount])
    }
    guard input.count <= maxSize else { return LLVMFuzzerMutate(data, size, maxSize) }
    input.withUnsafeBufferPointer { buffer in
        if let base = buffer.baseAddress { data.update(from: base, count: buffer.count) }
    }
    return input.count
}
