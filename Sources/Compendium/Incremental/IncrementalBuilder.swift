import Dispatch

/// Builds a project again each time it is edited, for `compendium serve`.
///
/// Each rebuild reads again only the content files whose stamps changed,
/// and parses, models, lints and surveys only the files whose bytes changed.
/// When the edits changed only the texts of documents (their fields, the
/// documents they link to and their headings as they were), only those
/// documents' pages are rendered and written, first, and then the pages made
/// from every text (the print page, the search index, the feed); otherwise the
/// whole site is rendered and only the files whose bytes changed are written.
/// A rebuild with errors leaves the last good site in place. What ends up in
/// the output folder is byte for byte what `compendium build` writes for the same input.
public final class IncrementalBuilder {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        /// Every problem found, sorted.
        public let diagnostics: [Diagnostic]
        /// Whether the output folder now holds this content's site; false when
        /// there were errors (the previous site stays) or it could not be written.
        public let published: Bool
        /// The output paths written or removed, sorted; every path after the first build.
        public let changed: [String]
        /// Why the site could not be written, when it could not.
        public let writeFailure: String?
        /// How long each stage took.
        public let timings: [StageTiming]
    }

    private let paths: ProjectPaths
    private let directory: String
    private let output: String
    private let options: BuildOptions
    private var snapshot = ContentSnapshot()
    private var memo = BuildMemo()
    /// What the output folder holds; `nil` until a site is written (and after a failed write).
    private var published: Published?

    /// The site in the output folder, as this builder wrote it.
    private struct Published {
        /// A digest of each file, by path.
        var files: [PathKey: Fingerprint]
        /// The check the site was made from.
        var check: CheckResult
        /// The template sources it was rendered with, and the template set's assets.
        let templates: [String: String]
        let assets: [OutputFile]
        /// The pages made from every text, with what they were made from.
        var textPages: TextPages
        /// Every document as a list item, for lists on pages rendered again.
        let itemFaces: [TemplateRecord]
    }

    /// A builder for the project at `paths` (relative to `directory`) that writes into `output`.
    public init(paths: ProjectPaths, in directory: String = ".", output: String, options: BuildOptions = BuildOptions()) {
        self.paths = paths
        self.directory = directory
        self.output = output
        self.options = options
    }

    /// Reads the project again and brings the output folder up to date.
    /// `pagesWritten`, when given, is told the paths of the edited documents'
    /// pages as soon as they are written, before the rest of the site is.
    public func rebuild(pagesWritten: (([String]) -> Void)? = nil) -> Outcome {
        let times = StageTimes()
        let (project, loadProblems) = times.measure(.load) { Project.load(paths, in: directory, snapshot: &snapshot) }
        guard let project else {
            return Outcome(diagnostics: loadProblems.sorted(), published: false, changed: [], writeFailure: nil,
                           timings: times.timings)
        }
        let check = ContentCheck(configuration: project.configuration, consent: project.consent, options: options)
        if let published, published.templates == project.templates.sources, published.assets == project.templates.assets,
           let (checked, edited) = check.recheck(project.content, after: published.check, watch: nil, times: times) {
            memo = checked.memo
            let diagnostics = (loadProblems + checked.diagnostics).sorted()
            guard !diagnostics.hasErrors else {
                return Outcome(diagnostics: diagnostics, published: false, changed: [], writeFailure: nil,
                               timings: times.timings)
            }
            return writeEditedTexts(edited, checked: checked, templates: project.templates, diagnostics: diagnostics,
                                    times: times, pagesWritten: pagesWritten)
        }
        let checked = check.run(project.content, watch: nil, memo: memo, extent: .pages, remembering: true, times: times)
        memo = checked.memo
        let diagnostics = (loadProblems + checked.diagnostics).sorted()
        guard !diagnostics.hasErrors else {
            return Outcome(diagnostics: diagnostics, published: false, changed: [], writeFailure: nil,
                           timings: times.timings)
        }
        return writeWholeSite(checked: checked, templates: project.templates, diagnostics: diagnostics, times: times)
    }
}

