/// A comment that allows one kind of privacy finding on its line, with a reason:
/// `<!-- privacy: allow email reason="…" -->` in Markdown, or
/// `# privacy: allow email reason="…"` in front matter. A comment alone on
/// its line also covers the next line.
struct AllowComment: Sendable, Hashable {
    /// `email`, `phone`, `nhs-number` or `name`.
    let kind: PersonalDataKind
    let reason: String
    /// The comment's own position.
    let line: Int
    let column: Int
    /// The lines whose findings it allows.
    let lines: Set<Int>
}

/// Finds privacy allow comments in a file's lines.
enum AllowComments {
    /// The comments in `lines` (line 1 first), and the problems with malformed ones.
    static func find(in lines: TextLines, file: String) -> ([AllowComment], [Diagnostic]) {
        var comments: [AllowComment] = []
        var diagnostics: [Diagnostic] = []
        guard lines.bytes[...].containsBytes("privacy:") else { return (comments, diagnostics) }
        for index in lines.ranges.indices where lines.bytes[lines.ranges[index]].containsBytes("privacy:") {
            let line = lines.line(index)
            guard let marker = line.range(of: "privacy:") else { continue }
            let before = line[..<marker.lowerBound].trimmingSpaces
            guard before.hasSuffix("<!--") || before.hasSuffix("#") else { continue }
            let number = index + 1
            let column = line[..<marker.lowerBound].count + 1
            var rest = line[marker.upperBound...].drop(while: { $0 == " " })
            guard rest.hasPrefix("allow ") else { continue }
            rest = rest.dropFirst("allow ".count).drop(while: { $0 == " " })
            var kindText = String(rest.prefix { !$0.isWhitespace })
            if kindText.hasSuffix("-->") { kindText.removeLast(3) }
            let location = SourceLocation(file: file, line: number, column: column)
            guard let kind = PersonalDataKind(rawValue: kindText) else {
                diagnostics.append(Diagnostic(.privacyUnknownAllowKind(kind: kindText), at: location))
                continue
            }
            guard let reason = quotedReason(in: rest), !reason.trimmingSpaces.isEmpty else {
                diagnostics.append(Diagnostic(.privacyAllowWithoutReason, at: location))
                continue
            }
            let alone = before == "<!--" || before == "#"
            let covered: Set<Int> = alone ? [number, number + 1] : [number]
            comments.append(AllowComment(kind: kind, reason: reason, line: number, column: column, lines: covered))
        }
        return (comments, diagnostics)
    }

    /// The text of `reason="…"` (straight or curly double quotes).
    private static func quotedReason(in text: Substring) -> String? {
        guard let key = text.range(of: "reason=") else { return nil }
        let afterKey = text[key.upperBound...]
        guard let open = afterKey.first, open == "\"" || open == "\u{201C}" else { return nil }
        let body = afterKey.dropFirst()
        guard let close = body.firstIndex(where: { $0 == "\"" || $0 == "\u{201D}" }) else { return nil }
        return String(body[..<close])
    }
}
