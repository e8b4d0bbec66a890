import InjurySimCore
import InjurySimEngine

/// Reference layouts for the benchmark, so the engine's design stays a measured choice: the
/// same model stepped in a plain loop without actors, and one actor per worker.
package enum ReferenceRuns {
    /// Steps every shard of one replication through the horizon on the calling thread, with no
    /// actors, tasks or month barrier: the model's own cost, with the given shard kernel.
    package static func plainLoop(scenario: Scenario, replication: Int, kernel: ShardKernel = .selected) -> ThroughputCount {
        let coordinator = ReplicationCoordinator(scenario: scenario)
        let inputs = ReplicationInputs(scenario: scenario, replication: replication)
        var shards = coordinator.plans.indices.map { coordinator.shardState(index: $0, inputs: inputs) }
        var count = ThroughputCount()
        count.workers = Int64(shards.reduce(0) { $0 + $1.workers.count })
        for month in 0..<scenario.months {
            let contexts = coordinator.monthContexts(inputs: inputs, month: month)
            let firstDay = coordinator.calendar.firstDays[month]
            let dayCount = coordinator.calendar.firstDays[month + 1] - firstDay
            for index in shards.indices {
                let result = kernel.step(
                    &shards[index], month: month, firstDay: firstDay, dayCount: dayCount,
                    contexts: contexts[coordinator.plans[index].province])
                count.absorb(result)
            }
        }
        return count
    }

    /// One actor per worker slot, one message per worker per month: the layout the design
    /// rejected, kept measurable. Use a small population.
    package static func actorPerWorker(scenario: Scenario, replication: Int) async -> ThroughputCount {
        let coordinator = ReplicationCoordinator(scenario: scenario)
        let inputs = ReplicationInputs(scenario: scenario, replication: replication)
        var actors: [(province: Int, actor: ShardActor)] = []
        for index in coordinator.plans.indices {
            let state = coordinator.shardState(index: index, inputs: inputs)
            for segment in state.segments {
                for slot in segment.range {
                    let single = Segment(
                        platform: segment.platform, sector: segment.sector, range: 0..<1, key: segment.key,
                        firstSlot: segment.firstSlot + slot - segment.range.lowerBound)
                    let profile = coordinator.hireProfile(inputs: inputs, sector: segment.sector)
                    let key = state.key.child(UInt64(slot))
                    actors.append(
                        (
                            state.province,
                            ShardActor(
                                state: ShardState(
                                    province: state.province, key: key,
                                    segments: [single], hire: { _ in profile }))
                        ))
                }
            }
        }
        var count = ThroughputCount()
        count.workers = Int64(actors.count)
        for month in 0..<scenario.months {
            let contexts = coordinator.monthContexts(inputs: inputs, month: month)
            let firstDay = coordinator.calendar.firstDays[month]
            let dayCount = coordinator.calendar.firstDays[month + 1] - firstDay
            let results = await withTaskGroup(of: (Int, ShardMonthResult).self) { group in
                for (index, entry) in actors.enumerated() {
                    let context = contexts[entry.province]
                    group.addTask { (index, await entry.actor.step(month: month, firstDay: firstDay, dayCount: dayCount, contexts: context)) }
                }
                var ordered = [ShardMonthResult?](repeating: nil, count: actors.count)
                for await (index, result) in group { ordered[index] = result }
                return ordered
            }
            for result in results { if let result { count.absorb(result) } }
        }
        return count
    }
}

extension ThroughputCount {
    mutating func absorb(_ result: ShardMonthResult) {
        for totals in result.segments {
            workerDays += totals.coveredWorkerDays
            mix(totals.orders)
            mix(totals.workedDays)
        }
        accidents += Int64(result.accidents.count)
        for event in result.accidents { mix(Int64(event.day) << 8 | Int64(event.severity.rawValue)) }
    }
}
