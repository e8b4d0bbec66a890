/// The two tests a fund is judged by, and which one binds.
///
/// - **Liquidity**: the net position (cash − backstop debt − deferred benefits) falls below zero
///   at some month end: the fund cannot pay what falls due from its own money.
/// - **Solvency**: at the horizon, assets (cash and contributions receivable) fall short of everything owed — backstop debt,
///   arrears, the present value of reported claims' future payments and of claims incurred but
///   not yet reported. A fund can be liquid and insolvent: long-tail payments fall due after
///   the horizon, so cash looks fine while the rates are too low.
///
/// The test that fails in more replications binds (solvency on a tie: it is the stricter reading).
package enum Verdict: String, Sendable {
    case liquidity, solvency
    /// Neither test failed in any replication.
    case neither

    /// The binding test of a pool's (or the total's) summary.
    package init(binding pool: PoolSummary) {
        self.init(ruined: pool.ruinedReplications, insolvent: pool.insolventAtEndReplications)
    }

    /// The binding test when `ruined` replications ran short and `insolvent` ended insolvent.
    package init(ruined: Int, insolvent: Int) {
        if ruined == 0 && insolvent == 0 {
            self = .neither
        } else {
            self = insolvent >= ruined ? .solvency : .liquidity
        }
    }
}
