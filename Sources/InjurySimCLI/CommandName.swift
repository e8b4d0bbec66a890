/// The commands `injurysim` takes: dispatch, help and error messages name them through this type
/// rather than string literals. (`bench-row`, the benchmark's internal child command, is not one.)
enum CommandName: String, CaseIterable, Sendable {
    case run, compare, sweep, solve, sensitivity, validate
    case validateModel = "validate-model"
    case sobol, condition
    case bench, merge, plan, status, report, reweight, schema, show, diff, help

    /// The commands that simulate a scenario and share the simulation options.
    static let simulation: [CommandName] = [.run, .compare, .sweep, .solve, .sensitivity]

    var isSimulation: Bool { Self.simulation.contains(self) }

    /// The command's synopsis after `injurysim ` (the first line of its help).
    var synopsis: String {
        switch self {
        case .run: "run SCENARIO [options]"
        case .compare: "compare A.json B.json [C.json …] [options]"
        case .sweep: "sweep SCENARIO --set PATH=VALUES [--set PATH=VALUES] [options]"
        case .solve: "solve SCENARIO --target TARGET [--for SECTOR|all] [options]"
        case .sensitivity: "sensitivity SCENARIO [options]"
        case .sobol: "sobol SCENARIO [--rows N] [--by key|input] [options]"
        case .condition: "condition SCENARIO [--rounds K] [options]"
        case .validate: "validate FILE [FILE …]"
        case .validateModel: "validate-model [--out FILE] [--scenario FILE] [--chain FILE] [--pairs CSV] [--threads T] [--check]"
        case .bench: "bench [--quick|--tiny] [--json] [--threads T] [--scenarios DIR]"
        case .merge: "merge PART [PART …] [--out DIR] [--quiet] [--no-report] [--lang en|zh]"
        case .plan: "plan SCENARIO --node-cores C --node-memory SIZE --time-limit TIME [options]"
        case .status: "status PARTS [PARTS …]"
        case .report: "report DIR [--lang en|zh] [--out FILE]"
        case .reweight: "reweight SCENARIO DIR [--set PATH=DISTRIBUTION …] [--no-condition]"
        case .schema: "schema"
        case .show: "show SCENARIO [--set PATH=VALUE …]"
        case .diff: "diff A.json B.json"
        case .help: "help [COMMAND] | COMMAND --help | --version"
        }
    }

    /// One line (or two) for the general help's list of commands.
    var summary: String {
        switch self {
        case .run: "simulate a scenario; print the verdict; write Results/<name>/"
        case .compare: "run scenarios with common random numbers; side by side with paired differences"
        case .sweep: "a grid over one or two fields (VALUES: a,b,c or low:high:step)"
        case .solve:
            "lowest per-order rate meeting a target: ruin<=P, poolruin<=P, insolvency<=P, capital<=P, funded>=X or reserve>=MONTHS[@YEAR][:P]"
        case .sensitivity: "one input at a time over its range: a ranked tornado table"
        case .sobol: "variance-based indices: how much of each headline figure each group of inputs carries"
        case .condition: "the verdict conditioned on the published figures, in rounds until enough worlds agree"
        case .report: "render report.html again from a results folder's files (no simulation)"
        case .reweight: "what-ifs without re-running: a run's worlds reweighted to other input distributions and the evidence"
        case .validate: "check scenario files without running them; every problem is listed"
        case .validateModel:
            "run the analytic checks, the pilot calibration and the shipped chain's continuity; write docs/VALIDATION.md\n"
                + "(--check: compare with the committed file instead, write nothing)"
        case .merge: "merge the parts of a sharded command into the folder it writes on one machine"
        case .plan: "measure a replication at a small fraction; print a cluster plan: tasks, --mem, --time, node-hours, merge"
        case .status: "a sharded study's progress from its parts folder: tasks done, running, stopped; time left"
        case .bench: "measure throughput on fixed workloads (release build, from the package root)"
        case .schema: "print the JSON Schema of scenario files (docs/scenario.schema.json)"
        case .show: "print a scenario resolved: extends merged, continues inlined, --set applied"
        case .diff: "print the fields that differ between two resolved scenarios, with both values"
        case .help: "print this help, or a command's"
        }
    }

