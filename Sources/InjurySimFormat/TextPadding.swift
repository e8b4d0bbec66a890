/// `text` padded with spaces to `width` characters, on the left when `right` (right-aligned).
package func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    text.count >= width
        ? text : (right ? String(repeating: " ", count: width - text.count) + text : text + String(repeating: " ", count: width - text.count))
}
