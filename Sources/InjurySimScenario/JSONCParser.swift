/// Parses JSON with `//` and `/* */` comments and trailing commas, strictly otherwise.
///
/// Written for the project instead of using Foundation's JSON5 mode, which crashes the process
/// on some malformed input. Works on bytes, checks UTF-8, and reports line and column.
package struct JSONCParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Parses a whole document.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONCParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        try skipSpace()
        let node = try parseValue()
        try skipSpace()
        if index < bytes.count { throw error("unexpected text after the end of the document") }
        return node
    }

    /// Parses a document and also returns how many bytes the column counter scanned (for the
    /// test that parsing stays linear in the input).
    static func parseCountingColumnWork(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (JSONNode, Int) {
        var parser = JSONCParser(bytes: bytes)
        let node = try parser.parseDocument()
        return (node, parser.columnBytesScanned)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Where the column was last counted: a byte offset on the current line and the column there.
    private var countedIndex = 0
    private var countedColumn = 1
    /// Bytes the column counter has stepped over (linear in the input; see the tests).
    private(set) var columnBytesScanned = 0

    /// The column (in characters, from 1) of `index`. Counting resumes from the last counted
    /// position on the same line, so a long one-line file is parsed in linear time.
    private mutating func column() -> Int {
        if countedIndex < lineStart || countedIndex > index {
            countedIndex = lineStart
            countedColumn = 1
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        while countedIndex < index && countedIndex < bytes.count {
            if bytes[countedIndex] & 0xC0 != 0x80 { countedColumn += 1 }
            countedIndex += 1
            columnBytesScanned += 1
        }
        // countedColumn is one past the characters before `index` that start a character; the
        // first byte of the line is column 1.
        return countedColumn - (index < bytes.count && bytes[index] & 0xC0 == 0x80 ? 1 : 0)
    }

    private mutating func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column(), message: message)
    }

    private mutating func skipSpace() throws(JSONSyntaxError) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                index += 1
                line += 1
                lineStart = index
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            } else if byte == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
                let startLine = line
                let startColumn = column()
                index += 2
                var closed = false
                while index < bytes.count {
                    if bytes[index] == 0x2A, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                        index += 2
                        closed = true
                        break
                    }
                    if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                    index += 1
                }
                if !closed {
                    throw JSONSyntaxError(line: startLine, column: startColumn, message: "comment opened here is never closed with */")
                }
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        let startLine = line
        let startColumn = column()
        let value: JSONNode.Value
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
        case UInt8(ascii: "t"): try expectWord("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); value = .null
        default:
            throw error("unexpected character \(describe(bytes[index])); expected a value (object, list, string, number, true, false or null)")
        }
        return JSONNode(value: value, line: startLine, column: startColumn)
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
            throw error("unexpected word; expected \(word) (strings need double quotes)")
        }
        index += utf8.count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > 200 { throw error("nesting deeper than 200 levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONNode.Member] = []
        var seen = Set<String>()
        try skipSpace()
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside an object; expected \"key\" or }") }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes or }, found \(describe(bytes[index]))")
            }
            let keyLine = line
            let keyColumn = column()
            let key = try parseString()
            if seen.contains(key) { throw JSONSyntaxError(line: keyLine, column: keyColumn, message: "duplicate key \"\(key)\"") }
            seen.insert(key)
            try skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected : after the key \"\(key)\"") }
            index += 1
            try skipSpace()
            members.append(JSONNode.Member(key: key, value: try parseValue()))
            try skipSpace()
            guard index < bytes.count else { throw error("unexpected end of file inside an object; expected , or }") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                try skipSpace()
            } else if bytes[index] != UInt8(ascii: "}") {
                throw error("expected , or } after the value of \"\(key)\", found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONNode] = []
        try skipSpace()
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside a list; expected a value or ]") }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            items.append(try parseValue())
            try skipSpace()
            guard index < bytes.count else { throw error("unexpected end of file inside a list; expected , or ]") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                try skipSpace()
            } else if bytes[index] != UInt8(ascii: "]") {
                throw error("expected , or ] in a list, found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte < 0x20 { throw error(byte == 0x0A ? "line break inside a string (close it with \")" : "control character inside a string") }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw error("unexpected end of file after \\") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("unknown escape: a backslash before \(describe(escape)); allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
                continue
            }
            out.append(byte)
            index += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw error("string is not valid UTF-8") }
        return text
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("\\u needs four hex digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode.Value {
        let start = index
        let startColumn = column()
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw error("a number needs digits after -")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                throw error("numbers must not have leading zeros")
            }
        } else {
            _ = digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw error("a number needs digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw error("a number needs digits in its exponent") }
        }
        if index < bytes.count, (bytes[index] | 0x20) >= UInt8(ascii: "a") && (bytes[index] | 0x20) <= UInt8(ascii: "z") {
            throw error("unexpected letter in a number (hex and other forms are not allowed)")
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(line: line, column: startColumn, message: "number \(text) is out of range")
        }
        return .number(value, text)
    }
}
