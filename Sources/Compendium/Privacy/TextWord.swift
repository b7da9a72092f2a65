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
        bytes.withUnsafeBufferPointer(text)
    }

    /// The word's text, read from the bytes it was found in.
    func text(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The words of a text given as UTF-8 bytes. `.`, `!` or `?` before
    /// white space ends a sentence, and so does a line break (`\n`, `\r`, U+2028).
    static func split(_ bytes: [UInt8]) -> [TextWord] {
        bytes.withUnsafeBufferPointer(split)
    }

    /// The words of a text given as a buffer of UTF-8 bytes. An ASCII byte's
    /// part in a word or sentence is looked up in a table; only other
    /// scalars are decoded and their Unicode properties read.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [TextWord] {
        var words: [TextWord] = []
        var start: Int?, end = 0, sentence = 0, endsSentence = false, index = 0
        let asciiRoles = ScalarRole.ascii
        while index < bytes.count {
            let role: ScalarRole, width: Int
            if bytes[index] < 0x80 {
                (role, width) = (asciiRoles[Int(bytes[index])], 1)
            } else {
                let (scalar, scalarWidth) = bytes.scalar(at: index)
                (role, width) = (ScalarRole(scalar), scalarWidth)
            }
            switch role {
            case .wordPart:
                if start == nil { start = index }
                end = index + width
                endsSentence = false
            case .apostrophe where start != nil:
                endsSentence = false
            default:
                if let first = start { words.append(TextWord(range: first..<end, sentence: sentence)) }
                start = nil
                if role == .lineBreak || (endsSentence && role == .space) { sentence += 1 }
                endsSentence = role == .stop
            }
            index += width
        }
        if let first = start { words.append(TextWord(range: first..<end, sentence: sentence)) }
        return words
    }
}

/// What a scalar does in words and sentences.
private enum ScalarRole {
    /// A letter or digit: part of a word.
    case wordPart
    /// `'` or `’`: part of a word when inside one.
    case apostrophe
    /// `\n`, `\r` or U+2028: the end of a sentence.
    case lineBreak
    /// Other white space: the end of a sentence after a stop.
    case space
    /// `.`, `!` or `?`.
    case stop
    /// Anything else.
    case other

    /// The role of each ASCII scalar, by its value.
    static let ascii = (0..<128).map { ScalarRole(Unicode.Scalar(UInt8($0))) }

    /// The role of a scalar.
    init(_ scalar: Unicode.Scalar) {
        if PersonalDataScanner.isWordScalar(scalar) {
            self = .wordPart
        } else if scalar == "'" || scalar == "\u{2019}" {
            self = .apostrophe
        } else if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" {
            self = .lineBreak
        } else if scalar.properties.isWhitespace {
            self = .space
        } else if scalar == "." || scalar == "!" || scalar == "?" {
            self = .stop
        } else {
            self = .other
        }
    }
}

extension [UInt8] {
    /// The Unicode scalar whose UTF-8 encoding starts at `index`, and how
    /// many bytes it takes. The bytes must be valid UTF-8, as a `String`'s
    /// are; a byte that starts no scalar reads as U+FFFD, one byte wide.
    func scalar(at index: Int) -> (Unicode.Scalar, width: Int) {
        withUnsafeBufferPointer { $0.scalar(at: index) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The Unicode scalar whose UTF-8 encoding starts at `index`, and how
    /// many bytes it takes, as `[UInt8].scalar(at:)` reads it.
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
