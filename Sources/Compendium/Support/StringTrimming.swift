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
    /// text has no more than `count`. An ASCII byte other than a carriage
    /// return that an ASCII byte follows is a character by itself, so runs of
    /// such bytes are counted a byte at a time; only around other bytes is
    /// the text walked character by character.
    func index(afterCharacters count: Int) -> String.Index? {
        let utf8 = self.utf8
        guard utf8.count > count else { return nil }
        let boundary = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var offset = 0
            for _ in 0..<count {
                guard offset < bytes.count else { return nil }
                let byte = bytes[offset]
                if byte < 0x80, byte != UInt8(ascii: "\r"), offset + 1 == bytes.count || bytes[offset + 1] < 0x80 {
                    offset += 1
                } else {
                    let next = index(after: utf8.index(utf8.startIndex, offsetBy: offset))
                    offset = utf8.distance(from: utf8.startIndex, to: next)
                }
            }
            return offset
        }
        guard let boundary else {
            guard let end = index(startIndex, offsetBy: count, limitedBy: endIndex), end < endIndex else { return nil }
            return end
        }
        guard let boundary, boundary < utf8.count else { return nil }
        return utf8.index(utf8.startIndex, offsetBy: boundary)
    }
}
