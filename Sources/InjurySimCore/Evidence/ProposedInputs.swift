/// The worlds of one round of conditioning (`injurysim condition`): for each replication, the
/// uniform in (0, 1) of every uncertain input's stream, proposed from the earlier round's
/// weighted worlds. An input takes its distribution's value at that uniform (``Param/value(at:)``),
/// so a sector drawn as another still moves with it, and the prior over uniforms is flat.
package struct ProposedInputs: Sendable, Equatable {
    /// The round (1 or more; round 0 is the plain run).
    package var round: Int
    /// The streams (``Scenario/uncertainStreams``), the order of each replication's uniforms.
    package var streams: [String]
    /// Each replication's uniforms, by replication.
    package var uniforms: [[Double]]
    private var index: [String: Int]

    package init(round: Int, streams: [String], uniforms: [[Double]]) {
        self.round = round
        self.streams = streams
        self.uniforms = uniforms
        index = Dictionary(streams.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The uniform of `streamName` in replication `replication`, nil when the round does not
    /// propose it (a stream that is not an uncertain input's, or a replication past the round's).
    package func uniform(_ streamName: String, replication: Int) -> Double? {
        guard let i = index[streamName], uniforms.indices.contains(replication) else { return nil }
        return uniforms[replication][i]
    }
}
