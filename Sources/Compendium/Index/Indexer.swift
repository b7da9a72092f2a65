import Markdown

/// What indexing found.
struct IndexOutcome: Sendable {
    let site: IndexedSite
    /// Problems with the site as a whole: file names, addresses, references, themes and topics.
    let siteDiagnostics: [Diagnostic]
    /// Problems with each document's text, by position: a text that cannot be
    /// read again, broken and ambiguous links, links to missing headings.
    let bodyDiagnostics: [[Diagnostic]]
    /// Each document's survey, in the order the documents were given, when asked to keep them.
    let surveys: [BodySurvey]?
    /// Each document's heading anchors, by position, when asked to keep the surveys.
    let anchors: [[String]]?

    /// Every problem found.
    var diagnostics: [Diagnostic] { siteDiagnostics + bodyDiagnostics.flatMap { $0 } }
}

/// The index stage.
enum Indexer {
    /// Indexes `documents` (drafts already removed; `drafts` holds their
    /// `kind/slug` so references to them can be explained): first what the
    /// front matter says, then each body's links, surveyed by `surveyor` and
    /// resolved at once. Which document refers to which is worked out unless
    /// `extent` is `.problems` (the site then has no edges), and related
    /// documents only for `.pages`. Surveys and anchors are returned only `keepingSurveys`.
    static func index(
        _ documents: [CheckedDocument], drafts: Set<String>, attachments: [SourceFile], configuration: SiteConfiguration,
        surveyor: BodySurveyor, extent: CheckExtent = .pages, keepingSurveys: Bool = false
    ) -> IndexOutcome {
        let attachmentPaths = Set(attachments.map(\.relativePath))
        let (book, addressProblems) = surveyor.times.measure(.index) { AddressBook.build(documents.map { $0.document }) }

        // What the front matter says (references, themes, topics, the display order, related
        // documents and neighbours) is worked out on one core while the bodies are surveyed on the others.
        let resolver = LinkResolver(book: book, drafts: drafts, attachments: attachmentPaths)
        let (bodies, frontMatter) = Array(book.origins.indices).parallelMap({ position -> SurveyedBody in
            SurveyedBody(survey: surveyor.survey(documents[book.origins[position]], position: position), position: position,
                         resolver: resolver, times: surveyor.times, keeping: keepingSurveys)
        }, alongside: {
            surveyor.times.measure(.index) {
                let (declared, referenceProblems) = ReferenceResolver(book: book, drafts: drafts, attachments: attachmentPaths)
                    .resolve()
                let (taxonomy, taxonomyProblems) = Taxonomy.build(book)
                let ranks = documentRanks(book.documents)
                let proximity = extent == .problems ? nil
                    : LinkGraph.Proximity(documents: book.documents, declared: declared, taxonomy: taxonomy, rank: ranks.display,
                                          withRelated: extent == .pages)
                return (declared: declared, taxonomy: taxonomy, ranks: ranks, proximity: proximity,
                        problems: FileNames.check(attachments) + addressProblems + referenceProblems + taxonomyProblems)
            }
        })
        let (declared, taxonomy, ranks, proximity, siteDiagnostics) = frontMatter
        let rank = ranks.display
        let anchors = bodies.map { $0.anchors }
        return surveyor.times.measure(.index) {
            var links = bodies.map { $0.links }
            var bodyDiagnostics = bodies.map { [$0.problem].compactMap { $0 } + $0.links.diagnostics }
            for position in links.indices {
                let missing = missingAnchors(from: position, links[position], anchors: anchors, book: book)
                guard !missing.isEmpty else { continue }
                bodyDiagnostics[position] += missing.map(\.diagnostic)
                links[position] = links[position].pointingAtPages(for: Set(missing.map(\.key)))
            }

            let graph = proximity.map { proximity in
                LinkGraph(count: book.documents.count, edges: declared + mentions(in: bodies), rank: rank, proximity: proximity)
            } ?? LinkGraph(count: book.documents.count)
            let members = Dictionary(grouping: book.documents.indices) { book.documents[$0].kind }
                .mapValues { $0.sorted { rank[$0] < rank[$1] } }
            let site = IndexedSite(
                configuration: configuration, attachments: attachments, book: book, taxonomy: taxonomy, graph: graph,
                contents: bodies.map { $0.contents }, links: links, texts: book.origins.map { documents[$0].text },
                rank: rank, titleRank: ranks.title, members: members
            )
            var surveys: [BodySurvey]?
            if keepingSurveys {
                var byOrigin = documents.map { $0.survey ?? BodySurvey(headings: [], links: []) }
                for (position, body) in bodies.enumerated() { if let survey = body.survey { byOrigin[book.origins[position]] = survey } }
                surveys = byOrigin
            }
            return IndexOutcome(site: site, siteDiagnostics: siteDiagnostics, bodyDiagnostics: bodyDiagnostics,
                                surveys: surveys, anchors: keepingSurveys ? anchors : nil)
        }
    }

