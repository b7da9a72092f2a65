import Markdown

/// The compendium after indexing: every document with its address, rendered
/// body, themes, topics, links in both directions, related documents and
/// neighbours. Everything the pages need, computed once.
public struct IndexedSite: Sendable {
    /// The site's settings.
    public let configuration: SiteConfiguration
    /// Files to publish as they are.
    public let attachments: [SourceFile]
    let book: AddressBook
    let taxonomy: Taxonomy
    let graph: LinkGraph
    let bodies: [RenderedMarkdown]
    /// The bodies as the print page shows them (its own heading ids and
    /// links to its sections), by position, for the documents it holds.
    let printBodies: [Int: RenderedMarkdown]
    /// Each document's place in display order: newest first, then by title.
    let rank: [Int]
    /// Positions of each kind's documents, in display order.
    let members: [Kind: [Int]]
    /// Links to headings that do not exist, as `position#anchor`, which point at the page instead.
    let missingAnchors: Set<String>
    /// The rendered bodies, to reuse in the next build.
    public let bodyCache: BodyCache

    /// The documents, sorted by kind then slug; positions index every other table.
    public var documents: [Document] { book.documents }

    /// The site-relative address of the document at `position`.
    public func address(of position: Int) -> String { book.addresses[position] }

    /// The rendered body of the document at `position`.
    public func body(of position: Int) -> RenderedMarkdown { bodies[position] }

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

/// The index stage.
public enum Indexer {
    /// Indexes `documents` (drafts already removed; `drafts` holds their
    /// `kind/slug` so references to them can be explained). Unless
    /// `forPages`, bodies are checked without being rendered, and related
    /// documents, print-page bodies and the body cache are left empty. The
    /// body cache is also left empty unless `keepingBodies`.
    public static func index(
        documents: [Document], drafts: Set<String>, attachments: [SourceFile], configuration: SiteConfiguration,
        watch: RenderWatch? = nil, reusing previous: BodyCache = .empty, forPages: Bool = true, keepingBodies: Bool = true
    ) -> (IndexedSite, [Diagnostic]) {
        var diagnostics = FileNames.check(attachments)
        let (book, addressProblems) = AddressBook.build(documents)
        diagnostics += addressProblems

        let attachmentPaths = Set(attachments.map(\.relativePath))
        let (declaredEdges, referenceProblems) = ReferenceResolver(
            book: book, drafts: drafts, attachments: attachmentPaths
        ).resolve()
        diagnostics += referenceProblems

        let (taxonomy, taxonomyProblems) = Taxonomy.build(book)
        diagnostics += taxonomyProblems

        var linker = BodyLinker(book: book, drafts: drafts, attachments: attachmentPaths, style: configuration.linkStyle)
        linker.producingHTML = forPages
        let bodyLinker = linker
        var linked = Array(book.documents.indices).parallelMap { position in
            let file = book.documents[position].file
            watch?.begin(file)
            defer { watch?.end(file) }
            return bodyLinker.render(position, reusing: previous.entries[BodyCache.key(book.documents[position])])
        }
        var edges = Set(declaredEdges)
        for (position, body) in linked.enumerated() {
            diagnostics += body.diagnostics
            for target in body.mentions { edges.insert(Edge(source: position, target: target, relation: .mentions)) }
        }
        let missing = missingAnchors(linked, book: book)
        diagnostics += missing.map(\.diagnostic)
        if !missing.isEmpty && forPages {
            // Link to the page itself where the heading does not exist.
            var relinker = linker
            relinker.missingAnchors = Set(missing.map(\.key))
            for position in Set(missing.map(\.source)) { linked[position] = relinker.render(position) }
        }

        let rank = displayRank(book.documents)
        let graph = LinkGraph.build(documents: book.documents, edges: Array(edges), taxonomy: taxonomy, rank: rank,
                                    withRelated: forPages)
        var printed: [Int: LinkedBody] = [:]
        if forPages {
            var printLinker = linker
            let sections = PrintPage.sectionIDs(book.documents)
            printLinker.placement = .collected(address: PrintPage.address, sections: sections)
            printLinker.missingAnchors = Set(missing.map(\.key))
            let placed = printLinker
            let positions = sections.keys.sorted()
            let bodies = positions.parallelMap { position in
                placed.render(position, reusing: previous.printEntries[BodyCache.key(book.documents[position])])
            }
            printed = Dictionary(uniqueKeysWithValues: zip(positions, bodies))
        }
        var cache = BodyCache()
        for (position, document) in book.documents.enumerated() where forPages && keepingBodies {
            let key = BodyCache.key(document)
            let entry = { (linked: LinkedBody) in
                BodyCache.Entry(file: document.file, address: book.addresses[position], body: document.body,
                                bodyFirstLine: document.bodyFirstLine, linked: linked)
            }
            cache.entries[key] = entry(linked[position])
            if let printedBody = printed[position] { cache.printEntries[key] = entry(printedBody) }
        }
        let members = Dictionary(grouping: book.documents.indices) { book.documents[$0].kind }
            .mapValues { $0.sorted { rank[$0] < rank[$1] } }
        let site = IndexedSite(
            configuration: configuration, attachments: attachments, book: book, taxonomy: taxonomy,
            graph: graph, bodies: linked.map(\.rendered), printBodies: printed.mapValues(\.rendered), rank: rank, members: members,
            missingAnchors: Set(missing.map(\.key)), bodyCache: cache
        )
        return (site, diagnostics)
    }

    /// Links to headings that the target does not have, with their warnings.
    private static func missingAnchors(_ linked: [LinkedBody], book: AddressBook)
        -> [(source: Int, key: String, diagnostic: Diagnostic)] {
        var missing: [(source: Int, key: String, diagnostic: Diagnostic)] = []
        for (source, body) in linked.enumerated() {
            for check in body.anchorChecks {
                let anchors = linked[check.target].rendered.headings.map(\.anchor)
                let wanted = BodyLinker.anchor(check.fragment)
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
