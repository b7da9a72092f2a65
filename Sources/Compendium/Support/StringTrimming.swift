extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    /// Text that starts and ends with an ASCII byte that is no white space,
    /// the usual case, is returned whole without a look at its scalars.
    var trimmingSpaces: String {
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, isKeptASCII(first), isKeptASCII(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

/// Whether a UTF-8 byte is an ASCII character that is not white space.
private func isKeptASCII(_ byte: UInt8) -> Bool {
    byte < 0x80 && byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte)
}
