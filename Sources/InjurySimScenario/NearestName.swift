/// The name someone most likely meant when they wrote one that does not exist: a misspelt key,
/// sector, province, platform, command or option, for "did you mean …?".
///
/// The rule: the edit distance (insertions, deletions, substitutions and swaps of two adjacent
/// characters, each counting 1: the optimal string alignment distance) between the two names,
/// ignoring letter case, must be at most 1 for a name of up to 4
/// characters and at most 2 for a longer one, and smaller than the name's length (so `x` never
/// suggests `y`). The nearest wins; on a tie, the first in the list given. When no name is that
/// near, a given name of 5 or more characters that begins a listed one (`initialBalance` for
/// `initialBalanceYuan`: a unit left off) suggests the first such name.
package enum NearestName {
    /// The name in `names` nearest to `given` under the rule, or nil when none is near enough
    /// (or `given` is itself in the list).
    package static func suggestion(for given: String, among names: [String]) -> String? {
        guard !names.contains(given) else { return nil }
        let limit = min(given.count <= 4 ? 1 : 2, given.count - 1)
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = editDistance(given.lowercased(), name.lowercased())
            if distance <= limit && distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        if let best { return best.name }
        guard given.count >= 5 else { return nil }
        return names.first { $0.lowercased().hasPrefix(given.lowercased()) }
    }

    /// `did you mean "food-delivery"? ` (with the space), or "" when no name is near.
    package static func hint(for given: String, among names: [String]) -> String {
        suggestion(for: given, among: names).map { "did you mean \"\($0)\"? " } ?? ""
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two adjacent characters, counting characters.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
