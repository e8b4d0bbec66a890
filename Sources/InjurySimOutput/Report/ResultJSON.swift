import InjurySimScenario

/// Read access to a parsed result file (`summary.json`, `manifest.json`, a policy command's JSON).
package struct ResultJSON: Sendable {
    package var node: JSONNode?

    package init(_ node: JSONNode?) { self.node = node }

    /// Parses `text`, naming `file` in the error.
    package init(parsing text: String, file: String) throws(ReportError) {
        do throws(JSONSyntaxError) { node = try JSONCParser.parse(Array(text.utf8)) } catch {
            throw .malformed(file: file, reason: error.description)
        }
    }

    /// The member `key` (missing: an empty value).
    package subscript(_ key: String) -> ResultJSON {
        if case .array(let items)? = node?.value, let index = Int(key) {
            return ResultJSON(items.indices.contains(index) ? items[index] : nil)
        }
        guard case .object(let members)? = node?.value else { return ResultJSON(nil) }
        return ResultJSON(members.first { $0.key == key }?.value)
    }

    /// The value at a path of keys or list indices joined by "/" ("total/ruinProbability/estimate",
    /// "total/worstDeficitYuan/VaR99.5", "publishedFigures/0/published"): keys may hold dots.
    package func at(_ path: String) -> ResultJSON {
        path.split(separator: "/").reduce(self) { $0[String($1)] }
    }

    package var number: Double? {
        if case .number(let value, _)? = node?.value { return value }
        return nil
    }

    package var string: String? {
        if case .string(let text)? = node?.value { return text }
        return nil
    }

    package var bool: Bool? {
        if case .bool(let flag)? = node?.value { return flag }
        return nil
    }

    package var array: [ResultJSON] {
        if case .array(let items)? = node?.value { return items.map { ResultJSON($0) } }
        return []
    }

    /// Keys in file order (our files write them sorted).
    package var keys: [String] {
        if case .object(let members)? = node?.value { return members.map(\.key) }
        return []
    }

    package var exists: Bool { node != nil }
}
