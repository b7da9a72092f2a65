/// A quick, linear look at a Markdown body for shapes that libcmark handles
/// slowly (its time grows with the square of the input on long runs of
/// unclosed brackets), so such a body is refused with an error instead of
/// stalling the build: block quotes or lists nested deeper than the limit, or
/// a paragraph that leaves too many `[` open. Fenced code is skipped.
enum MarkdownShape {
    /// What is wrong and where, as a line and column in the file.
    struct Problem: Equatable {
        let reason: DiagnosticReason
        let line: Int
        let column: Int
    }

    /// The first problem in `body`, which starts on line `firstLine` of its file.
    static func check(_ body: String, firstLine: Int, limits: Limits) -> Problem? {
        var body = body
        return body.withUTF8 { bytes in
            var scan = BracketCount(limits: limits)
            var line = firstLine
            var inFence = false
            var start = 0
            while start <= bytes.count {
                let end = bytes.firstOffset(of: UInt8(ascii: "\n"), from: start) ?? bytes.count
                let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                defer { line += 1; start = end + 1 }
                let indent = text.prefix(while: isBlank)
                let rest = text[indent.count...]
                if startsFence(rest) {
                    inFence.toggle()
                    continue
                }
                if inFence { continue }
                if rest.isEmpty {
                    scan.openBrackets = 0
                    continue
                }
                let width = indent.reduce(0) { $0 + ($1 == UInt8(ascii: "\t") ? 4 : 1) }
                if let problem = nesting(of: text, indent: width, line: line, limits: limits)
                    ?? scan.read(text, line: line) {
                    return problem
                }
            }
            return nil
        }
    }
}

/// The `[` left open in a paragraph, counted line by line.
private struct BracketCount {
    let limits: Limits
    /// The `[` not yet closed by a `]`.
    var openBrackets = 0

    /// Counts the brackets of one line; a problem when too many are open.
    /// A backslash escapes the byte after it. The three bytes `[`, `\\` and `]`
    /// are neighbours, so runs of other bytes are passed eight at a time.
    mutating func read(_ text: UnsafeBufferPointer<UInt8>, line: Int) -> MarkdownShape.Problem? {
        var index = 0
        while let found = text.firstOffset(in: UInt8(ascii: "[")...UInt8(ascii: "]"), from: index) {
            index = found + 1
            switch text[found] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "["):
                openBrackets += 1
                if openBrackets > limits.openBrackets {
                    return MarkdownShape.Problem(reason: .tooManyOpenBrackets(count: openBrackets, limit: limits.openBrackets),
                                                 line: line, column: found + 1)
                }
            default:
                openBrackets = max(0, openBrackets - 1)
            }
        }
        return nil
    }
}

private extension MarkdownShape {
    /// Whether a line, after its indent, starts with ```` ``` ```` or `~~~`.
    static func startsFence(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard rest.count >= 3, let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
            return false
        }
        let start = rest.startIndex
        return rest[start + 1] == first && rest[start + 2] == first
    }

    /// Whether a byte is a space or a tab.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Block quotes (`> > >`) or list items indented beyond the nesting limit.
    static func nesting(of text: UnsafeBufferPointer<UInt8>, indent: Int, line: Int, limits: Limits) -> Problem? {
        var depth = 0
        for (offset, byte) in text.enumerated() {
            if byte == UInt8(ascii: ">") {
                depth += 1
                if depth > limits.nesting {
                    return Problem(reason: .markdownNestedTooDeeply(depth: depth, limit: limits.nesting),
                                   line: line, column: offset + 1)
                }
            } else if !isBlank(byte) {
                break
            }
        }
        guard let marker = text.first(where: { !isBlank($0) }),
              marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(marker)
        else { return nil }
        let levels = indent / 2
        guard levels > limits.nesting else { return nil }
        return Problem(reason: .markdownNestedTooDeeply(depth: levels, limit: limits.nesting), line: line, column: indent + 1)
    }
}
