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
        var line = firstLine
        var inFence = false
        var openBrackets = 0
        for text in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { line += 1 }
            let indent = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let rest = text.dropFirst(indent.count)
            if rest.starts(with: "```".utf8) || rest.starts(with: "~~~".utf8) {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if rest.isEmpty {
                openBrackets = 0
                continue
            }
            if let problem = nesting(of: text, indent: indent.reduce(0) { $0 + ($1 == UInt8(ascii: "\t") ? 4 : 1) },
                                     line: line, limits: limits) {
                return problem
            }
            var column = 0
            var escaped = false
            for byte in text {
                column += 1
                if escaped { escaped = false; continue }
                switch byte {
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "["):
                    openBrackets += 1
                    if openBrackets > limits.openBrackets {
                        return Problem(reason: .tooManyOpenBrackets(count: openBrackets, limit: limits.openBrackets),
                                       line: line, column: column)
                    }
                case UInt8(ascii: "]"): openBrackets = max(0, openBrackets - 1)
                default: break
                }
            }
        }
        return nil
    }

    /// Block quotes (`> > >`) or list items indented beyond the nesting limit.
    private static func nesting(of text: Substring.UTF8View.SubSequence, indent: Int, line: Int, limits: Limits) -> Problem? {
        var depth = 0
        var column = 0
        for byte in text {
            column += 1
            if byte == UInt8(ascii: ">") {
                depth += 1
                if depth > limits.nesting {
                    return Problem(reason: .markdownNestedTooDeeply(depth: depth, limit: limits.nesting), line: line, column: column)
                }
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                break
            }
        }
        guard let marker = text.dropFirst(text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count).first,
              [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(marker) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(marker)
        else { return nil }
        let levels = indent / 2
        guard levels > limits.nesting else { return nil }
        return Problem(reason: .markdownNestedTooDeeply(depth: levels, limit: limits.nesting), line: line, column: indent + 1)
    }
}
