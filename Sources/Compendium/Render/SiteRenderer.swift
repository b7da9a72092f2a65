import Markdown

/// The render stage: every page of the site, the search index, feeds, the
/// template set's assets and the content's attachments, as output files.
///
/// Bodies are rendered a batch at a time, each for its own page and for the
/// print page: from the body the index rendered ahead, or else read from
/// its file again and parsed once more, so a build holds only a batch of
/// bodies however large the compendium.
public struct SiteRenderer: Sendable {
    let site: IndexedSite
    let templates: TemplateSet?
    /// Told which document's Markdown is rendering, for a watchdog.
    let watch: RenderWatch?
    /// Where the time of rendering and writing is counted.
    let times: StageTimes
    /// How many documents are rendered between two writes to the print page and the search index.
    let batchSize: Int
    /// Every document as a list item but for its link, made once for every page.
    let itemFaces: [TemplateRecord]
    /// What the document pages of each kind share, made once for them all.
    private let kindParts: [PageFrame.KindParts?]
    /// The bodies the survey rendered ahead, when it did.
    private let marked: MarkedBodies?

    /// The templates a template set must provide.
    public static let requiredTemplates: [String] =
        ["home", "topic", "list-topics", "search", "timeline", "actions", "print", "404"]
        + Kind.allCases.map(\.rawValue) + Kind.allCases.filter { $0 != .page }.map(listTemplate)

    /// Creates a renderer for `site` with `templates` (`nil` only to list pages).
    /// `itemFaces`, when given, must be those of a site whose documents have the same fields;
    /// `marked`, when given, must hold bodies of this site's texts by position.
    init(site: IndexedSite, templates: TemplateSet?, watch: RenderWatch? = nil, times: StageTimes = StageTimes(),
         batchSize: Int = 256, itemFaces: [TemplateRecord]? = nil, marked: MarkedBodies? = nil) {
        self.marked = marked
        self.site = site
        self.templates = templates
        self.watch = watch
        self.times = times
        self.batchSize = max(1, batchSize)
        self.itemFaces = itemFaces ?? (templates == nil ? [] : PageFrame.itemFaces(site))
        kindParts = templates == nil ? [] : PageFrame(site: site, customStylesheet: templates?.hasCustomStylesheet ?? false,
                                                      itemFaces: []).makeKindParts()
    }

    /// One page to render.
    enum Page: Sendable, Hashable {
        case home
        case document(Int)
        case listing(Kind)
        case topics
        case topic(Int)
        case search
        case timeline
        case actions
        case print
        case notFound
    }

    /// Every page the site has, in a fixed order.
    var pages: [Page] {
        var pages: [Page] = [.home, .search, .timeline, .actions, .print, .notFound]
        pages += Kind.allCases.filter { $0 != .page }.map(Page.listing)
        pages.append(.topics)
        pages += site.topics.indices.map(Page.topic)
        pages += site.documents.indices.map(Page.document)
        return pages
    }

    /// The site address of `page`.
    func address(of page: Page) -> String {
        switch page {
        case .home: return ""
        case .document(let position): return site.address(of: position)
        case .listing(let kind): return SitePath.listing(kind)
        case .topics: return "topics/"
        case .topic(let index): return SitePath.topic(site.topics[index].slug)
        case .search: return "search/"
        case .timeline: return "timeline/"
        case .actions: return "actions/"
        case .print: return PrintPage.address
        case .notFound: return "404.html"
        }
    }

    /// Renders every file of the site into `output`, on every core: first the
    /// pages that show no body, then each document's page and its part of the
    /// print page, then the search index, feeds, assets and attachments.
    /// Returns the problems that mean the site must not be published: a
    /// file that changed or went away since it was checked.
    func render(into output: any SiteOutput) -> [Diagnostic] {
        guard let templates else { return [] }
        // The print page's skeleton is rendered while the other cores render the pages without bodies.
        let (printPage, skeleton) = renderPagesWithoutBodies(into: output) { () -> (PrintPage, PrintSkeleton?) in
            let page = self.printPage
            return (page, PrintSkeleton(page: page, templates: templates))
        }
        let inPrint = Set(printPage.order)
        var printWriter = PrintPageWriter(page: printPage, skeleton: skeleton, templates: templates, output: output)
        var facts = [TextFacts](repeating: TextFacts(), count: site.documents.count)
        let problems = renderDocuments(printPage.order + site.documents.indices.filter { !inPrint.contains($0) },
                                       into: output, templates: templates) { position, document in
            facts[position] = document.facts
            if inPrint.contains(position) { times.measure(.write) { printWriter.add(document.printBody ?? []) } }
        }
        times.measure(.write) { printWriter.finish() }
        writeSearchIndexAndFeeds(facts, into: output)
        return problems + copyAttachments(to: output)
    }

