/// The language of a report page: every word, unit and number format follows it.
package enum ReportLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// The word in this language: `lang("Month", "月份")`.
    package func callAsFunction(_ english: String, _ chinese: String) -> String {
        self == .en ? english : chinese
    }

    /// The `lang` attribute of the page.
    package var tag: String { self == .en ? "en" : "zh-CN" }
}
