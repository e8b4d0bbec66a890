/// Limits that bound what a study may ask for, declared once so that the scenario decoder and
/// the merge of untrusted parts refuse the same values.
extension Scenario {
    /// The most replications a study may have (`replications` in a scenario, `--replications`,
    /// a part's manifest). A merge refuses a larger count before allocating anything sized by it.
    package static let maximumReplications = 1_000_000
}
