/// The report page of a policy command's folder (compare, sweep, solve, sensitivity).
package struct PolicyReport: Sendable {
    var texts: [String: String]
    var manifest: ResultJSON
    var language: ReportLanguage
    var folder: String

    package init(texts: [String: String], manifest: ResultJSON, language: ReportLanguage, folder: String) throws(ReportError) {
        self.texts = texts
        self.manifest = manifest
        self.language = language
        self.folder = folder
    }

    package func render() throws(ReportError) -> String {
        throw .malformed(file: "manifest.json", reason: "reports of \(manifest["generator"].string ?? "") folders are not made yet")
    }
}
