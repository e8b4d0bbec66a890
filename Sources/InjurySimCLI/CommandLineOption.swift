/// One option as declared once for every command that takes it: its spellings, the placeholder
/// of its value (nil for a flag), its help line and the commands that take it. The parser reads
/// arguments against these declarations and the help is generated from them, so an option is
/// written down in this file only. An option that means something else to another command (such
/// as `--out`, a results folder for `run` and a page for `report`) has a declaration for each.
struct CommandLineOption: Sendable {
    /// The spellings, the canonical one first (`--quiet`, then `-q`).
    var names: [String]
    /// The value's placeholder in the help (`N`, `DIR`); nil for a flag.
    var value: String?
    /// The help text; `{out}` stands for the command's default results folder, `\n` starts a
    /// continuation line.
    var help: String
    var commands: [CommandName]
    /// May be given more than once (`--set`); any other option given twice is refused.
    var repeatable = false

    var name: String { names[0] }

    /// Every option, in the order the help lists them.
    static let all: [CommandLineOption] = {
        let simulation = CommandName.simulation
        return [
            CommandLineOption(
                names: ["--target"], value: "TARGET",
                help:
                    "required: ruin<=P, poolruin<=P, insolvency<=P, capital<=P (P from 0 to 1, or a percentage), funded>=X or reserve>=MONTHS[@YEAR][:P] (reserve of MONTHS of spending at every year end to YEAR in a share P of worlds, 0.95 if left out)",
                commands: [.solve]),
            CommandLineOption(names: ["--for"], value: "SECTOR|all", help: "which sector's rates are scaled (default: all)", commands: [.solve]),
            CommandLineOption(
                names: ["--replications"], value: "N", help: "simulated worlds (default: the scenario's \"replications\", else 100)",
                commands: simulation + [.plan, .condition]),
            CommandLineOption(
                names: ["--rounds"], value: "K", help: "at most K rounds after the first (default: 3)", commands: [.condition]),
            CommandLineOption(
                names: ["--round"], value: "T",
                help: "with --shard: run round T of a sharded study (default: 0); rounds 0 to T-1's\nparts are read from --after",
                commands: [.condition]),
            CommandLineOption(
                names: ["--after"], value: "DIR",
                help:
                    "with --shard --round T: the folder holding the earlier rounds' parts, as\nDIR/round-R/PART (default: Results/<name>-condition-parts)",
                commands: [.condition]),
            CommandLineOption(
                names: ["--rows"], value: "N", help: "base rows of the design: N × (groups + 3) replications (default: 32)", commands: [.sobol]),
            CommandLineOption(
                names: ["--by"], value: "key|input",
                help: "group inputs by field (every sector's claim rate together) or one group per input\n(default: key)", commands: [.sobol]),
            CommandLineOption(
                names: ["--seed"], value: "S", help: "random seed (default: the scenario's \"seed\")",
                commands: simulation + [.plan, .sobol, .condition]),
            CommandLineOption(
                names: ["--sample-fraction"], value: "F", help: "share of worker slots simulated, 0.000001 ≤ F ≤ 1 (default: the scenario's)",
                commands: simulation + [.plan, .sobol, .condition]),
            CommandLineOption(
                names: ["--no-uncertainty"], help: "use central values of uncertain inputs (default: draw them per replication)",
                commands: simulation + [.plan]),
            CommandLineOption(
                names: ["--set"], value: "PATH=VALUE", help: "change one scenario field (repeatable)",
                commands: simulation.filter { $0 != .sweep } + [.plan, .show, .sobol, .condition], repeatable: true),
            CommandLineOption(
                names: ["--set"], value: "PATH=VALUES",
                help: "a grid axis (VALUES: a,b,c or low:high:step; one or two axes), or with one value\na fixed field (repeatable)",
                commands: [.sweep], repeatable: true),
            CommandLineOption(
                names: ["--threads"], value: "T", help: "worker threads (default: the number of cores)",
                commands: simulation + [.validateModel, .sobol, .condition]),
            CommandLineOption(
                names: ["--threads"], value: "T", help: "the largest thread count measured (default: the number of cores)", commands: [.bench]),
            CommandLineOption(names: ["--out"], value: "DIR", help: "results folder (default: {out})", commands: simulation + [.sobol, .condition]),
            CommandLineOption(
                names: ["--out"], value: "DIR", help: "results folder (default: the command's usual folder, e.g. Results/<scenario name>)",
                commands: [.merge]),
            CommandLineOption(
                names: ["--out"], value: "FILE", help: "where to write the page (default: DIR/report.html; - for stdout)", commands: [.report]),
            CommandLineOption(names: ["--out"], value: "FILE", help: "the page written (default: docs/VALIDATION.md)", commands: [.validateModel]),
            CommandLineOption(
                names: ["--scenario"], value: "FILE", help: "the pilot scenario (default: Scenarios/pilot-2022.json)", commands: [.validateModel]),
            CommandLineOption(
                names: ["--chain"], value: "FILE", help: "the chain whose cuts are checked (default: Scenarios/national-2026-chained.json)",
                commands: [.validateModel]),
            CommandLineOption(
                names: ["--pairs"], value: "CSV", help: "also write every (province, platform) pair's months around each cut",
                commands: [.validateModel]),
            CommandLineOption(
                names: ["--check"], help: "compare with the committed page instead of writing it (exit 1 on a difference)",
                commands: [.validateModel]),
            CommandLineOption(names: ["--quick"], help: "smaller workloads (default: the full set)", commands: [.bench]),
            CommandLineOption(names: ["--tiny"], help: "the smallest workloads (the last of --quick and --tiny counts)", commands: [.bench]),
            CommandLineOption(names: ["--json"], help: "print JSON rather than a table", commands: [.bench]),
            CommandLineOption(
                names: ["--set"], value: "PATH=DISTRIBUTION",
                help: "the what-if's distribution of an uncertain input, as a scenario file writes it (repeatable)", commands: [.reweight],
                repeatable: true),
            CommandLineOption(
                names: ["--no-condition"], help: "leave the published figures' observation models out (default: weigh by them)",
                commands: [.reweight]),
            CommandLineOption(
                names: ["--scenarios"], value: "DIR", help: "where the workloads' scenarios are (default: Scenarios)", commands: [.bench]),
            CommandLineOption(names: ["--node-cores"], value: "C", help: "required: cores of one node", commands: [.plan]),
            CommandLineOption(
                names: ["--node-memory"], value: "SIZE", help: "required: memory a job may use on one node (Slurm units: 256G, 192000M)",
                commands: [.plan]),
            CommandLineOption(
                names: ["--time-limit"], value: "TIME", help: "required: the partition's wall-clock limit (Slurm: 2-00:00:00, 12:00:00, 90)",
                commands: [.plan]),
            CommandLineOption(
                names: ["--max-array-size"], value: "N", help: "Slurm's MaxArraySize: array indices 0 to N-1 (default: 1001)", commands: [.plan]),
            CommandLineOption(
                names: ["--cpus-per-task"], value: "T", help: "threads per task (default: a node's cores, fewer if memory needs)", commands: [.plan]),
            CommandLineOption(
                names: ["--tasks"], value: "N", help: "this many tasks (default: the fewest that fit --task-time)", commands: [.plan]),
            CommandLineOption(
                names: ["--task-time"], value: "TIME", help: "the longest a task should run, margin included (default: 1:00:00)",
                commands: [.plan]),
            CommandLineOption(
                names: ["--measure-fraction"], value: "F",
                help: "measure at F and 3F (at the study's fraction and a third of it when that is\nbelow 3F) (default: 0.03)",
                commands: [.plan]),
            CommandLineOption(
                names: ["--measure-replications"], value: "K", help: "replications measured at the higher fraction, 4K at the lower (default: 1)",
                commands: [.plan]),
            CommandLineOption(names: ["--json"], help: "print the plan as JSON", commands: [.plan]),
            CommandLineOption(names: ["--no-report"], help: "write no report.html (default: write it)", commands: simulation),
            CommandLineOption(
                names: ["--monthly-paths"], help: "also write monthly-paths.csv: every replication's monthly figures (large)", commands: [.run]),
            CommandLineOption(names: ["--no-report"], help: "write no report.html (give it when the shards were run with it)", commands: [.merge]),
            CommandLineOption(names: ["--lang"], value: "en|zh", help: "language of report.html (default: en)", commands: simulation),
            CommandLineOption(
                names: ["--lang"], value: "en|zh", help: "language of report.html (default: the scenario's, else en)", commands: [.merge]),
            CommandLineOption(
                names: ["--lang"], value: "en|zh",
                help: "language of every word, unit and number on the page (default: that of the\nfolder's report.html, else en)",
                commands: [.report]),
            CommandLineOption(
                names: ["--resume"], help: "continue an interrupted command from its checkpoint (same arguments)",
                commands: simulation + [.sobol, .condition]),
            CommandLineOption(
                names: ["--shard"], value: "K/N",
                help: "run replications r with r mod N = K-1 only and write a part for merge\n"
                    + "(auto/N: K-1 from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)",
                commands: simulation + [.sobol, .condition]),
            CommandLineOption(names: ["--quiet", "-q"], help: "print nothing but errors", commands: simulation + [.merge, .sobol, .condition]),
            CommandLineOption(names: ["-h", "--help"], help: "print this help", commands: CommandName.allCases)
        ]
    }()

    /// The options `command` takes, in the help's order.
    static func declared(for command: CommandName) -> [CommandLineOption] {
        all.filter { $0.commands.contains(command) }
    }

    /// The declaration `argument` spells for `command`, if any.
    static func lookup(_ argument: String, for command: CommandName) -> CommandLineOption? {
        all.first { $0.commands.contains(command) && $0.names.contains(argument) }
    }
}
