import Testing

@testable import InjurySimEngine

/// The memory limit is the tightest of the process's own cgroup and every ancestor's, in v2
/// (`memory.max`, `memory.high`) and v1 (`memory.limit_in_bytes`) hierarchies found through
/// mountinfo; "max", missing files, garbage and v1's huge "no limit" set none.
@Suite struct CgroupMemoryLimitTests {
    static let gib: Int64 = 1 << 30
    static let v1NoLimit = "9223372036854771712\n"
    static let v2Mount = "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate"
    static let v1Mounts = """
        31 23 0:28 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
        32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,cpu,cpuacct
        35 31 0:32 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,memory
        41 31 0:38 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:14 - cgroup2 cgroup2 rw
        """

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var cgroups: String
        var mountInfo: String
        var files: [String: String]
        var expected: CgroupMemoryLimit?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "v2: the job's child cgroup is tighter than its parents and the root (which has no memory.max)",
            cgroups: "0::/system.slice/job.scope\n", mountInfo: v2Mount,
            files: [
                "/sys/fs/cgroup/system.slice/job.scope/memory.max": "3221225472\n",
                "/sys/fs/cgroup/system.slice/job.scope/memory.high": "max\n",
                "/sys/fs/cgroup/system.slice/memory.max": "max\n"
            ],
            expected: CgroupMemoryLimit(bytes: 3 * gib, cgroup: "/system.slice/job.scope", file: "memory.max")),
        Case(
            name: "v2: an ancestor tighter than the process's own cgroup",
            cgroups: "0::/slurm/uid_1000/job_42/step_0/task_0\n", mountInfo: v2Mount,
            files: [
                "/sys/fs/cgroup/slurm/uid_1000/job_42/step_0/task_0/memory.max": "max\n",
                "/sys/fs/cgroup/slurm/uid_1000/job_42/step_0/memory.max": "8589934592\n",
                "/sys/fs/cgroup/slurm/uid_1000/job_42/memory.max": "2147483648\n",
                "/sys/fs/cgroup/slurm/memory.max": "68719476736\n"
            ],
            expected: CgroupMemoryLimit(bytes: 2 * gib, cgroup: "/slurm/uid_1000/job_42", file: "memory.max")),
        Case(
            name: "v2: memory.high below memory.max",
            cgroups: "0::/user.slice/user-1000.slice\n", mountInfo: v2Mount,
            files: [
                "/sys/fs/cgroup/user.slice/user-1000.slice/memory.max": "4294967296\n",
                "/sys/fs/cgroup/user.slice/user-1000.slice/memory.high": "1073741824\n"
            ],
            expected: CgroupMemoryLimit(bytes: gib, cgroup: "/user.slice/user-1000.slice", file: "memory.high")),
        Case(
            name: "v2: max everywhere is no limit", cgroups: "0::/a/b\n", mountInfo: v2Mount,
            files: ["/sys/fs/cgroup/a/b/memory.max": "max\n", "/sys/fs/cgroup/a/memory.max": "max\n", "/sys/fs/cgroup/a/memory.high": "max"],
            expected: nil),
        Case(name: "v2: no files at all", cgroups: "0::/a/b\n", mountInfo: v2Mount, files: [:], expected: nil),
        Case(
            name: "v2: garbage, zero and negative values set no limit; a valid ancestor still does",
            cgroups: "0::/a/b/c/d/e\n", mountInfo: v2Mount,
            files: [
                "/sys/fs/cgroup/a/b/c/d/e/memory.max": "lots\n", "/sys/fs/cgroup/a/b/c/d/memory.max": "0\n",
                "/sys/fs/cgroup/a/b/c/memory.max": "-1\n", "/sys/fs/cgroup/a/b/memory.max": "3.5e9\n",
                "/sys/fs/cgroup/a/b/memory.high": "", "/sys/fs/cgroup/a/memory.max": "5368709120\n"
            ],
            expected: CgroupMemoryLimit(bytes: 5 * gib, cgroup: "/a", file: "memory.max")),
        Case(
            name: "v2: a deleted cgroup's ancestors still limit it",
            cgroups: "0::/system.slice/gone.scope (deleted)\n", mountInfo: v2Mount,
            files: ["/sys/fs/cgroup/system.slice/memory.max": "2147483648\n"],
            expected: CgroupMemoryLimit(bytes: 2 * gib, cgroup: "/system.slice", file: "memory.max")),
        Case(
            name: "v2: a cgroup outside the process's namespace (/..) is not resolved",
            cgroups: "0::/../other.scope\n", mountInfo: v2Mount,
            files: ["/sys/fs/cgroup/memory.max": "1073741824\n", "/sys/fs/cgroup/other.scope/memory.max": "1073741824\n"],
            expected: nil),
        Case(
            name: "v2: a mount point written with escapes (\\040 is a space)",
            cgroups: "0::/job\n", mountInfo: "30 23 0:26 / /run/my\\040cgroups rw - cgroup2 none rw",
            files: ["/run/my cgroups/job/memory.max": "1073741824\n"],
            expected: CgroupMemoryLimit(bytes: gib, cgroup: "/job", file: "memory.max")),
        Case(
            name: "v2: a mounted subtree (root /docker/abc) is read below its mount point, not above",
            cgroups: "0::/docker/abc/worker\n", mountInfo: "30 23 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw",
            files: ["/sys/fs/cgroup/worker/memory.max": "max\n", "/sys/fs/cgroup/memory.max": "2147483648\n"],
            expected: CgroupMemoryLimit(bytes: 2 * gib, cgroup: "/docker/abc", file: "memory.max")),
        Case(
            name: "v2: a cgroup outside the mounted subtree has no files there",
            cgroups: "0::/elsewhere\n", mountInfo: "30 23 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw",
            files: ["/sys/fs/cgroup/memory.max": "2147483648\n", "/sys/fs/cgroup/elsewhere/memory.max": "2147483648\n"],
            expected: nil),
        Case(
            name: "v1: the job's limit below the parents' huge no-limit values",
            cgroups: "9:pids:/slurm/uid_1000/job_42\n4:memory:/slurm/uid_1000/job_42\n1:name=systemd:/slurm\n0::/\n",
            mountInfo: v1Mounts,
            files: [
                "/sys/fs/cgroup/memory/slurm/uid_1000/job_42/memory.limit_in_bytes": "3221225472\n",
                "/sys/fs/cgroup/memory/slurm/uid_1000/memory.limit_in_bytes": v1NoLimit,
                "/sys/fs/cgroup/memory/slurm/memory.limit_in_bytes": v1NoLimit,
                "/sys/fs/cgroup/memory/memory.limit_in_bytes": v1NoLimit
            ],
            expected: CgroupMemoryLimit(bytes: 3 * gib, cgroup: "/slurm/uid_1000/job_42", file: "memory.limit_in_bytes")),
        Case(
            name: "v1: huge values everywhere are no limit", cgroups: "4:memory:/process_api/d81\n0::/\n", mountInfo: v1Mounts,
            files: [
                "/sys/fs/cgroup/memory/process_api/d81/memory.limit_in_bytes": v1NoLimit,
                "/sys/fs/cgroup/memory/process_api/memory.limit_in_bytes": v1NoLimit,
                "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854710272\n"  // 64 KiB pages
            ],
            expected: nil),
        Case(
            name: "v1: memory mounted together with other controllers",
            cgroups: "5:hugetlb,memory:/batch/7\n",
            mountInfo: "35 31 0:32 / /sys/fs/cgroup/memory,hugetlb rw,relatime shared:13 - cgroup cgroup rw,hugetlb,memory",
            files: ["/sys/fs/cgroup/memory,hugetlb/batch/memory.limit_in_bytes": "1073741824\n"],
            expected: CgroupMemoryLimit(bytes: gib, cgroup: "/batch", file: "memory.limit_in_bytes")),
        Case(
            name: "hybrid: the v1 memory hierarchy and a v2 hierarchy with a tighter child; the tightest of both",
            cgroups: "4:memory:/system.slice/job.service\n0::/system.slice/job.service\n", mountInfo: v1Mounts,
            files: [
                "/sys/fs/cgroup/memory/system.slice/job.service/memory.limit_in_bytes": "4294967296\n",
                "/sys/fs/cgroup/unified/system.slice/job.service/memory.max": "3221225472\n"
            ],
            expected: CgroupMemoryLimit(bytes: 3 * gib, cgroup: "/system.slice/job.service", file: "memory.max")),
        Case(
            name: "hybrid: a v1 memory line with no v1 memory mount sets nothing",
            cgroups: "4:memory:/job\n0::/\n",
            mountInfo: "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw",
            files: ["/sys/fs/cgroup/unified/job/memory.limit_in_bytes": "1073741824\n"],
            expected: nil),
        Case(
            name: "ties go to the cgroup nearest the process", cgroups: "0::/a/b\n", mountInfo: v2Mount,
            files: ["/sys/fs/cgroup/a/b/memory.max": "1073741824\n", "/sys/fs/cgroup/a/memory.max": "1073741824\n"],
            expected: CgroupMemoryLimit(bytes: gib, cgroup: "/a/b", file: "memory.max")),
        Case(
            name: "the root cgroup's own file counts when it has one", cgroups: "0::/\n", mountInfo: v2Mount,
            files: ["/sys/fs/cgroup/memory.max": "1073741824\n"],
            expected: CgroupMemoryLimit(bytes: gib, cgroup: "/", file: "memory.max")),
        Case(
            name: "garbage in /proc/self/cgroup and mountinfo is skipped",
            cgroups: "nonsense\n4:memory\n0::relative/path\n\n", mountInfo: "30 23 0:26 / /sys/fs/cgroup rw cgroup2\n-\n",
            files: ["/sys/fs/cgroup/memory.max": "1073741824\n"], expected: nil)
    ]

    @Test(arguments: cases) func theTightestLimitOfTheProcesssCgroupsAndTheirAncestors(_ c: Case) {
        let limit = CgroupMemoryLimit.tightest(cgroups: c.cgroups, mountInfo: c.mountInfo, read: { c.files[$0] })
        #expect(limit == c.expected)
    }

    @Test func theLimitIsTheSmallerOfTheMachineAndTheCgroupAndNamesItsSource() {
        let cgroup = CgroupMemoryLimit(bytes: 3 * Self.gib, cgroup: "/system.slice/job.scope", file: "memory.max")
        let tight = ResourceEstimate.memoryLimit(physical: 24e9, cgroup: cgroup)
        #expect(tight.bytes == Double(3 * Self.gib))
        #expect(tight.source == "limit of cgroup /system.slice/job.scope")
        let loose = ResourceEstimate.memoryLimit(physical: 2e9, cgroup: cgroup)
        #expect(loose.bytes == 2e9 && loose.source == "this machine has")
        #expect(ResourceEstimate.memoryLimit(physical: 2e9, cgroup: nil).source == "this machine has")
        let high = CgroupMemoryLimit(bytes: Self.gib, cgroup: "/a", file: "memory.high")
        #expect(ResourceEstimate.memoryLimit(physical: 24e9, cgroup: high).source == "memory.high limit of cgroup /a")
    }
}
