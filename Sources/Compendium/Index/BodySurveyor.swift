import Markdown

/// Reads each document's Markdown again from its file for its headings and
/// links, which the index resolves at once, so no text is held for long.
struct BodySurveyor: Sendable {
    /// Told which document's Markdown is being read, for a watchdog.
    let watch: RenderWatch?
    /// Where the time of reading and surveying is counted.
    let times: StageTimes

    /// The survey of `document`'s body, or the problem that stopped it being read.
    func survey(_ document: CheckedDocument) -> Result<BodySurvey, Diagnostic> {
        if let known = document.survey { return .success(known) }
        let text = document.text
        switch times.measure(.load, { text.read() }) {
        case .failure(let failure):
            return .failure(text.diagnostic(for: failure))
        case .success(let body):
            return .success(times.measure(.markdown) {
                watch?.begin(document.document.file)
                defer { watch?.end(document.document.file) }
                return MarkdownRenderer.survey(body, firstLine: document.document.bodyFirstLine, anchor: LinkResolver.anchor)
            })
        }
    }
}
