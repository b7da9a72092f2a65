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

extension String {
    /// The index just after the first `count` characters, or `nil` when the
    /// text has no more than `count`. Text whose first `count + 1` bytes are
    /// ASCII other than a carriage return (after which every byte starts a
    /// character) is not walked character by character.
    func index(afterCharacters count: Int) -> String.Index? {
        let utf8 = self.utf8
        if utf8.count > count,
           utf8.prefix(count + 1).allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return utf8.index(utf8.startIndex, offsetBy: count)
        }
        guard let end = index(startIndex, offsetBy: count, limitedBy: endIndex), end < endIndex else { return nil }
        return end
    }
}
