import InjurySimIO

/// Each command's own help: usage, options with their defaults, and an example. Printed by
/// `injurysim COMMAND --help` (exit 0) and, after the message, for a bad command line (exit 64).
enum CommandHelp {
    /// `injurysim 1.16.0 (results format 4, parts 2)`: the one version parts and checkpoints record
    /// (``ProgramVersion/current``) and the formats this build writes.
    static var versionText: String {
        "\(ProgramVersion.current) (results format \(ResultFiles.formatVersion), parts \(PartManifest.partFormatVersion))\n"
    }

    static let simulationOptions = """
          --replications N     simulated worlds (default: the scenario's "replications", else 100)
          --seed S             random seed (default: the scenario's "seed")
          --sample-fraction F  share of worker slots simulated, 0.000001 ≤ F ≤ 1 (default: the scenario's)
          --no-uncertainty     use central values of uncertain inputs (default: draw them per replication)
          --set PATH=VALUE     change one scenario field (repeatable)
          --threads T          worker threads (default: the number of cores)
          --out DIR            results folder (default: %OUT%)
          --no-report          write no report.html (default: write it)
          --lang en|zh         language of report.html (default: en)
          --resume             continue an interrupted command from its checkpoint (same arguments)
          --shard K/N          run replications r with r mod N = K-1 only and write a part for merge
                               (auto/N: K-1 from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)
          --quiet, -q          print nothing but errors
          -h, --help           print this help
        """

    /// The help of `command`, or nil for an unknown command.
    static func text(_ command: String) -> String? {
        func simulation(_ usage: String, _ what: String, out: String, extra: String = "", example: String) -> String {
            "usage: \(usage)\n\n\(what)\n\noptions:\n" + extra
                + simulationOptions.replacingOccurrences(of: "%OUT%", with: out) + "\n\nexample:\n  \(example)\n"
        }
        switch command {
        case "run":
            return simulation(
                "injurysim run SCENARIO [options]",
                "Simulates a scenario, prints the verdict and writes summary.json, monthly.csv,\nreplications.csv, platforms.csv, manifest.json and report.html.",
                out: "Results/<scenario name>", example: "injurysim run Scenarios/pilot-2022.json --replications 200 --lang zh")
        case "compare":
            return simulation(
                "injurysim compare A.json B.json [C.json …] [options]",
                "Runs scenarios with common random numbers (the first one's seed, replications and sample\nfraction) and prints them side by side with paired differences.",
                out: "Results/compare-<A>-vs-<B>…", example: "injurysim compare Scenarios/policy/*.json --replications 100")
        case "sweep":
            return simulation(
                "injurysim sweep SCENARIO --set PATH=VALUES [--set PATH=VALUES] [options]",
                "A grid over one or two fields (VALUES: a,b,c or low:high:step) with common random numbers.",
                out: "Results/<name>-sweep", example: "injurysim sweep Scenarios/smoke.json --set platforms.meituan.ratePerOrderYuan=0.05:0.15:0.05")
        case "solve":
            return simulation(
                "injurysim solve SCENARIO --target TARGET [--for SECTOR|all] [options]",
                "Finds the lowest per-order rate (a multiple of the benchmark rates) meeting a target.",
                out: "Results/<name>-solve",
                extra: "  --target TARGET      required: ruin<=P, poolruin<=P, insolvency<=P (P from 0 to 1, or a percentage) or funded>=X\n"
                    + "  --for SECTOR|all     which sector's rates are scaled (default: all)\n",
                example: "injurysim solve Scenarios/pilot-2022.json --target \"ruin<=0.05\" --for food-delivery")
        case "sensitivity":
            return simulation(
                "injurysim sensitivity SCENARIO [options]", "Varies one uncertain input at a time over its range: a ranked tornado table.",
                out: "Results/<name>-sensitivity", example: "injurysim sensitivity Scenarios/pilot-2022.json --replications 50")
        case "report": return ReportCommand.usage
        case "merge":
            return "usage: injurysim merge PART [PART …] [--out DIR] [--quiet] [--no-report] [--lang en|zh]\n\n"
                + "Checks the parts of a sharded command (same scenario, seed, options and version; every replication\n"
                + "exactly once; checksums) and writes the folder the command writes on one machine, byte for byte.\n"
                + "Exit 65 when parts are damaged, mismatched, missing or doubled (each named).\n\n"
                + "options:\n  --out DIR      results folder (default: the command's usual folder, e.g. Results/<scenario name>)\n"
                + "  --no-report    write no report.html (give it when the shards were run with it)\n"
                + "  --lang en|zh   language of report.html (default: the scenario's, else en)\n"
                + "  --quiet, -q    print nothing but errors\n  -h, --help     print this help\n\n"
                + "example:\n  injurysim merge Results/national-2026-parts/* --out Results/national-2026\n"
        case "validate":
            return "usage: injurysim validate FILE [FILE …]\n\nChecks scenario files without running them; every problem is listed.\n\n"
                + "options:\n  -h, --help   print this help\n\nexample:\n  injurysim validate Scenarios/*.json\n"
        case "validate-model":
            return "usage: injurysim validate-model [--out FILE] [--scenario FILE] [--chain FILE] [--pairs CSV] [--threads T] [--check]\n\n"
                + "Runs the analytic checks, the pilot calibration and the continuity of a chain of phases around its cuts;\n"
                + "writes the validation page. Exit 1 when a check fails.\n\n"
                + "options:\n  --out FILE       the page written (default: docs/VALIDATION.md)\n"
                + "  --scenario FILE  the pilot scenario (default: Scenarios/pilot-2022.json)\n"
                + "  --chain FILE     the chain whose cuts are checked (default: Scenarios/national-2026-chained.json)\n"
                + "  --pairs CSV      also write every (province, platform) pair's months around each cut\n"
                + "  --threads T      worker threads (default: the number of cores)\n"
                + "  --check          compare with the committed page instead of writing it (exit 1 on a difference)\n"
                + "  -h, --help       print this help\n\n"
                + "example:\n  injurysim validate-model --out /tmp/VALIDATION.md\n"
        case "bench":
            return "usage: injurysim bench [--quick|--tiny] [--json] [--threads T] [--scenarios DIR]\n\n"
                + "Measures throughput on fixed workloads (release build, from the package root). Exit 70 when a workload fails.\n\n"
                + "options:\n  --quick, --tiny   smaller workloads (default: the full set)\n  --json            print JSON rather than a table\n"
                + "  --threads T       the largest thread count measured (default: the number of cores)\n"
                + "  --scenarios DIR   where the workloads' scenarios are (default: Scenarios)\n  -h, --help        print this help\n\n"
                + "example:\n  swift run -c release injurysim bench --quick\n"
        case "help": return Program.usage
        default: return nil
        }
    }
}
