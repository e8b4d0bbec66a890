import InjurySimCore

/// A month's shard results merged in shard order (step 3 of the month barrier): each segment's
/// exposure goes to the recorder, each accident becomes its claim (valued at the end of the
/// accident month) in the pipeline, and the month's orders, recognised incurred cost, active
/// workers and persons newly insured are summed per platform and province for the platforms and
/// the pairs' trace. Pure: no actors; the coordinator hands it the shards' results in shard order,
/// so floating-point sums run in one order whatever the threads.
package struct MonthMerge: Sendable {
    /// `[platform][province]`, at the simulated scale.
    package var orders: [[Int64]]
    package var incurred: [[Double]]
    package var activeWorkers: [[Int64]]
    package var newlyInsured: [[Int64]]

    /// Merges `stepped` (one result per shard of `plans`, in shard order) of month `month`;
    /// `poolOf` is the scenario's pool of each province.
    package init(
        _ stepped: [ShardMonthResult], plans: [ShardPlan], scenario s: Scenario, poolOf: [Int], month: Int, claims: ClaimBuilder,
        monthlyDiscount: Double, recorder: inout MonthRecorder, pipeline: inout ClaimPipeline
    ) {
        let zeros = [[Int64]](repeating: [Int64](repeating: 0, count: s.provinces.count), count: s.platforms.count)
        (orders, activeWorkers, newlyInsured) = (zeros, zeros, zeros)
        incurred = [[Double]](repeating: [Double](repeating: 0, count: s.provinces.count), count: s.platforms.count)
        for (index, shardResult) in stepped.enumerated() {
            let province = plans[index].province
            let pool = poolOf[province]
            for totals in shardResult.segments {
                orders[totals.platform][province] += totals.orders
                activeWorkers[totals.platform][province] += totals.activeWorkers
                newlyInsured[totals.platform][province] += totals.newlyInsured
                recorder.recordExposure(totals, month: month, pool: pool)
            }
            for event in shardResult.accidents {
                let platform = Int(event.platform)
                let claim = claims.claim(for: event, month: month)
                let presentValue = claim.recognised ? claim.schedule.fundPresentValue(at: month, monthlyDiscount: monthlyDiscount) : 0
                recorder.recordAccident(platform: platform, month: month, pool: pool, incurred: claim.recognised ? presentValue : nil)
                if claim.recognised { incurred[platform][province] += presentValue }
                // Claims reported after the horizon stay in the pipeline: they are owed (IBNR).
                pipeline.add(
                    ClaimPipeline.Claim(
                        pool: pool, province: province, platform: platform, severity: event.severity, recognised: claim.recognised,
                        fundPayments: claim.schedule.fundPayments,
                        platformPaid: claim.schedule.platformPayments.reduce(0) { $0 + $1.amount },
                        accidentMonth: month, presentValueAtAccident: presentValue), reportMonth: claim.reportMonth)
            }
        }
        recorder.closeExposure(month: month)
    }
}