    /// Renders every file like `render(into:)`, keeping the pages made from
    /// every text with what they were made from, so that after an edit to
    /// some texts only their pages and those need rendering again.
    func renderKeepingTexts(into output: any SiteOutput) -> ([Diagnostic], TextPages) {
        renderPagesWithoutBodies(into: output)
        var texts = RenderedTexts(count: site.documents.count)
        let problems = renderDocuments(Array(site.documents.indices), into: output, texts: &texts)
        let pages = times.measure(.render) { TextPages(renderer: self, texts: texts) }
        for file in pages.files(renderer: self) + (templates?.assets ?? []) { write(file, to: output) }
        return (problems + copyAttachments(to: output), pages)
    }

    /// Renders the pages of the documents at `positions` into `output`, and
    /// puts what their texts give the other pages into `texts`.
    func renderDocuments(_ positions: [Int], into output: any SiteOutput, texts: inout RenderedTexts) -> [Diagnostic] {
        guard let templates else { return [] }
        return renderDocuments(positions, into: output, templates: templates) { position, document in
            texts.facts[position] = document.facts
            texts.printBodies[position] = document.printBody
        }
    }

    /// The print page's documents and context.
    var printPage: PrintPage { PrintPage(frame: frame()) }

    /// Renders every file of the site into memory, like `render(into:)`.
    func render() -> ([OutputFile], [Diagnostic]) {
        let collected = CollectedSite()
        let problems = render(into: collected)
        return (collected.files, problems)
    }

    /// Renders one page that shows no body.
    func render(_ page: Page) -> OutputFile {
        times.measure(.render) {
            let (template, context) = self.context(for: page)
            return OutputFile(path: SitePath.file(for: address(of: page)), bytes: templates?.render(template, context) ?? [])
        }
    }

    /// The template that renders `page`, and its context; a document's page is given `body`.
    func context(for page: Page, body: TemplateValue = .text("")) -> (template: String, context: TemplateRecord) {
        let frame = self.frame()
        let listings = ListingPages(frame: frame)
        let discovery = DiscoveryPages(frame: frame)
        switch page {
        case .home: return ("home", listings.home())
        case .document(let position):
            return (site.documents[position].kind.rawValue, DocumentPage(frame: frame, position: position).context(body: body))
        case .listing(.theme): return (SiteRenderer.listTemplate(.theme), listings.themesIndex())
        case .listing(.job): return (SiteRenderer.listTemplate(.job), listings.careerFramework())
        case .listing(let kind): return (SiteRenderer.listTemplate(kind), listings.listing(kind))
        case .topics: return ("list-topics", listings.topicsIndex())
        case .topic(let index): return ("topic", listings.topic(index))
        case .search: return ("search", discovery.search())
        case .timeline: return ("timeline", discovery.timeline())
        case .actions: return ("actions", discovery.actions())
        case .print: return ("print", PrintPage(frame: frame).context(body: { _ in .text("") }))
        case .notFound:
            let base = site.configuration.baseURL.map(SiteRenderer.path(of:)) ?? "/"
            return ("404", DiscoveryPages(frame: PageFrame(site: site, linkBase: base, customStylesheet: frame.customStylesheet,
                                                           itemFaces: itemFaces)).notFound())
        }
    }

