/// Diagnostics for people: each with its position, message and rule, the
/// source line with a caret under the column, and the hint; then the summary.
///
/// Personal data in printed source lines is masked, as in messages, since
/// build logs may be public.
public struct HumanFormat: Sendable {
    /// Returns a file's text by the path shown in diagnostics, for source lines.
    public let source: @Sendable (String) -> String?
    /// Whether to colour the output (only on a terminal).
    public let colour: Bool

    /// Creates the format.
    public init(colour: Bool = false, source: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.colour = colour
        self.source = source
    }

    /// The whole report.
    public func render(_ report: DiagnosticReport) -> String {
        var lines: [String] = []
        var cache: [String: [Substring]] = [:]
        var shown: (file: String, line: Int, text: [Character])?
        for diagnostic in report.diagnostics {
            lines.append(headline(diagnostic))
            let location = diagnostic.location
            if !diagnostic.reason.hidesSourceLine {
                // Several diagnostics on one line share its masked text.
                if shown?.file != location.file || shown?.line != location.line {
                    shown = sourceLine(location, cache: &cache).map { (location.file, location.line, displayable($0)) }
                }
                if let shown { lines += snippet(shown.text, at: location) }
            }
            if let hint = diagnostic.reason.hint {
                lines.append("    " + paint("hint:", .cyan) + " " + hint)
            }
        }
        if !report.allowances.isEmpty {
            lines.append("Privacy findings allowed by comments:")
            for allowance in report.allowances {
                lines.append("    \(allowance.location.file):\(allowance.location.line): \(allowance.kind): \"\(allowance.reason)\"")
            }
        }
        lines.append(report.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `file:line:column: error: message [rule]`.
    public func headline(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity == .error ? paint("error:", .red) : paint("warning:", .yellow)
        return "\(paint("\(diagnostic.location):", .bold)) \(severity) \(diagnostic.reason.message) [\(diagnostic.reason.ruleID)]"
    }

    private func sourceLine(_ location: SourceLocation, cache: inout [String: [Substring]]) -> String? {
        if cache[location.file] == nil {
            guard let text = source(location.file) else { return nil }
            cache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[location.file], location.line >= 1, location.line <= lines.count else { return nil }
        return String(lines[location.line - 1])
    }

    /// The most characters of a source line shown; a longer line is shown
    /// around the column, with `…` where it is cut.
    static let lineWidth = 100

    /// A source line as it is shown: personal data masked, and control
    /// characters (which would act on the terminal) replaced.
    private func displayable(_ line: String) -> [Character] {
        PrivacyMasking.maskAll(in: line).map { character in
            character != "\t" && character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                ? "\u{FFFD}" : character
        }
    }

    /// `  12 | text` and `     |    ^`; a long line is shown around the column.
    private func snippet(_ line: [Character], at location: SourceLocation) -> [String] {
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        var text = line[...]
        var column = max(0, min(location.column - 1, line.count))
        var before = "", after = ""
        if line.count > HumanFormat.lineWidth {
            let start = max(0, min(column - HumanFormat.lineWidth / 2, line.count - HumanFormat.lineWidth))
            let end = min(line.count, start + HumanFormat.lineWidth)
            text = line[start..<end]
            before = start > 0 ? "…" : ""
            after = end < line.count ? "…" : ""
            column = column - start + before.count
        }
        let shown = before + String(text) + after
        let prefix = shown.prefix(column).map { $0 == "\t" ? "\t" : " " }.joined()
        return ["  \(number) | \(shown)", "  \(gutter) | \(prefix)\(paint("^", .green))"]
    }

    private enum Colour: String {
        case red = "31;1", yellow = "33;1", cyan = "36", green = "32;1", bold = "1"
    }

    private func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
