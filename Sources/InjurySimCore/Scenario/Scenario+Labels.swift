extension Scenario {
    /// A display name in the report's two languages (`"label": {"en": "Guangdong", "zh": "广东"}`);
    /// either may be missing (the name is shown instead).
    package struct Label: Sendable, Equatable {
        package var en: String?
        package var zh: String?

        package init(en: String? = nil, zh: String? = nil) {
            self.en = en
            self.zh = zh
        }
    }

    /// The labels a scenario gives itself and its sectors, platforms and provinces.
    package struct Labels: Sendable, Equatable {
        /// The scenario's own (a policy variant's name on a compare page).
        package var scenario: Label?
        /// By kind (`sectors`, `platforms`, `provinces`), then name.
        package var names: [String: [String: Label]] = [:]

        package init(scenario: Label? = nil, names: [String: [String: Label]] = [:]) {
            self.scenario = scenario
            self.names = names
        }

        /// The kinds of names that may carry a label, in file order.
        package static let kinds = ["sectors", "platforms", "provinces"]
    }
}
