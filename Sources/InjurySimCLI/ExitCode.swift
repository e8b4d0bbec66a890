/// Exit codes, following BSD sysexits where one fits.
package enum ExitCode {
    package static let success: Int32 = 0
    /// Bad arguments or a scenario with problems (EX_USAGE).
    package static let usage: Int32 = 64
    /// Data that cannot be used: parts that are damaged, mismatched, missing or doubled, or a
    /// results file that cannot be read (EX_DATAERR).
    package static let dataError: Int32 = 65
    /// A sharded `condition` study whose rounds so far do not end it: run the next round, then
    /// merge again (EX_TEMPFAIL: try again later).
    package static let moreRounds: Int32 = 75
    /// The results folder could not be written (EX_CANTCREAT).
    package static let cannotWrite: Int32 = 73
    /// Interrupted by a signal (128 + SIGINT).
    package static let interrupted: Int32 = 130
}
