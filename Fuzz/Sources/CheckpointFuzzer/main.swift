// libFuzzer harness: a checkpoint folder as bytes → the `--resume` path (CheckpointProbe.resume:
// the real Checkpoint.open on a real folder in /dev/shm, every job loaded through the store,
// the results that fit summarised and rendered as a run's files).
//
// Input format (documented in Fuzz/README.md, "Checkpoint folders"):
//
//     FLAGS  HEADER  [MARK ENTRY]…      MARK = "\n--ISCK-ENTRY--\n"
//
// FLAGS is one byte: bit 0 seals each ENTRY (it is taken as a result's payload and given a valid
// length and checksum, so mutations reach the decoder and the summary instead of stopping at the
// checksum); bit 1 replaces HEADER by a valid header of this build. HEADER is checkpoint.json's
// bytes, each ENTRY the bytes of call0-jobJ.bin (at most 8). A refusal or a skipped file is a
// normal outcome; any trap is a finding.

import FuzzerDriver
import InjurySimCore
import InjurySimOutput
import InjurySimScenario

#if canImport(Glibc)
    import Glibc
#endif

let mark = Array("\n--ISCK-ENTRY--\n".utf8)
let maximumEntries = 8

/// The scenario the seeds were made from: smoke over three months (Fuzz/tools/make-checkpoint-corpus.sh).
let scenario: Scenario = {
    let root = String(#filePath).components(separatedBy: "/Fuzz/Sources/")[0]
    let path = root + "/Scenarios/smoke.json"
    guard let file = fopen(path, "rb") else { fatalError("cannot read \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    do {
        let overrides = [try ScenarioOverride(parsing: "months=3")]
        return try ScenarioLoader.decode(bytes: bytes, file: path, overrides: overrides)
    } catch {
        fatalError("\(path) does not decode: \(error)")
    }
}()

/// This process's own empty folder in shared memory (files there cost no disk).
let base: String = {
    let path = "/dev/shm/injurysim-checkpoint-fuzz-\(getpid())"
    mkdir(path, 0o755)
    return path
}()

func sections(_ input: ArraySlice<UInt8>) -> [[UInt8]] {
    var pieces: [[UInt8]] = []
    var start = input.startIndex
    var index = input.startIndex
    while index + mark.count <= input.endIndex {
        if input[index] == mark[0] && input[index..<(index + mark.count)].elementsEqual(mark) {
            pieces.append(Array(input[start..<index]))
            index += mark.count
            start = index
        } else {
            index += 1
        }
    }
    pieces.append(Array(input[start...]))
    return pieces
}

func fuzzOne(_ input: [UInt8]) {
    guard let flags = input.first else { return }
    let pieces = sections(input.dropFirst())
    let header: [UInt8]? = flags & 2 != 0 ? nil : pieces[0]
    let entries = pieces.dropFirst().prefix(maximumEntries).map { flags & 1 != 0 ? CheckpointProbe.sealed($0) : $0 }
    let used = CheckpointProbe.resume(header: header, entries: Array(entries), scenario: scenario, base: base)
    precondition(used <= entries.count)
}

let callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    let input = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    fuzzOne(input)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
rmdir(base)
exit(status)
