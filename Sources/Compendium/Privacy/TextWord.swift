/// A word of a text, found in the text's UTF-8 bytes: letters and digits,
/// with apostrophes (straight or curly) inside, and the number of the
/// sentence it is in.
struct TextWord: Sendable, Hashable {
    /// Where the word is, as UTF-8 byte offsets; apostrophes at its end are not part of it.
    let range: Range<Int>
    /// The number of its sentence, the first being 0.
    let sentence: Int

    /// The word's text.
    func text(in bytes: [UInt8]) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The words of a text given as UTF-8 bytes. `.`, `!` or `?` before
    /// white space ends a sentence, and so does a line break (`\n`, `\r`, U+2028).
    static func split(_ bytes: [UInt8]) -> [TextWord] {
        var words: [TextWord] = []
        var start: Int?, end = 0, sentence = 0, endsSentence = false, index = 0
        while index < bytes.count {
            let (scalar, width) = bytes.scalar(at: index)
            if PersonalDataScanner.isWordScalar(scalar) {
                if start == nil { start = index }
                end = index + width
                endsSentence = false
            } else if start != nil && (scalar == "'" || scalar == "\u{2019}") {
                endsSentence = false
            } else {
                if let first = start { words.append(TextWord(range: first..<end, sentence: sentence)) }
                start = nil
                let lineBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}"
                if lineBreak || (endsSentence && scalar.properties.isWhitespace) { sentence += 1 }
                endsSentence = scalar == "." || scalar == "!" || scalar == "?"
            }
            index += width
        }
        if let first = start { words.append(TextWord(range: first..<end, sentence: sentence)) }
        return words
    }
}

extension [UInt8] {
    /// The Unicode scalar whose UTF-8 encoding starts at `index`, and how
    /// many bytes it takes. The bytes must be valid UTF-8, as a `String`'s
    /// are; a byte that starts no scalar reads as U+FFFD, one byte wide.
    func scalar(at index: Int) -> (Unicode.Scalar, width: Int) {
        let lead = self[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC0, index + width <= count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0x7F >> width)
        for next in (index + 1)..<(index + width) { value = value << 6 | UInt32(self[next] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
