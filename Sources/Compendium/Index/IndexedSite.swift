import Markdown

/// The compendium after indexing: every document with its address, themes,
/// topics, headings, what each link in its text leads to, links in both
/// directions, related documents and neighbours. Everything the pages need
/// but the texts themselves, which are read again when a page is rendered.
public struct IndexedSite: Sendable {
    /// The site's settings.
    public let configuration: SiteConfiguration
    /// Files to publish as they are.
    public let attachments: [SourceFile]
    let book: AddressBook
    let taxonomy: Taxonomy
    let graph: LinkGraph
    /// Each document's second-level headings, for its table of contents, by position.
    let contents: [[Heading]]
    /// What each document's links lead to, by position.
    let links: [BodyLinks]
    /// Where each document's text is, by position.
    let texts: [BodyText]
    /// Each document's place in display order: newest first, then by title.
    let rank: [Int]
    /// Positions of each kind's documents, in display order.
    let members: [Kind: [Int]]

    /// The documents, sorted by kind then slug; positions index every other table.
    public var documents: [Document] { book.documents }

    /// The site-relative address of the document at `position`.
    public func address(of position: Int) -> String { book.addresses[position] }

    /// Every topic, sorted by slug.
    public var topics: [Topic] { taxonomy.topics }

    /// Positions of the documents of `kind`, in display order.
    func documents(of kind: Kind) -> [Int] {
        members[kind] ?? []
    }

    /// `positions` sorted newest first, then by title.
    func inDisplayOrder(_ positions: [Int]) -> [Int] {
        positions.sorted { rank[$0] < rank[$1] }
    }
}

/// A document as the check found it, ready to be indexed.
struct CheckedDocument: Sendable {
    /// The document's fields.
    let document: Document
    /// Where its text is.
    let text: BodyText
    /// Its body's headings and links, when an earlier check of the same bytes found them.
    let survey: BodySurvey?
}

/// What indexing found besides the site.
struct IndexOutcome: Sendable {
    let site: IndexedSite
    let diagnostics: [Diagnostic]
    /// Each document's survey, in the order the documents were given, when asked to keep them.
    let surveys: [BodySurvey]?
}

