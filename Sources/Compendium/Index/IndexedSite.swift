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
    /// Each document's headings, by position.
    let headings: [[Heading]]
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
struct SurveyedDocument: Sendable {
    /// The document's fields.
    let document: Document
    /// Its body's headings and links.
    let survey: BodySurvey
    /// Where its text is.
    let text: BodyText
}

/// The index stage.
enum Indexer {
    /// Indexes `documents` (drafts already removed; `drafts` holds their
    /// `kind/slug` so references to them can be explained). Related documents
    /// are worked out only `withRelated`: pages list them, checks do not.
    static func index(
        _ documents: [SurveyedDocument], drafts: Set<String>, attachments: [SourceFile], configuration: SiteConfiguration,
        withRelated: Bool = true
    ) -> (IndexedSite, [Diagnostic]) {
        var diagnostics = FileNames.check(attachments)
        let (book, addressProblems) = AddressBook.build(documents.map(\.document))
        diagnostics += addressProblems
        let surveys = book.origins.map { documents[$0].survey }

        let attachmentPaths = Set(attachments.map(\.relativePath))
        let (declaredEdges, referenceProblems) = ReferenceResolver(
            book: book, drafts: drafts, attachments: attachmentPaths
        ).resolve()
        diagnostics += referenceProblems

        let (taxonomy, taxonomyProblems) = Taxonomy.build(book)
        diagnostics += taxonomyProblems

        let resolver = LinkResolver(book: book, drafts: drafts, attachments: attachmentPaths)
        var links = Array(surveys.indices).parallelMap { resolver.resolve(surveys[$0].links, of: $0) }
        var edges = Set(declaredEdges)
        for (position, body) in links.enumerated() {
            diagnostics += body.diagnostics
            for target in body.mentions { edges.insert(Edge(source: position, target: target, relation: .mentions)) }
        }
        let missing = missingAnchors(links, surveys: surveys, book: book)
        diagnostics += missing.map(\.diagnostic)
        let missingKeys = Set(missing.map(\.key))
        for position in Set(missing.map(\.source)) { links[position] = links[position].pointingAtPages(for: missingKeys) }

        let rank = displayRank(book.documents)
        let graph = LinkGraph.build(documents: book.documents, edges: Array(edges), taxonomy: taxonomy, rank: rank,
                                    withRelated: withRelated)
        let members = Dictionary(grouping: book.documents.indices) { book.documents[$0].kind }
            .mapValues { $0.sorted { rank[$0] < rank[$1] } }
        let site = IndexedSite(
            configuration: configuration, attachments: attachments, book: book, taxonomy: taxonomy, graph: graph,
            headings: surveys.map(\.headings), links: links, texts: book.origins.map { documents[$0].text },
            rank: rank, members: members
        )
        return (site, diagnostics)
    }

    /// Links to headings that the target does not have, with their warnings.
    private static func missingAnchors(_ links: [BodyLinks], surveys: [BodySurvey], book: AddressBook)
        -> [(source: Int, key: String, diagnostic: Diagnostic)] {
        var missing: [(source: Int, key: String, diagnostic: Diagnostic)] = []
        for (source, body) in links.enumerated() {
            for check in body.anchorChecks {
                let anchors = surveys[check.target].headings.map(\.anchor)
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
