extension Scenario {
    /// The value replication `replication` drew for each of ``uncertainInputs``, in that order:
    /// the draw ``ReplicationInputs`` makes for the input (its own distribution on its stream, a
    /// sector drawn as another on that sector's stream), or its central value when uncertainty is
    /// off. A function of the scenario and the replication alone, so a merge of shards recomputes
    /// the same draws one machine records.
    package func inputDraws(replication: Int) -> [Double] {
        inputs.filter { !$0.param.isFixed }.map { input in
            uncertainty ? input.param.value(at: inputUniform(streamPath(input.path).streamName, replication: replication)) : input.param.central
        }
    }

    /// The uniform replication `replication` draws the input on `streamName` at: the one a
    /// conditioning round proposed (``proposed``), else the first of the input's stream.
    package func inputUniform(_ streamName: String, replication: Int) -> Double {
        if let proposed, let u = proposed.uniform(streamName, replication: replication) { return u }
        return inputStream(streamName, replication: replication).uniform(0)
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
    /// own, the one ``saltelli`` names, or in a conditioning round a fresh one of that round.
    package func chanceRoot(replication: Int) -> StreamKey {
        if let proposed { return ReplicationInputs.rootKey(seed: seed, replication: replication).child(named: "round/" + String(proposed.round)) }
        return saltelli?.chanceRoot(seed: seed, replication: replication) ?? ReplicationInputs.rootKey(seed: seed, replication: replication)
    }

    /// The streams of the uncertain inputs, each once, in the order of ``uncertainInputs`` (a
    /// sector drawn as another shares that sector's stream): the coordinates of a world.
    package var uncertainStreams: [String] {
        var seen: Set<String> = []
        return inputs.filter { !$0.param.isFixed }.map { streamPath($0.path).streamName }.filter { seen.insert($0).inserted }
    }
}
