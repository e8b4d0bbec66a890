import InjurySimEngine
import InjurySimOutput

/// A command of `injurysim`, as a type: made from its parsed arguments (the options its
/// ``CommandName`` declares, ``CommandLineOption``), then run once. `Program` finds the type by
/// the command's name (``CommandName/type``), parses, makes and runs it; help and errors come
/// from the same declarations.
protocol Command: Sendable {
    static var name: CommandName { get }
    init(_ parsed: ParsedArguments) throws(UsageError)
    /// Runs the command and returns the process's exit code.
    func run(console: Console) async -> Int32
}

/// A command that simulates scenarios (run, compare, sweep, solve, sensitivity): the shared
/// simulation options, and one way of ending — an interrupt guard, the checkpoint's note on
/// failure, and the exit code of each kind of error.
protocol SimulationCommand: Command {
    var options: CommandOptions { get }
    init(options: CommandOptions)
    func simulate(console: Console) async throws(Program.CommandError)
}

extension SimulationCommand {
    init(_ parsed: ParsedArguments) throws(UsageError) { self.init(options: try CommandOptions(parsed)) }

    func run(console: Console) async -> Int32 {
        let interrupt = InterruptGuard(console: console)
        defer {
            interrupt.cancel()
            StagingCleanup.shared.checkpoint = nil
        }
        do throws(Program.CommandError) {
            try await simulate(console: console)
            return ExitCode.success
        } catch {
            let keptNote = Program.keptNote
            switch error {
            case .scenario(let problem):
                console.err(problem.description + "\n" + keptNote("stopped on an error in the scenario"))
                return ExitCode.usage
            case .usage(let message):
                console.err("injurysim \(Self.name.rawValue): \(message)\n" + keptNote("stopped on an error (\(message))"))
                return ExitCode.usage
            case .engine(let problem):
                console.err("injurysim \(Self.name.rawValue): \(problem)\n" + keptNote("stopped on an error (\(problem))"))
                return ExitCode.usage
            case .output(let problem):
                console.err("injurysim: \(problem.description)\n" + keptNote("stopped on an error (\(problem.reason))"))
                return problem.dataError ? ExitCode.dataError : ExitCode.cannotWrite
            }
        }
    }
}

extension CommandName {
    /// The type that runs this command.
    var type: any Command.Type {
        switch self {
        case .run: RunCommand.self
        case .compare: CompareCommand.self
        case .sweep: SweepCommand.self
        case .solve: SolveCommand.self
        case .sensitivity: SensitivityCommand.self
        case .sobol: SobolCommand.self
        case .condition: ConditionCommand.self
        case .validate: ValidateCommand.self
        case .validateModel: ValidateModelCommand.self
        case .bench: BenchCommand.self
        case .merge: MergeCommand.self
        case .plan: PlanCommand.self
        case .status: StatusCommand.self
        case .report: ReportCommand.self
        case .reweight: ReweightCommand.self
        case .schema: SchemaCommand.self
        case .show: ShowCommand.self
        case .diff: DiffCommand.self
        case .help: HelpCommand.self
        }
    }
}
