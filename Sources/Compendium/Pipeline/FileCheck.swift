import Synchronization

/// What checking one document file found. Its text is kept only within a
/// check's budget: otherwise the index reads its Markdown again from the
/// file, and so does its page.
struct CheckedFile: Sendable {
    /// The document, when the file could be read, parsed and modelled.
    let document: Document?
    /// Where its text is (`nil` without a document).
    let text: BodyText?
    /// Problems reading, splitting and parsing the file.
    let parseProblems: [Diagnostic]
    /// Problems with its fields.
    let modelProblems: [Diagnostic]
    /// The privacy lint's findings, when it ran and the file is text.
    let privacy: PrivacyFindings?
    /// The document's body, when the check's text budget had room for it.
    var body: String? = nil
}

/// A document's privacy findings.
struct PrivacyFindings: Sendable {
    let diagnostics: [Diagnostic]
    let allowances: [PrivacyAllowance]
}

/// The per-file part of a check: read, parse, model and lint one document,
/// all at once so that its text is held only while it is checked.
struct FileCheck: Sendable {
    let limits: Limits
    /// The pillar slugs the site configuration defines.
    let pillars: [String]
    /// The privacy and consent lint, unless it is turned off.
    let lint: PrivacyLint?

    /// Checks `source`, counting the time of each step in `times`; its bytes
    /// come from `reading` when given, else from `source.read()`. A
    /// document's body is kept when `budget` has room for it.
    func check(_ source: SourceFile, times: StageTimes, reading: (() throws -> [UInt8])? = nil,
               keepingWithin budget: TextBudget? = nil) -> CheckedFile {
        let bytes: [UInt8]
        do {
            bytes = try times.measure(.load) { try reading?() ?? source.read() }
        } catch {
            let problem = Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: source.displayPath))
            return CheckedFile(document: nil, text: nil, parseProblems: [problem], modelProblems: [], privacy: nil)
        }
        // Decoded once, for the parser and the lint.
        let decoded = times.measure(.parse) { TextDecoding.decode(bytes) }
        let (parsed, parseProblems) = times.measure(.parse) {
            DocumentParser.parse(source, byteCount: bytes.count, decoded: decoded, limits: limits)
        }
        let (document, modelProblems) = times.measure(.model) { () -> (Document?, [Diagnostic]) in
            guard let parsed else { return (nil, []) }
            return DocumentModeller.model(parsed, pillars: pillars)
        }
        let privacy = lint.flatMap { lint in
            times.measure(.privacy) { () -> PrivacyFindings? in
                guard case .success(let text) = decoded else { return nil }
                let (problems, allowed) = lint.check(source, text: text, document: document)
                return PrivacyFindings(diagnostics: problems, allowances: allowed)
            }
        }
        let text = parsed.flatMap { parsed in
            document.map { _ in BodyText(source: source, fingerprint: Fingerprint(bytes), offset: parsed.bodyOffset) }
        }
        let body = parsed.flatMap { parsed in
            document != nil && budget?.take(parsed.body.utf8.count) == true ? parsed.body : nil
        }
        return CheckedFile(document: document, text: text, parseProblems: parseProblems, modelProblems: modelProblems,
                           privacy: privacy, body: body)
    }
}

/// How many bytes of document bodies a check may keep in memory, shared by its workers.
final class TextBudget: Sendable {
    private let left: Atomic<Int>

    /// A budget of `bytes`.
    init(bytes: Int) { left = Atomic(bytes) }

    /// Takes `count` bytes from the budget if it has that many left; returns whether it had.
    func take(_ count: Int) -> Bool {
        var current = left.load(ordering: .relaxed)
        while current >= count {
            let (exchanged, found) = left.compareExchange(expected: current, desired: current - count, ordering: .relaxed)
            if exchanged { return true }
            current = found
        }
        return false
    }
}