    /// An edge for each document each body mentions. Each body's mentions are distinct, as
    /// declared references are, so with those no edge is given twice.
    private static func mentions(in bodies: [SurveyedBody]) -> [Edge] {
        bodies.indices.flatMap { position in
            bodies[position].links.mentions.map { Edge(source: position, target: $0, relation: .mentions) }
        }
    }

    /// The links of `position` to headings their target does not have (by
    /// the targets' `anchors`), as `target#anchor`, with their warnings.
    static func missingAnchors(from position: Int, _ links: BodyLinks, anchors: [[String]], book: AddressBook)
        -> [(key: String, diagnostic: Diagnostic)] {
        links.anchorChecks.compactMap { check in
            let wanted = LinkResolver.anchor(check.fragment)
            guard !anchors[check.target].contains(wanted) else { return nil }
            let reason = DiagnosticReason.unknownAnchor(target: book.documents[check.target].slug, fragment: check.fragment,
                                                        suggestion: Suggestion.closest(to: wanted, in: anchors[check.target]))
            return ("\(check.target)#\(wanted)", Diagnostic(reason, at: check.location))
        }
    }
}

/// What the index keeps of one body's survey.
struct SurveyedBody: Sendable {
    let links: BodyLinks
    let anchors: [String]
    let contents: [Heading]
    let survey: BodySurvey?
    let problem: Diagnostic?

    /// The body of the document at `position` as `survey` found it, its links
    /// resolved by `resolver`; the survey itself is kept only when `keeping`.
    init(survey: Result<BodySurvey, Diagnostic>, position: Int, resolver: LinkResolver, times: StageTimes, keeping: Bool) {
        switch survey {
        case .failure(let problem):
            (links, anchors, contents, self.survey, self.problem) = (.none, [], [], nil, problem)
        case .success(let survey):
            links = times.measure(.index) { resolver.resolve(survey.links, of: position) }
            anchors = survey.headings.map(\.anchor)
            contents = survey.headings.filter { $0.level == 2 }
            self.survey = keeping ? survey : nil
            problem = nil
        }
    }
}

private extension Indexer {
    /// Positions ranked newest first (undated last), then by title, kind and
    /// slug (`display`); and ranked by title, A to Z ignoring case, ties in
    /// display order (`title`).
    static func documentRanks(_ documents: [Document]) -> (display: [Int], title: [Int]) {
        let titles = documents.map { $0.title.lowercased() }
        let order = documents.indices.sorted { a, b in
            let (x, y) = (documents[a], documents[b])
            if x.date != y.date {
                guard let left = x.date else { return false }
                guard let right = y.date else { return true }
                return left > right
            }
            return (titles[a], x.kind, x.slug) < (titles[b], y.kind, y.slug)
        }
        let display = places(order)
        return (display, places(documents.indices.sorted { (titles[$0], display[$0]) < (titles[$1], display[$1]) }))
    }

    /// Each position's place in `order`.
    static func places(_ order: [Int]) -> [Int] {
        var rank = [Int](repeating: 0, count: order.count)
        for (place, position) in order.enumerated() { rank[position] = place }
        return rank
    }
}
