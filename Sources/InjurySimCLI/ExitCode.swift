/// Exit codes, following BSD sysexits where one fits.
public enum ExitCode {
    public static let success: Int32 = 0
    /// Bad arguments or a scenario with problems (EX_USAGE).
    public static let usage: Int32 = 64
    /// A results file could not be read (EX_DATAERR).
    public static let dataError: Int32 = 65
    /// The results folder could not be written (EX_CANTCREAT).
    public static let cannotWrite: Int32 = 73
    /// Interrupted by a signal (128 + SIGINT).
    public static let interrupted: Int32 = 130
}