private extension IncrementalBuilder {
    /// Renders the whole site and writes the files whose bytes changed.
    func writeWholeSite(checked: CheckResult, templates: TemplateSet, diagnostics: [Diagnostic], times: StageTimes) -> Outcome {
        let collected = CollectedSite()
        let renderer = SiteRenderer(site: checked.site, templates: templates, times: times)
        let (renderProblems, textPages) = renderer.renderKeepingTexts(into: collected)
        let files = collected.files
        let digests = Dictionary(files.map { (PathKey($0.path), Fingerprint($0.bytes)) }, uniquingKeysWith: { $1 })
        var changed = files
        var removed: [String] = []
        let failure = times.measure(.write) { () -> SiteWriter.Failure? in
            do throws(SiteWriter.Failure) {
                guard renderProblems.isEmpty else { return nil }
                if let previous = published?.files {
                    changed = files.filter { previous[PathKey($0.path)] != digests[PathKey($0.path)] }
                    removed = previous.keys.filter { digests[$0] == nil }.map(\.path)
                    try SiteWriter.update(changed, removing: removed, in: output)
                } else {
                    try SiteWriter.write(files, to: output)
                }
                return nil
            } catch {
                return error
            }
        }
        let all = (diagnostics + renderProblems).sorted()
        guard renderProblems.isEmpty, failure == nil else {
            published = nil
            return Outcome(diagnostics: all, published: false, changed: [], writeFailure: failure?.description,
                           timings: times.timings)
        }
        published = Published(files: digests, check: checked, templates: templates.sources, assets: templates.assets,
                              textPages: textPages, itemFaces: renderer.itemFaces)
        return Outcome(diagnostics: all, published: true, changed: (changed.map(\.path) + removed).sorted(),
                       writeFailure: nil, timings: times.timings)
    }

    /// Renders and writes the pages of the documents at `edited`, tells
    /// `pagesWritten`, then writes the pages made from every text.
    func writeEditedTexts(_ edited: [Int], checked: CheckResult, templates: TemplateSet, diagnostics: [Diagnostic],
                          times: StageTimes, pagesWritten: (([String]) -> Void)?) -> Outcome {
        guard var state = published else { return Outcome(diagnostics: diagnostics, published: false, changed: [],
                                                          writeFailure: nil, timings: times.timings) }
        let renderer = SiteRenderer(site: checked.site, templates: templates, times: times, itemFaces: state.itemFaces)
        var written: [String] = []
        do throws(SiteWriter.Failure) {
            let pages = CollectedSite()
            var texts = state.textPages.texts
            let problems = renderer.renderDocuments(edited, into: pages, texts: &texts)
            guard problems.isEmpty else {
                return Outcome(diagnostics: (diagnostics + problems).sorted(), published: false, changed: [],
                               writeFailure: nil, timings: times.timings)
            }
            try write(pages.files, into: &state, written: &written, times: times)
            pagesWritten?(written)
            let textPages = times.measure(.render) { state.textPages.update(texts, edited: edited, renderer: renderer) }
            try write(textPages, into: &state, written: &written, times: times, known: true)
        } catch {
            published = nil
            return Outcome(diagnostics: diagnostics, published: false, changed: [], writeFailure: error.description,
                           timings: times.timings)
        }
        state.check = checked
        published = state
        return Outcome(diagnostics: diagnostics, published: true, changed: written.sorted(), writeFailure: nil,
                       timings: times.timings)
    }

    /// Writes those of `files` whose bytes differ from the published ones, noting their paths in `written`.
    /// Files `known` to have changed are written without being compared; their
    /// digests are left unknown, so the next whole-site rebuild writes them again.
    private func write(_ files: [OutputFile], into state: inout Published, written: inout [String],
                       times: StageTimes, known: Bool = false) throws(SiteWriter.Failure) {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { times.add(.write, since: start) }
        var changed: [OutputFile] = []
        for file in files {
            let digest = known ? Fingerprint.unknown : Fingerprint(file.bytes)
            guard known || state.files[PathKey(file.path)] != digest else { continue }
            state.files[PathKey(file.path)] = digest
            changed.append(file)
        }
        try SiteWriter.update(changed, removing: [], in: output)
        written += changed.map(\.path)
    }
}
