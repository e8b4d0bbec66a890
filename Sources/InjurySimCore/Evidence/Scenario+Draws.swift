extension Scenario {
    /// The value replication `replication` drew for each of ``uncertainInputs``, in that order:
    /// the draw ``ReplicationInputs`` makes for the input (its own distribution on its stream, a
    /// sector drawn as another on that sector's stream), or its central value when uncertainty is
    /// off. A function of the scenario and the replication alone, so a merge of shards recomputes
    /// the same draws one machine records.
    package func inputDraws(replication: Int) -> [Double] {
        inputs.filter { !$0.param.isFixed }.map { input in
            uncertainty ? input.param.draw(inputStream(streamPath(input.path).streamName, replication: replication)) : input.param.central
        }
    }

    /// The stream replication `replication` draws the input on `streamName` from: under its own
    /// root, or under the root ``saltelli`` names.
    package func inputStream(_ streamName: String, replication: Int) -> StreamKey {
        let root =
            saltelli?.inputRoot(seed: seed, replication: replication, streamName: streamName)
            ?? ReplicationInputs.rootKey(seed: seed, replication: replication)
        return root.child(named: streamName)
    }

    /// The root of replication `replication`'s chance (workers, accidents, shock arrivals): its
    /// own, or the one ``saltelli`` names.
    package func chanceRoot(replication: Int) -> StreamKey {
        saltelli?.chanceRoot(seed: seed, replication: replication) ?? ReplicationInputs.rootKey(seed: seed, replication: replication)
    }
}
