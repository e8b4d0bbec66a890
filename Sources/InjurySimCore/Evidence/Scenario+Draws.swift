extension Scenario {
    /// The value replication `replication` drew for each of ``uncertainInputs``, in that order:
    /// the draw ``ReplicationInputs`` makes for the input (its own distribution on its stream, a
    /// sector drawn as another on that sector's stream), or its central value when uncertainty is
    /// off. A function of the scenario and the replication alone, so a merge of shards recomputes
    /// the same draws one machine records.
    package func inputDraws(replication: Int) -> [Double] {
        let root = ReplicationInputs.rootKey(seed: seed, replication: replication)
        return inputs.filter { !$0.param.isFixed }.map { input in
            uncertainty ? input.param.draw(root.child(named: streamPath(input.path).streamName)) : input.param.central
        }
    }
}
