import Dispatch

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

/// The time one stage took, for `--timings`.
public struct StageTiming: Sendable, Hashable {
    /// The stage's name: load, parse, model, index, render, write.
    public let stage: String
    /// Wall-clock seconds.
    public let seconds: Double

    /// Creates a timing.
    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
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
    /// Runs every stage that can find a problem (parse, model, privacy, index)
    /// and collects every diagnostic; renders nothing.
    /// A `watch`, when given, is told which document's text is rendering, for a watchdog.
    /// A `memo` from the previous build lets unchanged files skip their work.
    /// Unless `forPages`, bodies are checked but not rendered and related
    /// documents are not worked out: the result serves diagnostics and
    /// reports, not rendering. Unless `remembering`, the returned memo is
    /// empty, so the work of this build is freed as soon as it is used.
    public static func check(content: ContentFiles, configuration: SiteConfiguration, consent: ConsentRegistry = .empty,
                             options: BuildOptions = BuildOptions(), watch: RenderWatch? = nil,
                             memo: BuildMemo = BuildMemo(), forPages: Bool = true, remembering: Bool = true) -> CheckResult {
        var clock = StageClock()
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
        let kept = content.documents.map { memo.work(for: $0, settings: settings) }

        let parsed = Array(content.documents.indices).parallelMap { index in
            kept[index].map { ($0.parsed, $0.parseProblems) } ?? DocumentParser.parse(content.documents[index], limits: limits)
        }
        diagnostics += parsed.flatMap(\.1)
        clock.lap("parse")

        let modelled = Array(parsed.indices).parallelMap { index -> (Document?, [Diagnostic])? in
            if let work = kept[index] { return work.parsed == nil ? nil : (work.document, work.modelProblems) }
            return parsed[index].0.map { DocumentModeller.model($0, pillars: settings.pillars) }
        }
        diagnostics += modelled.flatMap { $0?.1 ?? [] }
        clock.lap("model")

        var allowances: [PrivacyAllowance] = []
        var findings: [BuildMemo.PrivacyFindings?] = Array(repeating: nil, count: content.documents.count)
        if options.privacyLint {
            findings = Array(content.documents.indices).parallelMap { index -> BuildMemo.PrivacyFindings? in
                if let kept = kept[index]?.privacy { return kept }
                guard case .success(let text) = TextDecoding.decode(content.documents[index].bytes) else { return nil }
                let (problems, allowed) = lint.check(content.documents[index], text: text, document: modelled[index]?.0)
                return BuildMemo.PrivacyFindings(diagnostics: problems, allowances: allowed)
            }
            diagnostics += findings.flatMap { $0?.diagnostics ?? [] }
            allowances = findings.flatMap { $0?.allowances ?? [] }
            clock.lap("privacy")
        }

        var nextMemo = BuildMemo()
        nextMemo.settings = settings
        for (index, source) in content.documents.enumerated() where remembering {
            nextMemo.documents[Array(source.relativePath.utf8)] = BuildMemo.DocumentWork(
                bytes: source.bytes, parsed: parsed[index].0, parseProblems: parsed[index].1,
                document: modelled[index]?.0, modelProblems: modelled[index]?.1 ?? [], privacy: findings[index])
        }

        let documents = modelled.compactMap { $0?.0 }
        let published = documents.filter { options.includeDrafts || !$0.draft }
        let drafts = Set(documents.filter { $0.draft && !options.includeDrafts }.map { "\($0.kind.folder)/\($0.slug)" })
        let (site, indexProblems) = Indexer.index(documents: published, drafts: drafts, attachments: content.attachments,
                                                  configuration: configuration, watch: watch,
                                                  reusing: memo.bodies, forPages: forPages, keepingBodies: remembering)
        diagnostics += indexProblems
        nextMemo.bodies = site.bodyCache
        clock.lap("index")
        return CheckResult(site: site, diagnostics: diagnostics.sorted(), allowances: allowances.sorted(), timings: clock.timings,
                           memo: nextMemo)
    }

    /// Checks the content and, when there is no error, renders every page,
    /// handing each file to `deliver` as it is made (from any thread). When
    /// any diagnostic is an error, nothing is rendered; `files` is always `nil`.
    public static func build(content: ContentFiles, configuration: SiteConfiguration, templates: TemplateSet,
                             consent: ConsentRegistry = .empty, options: BuildOptions = BuildOptions(),
                             watch: RenderWatch? = nil, deliver: @Sendable (OutputFile) -> Void) -> BuildResult {
        checkThenRender(content: content, configuration: configuration, templates: templates, consent: consent,
                        options: options, watch: watch, stage: "render+write") { renderer in
            renderer.render(deliver: deliver)
            return nil
        }
    }

    /// Checks the content and, when there is no error, renders every page in
    /// memory. When any diagnostic is an error, no files are returned.
    public static func build(content: ContentFiles, configuration: SiteConfiguration, templates: TemplateSet,
                             consent: ConsentRegistry = .empty, options: BuildOptions = BuildOptions(),
                             watch: RenderWatch? = nil) -> BuildResult {
        checkThenRender(content: content, configuration: configuration, templates: templates, consent: consent,
                        options: options, watch: watch, stage: "render") { $0.render() }
    }

    /// Checks the content, keeping nothing for a next build, and when there
    /// is no error runs `render`, timed as `stage`; its files, if any, are the result's.
    private static func checkThenRender(content: ContentFiles, configuration: SiteConfiguration, templates: TemplateSet,
                                        consent: ConsentRegistry, options: BuildOptions, watch: RenderWatch?,
                                        stage: String, render: (SiteRenderer) -> [OutputFile]?) -> BuildResult {
        let checked = check(content: content, configuration: configuration, consent: consent, options: options, watch: watch,
                            remembering: false)
        guard !checked.diagnostics.hasErrors else {
            return BuildResult(files: nil, diagnostics: checked.diagnostics, allowances: checked.allowances,
                               timings: checked.timings)
        }
        var clock = StageClock()
        let files = render(SiteRenderer(site: checked.site, templates: templates))
        clock.lap(stage)
        return BuildResult(files: files, diagnostics: checked.diagnostics, allowances: checked.allowances,
                           timings: checked.timings + clock.timings)
    }
}

/// Measures the stages of a build with a monotonic clock (never written into the site).
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var timings: [StageTiming] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9))
        last = now
    }
}
