import Markdown

/// Every stage that can find a problem (load, parse, model, privacy,
/// markdown, index), under one configuration and set of options.
struct ContentCheck: Sendable {
    /// The configuration with the options' base address and link style applied.
    let configuration: SiteConfiguration
    let options: BuildOptions
    /// What besides a file's bytes decides what is made of it.
    let settings: BuildMemo.Settings
    let fileCheck: FileCheck

    init(configuration: SiteConfiguration, consent: ConsentRegistry, options: BuildOptions) {
        var configuration = configuration
        if let baseURL = options.baseURL { configuration.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        configuration.linkStyle = options.linkStyle
        self.configuration = configuration
        self.options = options
        let lint = PrivacyLint(roleAddresses: Set((configuration.roleAddresses + [configuration.contact].compactMap { $0 })
                                                    .map { $0.lowercased() }), consent: consent)
        settings = BuildMemo.Settings(limits: configuration.limits, pillars: configuration.pillars.map(\.slug),
                                      privacyLint: options.privacyLint, roleAddresses: lint.roleAddresses, consent: consent)
        fileCheck = FileCheck(limits: configuration.limits, pillars: settings.pillars, lint: options.privacyLint ? lint : nil)
    }

    /// Checks `content`; a `memo` from the previous check lets unchanged files
    /// skip their work. Unless `remembering`, the returned memo is empty and
    /// no parts are kept. Besides the problems, the site is worked out as far
    /// as `extent` says. With `marking`, each body surveyed is kept there rendered ahead.
    func run(_ content: ContentFiles, watch: RenderWatch?, memo: BuildMemo, extent: CheckExtent, remembering: Bool,
             times: StageTimes, marking: MarkedBodies? = nil) -> CheckResult {
        // Compared with the memo on every core (its check compares each file's bytes); a fresh check has none.
        let kept: [BuildMemo.DocumentWork?] = memo.isEmpty ? Array(repeating: nil, count: content.documents.count)
            : content.documents.parallelMap { memo.work(for: $0, settings: settings) }
        // The files to check are asked of the disk ahead of the workers that read them.
        let readAhead = ReadAhead(content.documents.indices.map { kept[$0] == nil ? content.documents[$0] : nil })
        // A check that renders nothing keeps bodies for the index up to a bound, so that most sites' files are
        // read once. A build does not: with the whole budget spent on a large site's first files, its time
        // would grow faster than its number of documents.
        let budget = marking == nil ? TextBudget(bytes: Self.keptTextBytes) : nil
        var files = Array(content.documents.indices).parallelMap { index in
            kept[index]?.checked ?? fileCheck.check(content.documents[index], times: times, reading: { try readAhead.read(index) },
                                                    keepingWithin: budget)
        }
        readAhead.stop()
        var documents: [CheckedDocument] = []
        var origins: [Int] = []
        var drafts = Set<String>()
        documents.reserveCapacity(files.count)
        // By index, so that only the document and its text are copied out of each file's record.
        for index in files.indices {
            let body = files[index].body
            files[index].body = nil
            guard let document = files[index].document, let text = files[index].text else { continue }
            if document.draft && !options.includeDrafts {
                drafts.insert("\(document.kind.folder)/\(document.slug)")
                continue
            }
            documents.append(CheckedDocument(document: document, text: text, survey: kept[index]?.survey, body: body))
            origins.append(index)
        }
        let indexed = Indexer.index(documents, drafts: drafts, attachments: content.attachments, configuration: configuration,
                                    surveyor: BodySurveyor(watch: watch, times: times, marking: marking), extent: extent,
                                    keepingSurveys: remembering)
        var nextMemo = BuildMemo()
        nextMemo.settings = settings
        var parts: CheckParts?
        if remembering {
            var surveys = [BodySurvey?](repeating: nil, count: files.count)
            for (place, index) in origins.enumerated() { surveys[index] = indexed.surveys?[place] }
            for (index, source) in content.documents.enumerated() {
                nextMemo.remember(files[index], survey: surveys[index], for: source)
            }
            var positions = [Int?](repeating: nil, count: files.count)
            for (position, origin) in indexed.site.book.origins.enumerated() { positions[origins[origin]] = position }
            parts = CheckParts(check: self, documentPaths: content.documents.map(\.relativePath), attachments: content.attachments,
                               files: files, positions: positions, drafts: drafts, index: indexed)
        }
        return result(files: files, index: indexed, memo: nextMemo, parts: parts, times: times,
                      countProblem: countProblem(content.documents))
    }

    /// How many bytes of bodies a check keeps from reading its files to surveying them.
    static let keptTextBytes = 64 << 20

    /// Too many documents, reported at the first one past the limit.
    func countProblem(_ documents: [SourceFile]) -> Diagnostic? {
        let limit = configuration.limits.documents
        guard documents.count > limit else { return nil }
        return Diagnostic(.tooManyDocuments(count: documents.count, limit: limit),
                          at: SourceLocation(file: documents[limit].displayPath))
    }

    /// The result of a check that found `files` and `index`.
    func result(files: [CheckedFile], index: IndexOutcome, memo: BuildMemo, parts: CheckParts?, times: StageTimes,
                countProblem: Diagnostic?) -> CheckResult {
        var diagnostics = [countProblem].compactMap { $0 }
        // In the order of the stages, so that diagnostics sort as they always have.
        diagnostics += files.flatMap { $0.parseProblems }
        diagnostics += files.flatMap { $0.modelProblems }
        diagnostics += files.flatMap { $0.privacy?.diagnostics ?? [] }
        diagnostics += index.diagnostics
        let allowances = files.flatMap { $0.privacy?.allowances ?? [] }
        return CheckResult(site: index.site, diagnostics: diagnostics.sorted(), allowances: allowances.sorted(),
                           timings: times.timings, memo: memo, parts: parts)
    }
}

/// What a check keeps so that the next one can redo only what an edit changed.
struct CheckParts: Sendable {
    let check: ContentCheck
    /// The content folder's documents, in order.
    let documentPaths: [String]
    let attachments: [SourceFile]
    /// What was found in each document file, in the same order.
    let files: [CheckedFile]
    /// Each document file's position in the site; `nil` for drafts and files without a document.
    let positions: [Int?]
    let drafts: Set<String>
    let index: IndexOutcome
}
