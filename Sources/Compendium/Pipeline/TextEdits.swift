import Markdown

extension ContentCheck {
    /// Checks `content` again after edits that changed only the text of
    /// documents: the same files, each edited document's fields as they were,
    /// its text linking to the same documents and giving the same headings.
    /// Only the edited files are read again, and the site is the previous one
    /// with their texts replaced. Returns the result with the positions of the
    /// edited documents, or `nil` when the edits changed more than that and the
    /// whole check must run.
    func recheck(_ content: ContentFiles, after previous: CheckResult, watch: RenderWatch?, times: StageTimes)
        -> (result: CheckResult, edited: [Int])? {
        guard let parts = previous.parts, parts.check.configuration == configuration, parts.check.options == options,
              parts.check.settings == settings, parts.documentPaths == content.documents.map(\.relativePath),
              parts.attachments == content.attachments, let anchors = parts.index.anchors else { return nil }
        var memo = previous.memo
        var files = parts.files
        var site = parts.index.site
        var bodyDiagnostics = parts.index.bodyDiagnostics
        var edited: [Int] = []
        let surveyor = BodySurveyor(watch: watch, times: times)
        let resolver = LinkResolver(book: site.book, drafts: parts.drafts, attachments: Set(content.attachments.map(\.relativePath)))
        for (index, source) in content.documents.enumerated() where memo.work(for: source, settings: settings) == nil {
            let file = fileCheck.check(source, times: times)
            guard let document = file.document, let text = file.text, let before = parts.files[index].document,
                  document.differsOnlyInText(from: before) else { return nil }
            files[index] = file
            guard let position = parts.positions[index] else {
                memo.remember(file, survey: nil, for: source)
                continue
            }
            guard case .success(let survey) = surveyor.survey(CheckedDocument(document: document, text: text, survey: nil)),
                  survey.headings.map(\.anchor) == anchors[position] else { return nil }
            var links = times.measure(.index) { resolver.resolve(survey.links, of: position) }
            guard links.mentions == site.links[position].mentions else { return nil }
            let missing = Indexer.missingAnchors(from: position, links, anchors: anchors, book: site.book)
            bodyDiagnostics[position] = links.diagnostics + missing.map(\.diagnostic)
            links = links.pointingAtPages(for: Set(missing.map(\.key)))
            site = site.withText(of: position, document: document, text: text, links: links,
                                 contents: survey.headings.filter { $0.level == 2 })
            memo.remember(file, survey: survey, for: source)
            edited.append(position)
        }
        let index = IndexOutcome(site: site, siteDiagnostics: parts.index.siteDiagnostics, bodyDiagnostics: bodyDiagnostics,
                                 surveys: nil, anchors: anchors)
        let kept = CheckParts(check: self, documentPaths: parts.documentPaths, attachments: parts.attachments, files: files,
                              positions: parts.positions, drafts: parts.drafts, index: index)
        let result = self.result(files: files, index: index, memo: memo, parts: kept, times: times,
                                 countProblem: countProblem(content.documents))
        return (result, edited)
    }
}