    /// What the command's help says it does (after the synopsis).
    var description: String {
        switch self {
        case .run:
            "Simulates a scenario, prints the verdict and writes summary.json, monthly.csv,\n"
                + "replications.csv, platforms.csv, manifest.json and report.html."
        case .compare:
            "Runs scenarios with common random numbers (the first one's seed, replications and sample\n"
                + "fraction) and prints them side by side with paired differences."
        case .sweep: "A grid over one or two fields (VALUES: a,b,c or low:high:step) with common random numbers."
        case .solve: "Finds the lowest per-order rate (a multiple of the benchmark rates) meeting a target."
        case .sensitivity: "Varies one uncertain input at a time over its range: a ranked tornado table."
        case .sobol:
            "Runs Saltelli's design over the scenario's uncertain inputs (grouped by field, or one group per input) and\n"
                + "writes Sobol first-order and total indices (Jansen's estimators, 95% bootstrap intervals) of\n"
                + "P(insolvent), P(short), the break-even rate and the solvency position: sobol.csv, sobol.json, report.html."
        case .condition:
            "Runs the scenario's worlds and weighs them by the published figures' observation models; while the\n"
                + "effective sample size is below half the worlds, runs another round drawn near the worlds that\n"
                + "agree (population Monte Carlo, at most --rounds). Writes rounds.csv, worlds.csv, condition.json, report.html."
        case .validate: "Checks scenario files without running them; every problem is listed."
        case .validateModel:
            "Runs the analytic checks, the pilot calibration and the continuity of a chain of phases around its cuts;\n"
                + "writes the validation page. Exit 1 when a check fails."
        case .bench: "Measures throughput on fixed workloads (release build, from the package root). Exit 70 when a workload fails."
        case .merge:
            "Checks the parts of a sharded command (same scenario, seed, options and version; every replication\n"
                + "exactly once; checksums) and writes the folder the command writes on one machine, byte for byte.\n"
                + "Exit 65 when parts are damaged, mismatched, missing or doubled (each named)."
        case .plan:
            "Measures replications of the scenario at two small sample fractions (child processes, one thread) and\n"
                + "plans the sharded study for the cluster: tasks, replications per task, --cpus-per-task, --mem,\n"
                + "--time, node-hours, Slurm arrays split at MaxArraySize, part sizes and the merge's memory and time.\n"
                + "Only the measured figures change from one call to the next."
        case .status:
            "Shows a sharded study's progress from its parts folder (the one holding task-0, task-1, …): each\n"
                + "task done (its part), running or stopped (its checkpoint) or not started, the replications done\n"
                + "and, when every unfinished task runs, the time left at their rates. Writes nothing."
        case .report:
            "Renders report.html for a results folder (of run, compare, sweep, solve or sensitivity) from\n"
                + "its files alone, without running anything."
        case .reweight:
            "Reweights the worlds of a run of SCENARIO (its results folder DIR) to the distributions --set gives\n"
                + "(likelihood ratios of the draws replications.csv records) and to the published figures' observation\n"
                + "models (unless --no-condition); prints the verdict over all worlds beside the reweighted one, with\n"
                + "the effective sample size. Runs nothing. Exit 65 when too few worlds carry the weight (the input named)."
        case .schema:
            "Prints the JSON Schema (draft 2020-12) of scenario files, generated from the decoder's declarations;\n"
                + "docs/scenario.schema.json is a copy, for editors."
        case .show:
            "Prints the scenario as one JSON document: its extends merged, the phases it continues inlined and\n"
                + "each --set applied. When that scenario is not valid, its problems follow on stderr (exit 64)."
        case .diff:
            "Prints each field whose value differs between two scenarios (each resolved as show prints it),\n"
                + "as PATH: A-value → B-value. Exit 0 when they are the same, 1 when they differ."
        case .help: "Prints the general help, or COMMAND's."
        }
    }

    /// The default results folder, as the simulation commands' help names it.
    var defaultOut: String {
        switch self {
        case .compare: "Results/compare-<A>-vs-<B>…"
        case .sweep: "Results/<name>-sweep"
        case .solve: "Results/<name>-solve"
        case .sensitivity: "Results/<name>-sensitivity"
        case .sobol: "Results/<name>-sobol"
        case .condition: "Results/<name>-conditioned"
        default: "Results/<scenario name>"
        }
    }

    var example: String {
        switch self {
        case .run: "injurysim run Scenarios/pilot-2022.json --replications 200 --lang zh"
        case .compare: "injurysim compare Scenarios/policy/*.json --replications 100"
        case .sweep: "injurysim sweep Scenarios/smoke.json --set platforms.meituan.ratePerOrderYuan=0.05:0.15:0.05"
        case .solve: "injurysim solve Scenarios/pilot-2022.json --target \"ruin<=0.05\" --for food-delivery"
        case .sensitivity: "injurysim sensitivity Scenarios/pilot-2022.json --replications 50"
        case .sobol: "injurysim sobol Scenarios/pilot-2022.json --rows 64 --sample-fraction 0.01"
        case .condition: "injurysim condition Scenarios/pilot-2022.json --replications 500 --sample-fraction 0.01"
        case .validate: "injurysim validate Scenarios/*.json"
        case .validateModel: "injurysim validate-model --out /tmp/VALIDATION.md"
        case .bench: "swift run -c release injurysim bench --quick"
        case .merge: "injurysim merge Results/national-2026-parts/* --out Results/national-2026"
        case .status: "injurysim status Results/national-2026.parts"
        case .plan: "injurysim plan Scenarios/national-2026.json --replications 2000 --node-cores 32 --node-memory 256G --time-limit 1-00:00:00"
        case .report: "injurysim report Results/pilot-2022 --lang zh --out pilot-zh.html"
        case .reweight:
            "injurysim reweight Scenarios/pilot-2022.json Results/pilot-2022 --set 'basis.wageGrowthPerYear={\"uniform\":[0.03,0.05]}'"
        case .schema: "injurysim schema > scenario.schema.json"
        case .show: "injurysim show Scenarios/policy/pooling-national.json --set replications=50"
        case .diff: "injurysim diff Scenarios/pilot-2022.json Scenarios/policy/pooling-national.json"
        case .help: "injurysim help sweep"
        }
    }

    /// How many operands (files or folders) the command takes, and what one is called in messages.
    var operands: (range: ClosedRange<Int>, noun: String) {
        switch self {
        case .run, .sweep, .solve, .sensitivity, .sobol, .condition: (1...1, "scenario file")
        case .compare: (2...Int.max, "scenario file")
        case .validate: (1...Int.max, "scenario file")
        case .merge: (0...Int.max, "part folder")
        case .report: (1...1, "results folder")
        case .reweight: (2...2, "a scenario file and a results folder")
        case .plan: (1...1, "scenario file")
        case .status: (1...Int.max, "parts folder")
        case .show: (1...1, "scenario file")
        case .diff: (2...2, "two scenario files")
        case .schema: (0...0, "argument")
        case .help: (0...1, "command")
        case .validateModel, .bench: (0...0, "argument")
        }
    }
}
