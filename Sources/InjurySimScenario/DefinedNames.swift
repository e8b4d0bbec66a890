/// The names a scenario defines for one kind of thing (its sectors, platforms, provinces), as
/// references to them elsewhere in the file are checked.
struct DefinedNames {
    /// The names in file order: every key of the map, whether or not its entry decoded, so that
    /// one mistake inside an entry does not make every reference to it a second problem.
    var names: [String]
    /// What the names name, for messages: `sector`.
    var what: String
    /// False when the map is missing, not an object or empty: references are then not checked,
    /// since the map's own issue is the one to fix.
    var known: Bool

    init(_ names: [String], what: String, known: Bool = true) {
        self.names = names
        self.what = what
        self.known = known && !names.isEmpty
    }

    /// The index of `name`; nil, with an issue naming the nearest defined name, when there is no
    /// such name (and no issue when the names are not ``known``).
    func index(of name: String, path: String, node: JSONNode?, log: IssueLog) -> Int? {
        if let index = names.firstIndex(of: name) { return index }
        if known {
            log.add(
                path, node, "no \(what) named \"\(name)\"; \(NearestName.hint(for: name, among: names))defined: \(names.joined(separator: ", "))")
        }
        return nil
    }
}
