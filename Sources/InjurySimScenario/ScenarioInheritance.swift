import Foundation

/// `"extends": "base.json"`: a scenario written as changes to another one.
///
/// The base (path relative to the extending file) is read first, itself possibly extending
/// another; then the extending document is merged into it: objects merge key by key, and any
/// other value — numbers, strings, lists such as `rollout` or `shocks` — replaces the base's.
/// Values keep the file they came from, so an error in a base names that file.
enum ScenarioInheritance {
    static let maximumDepth = 8

    /// Resolves `extends` chains of the document read from `file`.
    /// `baseBytes` collects the bytes of every base read, for the manifest's content hash.
    static func resolve(
        _ root: JSONNode, file: String, depth: Int = 0, chain: [String] = [],
        baseBytes: inout [UInt8]
    ) throws(ScenarioError) -> JSONNode {
        guard case .object(let members) = root.value, let extends = members.first(where: { $0.key == "extends" }) else { return root }
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(
                file: file,
                issues: [
                    ScenarioIssue(
                        path: "extends", value: extends.value.excerpt, message: message,
                        line: extends.value.line, column: extends.value.column, file: root.source)
                ])
        }
        guard case .string(let relative) = extends.value.value, !relative.isEmpty else {
            throw fail("expected the path of a base scenario file, in double quotes")
        }
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        let basePath = URL(fileURLWithPath: relative, relativeTo: directory).standardizedFileURL.path
        if chain.contains(basePath) || depth >= maximumDepth {
            throw fail("extends forms a cycle or is nested more than \(maximumDepth) deep (\((chain + [basePath]).joined(separator: " → ")))")
        }
        let data: [UInt8]
        switch ScenarioLoader.read(basePath) {
        case .success(let contents): data = contents
        case .failure(let problem): throw fail("the base file \(relative): \(problem.message)")
        }
        baseBytes.append(contentsOf: data)
        let baseRoot: JSONNode
        do {
            baseRoot = try JSONCParser.parse(data).tagged(relative)
        } catch {
            throw ScenarioError(
                file: file,
                issues: [
                    ScenarioIssue(
                        path: "extends", value: "", message: "syntax error: " + error.message,
                        line: error.line, column: error.column, file: relative)
                ])
        }
        var base = try resolve(baseRoot, file: basePath, depth: depth + 1, chain: chain + [basePath], baseBytes: &baseBytes)
        // A base's `continues` names a file relative to the base, not to the extending file.
        if case .object(var baseMembers) = base.value, let index = baseMembers.firstIndex(where: { $0.key == "continues" }),
            case .string(let earlier) = baseMembers[index].value.value, !earlier.isEmpty, !earlier.hasPrefix("/")
        {
            let baseDirectory = URL(fileURLWithPath: basePath).deletingLastPathComponent()
            baseMembers[index].value.value = .string(URL(fileURLWithPath: earlier, relativeTo: baseDirectory).standardizedFileURL.path)
            base.value = .object(baseMembers)
        }
        var child = root
        child.value = .object(members.filter { $0.key != "extends" })
        return merge(base, child)
    }

    /// `overlay` merged into `base`: objects key by key, everything else replaced.
    static func merge(_ base: JSONNode, _ overlay: JSONNode) -> JSONNode {
        guard case .object(var merged) = base.value, case .object(let changes) = overlay.value else { return overlay }
        for change in changes {
            if let index = merged.firstIndex(where: { $0.key == change.key }) {
                merged[index].value = merge(merged[index].value, change.value)
            } else {
                merged.append(change)
            }
        }
        var result = overlay
        result.value = .object(merged)
        return result
    }
}
