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
    /// What the check kept to check again after an edit, when it remembered its work.
    let parts: CheckParts?
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
    /// The indexed site the files were made from, built even when there are errors.
    public let site: IndexedSite
}

/// Runs the stages between loading and writing.
public enum SiteBuilder {
    /// Runs every stage that can find a problem (load, parse, model,
    /// privacy, markdown, index) and collects every diagnostic; renders
    /// nothing. A `watch`, when given, is told which document's Markdown is
    /// being read, for a watchdog. A `memo` from the previous check lets
    /// unchanged files skip their work; unless `remembering`, the returned memo
    /// is empty. Besides the problems, the site is worked out as far as `extent` says.
    public static func check(content: ContentFiles, configuration: SiteConfiguration, consent: ConsentRegistry = .empty,
                             options: BuildOptions = BuildOptions(), watch: RenderWatch? = nil,
                             memo: BuildMemo = BuildMemo(), extent: CheckExtent = .pages, remembering: Bool = true) -> CheckResult {
        ContentCheck(configuration: configuration, consent: consent, options: options)
            .run(content, watch: watch, memo: memo, extent: extent, remembering: remembering, times: StageTimes())
    }

    /// Checks the content and, when there is no error, renders every file of
    /// the site into `output`, page by page, from every core. When any
    /// diagnostic is an error, the output may hold some files and must be
    /// discarded; `files` is always `nil`.
    public static func build(content: ContentFiles, configuration: SiteConfiguration, templates: TemplateSet,
                             consent: ConsentRegistry = .empty, options: BuildOptions = BuildOptions(),
                             watch: RenderWatch? = nil, into output: any SiteOutput) -> BuildResult {
        let times = StageTimes()
        // Each body is rendered ahead from the parse that surveys it, so the render parses none again.
        let marked = MarkedBodies(count: content.documents.count)
        let checked = ContentCheck(configuration: configuration, consent: consent, options: options)
            .run(content, watch: watch, memo: BuildMemo(), extent: .pages, remembering: false, times: times, marking: marked)
        guard !checked.diagnostics.hasErrors else {
            return BuildResult(files: nil, diagnostics: checked.diagnostics, allowances: checked.allowances,
                               timings: times.timings, site: checked.site)
        }
        let renderProblems = SiteRenderer(site: checked.site, templates: templates, watch: watch, times: times, marked: marked)
            .render(into: output)
        return BuildResult(files: nil, diagnostics: (checked.diagnostics + renderProblems).sorted(),
                           allowances: checked.allowances, timings: times.timings, site: checked.site)
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
                           allowances: result.allowances, timings: result.timings, site: result.site)
    }
}
