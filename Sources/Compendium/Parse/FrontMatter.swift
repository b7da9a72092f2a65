/// A document's text split into its front matter and its Markdown body.
struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML between the `---` lines.
    let yaml: String
    /// The file line on which the YAML starts (2, after the opening `---`).
    let yamlFirstLine: Int
    /// The Markdown after the closing line.
    let body: String
    /// The file line on which the body starts.
    let bodyFirstLine: Int

    /// Why a file could not be split.
    enum Failure: Error, Equatable {
        case missing
        case unclosed
    }

    /// Splits `text`, which must open with a `---` line and close the front
    /// matter with a `---` (or `...`) line.
    static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        var text = text
        let found = text.withUTF8 { bytes -> Result<(yaml: Range<Int>, body: Int, bodyFirstLine: Int), Failure> in
            var lineStart = 0
            var lineNumber = 1
            var yamlStart: Int?
            while lineStart < bytes.count {
                let lineEnd = bytes.firstOffset(of: UInt8(ascii: "\n"), from: lineStart) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                let next = min(lineEnd + 1, bytes.count)
                if let start = yamlStart {
                    if isDelimiter(line, closing: true) {
                        return .success((start..<lineStart, next, lineNumber + 1))
                    }
                } else {
                    guard isDelimiter(line, closing: false) else { return .failure(.missing) }
                    yamlStart = next
                }
                lineStart = next
                lineNumber += 1
            }
            return .failure(yamlStart == nil ? .missing : .unclosed)
        }
        return found.map { parts in
            FrontMatterSplit(yaml: text.utf8Substring(parts.yaml), yamlFirstLine: 2,
                             body: text.utf8Substring(parts.body..<text.utf8.count), bodyFirstLine: parts.bodyFirstLine)
        }
    }
}

private extension FrontMatterSplit {
    /// Whether a line is `---`, or `...` when it may close the front matter, before any spaces or tabs.
    static func isDelimiter(_ line: UnsafeBufferPointer<UInt8>, closing: Bool) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let bytes = line[..<end]
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}

private extension String {
    /// The text of a range of UTF-8 offsets that fall on line starts.
    func utf8Substring(_ range: Range<Int>) -> String {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(self[start..<utf8.index(start, offsetBy: range.count)])
    }
}
