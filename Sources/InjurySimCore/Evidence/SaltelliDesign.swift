/// The worlds of a variance-based sensitivity study (Saltelli's design) as replications of one
/// scenario: which replication's streams each uncertain input, and the world's chance (workers,
/// accidents, shock arrivals), are drawn from.
///
/// Base row n has two independent worlds, A (replication 2n's streams) and B (2n + 1's). The
/// design's replication r = n·columns + c is
/// - c = 0: A; c = 1: B;
/// - c = 2 + g for each input group g: A with the inputs of group g drawn from B (A_B^(g));
/// - c = 2 + groups.count: A's inputs with B's chance, so chance is one more group.
/// Every draw keeps its own stream (``InputPath/streamName``) under the chosen root, so a world
/// of the design is a world of the plain scenario: A of row n is replication 2n of a run.
package struct SaltelliDesign: Sendable, Equatable {
    /// The stream names of each group's inputs (``InputPath/streamName`` of the stream drawn).
    package var groups: [Set<String>]

    package init(groups: [Set<String>]) { self.groups = groups }

    /// Worlds per base row: A, B, one per group, one for chance.
    package var columns: Int { groups.count + 3 }

    /// The column of chance (A's inputs, B's chance).
    package var chanceColumn: Int { groups.count + 2 }

    /// The replications of `rows` base rows.
    package func replications(rows: Int) -> Int { rows * columns }

    /// The row and column of replication `replication`.
    package func place(_ replication: Int) -> (row: Int, column: Int) {
        (replication / columns, replication % columns)
    }

    /// The root of the streams replication `replication` draws the input on `streamName` from.
    package func inputRoot(seed: UInt64, replication: Int, streamName: String) -> StreamKey {
        let (row, column) = place(replication)
        let fromB = column == 1 || (column >= 2 && column < chanceColumn && groups[column - 2].contains(streamName))
        return ReplicationInputs.rootKey(seed: seed, replication: 2 * row + (fromB ? 1 : 0))
    }

    /// The root of replication `replication`'s chance: B's in columns B and chance, else A's.
    package func chanceRoot(seed: UInt64, replication: Int) -> StreamKey {
        let (row, column) = place(replication)
        return ReplicationInputs.rootKey(seed: seed, replication: 2 * row + (column == 1 || column == chanceColumn ? 1 : 0))
    }
}
