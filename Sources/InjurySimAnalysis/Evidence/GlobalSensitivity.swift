import InjurySimCore
import InjurySimEngine

/// `injurysim sobol`: variance-based (Sobol) indices of the headline figures to a scenario's
/// uncertain inputs, over the simulator itself — Saltelli's design run as replications
/// (``SaltelliDesign``), Jansen's estimators and bootstrap intervals (``SobolIndices``).
///
/// With ~40 inputs a design per input costs N(k + 3) replications, so inputs are grouped: by
/// default every input that is the same field of a like object (all sectors' claim rates, all
/// members of the severity mix) is one group — the indices of a group are those of its inputs
/// together (Sobol 1993; Jacques et al. 2006). `--by input` gives one group per input. The
/// world's chance (workers, accidents, shock arrivals) is one more group, so the table says how
/// much of a figure's spread no assumption can remove.
package enum GlobalSensitivity {
    /// How inputs form groups.
    package enum Grouping: String, Sendable, CaseIterable {
        /// The same field of every object of a kind: `sectors.*.claimsPerMillionOrders`.
        case key
        /// Each input (each member of a keyed field) alone.
        case input
    }

    /// One group of inputs: its name (a path with `*` for the object), its inputs' paths and the
    /// streams they are drawn on.
    package struct Group: Sendable, Equatable {
        package var name: String
        package var inputs: [String]
        package var streams: Set<String>
    }

    /// The name of the chance group.
    package static let chance = "chance"

    /// The figures a study reports (``Figures`` keys), in table order.
    package static let figureKeys = [
        "insolvencyProbability", "ruinProbability", "breakEvenRateYuanPerOrder", "solvencyPositionAtEndYuan"
    ]

    /// One index of a figure to a group.
    package struct Row: Sendable, Equatable {
        package var figure: String
        package var group: String
        package var firstOrder: SobolIndices.Index
        package var total: SobolIndices.Index
        /// The total less chance's total (not below 0; nil for chance itself): the least the
        /// group's total can be once the chance its change redraws is taken out (see
        /// ``indices(_:groups:seed:resamples:)``).
        package var totalLessChance: Double?
    }

    /// The groups of `scenario`'s uncertain inputs, in the order the inputs are declared. Inputs
    /// drawn on one stream (a sector drawn as another) are moved together, so they share a group.
    package static func groups(_ scenario: Scenario, by grouping: Grouping) -> [Group] {
        var groups: [Group] = []
        for input in scenario.inputs where !input.param.isFixed {
            let name: String
            switch grouping {
            case .input: name = input.path.text
            case .key: name = groupName(input.path)
            }
            let stream = scenario.streamPath(input.path).streamName
            if let index = groups.firstIndex(where: { $0.name == name || $0.streams.contains(stream) }) {
                groups[index].inputs.append(input.path.text)
                groups[index].streams.insert(stream)
            } else {
                groups.append(Group(name: name, inputs: [input.path.text], streams: [stream]))
            }
        }
        return groups
    }

    /// `sectors.*.severity` for any sector's severity member; `basis.wageGrowthPerYear` as is.
    static func groupName(_ path: InputPath) -> String {
        var star = path
        star.member = nil
        switch path.scope {
        case .sector: star.scope = .sector("*")
        case .province: star.scope = .province("*")
        case .platform: star.scope = .platform("*")
        case .shock: star.scope = .shock("*")
        case .risk, .benefits, .fund, .basis, .rateTiers: break
        }
        return star.text
    }

    /// The scenario that runs the design: `rows` base rows of `groups`.
    package static func design(_ scenario: Scenario, groups: [Group], rows: Int) -> Scenario {
        var s = scenario
        let design = SaltelliDesign(groups: groups.map(\.streams))
        s.saltelli = design
        s.replications = design.replications(rows: rows)
        return s
    }

    /// The indices of every figure to every group and to chance, from the design's per-replication
    /// figures in replication order (`metrics.count` a multiple of the design's columns).
    ///
    /// A world keeps its chance when a group's inputs change, but an input that changes how many
    /// random draws the world makes (how many workers, days, orders or accidents) moves every later
    /// draw: the world's chance is then partly drawn anew, and ½ mean((f(A) − f(A_B^(g)))²) takes in
    /// up to the whole variance chance carries (chance's own total). So a group's total lies between
    /// `totalLessChance` and `total`. The first-order index (Saltelli's estimator) is unbiased either
    /// way.
    package static func indices(_ metrics: [ReplicationMetrics], groups: [Group], seed: UInt64, resamples: Int = 500) -> [Row] {
        let columns = groups.count + 3
        let rows = metrics.count / columns
        let names = groups.map(\.name) + [chance]
        return figureKeys.flatMap { key -> [Row] in
            guard let value = Figures.named(key).perReplication else { return [] }
            let y = metrics.map(value)
            func column(_ c: Int) -> [Double] { (0..<rows).map { y[$0 * columns + c] } }
            let sobol = SobolIndices(
                a: column(0), b: column(1), ab: (2..<columns).map(column), bootstrap: StreamKey(seed: seed).child(named: "sobol/" + key),
                resamples: resamples)
            let chanceTotal = sobol.total[groups.count].estimate
            return names.indices.map { g in
                Row(
                    figure: key, group: names[g], firstOrder: sobol.firstOrder[g], total: sobol.total[g],
                    totalLessChance: g == groups.count || chanceTotal.isNaN ? nil : max(0, sobol.total[g].estimate - chanceTotal))
            }
        }
    }

    /// Runs the design and returns its groups and indices. `progress` hears each finished replication.
    package static func run(
        _ scenario: Scenario, by grouping: Grouping, rows: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil
    ) async -> (groups: [Group], rows: [Row]) {
        let groups = groups(scenario, by: grouping)
        let s = design(scenario, groups: groups, rows: rows)
        let results = await MonteCarloRunner.run(scenario: s, replications: 0..<s.replications, threads: threads, progress: progress)
        let metrics = results.map { ReplicationMetrics($0, scenario: s) }
        return (groups, indices(metrics, groups: groups, seed: scenario.seed))
    }
}
