import Dispatch
import Markdown

/// Choices that change what a build produces.
public struct BuildOptions: Sendable, Hashable {
    /// Publish documents marked `draft: true`.
    public var includeDrafts: Bool
    /// Overrides the configuration's `base_url`.
    public var baseURL: String?
    /// Run the privacy and consent lint (on unless turned off).
    public var privacyLint: Bool
    /// How links between pages are written.
    public var linkStyle: LinkStyle

    /// Creates options.
    public init(includeDrafts: Bool = false, baseURL: String? = nil, privacyLint: Bool = true,
                linkStyle: LinkStyle = .directories) {
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.privacyLint = privacyLint
        self.linkStyle = linkStyle
    }
}

/// What checking the content found.
public struct CheckResult: Sendable {
    /// The indexed site, built even when there are errors (for reports).
    public let site: IndexedSite
    /// Every problem found, sorted.
    public let diagnostics: [Diagnostic]
    /// Privacy findings allowed by comments.
    public let allowances: [PrivacyAllowance]
    /// How long each stage took.
    public let timings: [StageTiming]
    /// The work done, to pass to the next build of the same project.
    public let memo: BuildMemo
}

/// What a build produced.
public struct BuildResult: Sendable {
    /// The site's files; `nil` when there were errors, so nothing is published.
    public let files: [OutputFile]?
    /// Every problem found, sorted.
    public let diagnostics: [Diagnostic]
    /// Privacy findings allowed by comments.
    public let allowances: [PrivacyAllowance]
    /// How long each stage took.
    public let timings: [StageTiming]
}

/// Runs the stages between loading and writing.
public enum SiteBuilder {
    /// Runs every stage that can find a problem (load, parse, model,
    /// privacy, markdown, index) and collects every diagnostic; renders
    /// nothing. A `watch`, when given, is told which document's Markdown is
    /// being read, for a watchdog. A `memo` from the previous check lets
    /// unchanged files skip their work; unless `remembering`, the returned memo
    /// is empty. Related documents are worked out only `forPages`.
    public static func check(content: ContentFiles, configuration: SiteConfiguration, consent: ConsentRegistry = .empty,
                             options: BuildOptions = BuildOptions(), watch: RenderWatch? = nil,
                             memo: BuildMemo = BuildMemo(), forPages: Bool = true, remembering: Bool = true) -> CheckResult {
        check(content: content, configuration: configuration, consent: consent, options: options, watch: watch,
              memo: memo, forPages: forPages, remembering: remembering, times: StageTimes())
    }

    /// Checks the content and, when there is no error, renders every file of
    /// the site into `output`, page by page, from every core. When any
    /// diagnostic is an error, the output may hold some files and must be
    /// discarded; `files` is always `nil`.
    public static func build(content: ContentFiles, configuration: SiteConfiguration, templates: TemplateSet,
                             consent: ConsentRegistry = .empty, options: BuildOptions = BuildOptions(),
                             watch: RenderWatch? = nil, into output: any SiteOutput) -> BuildResult {
        let times = StageTimes()
        let checked = check(content: content, configuration: configuration, consent: consent, options: options, watch: watch,
                            memo: BuildMemo(), forPages: true, remembering: false, times: times)
        guard !checked.diagnostics.hasErrors else {
            return BuildResult(files: nil, diagnostics: checked.diagnostics, allowances: checked.allowances,
                               timings: times.timings)
        }
        let renderProblems = SiteRenderer(site: checked.site, templates: templates, watch: watch, times: times)
            .render(into: output)
        return BuildResult(files: nil, diagnostics: (checked.diagnostics + renderProblems).sorted(),
                           allowances: checked.allowances, timings: times.timings)
    }

    /// Checks the content and, when there is no error, renders every file of
    /// the site in memory. When any diagnostic is an error, no files are returned.
    public static func build(content: ContentFiles, configuration: SiteConfiguration, templates: TemplateSet,
                             consent: ConsentRegistry = .empty, options: BuildOptions = BuildOptions(),
                             watch: RenderWatch? = nil) -> BuildResult {
        let collected = CollectedSite()
        let result = build(content: content, configuration: configuration, templates: templates, consent: consent,
                           options: options, watch: watch, into: collected)
        return BuildResult(files: result.diagnostics.hasErrors ? nil : collected.files, diagnostics: result.diagnostics,
                           allowances: result.allowances, timings: result.timings)
    }

    private static func check(content: ContentFiles, configuration: SiteConfiguration, consent: ConsentRegistry,
                              options: BuildOptions, watch: RenderWatch?, memo: BuildMemo, forPages: Bool,
                              remembering: Bool, times: StageTimes) -> CheckResult {
        var diagnostics: [Diagnostic] = []
        var configuration = configuration
        if let baseURL = options.baseURL { configuration.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        configuration.linkStyle = options.linkStyle

        let limits = configuration.limits
        if content.documents.count > limits.documents {
            diagnostics.append(Diagnostic(.tooManyDocuments(count: content.documents.count, limit: limits.documents),
                                          at: SourceLocation(file: content.documents[limits.documents].displayPath)))
        }
        let lint = PrivacyLint(roleAddresses: Set((configuration.roleAddresses + [configuration.contact].compactMap { $0 })
                                                    .map { $0.lowercased() }), consent: consent)
        let settings = BuildMemo.Settings(limits: limits, pillars: configuration.pillars.map(\.slug),
                                          privacyLint: options.privacyLint, roleAddresses: lint.roleAddresses, consent: consent)
        let fileCheck = FileCheck(limits: limits, pillars: settings.pillars, lint: options.privacyLint ? lint : nil)
        let work = content.documents.parallelMap { source -> BuildMemo.DocumentWork? in
            memo.work(for: source, settings: settings)
        }
        let checked = Array(content.documents.indices).parallelMap { index in
            work[index]?.checked ?? fileCheck.check(content.documents[index], times: times)
        }
        // In the order of the stages, so that diagnostics sort as they always have.
        diagnostics += checked.flatMap(\.parseProblems)
        diagnostics += checked.flatMap(\.modelProblems)
        diagnostics += checked.flatMap { $0.privacy?.diagnostics ?? [] }
        let allowances = checked.flatMap { $0.privacy?.allowances ?? [] }

        var documents: [CheckedDocument] = []
        var sources: [Int] = []
        var drafts = Set<String>()
        for (index, file) in checked.enumerated() {
            guard let document = file.document, let text = file.text else { continue }
            if document.draft && !options.includeDrafts {
                drafts.insert("\(document.kind.folder)/\(document.slug)")
                continue
            }
            documents.append(CheckedDocument(document: document, text: text, survey: work[index]?.survey))
            sources.append(index)
        }
        let indexed = Indexer.index(documents, drafts: drafts, attachments: content.attachments, configuration: configuration,
                                    surveyor: BodySurveyor(watch: watch, times: times), withRelated: forPages,
                                    keepingSurveys: remembering)
        diagnostics += indexed.diagnostics

        var nextMemo = BuildMemo()
        nextMemo.settings = settings
        if remembering {
            var surveys = [BodySurvey?](repeating: nil, count: checked.count)
            for (place, index) in sources.enumerated() { surveys[index] = indexed.surveys?[place] }
            for (index, source) in content.documents.enumerated() {
                nextMemo.remember(checked[index], survey: surveys[index], for: source)
            }
        }
        let site = indexed.site
        return CheckResult(site: site, diagnostics: diagnostics.sorted(), allowances: allowances.sorted(),
                           timings: times.timings, memo: nextMemo)
    }
}
