import InjurySimCore

/// One shard's share of the population: a province (or a slice of one) and its platform runs.
public struct ShardPlan: Sendable {
    package var province: Int
    /// Index of this shard among the province's shards.
    package var indexInProvince: Int
    /// Runs of slots; a segment's `key` is filled in per replication.
    package var segments: [Segment]
    public var workerCount: Int { segments.last?.range.upperBound ?? 0 }
}
