import Foundation
import InjurySimFormat
import InjurySimScenario

/// Renders `report.html` from a results folder's files alone, so a page can be made again
/// without re-running: `injurysim report DIR`. Which page depends on the manifest's generator.
package enum ReportRenderer {
    /// The files a report of a run is made from.
    package static let runFiles = ResultsFolder.requiredFiles + ResultsFolder.optionalFiles

    /// The page for the files' texts (keyed by file name), as written by `run`.
    package static func render(texts: [String: String], language: ReportLanguage, folder: String = ".") throws(ReportError) -> String {
        guard let manifestText = texts["manifest.json"] else { throw .missingFile(folder: folder, file: "manifest.json") }
        let manifest = try ResultJSON(parsing: manifestText, file: "manifest.json")
        let generator = manifest["generator"].string ?? ""
        guard generator == "injurysim" || generator.hasPrefix("injurysim ") else {
            throw .malformed(file: "manifest.json", reason: "it was not written by injurysim (no \"generator\": \"injurysim …\")")
        }
        if generator == "injurysim" {
            return RunReport(folder: try ResultsFolder(texts: texts, folder: folder), language: language).render()
        }
        return try PolicyReport(texts: texts, manifest: manifest, language: language, folder: folder).render()
    }

    /// The page for the results folder at `path`, read from disk.
    package static func render(folder path: String, language: ReportLanguage) throws(ReportError) -> String {
        let names = runFiles + ["compare.json", "sweep.json", "solve.json", "sensitivity.json", "sobol.json", "condition.json"]
        return try render(texts: try ResultsFolder.texts(in: path, names: names), language: language, folder: path)
    }
}

extension ReportRenderer {
    /// The files `manifest.json` of `folder` lists, read as text (for re-writing the folder whole).
    package static func listedFiles(in folder: String) throws(ReportError) -> [(name: String, text: String)] {
        let manifestTexts = try ResultsFolder.texts(in: folder, names: ["manifest.json"])
        guard let manifestText = manifestTexts["manifest.json"] else { throw .missingFile(folder: folder, file: "manifest.json") }
        let names = try ResultJSON(parsing: manifestText, file: "manifest.json")["files"].array.compactMap(\.string)
        let texts = try ResultsFolder.texts(in: folder, names: names)
        return names.compactMap { name in texts[name].map { (name, $0) } }
    }

    /// `manifest.json`'s text with `report.html` in its `files` list (the same bytes otherwise:
    /// keys stay sorted and numbers keep their text).
    package static func manifestListingReport(_ text: String) throws(ReportError) -> String {
        let manifest = try ResultJSON(parsing: text, file: "manifest.json")
        guard let node = manifest.node, case .object = node.value else { throw .malformed(file: "manifest.json", reason: "not a JSON object") }
        var out = JSONOut(node)
        if case .object(var members) = out, case .array(let files)? = members["files"], !files.contains(.string("report.html")) {
            members["files"] = .array(files + [.string("report.html")])
            out = .object(members)
        }
        return out.rendered()
    }
}

extension JSONOut {
    /// A parsed value written back (numbers keep the text they were read with).
    init(_ node: JSONNode) {
        switch node.value {
        case .object(let members): self = .object(Dictionary(members.map { ($0.key, JSONOut($0.value)) }, uniquingKeysWith: { _, last in last }))
        case .array(let items): self = .array(items.map(JSONOut.init))
        case .string(let text): self = .string(text)
        case .number(_, let text): self = .number(text)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        }
    }
}
