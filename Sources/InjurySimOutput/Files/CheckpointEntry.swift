import InjurySimCore
import InjurySimEngine

/// One replication's file in a checkpoint: the result's bytes (``ReplicationResult/encoded()``)
/// behind a 24-byte header that carries their length and checksum, so a resumed command never
/// loads a file that was truncated, extended or changed by one bit since it was written
/// (checkpoints can sit on a shared cluster file system: they are untrusted input).
///
/// Layout, little-endian: "ISCK", format 2 (4 bytes; 2 since the payload is an ISR4 result), payload length (8 bytes), FNV-1a 64 of the
/// payload (8 bytes), then the payload. Pure: bytes in, a result or a reason out.
package enum CheckpointEntry {
    static let magic: [UInt8] = Array("ISCK".utf8)
    static let format: UInt32 = 2
    static let headerBytes = 24
    /// The largest payload read back (a national replication is well under 4 MB).
    package static let maxPayloadBytes = 1 << 30

    /// The file's bytes for `result`.
    package static func encode(_ result: ReplicationResult) -> [UInt8] { seal(result.encoded()) }

    /// `payload` behind its header.
    package static func seal(_ payload: [UInt8]) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(headerBytes + payload.count)
        append(UInt64(format), width: 4, to: &bytes)
        append(UInt64(payload.count), width: 8, to: &bytes)
        append(FNV1a.hash(payload), width: 8, to: &bytes)
        return bytes + payload
    }

    /// The payload length the header of a file of `size` bytes announces, or why it cannot be
    /// such a file — checked before the payload is read.
    package static func payloadLength(header: [UInt8], fileSize: Int) -> Result<Int, Problem> {
        guard header.count >= headerBytes, Array(header[0..<4]) == magic else { return .failure(.notAnEntry) }
        guard word(header, at: 4, width: 4) == UInt64(format) else { return .failure(.unknownFormat(word(header, at: 4, width: 4))) }
        let length = word(header, at: 8, width: 8)
        guard length <= UInt64(maxPayloadBytes) else { return .failure(.tooLarge(length)) }
        guard fileSize == headerBytes + Int(length) else { return .failure(.wrongSize(expected: headerBytes + Int(length), found: fileSize)) }
        return .success(Int(length))
    }

    /// The result in a whole file's `bytes`, or why they are not one.
    package static func decode(_ bytes: [UInt8]) -> Result<ReplicationResult, Problem> {
        switch payloadLength(header: Array(bytes.prefix(headerBytes)), fileSize: bytes.count) {
        case .failure(let problem): return .failure(problem)
        case .success: break
        }
        let payload = Array(bytes[headerBytes...])
        let stored = word(bytes, at: 16, width: 8)
        let found = FNV1a.hash(payload)
        guard stored == found else { return .failure(.checksum(stored: stored, found: found)) }
        guard let result = ReplicationResult(encoded: payload) else { return .failure(.undecodable) }
        return .success(result)
    }

    /// Why a file is not a checkpoint entry, in words for a message.
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case notAnEntry
        case unknownFormat(UInt64)
        case tooLarge(UInt64)
        case wrongSize(expected: Int, found: Int)
        case checksum(stored: UInt64, found: UInt64)
        case undecodable
        case unreadable(String)

        package var description: String {
            switch self {
            case .notAnEntry: "it does not start with an injurysim checkpoint header"
            case .unknownFormat(let format): "its entry format \(format) is not one this build reads (\(CheckpointEntry.format))"
            case .tooLarge(let length): "its header announces \(length) bytes, more than a replication can hold"
            case .wrongSize(let expected, let found): "it is \(found) bytes but its header says \(expected): truncated or extended"
            case .checksum(let stored, let found):
                "its checksum is \(hex(found)) but was \(hex(stored)) when written: the file changed"
            case .undecodable: "its checksum matches but its bytes are not a replication's result"
            case .unreadable(let reason): reason
            }
        }

        func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return "fnv1a64:" + String(repeating: "0", count: 16 - text.count) + text
        }
    }

    static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * k))) }
    }

    static func word(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<width { value |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        return value
    }
}