    /// The path part of a base URL: `https://example.org/compendium/` → `/compendium/`.
    static func path(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[scheme.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    private static func listTemplate(_ kind: Kind) -> String { "list-" + kind.folder }
}

/// What each document's text gives the pages made from every text: the
/// print page, the search index and the feed, by position.
struct RenderedTexts: Sendable {
    /// Each body as the print page shows it, for the documents it holds.
    var printBodies: [[UInt8]?]
    var facts: [SiteRenderer.TextFacts]

    init(count: Int) {
        printBodies = Array(repeating: nil, count: count)
        facts = Array(repeating: SiteRenderer.TextFacts(), count: count)
    }
}

extension SiteRenderer {
    /// What a document's text gives the files rendered after every page.
    struct TextFacts: Sendable, Hashable {
        /// The start of its text, for the search index.
        var excerpt = ""
        /// The start of its text, for a feed entry when it has no summary.
        var feedSummary: String?
    }
}

private extension SiteRenderer {
    /// What rendering one document's body gave.
    struct RenderedDocument: Sendable {
        var facts = TextFacts()
        /// Its body as the print page shows it, when the page holds it.
        var printBody: [UInt8]?
        var problem: Diagnostic?
    }

    func frame() -> PageFrame {
        PageFrame(site: site, customStylesheet: templates?.hasCustomStylesheet ?? false, itemFaces: itemFaces,
                  kindParts: kindParts)
    }

    func write(_ file: OutputFile, to output: any SiteOutput) {
        times.measure(.write) { output.add(file) }
    }

    func renderPagesWithoutBodies(into output: any SiteOutput) {
        renderPagesWithoutBodies(into: output) {}
    }

    /// Renders the pages that show no body, on every core, with `other` as
    /// one more piece of the work, and returns what `other` gives. The topic
    /// pages that list the most documents go first, so that no core is
    /// left with a long page at the end while the other waits.
    func renderPagesWithoutBodies<Other: Sendable>(into output: any SiteOutput,
                                                   alongside other: @Sendable () -> Other) -> Other {
        var pages = self.pages.filter { page in
            if case .document = page { return false }
            if case .topic = page { return false }
            return page != .print
        }
        pages += site.topics.indices.sorted { site.topics[$0].documents.count > site.topics[$1].documents.count }
            .map(Page.topic)
        return pages.parallelMap({ page in write(render(page), to: output) }, alongside: other).1
    }

    func writeSearchIndexAndFeeds(_ facts: [TextFacts], into output: any SiteOutput) {
        times.measure(.render) { SearchIndex.write(for: site, excerpts: facts.map { $0.excerpt }, into: output, batchSize: 4 * batchSize) }
        for file in SiteFeeds.files(for: site, textSummaries: facts.map { $0.feedSummary }) + (templates?.assets ?? []) {
            write(file, to: output)
        }
    }

    /// Renders the pages of the documents at `positions`, in that order, a
    /// batch at a time on every core; `received` is given each document's
    /// outcome, in order, one batch at a time: while the next batch is
    /// rendered, as one more piece of its work, and after the last.
    /// Returns the problems met.
    func renderDocuments(_ positions: [Int], into output: any SiteOutput, templates: TemplateSet,
                         received: (Int, RenderedDocument) -> Void) -> [Diagnostic] {
        let placements = BodyPlacements(site: site)
        return withoutActuallyEscaping(received) { received in
            // Only one piece of a batch's work hands over the batch before it,
            // and the batches follow each other, so `received` is never called twice at once.
            nonisolated(unsafe) let receive = received
            nonisolated(unsafe) var problems: [Diagnostic] = []
            nonisolated(unsafe) var waiting: [(position: Int, document: RenderedDocument)] = []
            let handOver: @Sendable () -> Void = {
                for (position, document) in waiting {
                    if let problem = document.problem { problems.append(problem) }
                    receive(position, document)
                }
                waiting = []
            }
            let batches = stride(from: 0, to: positions.count, by: batchSize).map { start in
                Array(positions[start..<min(positions.count, start + batchSize)])
            }
            for (number, batch) in batches.enumerated() {
                // The folders of the next batch's pages are made while this batch renders.
                let next = number + 1 < batches.count ? batches[number + 1].map { SitePath.file(for: site.address(of: $0)) } : []
                let (rendered, _) = batch.parallelMap({ position in
                    renderDocument(position, placements: placements, into: output, templates: templates)
                }, alongside: {
                    handOver()
                    times.measure(.write) { output.prepare(next) }
                })
                waiting = Array(zip(batch, rendered))
            }
            handOver()
            return problems
        }
    }

    /// Renders the document's body for its own page (written to `output`)
    /// and for the print page, from the body rendered ahead when there is one
    /// and from its text read again otherwise, and notes what the search index and feed need.
    func renderDocument(_ position: Int, placements: BodyPlacements, into output: any SiteOutput,
                        templates: TemplateSet) -> RenderedDocument {
        let document = site.documents[position]
        let answers = placements.answers(position)
        let shown = [placements.ownPage(position)] + [placements.printPage(position)].compactMap { $0 }
        let ahead = marked.flatMap { marked in times.measure(.load) { marked.body(at: position) } }
        let rendered: RenderedBody
        if let filled = ahead.flatMap({ ahead in times.measure(.render) { ahead.render(answers: answers, placements: shown) } }) {
            rendered = filled
        } else {
            let text = site.texts[position]
            switch times.measure(.load, { text.read() }) {
            case .success(let body):
                rendered = times.measure(.render) {
                    watch?.begin(document.file)
                    defer { watch?.end(document.file) }
                    return MarkdownRenderer.render(body, firstLine: document.bodyFirstLine, anchor: LinkResolver.anchor,
                                                   answers: answers, placements: shown)
                }
            case .failure(let failure):
                return RenderedDocument(problem: text.diagnostic(for: failure))
            }
        }
        let file = times.measure(.render) { () -> (OutputFile, RenderedDocument) in
            // The body is written into the page where the template shows it, as it is, without a copy as text.
            let (template, context) = self.context(for: .document(position), body: .hole(0))
            var result = RenderedDocument(printBody: rendered.pages.count > 1 ? rendered.pages[1] : nil)
            if document.contentNotes.isEmpty { result.facts.excerpt = SearchIndex.excerpt(rendered.plainText) }
            if SiteFeeds.mayNeedTextSummary(document) { result.facts.feedSummary = SiteFeeds.textSummary(rendered.plainText) }
            let bytes = templates.render(template, context) { _, page in page += rendered.pages[0] }
            let page = OutputFile(path: SitePath.file(for: site.address(of: position)), bytes: bytes)
            return (page, result)
        }
        write(file.0, to: output)
        return file.1
    }

    /// The content's attachments, read from their files and added as they are.
    func copyAttachments(to output: any SiteOutput) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for attachment in site.attachments {
            do {
                let bytes = try times.measure(.load) { try attachment.read() }
                write(OutputFile(path: attachment.relativePath, bytes: bytes), to: output)
            } catch {
                problems.append(Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: attachment.displayPath)))
            }
        }
        return problems
    }
}
