import Foundation
import InjurySimOutput
import InjurySimScenario

/// On SIGINT or SIGTERM during a run: remove staging folders and exit, leaving no partial results.
final class InterruptGuard: @unchecked Sendable {
    // Safe: the sources are created once in init and only cancelled afterwards.
    private var sources: [DispatchSourceSignal] = []

    init(console: Console) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
            source.setEventHandler {
                StagingCleanup.shared.removeAll()
                if let checkpoint = StagingCleanup.shared.checkpoint, !checkpoint.isRemoved, checkpoint.keptCount > 0 {
                    checkpoint.markEnded("was interrupted (\(name))")
                    console.err(
                        "\ninjurysim: interrupted; no results were written, and the \(checkpoint.keptCount) replications that finished "
                            + "are kept in \(checkpoint.folder.path)\n           run the same command with --resume to continue\n")
                } else if let checkpoint = StagingCleanup.shared.checkpoint, checkpoint.isRemoved {
                    console.err("\ninjurysim: interrupted after the results were in place\n")
                } else {
                    StagingCleanup.shared.checkpoint?.remove()
                    console.err("\ninjurysim: interrupted; no results were written\n")
                }
                exit(ExitCode.interrupted)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