/// The index stage.
enum Indexer {
    /// Indexes `documents` (drafts already removed; `drafts` holds their
    /// `kind/slug` so references to them can be explained): first what the
    /// front matter says, then each body's links, surveyed by `surveyor` and
    /// resolved at once. Related documents are worked out only `withRelated`:
    /// pages list them, checks do not. The surveys are returned only `keepingSurveys`.
    static func index(
        _ documents: [CheckedDocument], drafts: Set<String>, attachments: [SourceFile], configuration: SiteConfiguration,
        surveyor: BodySurveyor, withRelated: Bool = true, keepingSurveys: Bool = false
    ) -> IndexOutcome {
        var diagnostics = FileNames.check(attachments)
        let (book, addressProblems, surveyProblems, declared, taxonomy) = surveyor.times.measure(.index) {
            let (book, addressProblems) = AddressBook.build(documents.map(\.document))
            let (declared, referenceProblems) = ReferenceResolver(
                book: book, drafts: drafts, attachments: Set(attachments.map(\.relativePath))
            ).resolve()
            let (taxonomy, taxonomyProblems) = Taxonomy.build(book)
            return (book, addressProblems, referenceProblems + taxonomyProblems, declared, taxonomy)
        }
        diagnostics += addressProblems + surveyProblems

        let resolver = LinkResolver(book: book, drafts: drafts, attachments: Set(attachments.map(\.relativePath)))
        let bodies = Array(book.origins.indices).parallelMap { position -> SurveyedBody in
            switch surveyor.survey(documents[book.origins[position]]) {
            case .failure(let problem):
                return SurveyedBody(links: .none, anchors: [], contents: [], survey: nil, problem: problem)
            case .success(let survey):
                let links = surveyor.times.measure(.index) { resolver.resolve(survey.links, of: position) }
                return SurveyedBody(links: links, anchors: survey.headings.map(\.anchor),
                                    contents: survey.headings.filter { $0.level == 2 }, survey: keepingSurveys ? survey : nil,
                                    problem: nil)
            }
        }
        let site = surveyor.times.measure(.index) { () -> IndexedSite in
            var links = bodies.map(\.links)
            var edges = Set(declared)
            for (position, body) in bodies.enumerated() {
                if let problem = body.problem { diagnostics.append(problem) }
                diagnostics += body.links.diagnostics
                for target in body.links.mentions { edges.insert(Edge(source: position, target: target, relation: .mentions)) }
            }
            let missing = missingAnchors(links, anchors: bodies.map(\.anchors), book: book)
            diagnostics += missing.map(\.diagnostic)
            let missingKeys = Set(missing.map(\.key))
            for position in Set(missing.map(\.source)) { links[position] = links[position].pointingAtPages(for: missingKeys) }

            let rank = displayRank(book.documents)
            let graph = LinkGraph.build(documents: book.documents, edges: Array(edges), taxonomy: taxonomy, rank: rank,
                                        withRelated: withRelated)
            let members = Dictionary(grouping: book.documents.indices) { book.documents[$0].kind }
                .mapValues { $0.sorted { rank[$0] < rank[$1] } }
            return IndexedSite(
                configuration: configuration, attachments: attachments, book: book, taxonomy: taxonomy, graph: graph,
                contents: bodies.map(\.contents), links: links, texts: book.origins.map { documents[$0].text },
                rank: rank, members: members
            )
        }
        var surveys: [BodySurvey]?
        if keepingSurveys {
            var byOrigin = documents.map { $0.survey ?? BodySurvey(headings: [], links: []) }
            for (position, body) in bodies.enumerated() { if let survey = body.survey { byOrigin[book.origins[position]] = survey } }
            surveys = byOrigin
        }
        return IndexOutcome(site: site, diagnostics: diagnostics, surveys: surveys)
    }

    /// What the index keeps of one body's survey.
    private struct SurveyedBody: Sendable {
        let links: BodyLinks
        let anchors: [String]
        let contents: [Heading]
        let survey: BodySurvey?
        let problem: Diagnostic?
    }

    /// Links to headings that the target does not have, with their warnings.
    private static func missingAnchors(_ links: [BodyLinks], anchors anchorsByPosition: [[String]], book: AddressBook)
        -> [(source: Int, key: String, diagnostic: Diagnostic)] {
        var missing: [(source: Int, key: String, diagnostic: Diagnostic)] = []
        for (source, body) in links.enumerated() {
            for check in body.anchorChecks {
                let anchors = anchorsByPosition[check.target]
                let wanted = LinkResolver.anchor(check.fragment)
                guard !anchors.contains(wanted) else { continue }
                let reason = DiagnosticReason.unknownAnchor(target: book.documents[check.target].slug, fragment: check.fragment,
                                                            suggestion: Suggestion.closest(to: wanted, in: anchors))
                missing.append((source, "\(check.target)#\(wanted)", Diagnostic(reason, at: check.location)))
            }
        }
        return missing
    }

    /// Positions ranked newest first (undated last), then by title, kind and slug.
    private static func displayRank(_ documents: [Document]) -> [Int] {
        let order = documents.indices.sorted { a, b in
            let (x, y) = (documents[a], documents[b])
            if x.date != y.date {
                guard let left = x.date else { return false }
                guard let right = y.date else { return true }
                return left > right
            }
            return (x.title.lowercased(), x.kind, x.slug) < (y.title.lowercased(), y.kind, y.slug)
        }
        var rank = [Int](repeating: 0, count: documents.count)
        for (place, position) in order.enumerated() { rank[position] = place }
        return rank
    }
}
