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
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if isDelimiter(line, closing: true) {
                    return .success(FrontMatterSplit(
                        yaml: String(text[start..<lineStart]),
                        yamlFirstLine: 2,
                        body: String(text[next...]),
                        bodyFirstLine: lineNumber + 1
                    ))
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

    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}
