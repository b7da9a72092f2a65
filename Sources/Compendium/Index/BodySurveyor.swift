import Markdown

/// Reads each document's Markdown (again from its file, unless the check
/// kept it) for its headings and links, which the index resolves at once, so
/// no text is held for long; for a build, it renders each body ahead from the same parse.
struct BodySurveyor: Sendable {
    /// Told which document's Markdown is being read, for a watchdog.
    let watch: RenderWatch?
    /// Where the time of reading and surveying is counted.
    let times: StageTimes
    /// Where each body is kept rendered ahead, for a build; `nil` to survey only.
    var marking: MarkedBodies? = nil

    /// The survey of `document`'s body, or the problem that stopped it being
    /// read; with `marking`, the body is rendered ahead too and kept there under `position`.
    func survey(_ document: CheckedDocument, position: Int? = nil) -> Result<BodySurvey, Diagnostic> {
        if let known = document.survey { return .success(known) }
        let text = document.text
        switch document.body.map({ .success($0) }) ?? times.measure(.load, { text.read() }) {
        case .failure(let failure):
            return .failure(text.diagnostic(for: failure))
        case .success(let body):
            return .success(times.measure(.markdown) {
                watch?.begin(document.document.file)
                defer { watch?.end(document.document.file) }
                let firstLine = document.document.bodyFirstLine
                guard let marking, let position else {
                    return MarkdownRenderer.survey(body, firstLine: firstLine, anchor: LinkResolver.anchor)
                }
                let (survey, marked) = MarkdownRenderer.surveyAndMark(body, firstLine: firstLine, anchor: LinkResolver.anchor)
                if let marked { marking.keep(marked, at: position) }
                return survey
            })
        }
    }
}
