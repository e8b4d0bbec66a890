import InjurySimScenario

/// The rule that decides whether injurysim may replace a folder: only an empty folder, or one
/// that injurysim wrote itself — it holds a `manifest.json` of a known format whose `files`
/// list names every entry in the folder. Anything else is refused before a simulation starts,
/// so a mistyped `--out` can never delete sources, scenarios or earlier results.
enum FolderOwnership: Equatable, Sendable {
    /// Nothing is there yet; the folder will be created.
    case absent
    /// The folder exists and is empty.
    case empty
    /// The folder holds injurysim results and nothing else.
    case ours
    /// Replacing the folder would destroy something injurysim did not write.
    case foreign(String)

    /// Manifest `formatVersion`s this build recognises as its own (1: before the solvency verdict; 2: before the platform books).
    static let knownFormatVersions = Set(1...ResultFiles.formatVersion)

    /// Judges a folder from its entry names (hidden ones included) and the bytes of its
    /// `manifest.json`, if it has one.
    static func judge(entries: [String], manifest: [UInt8]?) -> FolderOwnership {
        if entries.isEmpty { return .empty }
        guard let manifest else {
            return .foreign(
                "it is not empty and has no injurysim manifest.json (it holds \(listing(entries))); "
                    + "injurysim replaces only an empty folder or a results folder it wrote")
        }
        let root: JSONNode
        do throws(JSONSyntaxError) { root = try JSONCParser.parse(manifest) } catch {
            return .foreign("its manifest.json is not an injurysim manifest (\(error.description))")
        }
        guard case .object(let members) = root.value else {
            return .foreign("its manifest.json is not an injurysim manifest (not a JSON object)")
        }
        var generator = "", version = -1
        var items: [JSONNode]?
        for member in members {
            switch (member.key, member.value.value) {
            case ("generator", .string(let text)): generator = text
            case ("formatVersion", .number(let number, _)): version = Int(exactly: number) ?? -1
            case ("files", .array(let list)): items = list
            default: break
            }
        }
        guard generator == "injurysim" || generator.hasPrefix("injurysim ") else {
            return .foreign("its manifest.json was not written by injurysim (no \"generator\": \"injurysim …\")")
        }
        guard knownFormatVersions.contains(version) else {
            return .foreign(
                "its manifest.json has a formatVersion this build does not know (known: "
                    + knownFormatVersions.sorted().map(String.init).joined(separator: ", ") + ")")
        }
        guard let items else { return .foreign("its manifest.json does not list the files injurysim wrote") }
        var listed = Set<String>()
        for item in items {
            if case .string(let name) = item.value { listed.insert(name) }
        }
        let strangers = entries.filter { !listed.contains($0) }.sorted()
        guard strangers.isEmpty else {
            return .foreign("it holds files injurysim did not write (\(listing(strangers))); move them or choose another --out")
        }
        return .ours
    }

    /// "a, b, c and 4 more".
    static func listing(_ names: [String]) -> String {
        let sorted = names.sorted()
        let shown = sorted.prefix(5).joined(separator: ", ")
        return sorted.count > 5 ? shown + " and \(sorted.count - 5) more" : shown
    }
}
