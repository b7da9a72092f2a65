/// A text's lines as ranges of its UTF-8 bytes: the lines that
/// `text.split(separator: "\n", omittingEmptySubsequences: false)` gives,
/// found by looking at bytes instead of Characters.
///
/// A `\n` ends a line unless a `\r` comes right before it: `\r\n` is one
/// Character, which is not `"\n"`, so it does not end a line either.
struct TextLines {
    /// The whole text.
    let text: String
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// Each line's bytes, without its `\n`, first line first.
    let ranges: [Range<Int>]

    /// Splits `text` into lines.
    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        ranges = bytes.withUnsafeBufferPointer { bytes in
            var ranges: [Range<Int>] = []
            var start = 0, searchFrom = 0
            while let index = bytes.firstOffset(of: Self.lineFeed, from: searchFrom) {
                searchFrom = index + 1
                guard index == 0 || bytes[index - 1] != Self.carriageReturn else { continue }
                ranges.append(start..<index)
                start = index + 1
            }
            ranges.append(start..<bytes.count)
            return ranges
        }
    }

    /// The line at `index` (the first is 0) as part of the text.
    func line(_ index: Int) -> Substring {
        let range = ranges[index], utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)]
    }

    private static let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
}
