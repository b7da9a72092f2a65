import Markdown

/// What checking one document file found. Its text is not kept: the
/// document's page is rendered later from the file again.
struct CheckedFile: Sendable {
    /// The document, when the file could be read, parsed and modelled.
    let document: Document?
    /// Its body's headings and links (empty without a document).
    let survey: BodySurvey
    /// Where its text is, for rendering its page (`nil` without a document).
    let text: BodyText?
    /// Problems reading, splitting and parsing the file.
    let parseProblems: [Diagnostic]
    /// Problems with its fields.
    let modelProblems: [Diagnostic]
    /// The privacy lint's findings, when it ran and the file is text.
    let privacy: PrivacyFindings?
}

/// A document's privacy findings.
struct PrivacyFindings: Sendable {
    let diagnostics: [Diagnostic]
    let allowances: [PrivacyAllowance]
}

/// The per-file part of a check: read, parse, model, lint and survey one
/// document, all at once so that its text is held only while it is checked.
struct FileCheck: Sendable {
    let limits: Limits
    /// The pillar slugs the site configuration defines.
    let pillars: [String]
    /// The privacy and consent lint, unless it is turned off.
    let lint: PrivacyLint?
    /// Told which file's Markdown is being read, for a watchdog.
    let watch: RenderWatch?

    /// Checks `source`, counting the time of each step in `times`.
    func check(_ source: SourceFile, times: StageTimes) -> CheckedFile {
        let bytes: [UInt8]
        do {
            bytes = try times.measure(.load) { try source.read() }
        } catch {
            let problem = Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: source.displayPath))
            return CheckedFile(document: nil, survey: BodySurvey(headings: [], links: []), text: nil,
                               parseProblems: [problem], modelProblems: [], privacy: nil)
        }
        let (parsed, parseProblems) = times.measure(.parse) { DocumentParser.parse(source, bytes: bytes, limits: limits) }
        let (document, modelProblems) = times.measure(.model) { () -> (Document?, [Diagnostic]) in
            guard let parsed else { return (nil, []) }
            return DocumentModeller.model(parsed, pillars: pillars)
        }
        let privacy = lint.flatMap { lint in
            times.measure(.privacy) { () -> PrivacyFindings? in
                guard case .success(let text) = TextDecoding.decode(bytes) else { return nil }
                let (problems, allowed) = lint.check(source, text: text, document: document)
                return PrivacyFindings(diagnostics: problems, allowances: allowed)
            }
        }
        guard let parsed, let document else {
            return CheckedFile(document: document, survey: BodySurvey(headings: [], links: []), text: nil,
                               parseProblems: parseProblems, modelProblems: modelProblems, privacy: privacy)
        }
        let survey = times.measure(.markdown) { () -> BodySurvey in
            watch?.begin(document.file)
            defer { watch?.end(document.file) }
            return MarkdownRenderer.survey(parsed.body, firstLine: parsed.bodyFirstLine, anchor: LinkResolver.anchor)
        }
        let text = BodyText(source: source, fingerprint: Fingerprint(bytes), offset: parsed.bodyOffset)
        return CheckedFile(document: document, survey: survey, text: text, parseProblems: parseProblems,
                           modelProblems: modelProblems, privacy: privacy)
    }
}
