import InjurySimCore
import InjurySimEngine

/// A shard's estimate: what one task of a sharded study holds, not the whole study.
extension ResourceEstimate {
    /// The estimate for `scenario` run whole (`shard` nil) or as `shard`, which holds and
    /// simulates only its own replications (``ShardSelection/replications(of:)``).
    package init(scenario: Scenario, shard: ShardSelection?, threads: Int) {
        let held = shard.map { $0.replications(of: scenario.replications).count } ?? scenario.replications
        self.init(scenario: scenario, replications: held, threads: threads)
    }
}
