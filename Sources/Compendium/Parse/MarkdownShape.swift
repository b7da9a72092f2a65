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
            var scan = ShapeScan(bytes: bytes, limits: limits, line: firstLine)
            return scan.firstProblem()
        }
    }
}

/// A walk through a body's bytes, line by line. After a line's indent, fence
/// and nesting are read, only its brackets, backslashes and end are stopped
/// at, found eight bytes at a time.
private struct ShapeScan {
    /// The body's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The nesting and bracket limits.
    let limits: Limits
    /// The file line being read.
    var line: Int
    /// Whether the line is inside fenced code.
    private var inFence = false
    /// The `[` of the paragraph not yet closed by a `]`.
    private var openBrackets = 0

    /// Starts at the body's first byte, which is on file line `line`.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits, line: Int) {
        self.bytes = bytes
        self.limits = limits
        self.line = line
    }

    /// The first problem, reading from the first line on.
    mutating func firstProblem() -> MarkdownShape.Problem? {
        var start = 0
        while start <= bytes.count {
            let (end, problem) = readLine(from: start)
            if let problem { return problem }
            start = end + 1
            line += 1
        }
        return nil
    }
}

private extension ShapeScan {
    static let lineFeed = UInt8(ascii: "\n"), backslash = UInt8(ascii: "\\")
    static let brackets = UInt8(ascii: "[")...UInt8(ascii: "]")

    /// Reads the line that starts at `start`: where it ends (its `\n`, or the end of the body), and its problem.
    mutating func readLine(from start: Int) -> (end: Int, problem: MarkdownShape.Problem?) {
        var restStart = start
        while restStart < bytes.count, isBlank(bytes[restStart]) { restStart += 1 }
        if startsFence(at: restStart) {
            inFence.toggle()
            return (lineEnd(from: restStart), nil)
        }
        if inFence { return (lineEnd(from: restStart), nil) }
        if restStart == bytes.count || bytes[restStart] == Self.lineFeed {
            openBrackets = 0
            return (restStart, nil)
        }
        let indent = bytes[start..<restStart].reduce(0) { $0 + ($1 == UInt8(ascii: "\t") ? 4 : 1) }
        if let problem = nesting(from: start, indent: indent, marker: bytes[restStart]) { return (start, problem) }
        return readBrackets(from: start)
    }

    /// Counts the brackets of the line from `start`, a backslash escaping the byte after it within the line:
    /// where the line ends, and a problem when too many brackets are open.
    mutating func readBrackets(from start: Int) -> (end: Int, problem: MarkdownShape.Problem?) {
        var index = start
        while let found = bytes.firstOffset(of: Self.lineFeed, orIn: Self.brackets, from: index) {
            index = found + 1
            switch bytes[found] {
            case Self.lineFeed:
                return (found, nil)
            case Self.backslash:
                if index < bytes.count, bytes[index] != Self.lineFeed { index += 1 }
            case UInt8(ascii: "["):
                openBrackets += 1
                if openBrackets > limits.openBrackets {
                    let reason = DiagnosticReason.tooManyOpenBrackets(count: openBrackets, limit: limits.openBrackets)
                    return (found, MarkdownShape.Problem(reason: reason, line: line, column: found - start + 1))
                }
            default:
                openBrackets = max(0, openBrackets - 1)
            }
        }
        return (bytes.count, nil)
    }

    /// Block quotes (`> > >`) or list items indented beyond the nesting limit, in the line from `start`
    /// whose indent is `indent` columns wide and whose first byte after it is `marker`.
    func nesting(from start: Int, indent: Int, marker: UInt8) -> MarkdownShape.Problem? {
        var depth = 0, index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: ">") || isBlank(bytes[index]) {
            if bytes[index] == UInt8(ascii: ">") {
                depth += 1
                if depth > limits.nesting {
                    return MarkdownShape.Problem(reason: .markdownNestedTooDeeply(depth: depth, limit: limits.nesting),
                                                 line: line, column: index - start + 1)
                }
            }
            index += 1
        }
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(marker)
        else { return nil }
        let levels = indent / 2
        guard levels > limits.nesting else { return nil }
        return MarkdownShape.Problem(reason: .markdownNestedTooDeeply(depth: levels, limit: limits.nesting),
                                     line: line, column: indent + 1)
    }

    /// Where the line holding `index` ends: at its `\n`, or at the end of the body.
    func lineEnd(from index: Int) -> Int {
        bytes.firstOffset(of: Self.lineFeed, from: index) ?? bytes.count
    }

    /// Whether the bytes from `index` start with ```` ``` ```` or `~~~`.
    func startsFence(at index: Int) -> Bool {
        guard index + 3 <= bytes.count, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else {
            return false
        }
        return bytes[index + 1] == bytes[index] && bytes[index + 2] == bytes[index]
    }

    /// Whether a byte is a space or a tab.
    func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
