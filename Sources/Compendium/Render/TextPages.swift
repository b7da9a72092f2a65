/// The pages made from every document's text (the print page, the search
/// index and the feed) with what they were made from, kept by
/// `compendium serve` so that after an edit to a few texts they are written
/// again without rendering every other text again.
struct TextPages: Sendable {
    /// What each document's text gave these pages.
    private(set) var texts: RenderedTexts
    /// The print page without its bodies; `nil` for a template set that cannot have one.
    private let skeleton: PrintSkeleton?
    /// The print page's documents, in its order.
    private let printOrder: [Int]
    /// Each document's entry in the search index, by position.
    private var entries: [[UInt8]]

    /// The pages of the site `renderer` renders, made from `texts`.
    init(renderer: SiteRenderer, texts: RenderedTexts) {
        self.texts = texts
        let page = renderer.printPage
        printOrder = page.order
        skeleton = renderer.templates.flatMap { PrintSkeleton(page: page, templates: $0) }
        let site = renderer.site
        entries = Array(site.documents.indices).parallelMap { SearchIndex.entry(for: $0, in: site, excerpt: texts.facts[$0].excerpt) }
    }

    /// Every one of the pages.
    func files(renderer: SiteRenderer) -> [OutputFile] {
        [printFile(renderer: renderer), SearchIndex.file(for: renderer.site, entries: entries)] + feedFiles(renderer: renderer)
    }

    /// Takes the texts of the documents at `edited` from `updated`, and
    /// returns those of the pages that change.
    mutating func update(_ updated: RenderedTexts, edited: [Int], renderer: SiteRenderer) -> [OutputFile] {
        var files: [OutputFile] = []
        let before = texts
        for position in edited {
            texts.printBodies[position] = updated.printBodies[position]
            texts.facts[position] = updated.facts[position]
        }
        if edited.contains(where: { before.printBodies[$0] != texts.printBodies[$0] }) {
            files.append(printFile(renderer: renderer))
        }
        let newExcerpts = edited.filter { before.facts[$0].excerpt != texts.facts[$0].excerpt }
        for position in newExcerpts {
            entries[position] = SearchIndex.entry(for: position, in: renderer.site, excerpt: texts.facts[position].excerpt)
        }
        if !newExcerpts.isEmpty { files.append(SearchIndex.file(for: renderer.site, entries: entries)) }
        if edited.contains(where: { before.facts[$0].feedSummary != texts.facts[$0].feedSummary }) {
            files += feedFiles(renderer: renderer)
        }
        return files
    }

    private func printFile(renderer: SiteRenderer) -> OutputFile {
        let bodies = printOrder.map { texts.printBodies[$0] ?? [] }
        if let skeleton { return OutputFile(path: PrintPageWriter.path, bytes: skeleton.filled(with: bodies)) }
        guard let templates = renderer.templates else { return OutputFile(path: PrintPageWriter.path, bytes: []) }
        return PrintPageWriter.wholePage(renderer.printPage, bodies: bodies, templates: templates)
    }

    private func feedFiles(renderer: SiteRenderer) -> [OutputFile] {
        SiteFeeds.files(for: renderer.site, textSummaries: texts.facts.map(\.feedSummary))
    }
}
