/// Why parts cannot be merged (or a part cannot be written), in words naming the part, the
/// field or file, the values found and what is needed.
package struct PartError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable {
        /// The command line is wrong: no parts, a path that is not a folder (exit 64).
        case usage
        /// A part's contents are wrong, damaged, mismatched, missing or doubled (exit 65).
        case data
    }

    package var kind: Kind
    /// Every problem found, one per line.
    package var problems: [String]

    package init(_ kind: Kind, _ problems: [String]) {
        self.kind = kind
        self.problems = problems
    }

    package var description: String { problems.joined(separator: "\n") }
}
