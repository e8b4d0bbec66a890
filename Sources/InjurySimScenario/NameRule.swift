/// What a name or a free-text label of a scenario may contain, so that every output can carry it
/// as written: CSV cells, JSON strings and keys, console tables and messages, `report.html`
/// (which must be well-formed XML) and `--set` paths.
///
/// - ``identifier``: the names that key sectors, platforms, provinces and pools. Letters and
///   digits of any script (Chinese included) with their combining marks, spaces between words,
///   and `-` `_` `(` `)` `&` `'` `+` `/` `·` `（` `）`. No comma, quote, dot, bracket or `=`
///   (they would break a CSV line, a message's quoting or a `--set` path), no other symbol.
/// - ``text``: free text (`description`, a shock's `name`, a published figure's `source`). Any
///   character a reader can see, on one line: no control characters (Unicode category Cc, which
///   includes tab, line feed and NUL), no invisible format characters (Cf: bidirectional
///   overrides such as U+202E, zero-width joiners, U+FEFF), no line or paragraph separators
///   (U+2028, U+2029) and no noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of
///   every plane).
///
/// The scenario's own `name` names the results folder and follows the stricter rule of
/// ``ScenarioDecoder/isFolderName(_:)``.
package enum NameRule: Sendable, CaseIterable {
    case identifier
    case text

    /// The first character a rule refuses, and where it is.
    package struct Violation: Sendable, Equatable, CustomStringConvertible {
        /// The refused character.
        package var scalar: Unicode.Scalar
        /// Its position in the text, counting characters (Unicode scalars) from 1.
        package var position: Int
        /// Why it is refused: its kind ("a control character") or, for a space, where it is.
        package var reason: String

        /// `character 4 is U+202E (RIGHT-TO-LEFT OVERRIDE), an invisible format character`.
        package var description: String {
            "character \(position) is \(NameRule.codePoint(scalar)), \(reason)"
        }
    }

    /// What the rule allows, as a message says it.
    package var allowed: String {
        switch self {
        case .identifier:
            return "a name may contain letters and digits of any script, spaces between words, and - _ ( ) & ' + / · （ ）"
        case .text:
            return "text may contain any visible character on one line, but no control, format or line-break characters and no noncharacters"
        }
    }

    /// The first character of `text` the rule refuses, or nil when all of it is allowed.
    package func violation(in text: String) -> Violation? {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if let kind = NameRule.unsafeKind(scalar) {
                return Violation(scalar: scalar, position: index + 1, reason: kind)
            }
            guard self == .identifier else { continue }
            if scalar == " " && (index == 0 || index == scalars.count - 1) {
                return Violation(scalar: scalar, position: index + 1, reason: "a space at the \(index == 0 ? "start" : "end") of the name")
            }
            if !NameRule.isIdentifierCharacter(scalar) {
                return Violation(scalar: scalar, position: index + 1, reason: "which names may not contain")
            }
        }
        return nil
    }

    /// Punctuation allowed in identifiers besides letters, marks and digits.
    static let identifierPunctuation: Set<Unicode.Scalar> = [" ", "-", "_", "(", ")", "&", "'", "+", "/", "\u{B7}", "\u{FF08}", "\u{FF09}"]

    static func isIdentifierCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return identifierPunctuation.contains(scalar)
        }
    }

    /// The kind of a character no text may carry (control, format, line break, noncharacter), or
    /// nil for one any text may carry.
    package static func unsafeKind(_ scalar: Unicode.Scalar) -> String? {
        if (0x20..<0x7F).contains(scalar.value) { return nil }
        if scalar.properties.isNoncharacterCodePoint { return "a noncharacter" }
        switch scalar.properties.generalCategory {
        case .control: return "a control character"
        case .format: return "an invisible format character"
        case .lineSeparator, .paragraphSeparator: return "a line break"
        case .surrogate: return "a surrogate"
        default: return nil
        }
    }

    /// `U+202E (RIGHT-TO-LEFT OVERRIDE)`; the name is left out when Unicode gives none.
    package static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        guard let name = scalar.properties.name ?? scalar.properties.nameAlias ?? controlNames[scalar] else { return code }
        return code + " (" + name + ")"
    }

    /// Names of the control characters a text is most likely to hold by mistake (Unicode gives
    /// control characters no name).
    static let controlNames: [Unicode.Scalar: String] = [
        "\u{0}": "NULL", "\t": "CHARACTER TABULATION", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\u{7F}": "DELETE"
    ]

    /// `text` with every character no text may carry written as `\u{XXXX}`, so that a message
    /// or a page shows what a file held instead of acting on it.
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { unsafeKind($0) != nil }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if unsafeKind(scalar) == nil { out.unicodeScalars.append(scalar) } else { out += escaped(scalar) }
        }
        return out
    }

    /// `\u{202E}`.
    package static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }
}
